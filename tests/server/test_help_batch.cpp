// Batch proxy over real HTTP: a CSV of people for one item gives a per-row report (row, field,
// Chinese message); good rows become proxy cases assigned to the caller; a dry run creates nothing;
// bad rows never block good ones; doorplates outside the agent's area are reported.
#include <doctest/doctest.h>

#include "help_fixtures.hpp"

using nlohmann::json;
using namespace testing;

namespace {
std::string id_of(const std::string& first17) { return first17 + dp::id_card_check_char(first17); }
}  // namespace

TEST_CASE("batch proxy: per-row report, dry run, created cases, other-area doorplates, idempotent retry") {
    HelpServer s;
    Desk d(s);
    auto c = s.client();
    const std::string xm = s.doorplate_in(kXimeiTown), st = s.doorplate_in(kShuitouTown);
    const std::string item = s.item_with_materials().id;
    const std::string bad_id = std::string("35058319900101123") + (dp::id_card_check_char("35058319900101123") == '0' ? '1' : '0');
    const std::string csv = "姓名,身份证号码,手机号码,门牌码,取件方式,邮寄地址\n"
                            "张三," + id_of("35058319900101123") + ",13800138000," + xm + ",领取,\n"
                            "李四," + bad_id + ",1380013800," + xm + ",邮寄,\n"
                            "王五," + id_of("35058319851231001") + ",13800138002," + xm + ",邮寄,泉州市丰泽区 8 号\n"
                            "赵六," + id_of("35058319700505002") + ",13800138003," + st + ",,\n"
                            "钱七," + id_of("35058319700505003") + ",13800138004,NOPE123,,\n";
    const json body = {{"item_id", item}, {"csv", csv}, {"dry_run", true}};
    auto r = post(c, "/api/v1/desk/batch-proxy", body, bearer(d.ximei));
    REQUIRE_MESSAGE(r->status == 200, r->body);
    auto rep = body_of(r);
    CHECK(rep["dry_run"] == true);
    CHECK(rep["rows"] == 5);
    CHECK(rep["valid"] == 2);
    CHECK(rep["invalid"] == 3);
    CHECK(rep["created"].empty());
    auto report = rep["report"];
    REQUIRE(report.size() == 5);
    CHECK(report[0]["row"] == 3);
    CHECK(report[0]["field"] == "id_number");
    CHECK(report[0]["label"] == "身份证号码");
    CHECK(report[0]["message"] == dp::validate_id_card(bad_id, {2025, 6, 11}).message);
    CHECK(report[1]["row"] == 3);
    CHECK(report[1]["field"] == "phone");
    CHECK(report[2]["field"] == "delivery_address");
    CHECK(report[3]["row"] == 5);
    CHECK(report[3]["message"] == "这个门牌不在您负责的区域");
    CHECK(report[4]["row"] == 6);
    CHECK(report[4]["message"] == "没有找到这个门牌");
    // The report carries messages, never the values.
    CHECK(r->body.find(bad_id) == std::string::npos);
    const int64_t before = count_rows(s, "SELECT COUNT(*) FROM requests");

    json real = body;
    real["dry_run"] = false;
    r = post(c, "/api/v1/desk/batch-proxy", real, bearer(d.ximei), "batch-1");
    REQUIRE_MESSAGE(r->status == 201, r->body);
    rep = body_of(r);
    REQUIRE(rep["created"].size() == 2);
    CHECK(rep["created"][0]["row"] == 2);
    CHECK(rep["created"][1]["row"] == 4);
    CHECK(count_rows(s, "SELECT COUNT(*) FROM requests") == before + 2);
    // A retry creates nothing more.
    auto again = post(c, "/api/v1/desk/batch-proxy", real, bearer(d.ximei), "batch-1");
    CHECK(again->get_header_value("Idempotent-Replay") == "true");
    CHECK(count_rows(s, "SELECT COUNT(*) FROM requests") == before + 2);
    // Each case is a proxy request assigned to the caller with its form filled; the resident token works.
    const Created one{rep["created"][1]["id"].get<int64_t>(), rep["created"][1]["token"], rep["created"][1]["number"]};
    auto v = resident_view(c, one);
    CHECK(v["kind"] == "proxy");
    CHECK(v["status"] == "assigned");
    CHECK(v["agent_id"] == user_id_of(c, d.ximei));
    CHECK(v["proxy"]["form"]["handover"] == "delivery");
    CHECK(v["proxy"]["form"]["name"] == "王五");
    CHECK(v["proxy"]["batch_id"].get<std::string>().rfind("B-", 0) == 0);
    auto first = resident_view(c, {rep["created"][0]["id"].get<int64_t>(), rep["created"][0]["token"], ""});
    CHECK(first["proxy"]["form"]["address"].get<std::string>().find("南安市") == 0);  // from the doorplate
    CHECK(count_rows(s, "SELECT COUNT(*) FROM audit_log WHERE action = 'help_batch_proxy'") == 1);

    // File-level problems.
    r = post(c, "/api/v1/desk/batch-proxy", {{"item_id", item}, {"csv", "name,phone\n张三,13800138000\n"}}, bearer(d.ximei));
    CHECK(r->status == 400);
    CHECK(body_of(r)["error"]["report"].size() == 2);
    CHECK(post(c, "/api/v1/desk/batch-proxy", {{"item_id", "no-such-item"}, {"csv", csv}}, bearer(d.ximei))->status == 400);
    CHECK(post(c, "/api/v1/desk/batch-proxy", real, bearer(d.admin))->status == 403);
    CHECK(post(c, "/api/v1/desk/batch-proxy", real)->status == 401);
    // A supervisor may file for any area: the 水头镇 row is good for them.
    json sup = body;
    auto sr = body_of(post(c, "/api/v1/desk/batch-proxy", sup, bearer(d.supervisor)));
    CHECK(sr["valid"] == 3);
}
