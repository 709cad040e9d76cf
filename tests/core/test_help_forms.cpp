// Tests of shared/help_forms: proxy form rules, agreement text and canonical JSON, material
// outcomes, video slots in China working hours, batch-proxy CSV reports, canned replies.
#include <doctest/doctest.h>

#include "help_forms.hpp"

using namespace dp;

namespace {
const CalendarDate kToday{2025, 6, 11};

std::string valid_id(const std::string& first17 = "35058319900101123") {
    return first17 + id_card_check_char(first17);
}
std::string wrong_check_id(const std::string& first17 = "35058319900101123") {
    const char c = id_card_check_char(first17);
    return first17 + (c == '0' ? '1' : '0');
}

std::map<std::string, std::string> good_form() {
    return {{"name", "张三"},
            {"id_number", valid_id()},
            {"phone", "138 0013 8000"},
            {"address", "南安市溪美街道成功街 1 号"},
            {"handover", "pickup"}};
}
}  // namespace

TEST_CASE("proxy form: a good form is normalised, delivery address empty for pickup") {
    const FormResult r = validate_proxy_form(good_form(), kToday);
    REQUIRE(r.ok);
    CHECK(r.normalized.at("phone") == "13800138000");
    CHECK(r.normalized.at("handover") == "pickup");
    CHECK(r.normalized.at("delivery_address") == "");
    CHECK(r.normalized.size() == 6);
}

TEST_CASE("proxy form: every failing field is reported in order with the shared messages") {
    auto v = good_form();
    v["id_number"] = wrong_check_id();
    v["phone"] = "12345";
    v.erase("address");
    v["handover"] = "delivery";
    const FormResult r = validate_proxy_form(v, kToday);
    REQUIRE_FALSE(r.ok);
    REQUIRE(r.errors.size() == 4);
    CHECK(r.errors[0].field == "id_number");
    CHECK(r.errors[0].message == validate_id_card(wrong_check_id(), kToday).message);
    CHECK(r.errors[0].message.find("最后一位应为") != std::string::npos);
    CHECK(r.errors[1].field == "phone");
    CHECK(r.errors[2].field == "address");
    CHECK(r.errors[2].message == "请填写住址");
    CHECK(r.errors[3].field == "delivery_address");
    CHECK(r.errors[3].message == "请填写邮寄地址");
    CHECK(r.summary.size() == 4);
    CHECK(r.normalized.empty());
}

TEST_CASE("proxy form: handover must be chosen and known") {
    auto v = good_form();
    v.erase("handover");
    CHECK(validate_proxy_form(v, kToday).errors.at(0).message == "请选择取件方式");
    v["handover"] = "drone";
    CHECK(validate_proxy_form(v, kToday).errors.at(0).code == "choice.unknown");
    v["handover"] = "delivery";
    v["delivery_address"] = "泉州市丰泽区东海街道 8 号";
    CHECK(validate_proxy_form(v, kToday).ok);
}

TEST_CASE("proxy form JSON lists the handover choice and the conditional delivery address") {
    const auto j = proxy_form_json();
    REQUIRE(j["fields"].size() == 6);
    CHECK(j["fields"][4]["name"] == "handover");
    CHECK(j["fields"][4]["options"][1]["id"] == "delivery");
    CHECK(j["fields"][5]["required_when"]["handover"] == "delivery");
}

TEST_CASE("agreement text names who authorises whom for which item, and the canonical JSON is stable") {
    ProxyAgreementInput in;
    in.request_number = "D-20250611-ABCDEF";
    in.item_name = "居民身份证换领";
    in.town_name = "溪美街道";
    in.fields = validate_proxy_form(good_form(), kToday).normalized;
    const std::string text = proxy_agreement_text(in);
    CHECK(text.find("委托人：张三") != std::string::npos);
    CHECK(text.find("溪美街道便民服务中心帮办代办窗口") != std::string::npos);
    CHECK(text.find("“居民身份证换领”") != std::string::npos);
    CHECK(text.find("到服务点领取") != std::string::npos);
    const std::string c = proxy_canonical_json(text, in.fields, in.request_number, "ab12", 1749600000);
    CHECK(c.rfind("{\"agreement_text\":", 0) == 0);
    CHECK(c.find("\"signed_at\":1749600000}") != std::string::npos);
    CHECK(c.find("\",\"") != std::string::npos);  // no spaces between members
    CHECK(c.find("\\u") == std::string::npos);  // UTF-8 as is
    CHECK(c.find("\"fields\":{\"address\":") != std::string::npos);  // keys sorted
    CHECK(c == proxy_canonical_json(text, in.fields, in.request_number, "ab12", 1749600000));
    CHECK(c != proxy_canonical_json(text, in.fields, in.request_number, "ab12", 1749600001));
}

TEST_CASE("proxy steps have labels") {
    for (const auto& s : proxy_steps()) CHECK(std::string(proxy_step_label(s)).size() > 0);
    CHECK(std::string(proxy_step_label("teleported")).empty());
}

TEST_CASE("material states and the pre-review outcome") {
    using M = MaterialState;
    CHECK(prereview_outcome({}) == PrereviewOutcome::undecided);
    CHECK(prereview_outcome({M::accepted, M::submitted}) == PrereviewOutcome::undecided);
    CHECK(prereview_outcome({M::accepted, M::missing}) == PrereviewOutcome::undecided);
    CHECK(prereview_outcome({M::accepted, M::needs_supplement}) == PrereviewOutcome::supplement);
    CHECK(prereview_outcome({M::accepted, M::accepted}) == PrereviewOutcome::passed);
    CHECK(material_state_from_string("needs_supplement") == M::needs_supplement);
    CHECK_FALSE(material_state_from_string("lost"));
    CHECK(std::string(label_zh(M::accepted)) == "合格");
}

TEST_CASE("video slots: working hours in China time, none in the past, taken ones skipped") {
    // 2025-06-11 (Wednesday) 10:05 China time = 02:05 UTC.
    const std::int64_t wed_1005 = 1749607500;
    REQUIRE(video_slot_label(wed_1005 - 5 * 60).rfind("6月11日 周三 10:00", 0) == 0);
    auto slots = video_slots(wed_1005, {});
    REQUIRE_FALSE(slots.empty());
    // 10 minutes of lead: 10:30 is the first (10:05 + 10 min > 10:00 and ≤ 10:30).
    CHECK(video_slot_label(slots[0]) == "6月11日 周三 10:30–11:00");
    for (auto s : slots) {
        CHECK(is_video_slot_time(s));
        CHECK(s >= wed_1005 + 600);
    }
    // Saturday and Sunday are skipped: the 5 working days are Wed, Thu, Fri, Mon, Tue.
    CHECK(video_slot_label(slots.back()).find("周六") == std::string::npos);
    bool monday = false;
    for (auto s : slots) monday = monday || video_slot_label(s).find("6月16日 周一") == 0;
    CHECK(monday);
    // Taken slots are not offered.
    auto fewer = video_slots(wed_1005, {slots[0]});
    CHECK(fewer[0] == slots[1]);
    CHECK(video_slots(wed_1005, {}, 5, 600, 3).size() == 3);
    // Lunch break and evenings are not slots.
    CHECK_FALSE(is_video_slot_time(wed_1005 - 5 * 60 + 2 * 3600 + 30 * 60));  // 12:30
    CHECK(is_video_slot_time(wed_1005 - 5 * 60 + 4 * 3600));                  // 14:00
    CHECK_FALSE(is_video_slot_time(wed_1005 - 5 * 60 + 3 * 24 * 3600));        // Saturday 10:00
    CHECK_FALSE(is_video_slot_time(wed_1005 - 5 * 60 + 60));                  // 10:01
}

TEST_CASE("batch CSV: per-row report, good rows kept, Chinese headers and handover words") {
    const std::string csv = "\xEF\xBB\xBF姓名,身份证号码,手机号码,门牌码,取件方式,邮寄地址\r\n"
                            "张三," + valid_id() + ",13800138000,H5GYFKJ,领取,\r\n"
                            "李四," + wrong_check_id() + ",13800138001,H5GYFKJ,邮寄,\r\n"
                            "王五," + valid_id("35058319851231001") + ",13800138002,H5GYFKJ,邮寄,泉州市丰泽区 8 号\r\n"
                            ",,,,,\r\n";
    const BatchParse p = parse_batch_proxy_csv(csv, kToday);
    CHECK(p.file_errors.empty());
    CHECK(p.rows == 4);
    CHECK(p.invalid == 2);
    REQUIRE(p.valid.size() == 2);
    CHECK(p.valid[0].row == 2);
    CHECK(p.valid[0].values.at("handover") == "pickup");
    CHECK(p.valid[0].values.at("address") == "");
    CHECK(p.valid[1].row == 4);
    CHECK(p.valid[1].values.at("handover") == "delivery");
    REQUIRE(p.report.size() >= 3);
    CHECK(p.report[0].row == 3);
    CHECK(p.report[0].field == "id_number");
    CHECK(p.report[0].label == "身份证号码");
    CHECK(p.report[0].message.find("最后一位应为") != std::string::npos);
    CHECK(p.report[1].row == 3);
    CHECK(p.report[1].field == "delivery_address");
    CHECK(p.report[2].row == 5);
    CHECK(p.report[2].message == "请填写姓名");
}

TEST_CASE("batch CSV: header problems are file errors") {
    CHECK(parse_batch_proxy_csv("", kToday).file_errors.at(0).message.find("空") != std::string::npos);
    const BatchParse p = parse_batch_proxy_csv("name,phone\n张三,13800138000\n", kToday);
    REQUIRE(p.file_errors.size() == 2);
    CHECK(p.file_errors[0].field == "id_number");
    CHECK(p.file_errors[1].field == "doorplate");
    std::string many = "name,id_number,phone,doorplate\n";
    for (int i = 0; i < 4; ++i) many += "张三," + valid_id() + ",13800138000,ABC\n";
    CHECK(parse_batch_proxy_csv(many, kToday, 3).file_errors.at(0).message.find("最多 3 人") != std::string::npos);
    CHECK(parse_batch_proxy_csv(many, kToday, 4).valid.size() == 4);
}

TEST_CASE("canned replies are a small fixed Chinese set with unique ids") {
    const auto& r = canned_replies();
    CHECK(r.size() >= 5);
    std::set<std::string> ids;
    for (const auto& c : r) {
        CHECK(ids.insert(c.id).second);
        CHECK_FALSE(c.text.empty());
    }
}
