// Integration tests of masking over real HTTP: the desk list, one request and the CSV export show
// phones and ID numbers masked; reveal returns the clear value and writes an audit row; the server's
// log never carries a clear phone or ID number.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "auth_fixtures.hpp"

using nlohmann::json;
using namespace testing;

namespace {
const char* kPhone = "13812345678";
const char* kId = "35058319900101123X";

RequestFields with_personal_payload() {
    RequestFields f;
    f.payload = R"({"question":"我的身份证35058319900101123X丢了，电话13812345678","phone":13812345678})";
    return f;
}
}  // namespace

TEST_CASE("the desk list and one request show the phone and the ID number masked") {
    AuthServer s;
    auto c = s.client();
    const TestRequest x = insert_request(s.server.db_path(), with_personal_payload());
    const std::string token = login(c, kXimeiAgent, kXimeiPassword);
    auto list = c.Get("/api/v1/desk/requests", bearer(token));
    REQUIRE(list->status == 200);
    auto item = json::parse(list->body)["requests"][0];
    CHECK(item["contact_phone"] == "138****5678");
    CHECK(item["id_number"] == "350583********123X");
    CHECK(item["contact_name"] == "张三");
    CHECK(list->body.find(kPhone) == std::string::npos);
    CHECK(list->body.find(kId) == std::string::npos);
    CHECK(list->get_header_value("Cache-Control") == "no-store");

    auto one = c.Get(("/api/v1/desk/requests/" + std::to_string(x.id)).c_str(), bearer(token));
    REQUIRE(one->status == 200);
    auto r = json::parse(one->body)["request"];
    CHECK(r["contact_phone"] == "138****5678");
    CHECK(r["id_number"] == "350583********123X");
    CHECK(r["payload"]["phone"] == "138****5678");  // personal data inside the payload is masked too
    CHECK(r["payload"]["question"].get<std::string>().find("350583********123X") != std::string::npos);
    CHECK(one->body.find(kPhone) == std::string::npos);
    CHECK(one->body.find(kId) == std::string::npos);
}

TEST_CASE("a request without an ID number shows null, and revealing it is a 404") {
    AuthServer s;
    auto c = s.client();
    RequestFields f;
    f.id_number.reset();
    const TestRequest x = insert_request(s.server.db_path(), f);
    const std::string token = login(c, kSupervisor, kSupervisorPassword);
    auto r = json::parse(c.Get(("/api/v1/desk/requests/" + std::to_string(x.id)).c_str(), bearer(token))->body);
    CHECK(r["request"]["id_number"].is_null());
    auto rev = post_json(c, "/api/v1/desk/requests/" + std::to_string(x.id) + "/reveal",
                         {{"field", "id_number"}, {"reason", "核对身份"}}, bearer(token));
    CHECK(rev->status == 404);
}

TEST_CASE("the CSV export masks phones, ID numbers and names") {
    AuthServer s;
    auto c = s.client();
    insert_request(s.server.db_path(), with_personal_payload());
    RequestFields formula;
    formula.contact_name = "=HYPERLINK(\"http://evil\")";
    insert_request(s.server.db_path(), formula);
    const std::string token = login(c, kXimeiAgent, kXimeiPassword);
    auto r = c.Get("/api/v1/desk/requests.csv", bearer(token));
    REQUIRE(r->status == 200);
    CHECK(r->get_header_value("Content-Type") == "text/csv; charset=utf-8");
    CHECK(r->get_header_value("Content-Disposition").find("attachment") == 0);
    CHECK(r->body.find("编号,类型,状态") != std::string::npos);
    CHECK(r->body.find("138****5678") != std::string::npos);
    CHECK(r->body.find("350583********123X") != std::string::npos);
    CHECK(r->body.find("张*") != std::string::npos);
    CHECK(r->body.find(kPhone) == std::string::npos);
    CHECK(r->body.find(kId) == std::string::npos);
    CHECK(r->body.find("张三") == std::string::npos);
    CHECK(r->body.find(",=") == std::string::npos);  // no cell starts a spreadsheet formula
}

TEST_CASE("reveal returns the clear value and writes an audit row with who, what and why") {
    AuthServer s;
    auto c = s.client();
    const TestRequest x = insert_request(s.server.db_path());
    const std::string token = login(c, kXimeiAgent, kXimeiPassword);
    const std::string path = "/api/v1/desk/requests/" + std::to_string(x.id) + "/reveal";
    auto phone = post_json(c, path, {{"field", "contact_phone"}, {"reason", "回电告知补件"}}, bearer(token));
    REQUIRE(phone->status == 200);
    CHECK(json::parse(phone->body)["value"] == kPhone);
    auto id = post_json(c, path, {{"field", "id_number"}, {"reason", "核对代办协议上的身份证号"}}, bearer(token));
    REQUIRE(id->status == 200);
    CHECK(json::parse(id->body)["value"] == kId);

    const std::string sup = login(c, kSupervisor, kSupervisorPassword);
    auto audit = json::parse(c.Get("/api/v1/admin/audit?limit=100", bearer(sup))->body);
    std::vector<json> reveals;
    for (auto& e : audit["entries"])
        if (e["action"] == "reveal") reveals.push_back(e);
    REQUIRE(reveals.size() == 2);
    // Newest first: the ID number, then the phone.
    CHECK(reveals[0]["username"] == kXimeiAgent);
    CHECK(reveals[0]["target_type"] == "request");
    CHECK(reveals[0]["target_id"] == std::to_string(x.id));
    CHECK(reveals[0]["detail"]["field"] == "id_number");
    CHECK(reveals[0]["detail"]["reason"] == "核对代办协议上的身份证号");
    CHECK(reveals[1]["detail"]["field"] == "contact_phone");
    CHECK(reveals[0]["at"].get<int64_t>() > 0);
    // The audit log itself never holds the clear values.
    CHECK(audit.dump().find(kPhone) == std::string::npos);
    CHECK(audit.dump().find(kId) == std::string::npos);
}

TEST_CASE("reveal without a reason, with a long reason or an unknown field is a 400") {
    AuthServer s;
    auto c = s.client();
    const TestRequest x = insert_request(s.server.db_path());
    const std::string token = login(c, kXimeiAgent, kXimeiPassword);
    const std::string path = "/api/v1/desk/requests/" + std::to_string(x.id) + "/reveal";
    auto none = post_json(c, path, {{"field", "contact_phone"}}, bearer(token));
    CHECK(none->status == 400);
    CHECK(json::parse(none->body)["error"]["code"] == "reason_required");
    CHECK(post_json(c, path, {{"field", "contact_phone"}, {"reason", "   "}}, bearer(token))->status == 400);
    std::string long_reason;
    for (int i = 0; i < 201; ++i) long_reason += "长";
    CHECK(post_json(c, path, {{"field", "contact_phone"}, {"reason", long_reason}}, bearer(token))->status == 400);
    CHECK(post_json(c, path, {{"field", "contact_name"}, {"reason", "好奇"}}, bearer(token))->status == 400);
    CHECK(c.Post(path.c_str(), bearer(token), "[1,2]", "application/json")->status == 400);
    // None of these revealed anything, so none was audited as a reveal.
    dp::Db db(s.server.db_path().string());
    auto l = db.lock();
    dp::Stmt q(db, "SELECT COUNT(*) FROM audit_log WHERE action = 'reveal'");
    q.step();
    CHECK(q.int64(0) == 0);
}

TEST_CASE("every agent read is audited: list, one request, export") {
    AuthServer s;
    auto c = s.client();
    const TestRequest x = insert_request(s.server.db_path());
    const std::string token = login(c, kXimeiAgent, kXimeiPassword);
    c.Get("/api/v1/desk/requests", bearer(token));
    c.Get(("/api/v1/desk/requests/" + std::to_string(x.id)).c_str(), bearer(token));
    c.Get("/api/v1/desk/requests.csv", bearer(token));
    dp::Db db(s.server.db_path().string());
    auto l = db.lock();
    dp::Stmt q(db, "SELECT action, target_id FROM audit_log WHERE user_id IS NOT NULL AND action LIKE 'request_%' ORDER BY id");
    std::vector<std::string> seen;
    while (q.step()) seen.push_back(q.text(0) + ":" + q.text(1));
    CHECK(seen == std::vector<std::string>{"request_list:", "request_read:" + std::to_string(x.id), "request_export:"});
}

TEST_CASE("the server's log never carries a clear phone or ID number") {
    AuthServer s({"--log-level", "debug"});
    auto c = s.client();
    const TestRequest x = insert_request(s.server.db_path(), with_personal_payload());
    // Requests that carry them: a phone or ID number typed as a username, a reveal reason, the
    // validator, and an upload by the resident.
    post_json(c, "/api/v1/auth/login", {{"username", kPhone}, {"password", "wrong-password"}});
    post_json(c, "/api/v1/auth/login", {{"username", kId}, {"password", "wrong-password"}});
    const std::string token = login(c, kXimeiAgent, kXimeiPassword);
    post_json(c, "/api/v1/desk/requests/" + std::to_string(x.id) + "/reveal",
              {{"field", "id_number"}, {"reason", std::string("居民来电 ") + kPhone + " 要求核对 " + kId}}, bearer(token));
    post_json(c, "/api/v1/desk/requests/" + std::to_string(x.id) + "/reveal",
              {{"field", "contact_phone"}, {"reason", "回电"}}, bearer(token));
    c.Get((std::string("/api/v1/validate?kind=id_card&value=") + kId).c_str());
    upload(c, x.id, bearer(x.token), png_bytes("log"));
    s.server.stop();
    const std::string log = s.log_text();
    CHECK(log.find("login_failed") != std::string::npos);  // the failures were logged …
    CHECK(log.find("138****5678") != std::string::npos);   // … with the phone masked
    CHECK(log.find(kPhone) == std::string::npos);
    CHECK(log.find(kId) == std::string::npos);
    CHECK(log.find("35058319900101123") == std::string::npos);
    // The audit rows (reason included) are scrubbed the same way.
    dp::Db db(s.server.db_path().string());
    auto l = db.lock();
    dp::Stmt q(db, "SELECT group_concat(target_id || detail, ' ') FROM audit_log");
    q.step();
    CHECK(q.text(0).find(kPhone) == std::string::npos);
    CHECK(q.text(0).find(kId) == std::string::npos);
    CHECK(q.text(0).find("350583********123X") != std::string::npos);
}
