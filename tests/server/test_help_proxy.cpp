// 代办 over real HTTP: the form spec, field messages identical to the shared validators, the agreement
// preview, the signature (PNG, consent, time) and the SHA-256 of exactly what was signed, verified on
// read; case steps by the agent; idempotent signing.
#include <doctest/doctest.h>

#include "help_fixtures.hpp"
#include "help_forms.hpp"

using nlohmann::json;
using namespace testing;

namespace {
std::string valid_id() { return std::string("35058319900101123") + dp::id_card_check_char("35058319900101123"); }
std::string wrong_id() {
    const char c = dp::id_card_check_char("35058319900101123");
    return std::string("35058319900101123") + (c == '0' ? '1' : '0');
}
json good_fields() {
    return {{"name", "张三"}, {"id_number", valid_id()}, {"phone", "13800138000"}, {"address", "南安市溪美街道成功街 1 号"},
            {"handover", "delivery"}, {"delivery_address", "泉州市丰泽区东海街道 8 号"}};
}
}  // namespace

TEST_CASE("proxy: form spec, field messages, preview, signature with a verifiable hash") {
    HelpServer s;
    Desk d(s);
    auto c = s.client();
    auto spec = body_of(c.Get("/api/v1/help/proxy-form"));
    CHECK(spec == dp::proxy_form_json());

    const Created p = create_request(s, "proxy", {{"address", "溪美街道便民服务中心"}, {"agree", true}});
    auto view = resident_view(c, p);
    CHECK(view["proxy"]["prefill"]["name"] == "张三");
    CHECK(view["proxy"]["prefill"]["address"].get<std::string>().find("南安市") == 0);
    CHECK(view["proxy"]["signed"].is_null());

    // Field messages: the shared validators' own words.
    json fields = good_fields();
    fields["id_number"] = wrong_id();
    fields["phone"] = "1380013800";
    fields["delivery_address"] = "";
    auto r = post(c, rpath(p, "/proxy/preview"), {{"fields", fields}}, bearer(p.token));
    CHECK(r->status == 400);
    auto err = body_of(r)["error"];
    const dp::CalendarDate any_day{2025, 6, 11};
    CHECK(err["fields"]["fields.id_number"] == dp::validate_id_card(wrong_id(), any_day).message);
    CHECK(err["fields"]["fields.id_number"].get<std::string>().find("最后一位应为") != std::string::npos);
    CHECK(err["fields"]["fields.phone"] == dp::validate_mobile("1380013800").message);
    CHECK(err["fields"]["fields.delivery_address"] == "请填写邮寄地址");
    CHECK(err["summary"].size() == 3);

    // Preview: the agreement names who authorises whom for which item.
    r = post(c, rpath(p, "/proxy/preview"), {{"fields", good_fields()}}, bearer(p.token));
    REQUIRE_MESSAGE(r->status == 200, r->body);
    const std::string text = body_of(r)["agreement_text"];
    CHECK(text.find("委托人：张三") != std::string::npos);
    CHECK(text.find("溪美街道便民服务中心帮办代办窗口") != std::string::npos);
    CHECK(text.find(p.number) != std::string::npos);
    const std::string shown = body_of(r)["agreement_sha256"];
    CHECK(shown == dp::sha256_hex(text));

    // Signing: consent and a PNG signature are required.
    auto sig = upload(c, p.id, bearer(p.token), png_bytes("signature"), "sig.png", "image/png", "signature");
    REQUIRE(sig->status == 201);
    const std::string sig_sha = body_of(sig)["upload"]["sha256"];
    auto jpg = upload(c, p.id, bearer(p.token), jpeg_bytes("sig"), "sig.jpg", "image/jpeg", "signature");
    r = post(c, rpath(p, "/proxy/sign"),
             {{"fields", good_fields()}, {"signature", body_of(jpg)["upload"]["sha256"]}, {"consent", false}}, bearer(p.token));
    CHECK(r->status == 400);
    CHECK(body_of(r)["error"]["fields"]["consent"] == "请阅读并同意代办委托书");
    CHECK(body_of(r)["error"]["fields"]["signature"] == "请先手写签名");
    // The text shown must be the one signed.
    r = post(c, rpath(p, "/proxy/sign"),
             {{"fields", good_fields()}, {"signature", sig_sha}, {"consent", true}, {"agreement_sha256", std::string(64, '0')}},
             bearer(p.token));
    CHECK(r->status == 409);
    CHECK(error_code(r) == "agreement_changed");

    const json sign_body = {{"fields", good_fields()}, {"signature", sig_sha}, {"consent", true}, {"agreement_sha256", shown}};
    r = post(c, rpath(p, "/proxy/sign"), sign_body, bearer(p.token), "sign-1");
    REQUIRE_MESSAGE(r->status == 201, r->body);
    auto signed_ = body_of(r)["proxy"]["signed"];
    CHECK(signed_["verified"] == true);
    CHECK(signed_["agreement_text"] == text);
    CHECK(signed_["signature_sha256"] == sig_sha);
    // The hash is SHA-256 of the canonical JSON, which holds exactly the parts.
    const std::string canonical = signed_["canonical"];
    CHECK(signed_["sha256"] == dp::sha256_hex(canonical));
    auto cj = json::parse(canonical);
    CHECK(cj["agreement_text"] == text);
    CHECK(cj["signature_sha256"] == sig_sha);
    CHECK(cj["request_number"] == p.number);
    CHECK(cj["signed_at"] == signed_["signed_at"]);
    CHECK(cj["fields"]["phone"] == "13800138000");
    CHECK(cj["fields"]["handover"] == "delivery");
    CHECK(canonical == cj.dump());  // sorted keys, no spaces
    // A retry replays; a second signing is refused.
    auto again = post(c, rpath(p, "/proxy/sign"), sign_body, bearer(p.token), "sign-1");
    CHECK(again->get_header_value("Idempotent-Replay") == "true");
    CHECK(again->body == r->body);
    CHECK(error_code(post(c, rpath(p, "/proxy/sign"), sign_body, bearer(p.token))) == "already_signed");

    // The stored record still verifies on read; the desk sees it masked but verified.
    view = resident_view(c, p);
    CHECK(view["proxy"]["signed"]["verified"] == true);
    CHECK(view["proxy"]["form"]["id_number"] == valid_id());
    auto desk = desk_view(c, p, d.ximei);
    CHECK(desk["proxy"]["signed"]["verified"] == true);
    CHECK(desk["proxy"]["form"]["id_number"] != valid_id());
    CHECK(desk["proxy"]["signed"]["agreement_text"].get<std::string>().find(valid_id()) == std::string::npos);

    // Tampering with the stored text is detected.
    {
        dp::Db db(s.server.db_path().string());
        auto l = db.lock();
        dp::Stmt u(db, "UPDATE help_proxy SET agreement_text = agreement_text || '（改）' WHERE request_id = ?");
        u.bind(1, p.id);
        u.step();
    }
    CHECK(resident_view(c, p)["proxy"]["signed"]["verified"] == false);

    // Case steps: only once in progress, by the assigned agent.
    CHECK(post(c, dpath(p, "/claim"), json::object(), bearer(d.ximei))->status == 200);
    r = post(c, dpath(p, "/proxy/step"), {{"step", "materials_received"}}, bearer(d.ximei));
    CHECK(r->status == 409);
    CHECK(post(c, dpath(p, "/start"), json::object(), bearer(d.ximei))->status == 200);
    CHECK(post(c, dpath(p, "/proxy/step"), {{"step", "teleported"}}, bearer(d.ximei))->status == 400);
    r = post(c, dpath(p, "/proxy/step"), {{"step", "materials_received"}, {"note", "原件已收"}}, bearer(d.ximei));
    REQUIRE_MESSAGE(r->status == 200, r->body);
    CHECK(body_of(r)["proxy"]["steps"][0]["label"] == "已收到材料");
    CHECK(resident_view(c, p)["proxy"]["steps"].size() == 1);
}

TEST_CASE("proxy endpoints refuse other kinds and other tokens") {
    HelpServer s;
    auto c = s.client();
    const Created q = create_question(s);
    const Created p = create_request(s, "proxy", {{"address", "溪美街道便民服务中心"}, {"agree", true}});
    CHECK(post(c, rpath(q, "/proxy/preview"), {{"fields", good_fields()}}, bearer(q.token))->status == 404);
    CHECK(post(c, rpath(p, "/proxy/preview"), {{"fields", good_fields()}}, bearer(q.token))->status == 404);
    CHECK(error_code(post(c, rpath(p, "/proxy/preview"), {{"fields", {{"name", 5}}}}, bearer(p.token))) == "bad_type");
    CHECK(error_code(post(c, rpath(p, "/proxy/preview"), {{"fields", {{"email", "x"}}}}, bearer(p.token))) == "unknown_field");
}
