// Integration tests of resident requests: POST /api/v1/requests (strict per-kind checks) and
// GET /api/v1/requests/<id> with the token, over real HTTP against the real server.
#include <doctest/doctest.h>

#include <chrono>
#include <nlohmann/json.hpp>

#include "db.hpp"
#include "digest.hpp"
#include "request_helpers.hpp"
#include "validate.hpp"

using nlohmann::json;

namespace {
int64_t unix_now() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}
json error_of(const httplib::Result& res) { return json::parse(res->body)["error"]; }
}  // namespace

TEST_CASE("a question is stored and its token shows it with its status history") {
    testing::ServerProcess server;
    auto refs = testing::demo_refs(server);
    auto c = server.client();
    auto res = testing::post_request(c, testing::question_body(refs));
    REQUIRE(res);
    REQUIRE(res->status == 201);
    auto created = json::parse(res->body);
    CHECK(created["status"] == "submitted");
    const std::string token = created["token"];
    CHECK(token.size() == 43);
    CHECK(created["number"].get<std::string>().rfind("Q-", 0) == 0);
    const std::string id = std::to_string(created["id"].get<int64_t>());

    auto got = c.Get(("/api/v1/requests/" + id).c_str(), {{"Authorization", "Bearer " + token}});
    REQUIRE(got);
    REQUIRE(got->status == 200);
    CHECK(got->get_header_value("Cache-Control") == "no-store");
    auto r = json::parse(got->body);
    CHECK(r["number"] == created["number"]);
    CHECK(r["kind"] == "question");
    CHECK(r["item_id"] == refs.item_id);
    CHECK(r["doorplate"] == refs.doorplate);
    CHECK(r["area_id"] == refs.area_id);
    CHECK(r["contact"]["name"] == "张三");
    CHECK(r["contact"]["phone"] == "13800138000");  // the resident's own token: not masked
    CHECK(r["payload"]["text"] == "我想问一下需要带什么材料？");
    CHECK(r["status_label"] == "待受理");
    REQUIRE(r["events"].size() == 1);
    CHECK(r["events"][0]["status"] == "submitted");
    CHECK(r["events"][0]["actor"] == "resident");

    auto by_query = c.Get(("/api/v1/requests/" + id + "?token=" + token).c_str());
    REQUIRE(by_query);
    CHECK(by_query->status == 200);
}

TEST_CASE("the database keeps the token's SHA-256 and never the token itself") {
    testing::ServerProcess server;
    auto refs = testing::demo_refs(server);
    auto c = server.client();
    auto created = json::parse(testing::post_request(c, testing::question_body(refs))->body);
    const std::string token = created["token"];
    dp::Db db(server.db_path().string());
    dp::Stmt q(db, "SELECT token_hash, payload, contact_phone FROM requests WHERE id = ?");
    q.bind(1, created["id"].get<int64_t>());
    REQUIRE(q.step());
    CHECK(q.text(0) == dp::digest::sha256_hex(token));
    dp::Stmt any(db, "SELECT COUNT(*) FROM requests WHERE token_hash = ? OR payload LIKE ?");
    any.bind(1, token).bind(2, "%" + token + "%");
    any.step();
    CHECK(any.int64(0) == 0);
}

TEST_CASE("a wrong or missing token gets the same 404 as a request that does not exist") {
    testing::ServerProcess server;
    auto refs = testing::demo_refs(server);
    auto c = server.client();
    auto created = json::parse(testing::post_request(c, testing::question_body(refs))->body);
    const std::string id = std::to_string(created["id"].get<int64_t>());
    const std::string wrong = std::string(43, 'A');
    std::vector<httplib::Result> answers;
    answers.push_back(c.Get(("/api/v1/requests/" + id).c_str()));
    answers.push_back(c.Get(("/api/v1/requests/" + id).c_str(), {{"Authorization", "Bearer " + wrong}}));
    answers.push_back(c.Get(("/api/v1/requests/" + id + "?token=" + wrong).c_str()));
    answers.push_back(c.Get("/api/v1/requests/999999", {{"Authorization", "Bearer " + wrong}}));
    answers.push_back(c.Get("/api/v1/requests/abc", {{"Authorization", "Bearer " + wrong}}));
    for (auto& a : answers) {
        REQUIRE(a);
        CHECK(a->status == 404);
        CHECK(a->body == answers[0]->body);
    }
    CHECK(error_of(answers[0])["code"] == "request_not_found");
}

TEST_CASE("each kind of request has its own payload checks") {
    testing::ServerProcess server({"--demo", "--rate-limit", "0"});
    auto refs = testing::demo_refs(server);
    REQUIRE(!refs.material_id.empty());
    auto c = server.client();
    auto body = testing::question_body(refs);

    SUBCASE("a question needs a non-empty text of at most 2,000 characters") {
        body["payload"] = {{"text", "   "}};
        auto res = testing::post_request(c, body);
        CHECK(res->status == 400);
        CHECK(error_of(res)["fields"]["payload.text"] == dp::validate_text("   ", "要咨询的问题", 2000).message);
        std::string long_text;
        for (int i = 0; i < 2001; ++i) long_text += "字";
        body["payload"] = {{"text", long_text}};
        res = testing::post_request(c, body);
        CHECK(res->status == 400);
        CHECK(error_of(res)["fields"].contains("payload.text"));
        body["payload"] = {{"text", long_text.substr(3)}};
        CHECK(testing::post_request(c, body)->status == 201);
    }
    SUBCASE("a pre-review names materials of the item, each once") {
        body["kind"] = "prereview";
        body["payload"] = {{"materials", json::array({refs.material_id})}, {"note", "请帮我看看"}};
        CHECK(testing::post_request(c, body)->status == 201);
        body["payload"] = {{"materials", json::array({"no-such-material"})}};
        auto res = testing::post_request(c, body);
        CHECK(res->status == 400);
        CHECK(error_of(res)["fields"].contains("payload.materials[0]"));
        body["payload"] = {{"materials", json::array()}};
        CHECK(error_of(testing::post_request(c, body))["fields"]["payload.materials"] == "请至少选择一项要预审的材料");
        body["payload"] = {{"materials", json::array({refs.material_id, refs.material_id})}};
        CHECK(error_of(testing::post_request(c, body))["fields"].contains("payload.materials[1]"));
    }
    SUBCASE("a proxy application needs an ID number, an address and agreement to the proxy terms") {
        body["kind"] = "proxy";
        body["payload"] = {{"address", "南安市溪美街道成功街1号"}, {"agree", false}};
        auto res = testing::post_request(c, body);
        CHECK(res->status == 400);
        auto fields = error_of(res)["fields"];
        CHECK(fields["id_number"] == "代办需要填写申请人的身份证号码");
        CHECK(fields["payload.agree"] == "请阅读并同意代办协议");
        body["id_number"] = "11010519491231002X";
        body["payload"]["agree"] = true;
        auto ok = testing::post_request(c, body);
        REQUIRE(ok->status == 201);
        auto created = json::parse(ok->body);
        auto got = json::parse(c.Get(("/api/v1/requests/" + std::to_string(created["id"].get<int64_t>())).c_str(),
                                     {{"Authorization", "Bearer " + created["token"].get<std::string>()}})
                                   ->body);
        CHECK(got["id_number"] == "11010519491231002X");
        CHECK(got["payload"]["agree"] == true);
    }
    SUBCASE("a video call needs a slot in the future") {
        body["kind"] = "video";
        body["payload"] = {{"slot_at", unix_now() - 3600}};
        auto res = testing::post_request(c, body);
        CHECK(res->status == 400);
        CHECK(error_of(res)["fields"]["payload.slot_at"] == "视频连线的时间应在 10 分钟以后");
        body["payload"] = {{"slot_at", unix_now() + 86400}, {"topic", "社保转移"}};
        CHECK(testing::post_request(c, body)->status == 201);
    }
}

TEST_CASE("name, phone and ID number are checked with the app's validators and messages") {
    testing::ServerProcess server({"--demo", "--rate-limit", "0"});
    auto refs = testing::demo_refs(server);
    auto c = server.client();
    auto body = testing::question_body(refs);
    body["contact"] = {{"name", "Zhang3"}, {"phone", "1380013800"}};
    body["id_number"] = "110105194912310021";
    auto res = testing::post_request(c, body);
    REQUIRE(res->status == 400);
    auto err = error_of(res);
    CHECK(err["code"] == "invalid");
    CHECK(err["fields"]["contact.name"] == dp::validate_person_name("Zhang3").message);
    CHECK(err["fields"]["contact.phone"] == dp::validate_mobile("1380013800").message);
    CHECK(err["fields"]["id_number"] == dp::validate_id_card("110105194912310021", {2024, 1, 1}).message);
    CHECK(err["message"].get<std::string>().find("请检查") == 0);

    body["contact"] = {{"name", "  欧阳・娜娜 "}, {"phone", "+86 138-0013-8000"}};
    body.erase("id_number");
    auto ok = testing::post_request(c, body);
    REQUIRE(ok->status == 201);
    auto created = json::parse(ok->body);
    auto got = json::parse(c.Get(("/api/v1/requests/" + std::to_string(created["id"].get<int64_t>())).c_str(),
                                 {{"Authorization", "Bearer " + created["token"].get<std::string>()}})
                               ->body);
    CHECK(got["contact"]["name"] == "欧阳·娜娜");
    CHECK(got["contact"]["phone"] == "13800138000");
    CHECK(got["id_number"].is_null());
}

TEST_CASE("an unknown item, kind or doorplate is a 400 naming the field") {
    testing::ServerProcess server({"--demo", "--rate-limit", "0"});
    auto refs = testing::demo_refs(server);
    auto c = server.client();
    auto body = testing::question_body(refs);
    body["item_id"] = "no-such-item";
    body["doorplate"] = "ZZZZZZZ";
    body["kind"] = "phone-call";
    auto res = testing::post_request(c, body);
    REQUIRE(res->status == 400);
    auto fields = error_of(res)["fields"];
    CHECK(fields["item_id"] == "没有找到这个事项");
    CHECK(fields["doorplate"] == "没有找到这个门牌");
    CHECK(fields["kind"].get<std::string>().find("question") != std::string::npos);
}

TEST_CASE("unknown fields and wrong types are refused with a 400 that names the field") {
    testing::ServerProcess server({"--demo", "--rate-limit", "0"});
    auto refs = testing::demo_refs(server);
    auto c = server.client();
    struct Case {
        const char* what;
        std::function<void(json&)> edit;
        const char* code;
        const char* field;
    };
    const std::vector<Case> cases = {
        {"top-level extra", [](json& b) { b["admin"] = true; }, "unknown_field", "admin"},
        {"contact extra", [](json& b) { b["contact"]["email"] = "a@b.c"; }, "unknown_field", "contact.email"},
        {"payload extra", [](json& b) { b["payload"]["html"] = "<b>"; }, "unknown_field", "payload.html"},
        {"number as kind", [](json& b) { b["kind"] = 3; }, "bad_type", "kind"},
        {"array as contact", [](json& b) { b["contact"] = json::array(); }, "bad_type", "contact"},
        {"number as phone", [](json& b) { b["contact"]["phone"] = 13800138000LL; }, "bad_type", "contact.phone"},
        {"object as text", [](json& b) { b["payload"]["text"] = json::object(); }, "bad_type", "payload.text"},
    };
    for (auto& k : cases) {
        auto body = testing::question_body(refs);
        k.edit(body);
        auto res = testing::post_request(c, body);
        REQUIRE(res);
        CHECK_MESSAGE(res->status == 400, k.what);
        auto err = error_of(res);
        CHECK_MESSAGE(err["code"] == k.code, k.what);
        CHECK_MESSAGE(err["fields"].contains(k.field), k.what);
    }
    dp::Db db(server.db_path().string());
    dp::Stmt n(db, "SELECT COUNT(*) FROM requests");
    n.step();
    CHECK(n.int64(0) == 0);
}
