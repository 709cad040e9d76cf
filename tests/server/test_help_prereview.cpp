// 预审 over real HTTP: the resident attaches a file per material, the agent accepts one and asks for
// a supplement of the other, the resident redoes only that one, and the request shows 预审通过.
#include <doctest/doctest.h>

#include "help_fixtures.hpp"

using nlohmann::json;
using namespace testing;

namespace {
json material(const json& view, const std::string& id) {
    for (auto& m : view["materials"])
        if (m["id"] == id) return m;
    FAIL("no material " << id);
    return {};
}
std::string upload_sha(httplib::Client& c, const Created& r, const std::string& salt, const std::string& material_id) {
    auto up = upload(c, r.id, bearer(r.token), jpeg_bytes(salt), "m.jpg", "image/jpeg", material_id);
    REQUIRE(up);
    REQUIRE_MESSAGE((up->status == 201 || up->status == 200), up->body);
    return json::parse(up->body)["upload"]["sha256"];
}
}  // namespace

TEST_CASE("pre-review: upload per material, accept one, supplement the other, redo only it, 预审通过") {
    HelpServer s;
    Desk d(s);
    auto c = s.client();
    const auto item = s.item_with_materials();
    const Created p = create_request(s, "prereview", {{"materials", item.materials}}, kXimeiTown, item.id);
    const std::string m0 = item.materials[0], m1 = item.materials[1];
    auto view = resident_view(c, p);
    REQUIRE(view["materials"].size() == 2);
    CHECK(material(view, m0)["state"] == "missing");
    CHECK(material(view, m0)["name"].get<std::string>().size() > 0);
    CHECK(view["prereview_passed"] == false);

    // The resident uploads both.
    const std::string a = upload_sha(c, p, "a", m0), b = upload_sha(c, p, "b", m1);
    auto r = post(c, rpath(p, "/materials/" + m0), {{"upload", a}}, bearer(p.token));
    REQUIRE_MESSAGE(r->status == 200, r->body);
    CHECK(body_of(r)["material"]["state"] == "submitted");
    CHECK(body_of(r)["material"]["upload"]["sha256"] == a);
    CHECK(post(c, rpath(p, "/materials/" + m1), {{"upload", b}}, bearer(p.token))->status == 200);
    // Unknown material, unknown upload.
    CHECK(error_code(post(c, rpath(p, "/materials/no-such"), {{"upload", a}}, bearer(p.token))) == "material_not_found");
    auto bad = post(c, rpath(p, "/materials/" + m0), {{"upload", std::string(64, 'b')}}, bearer(p.token));
    CHECK(bad->status == 400);
    CHECK(body_of(bad)["error"]["fields"].contains("upload"));

    // The agent must claim first; then reviews (the request starts by itself).
    r = post(c, dpath(p, "/materials/" + m0 + "/review"), {{"decision", "accepted"}}, bearer(d.ximei));
    CHECK(r->status == 409);
    CHECK(post(c, dpath(p, "/claim"), json::object(), bearer(d.ximei))->status == 200);
    r = post(c, dpath(p, "/materials/" + m0 + "/review"), {{"decision", "accepted"}}, bearer(d.ximei));
    REQUIRE_MESSAGE(r->status == 200, r->body);
    CHECK(body_of(r)["material"]["state"] == "accepted");
    CHECK(body_of(r)["request"]["status"] == "in_progress");
    // needs_supplement needs a reason
    r = post(c, dpath(p, "/materials/" + m1 + "/review"), {{"decision", "needs_supplement"}}, bearer(d.ximei));
    CHECK(r->status == 400);
    CHECK(body_of(r)["error"]["fields"]["reason"] == "请写明这项材料需要怎样补正");
    r = post(c, dpath(p, "/materials/" + m1 + "/review"), {{"decision", "needs_supplement"}, {"reason", "照片模糊，请重拍"}},
             bearer(d.ximei));
    REQUIRE_MESSAGE(r->status == 200, r->body);
    CHECK(body_of(r)["request"]["status"] == "needs_supplement");
    // A decided material cannot be reviewed again before it is redone.
    CHECK(error_code(post(c, dpath(p, "/materials/" + m1 + "/review"), {{"decision", "accepted"}}, bearer(d.ximei))) ==
          "material_state");

    // The resident sees exactly what to redo.
    view = resident_view(c, p);
    CHECK(view["status"] == "needs_supplement");
    CHECK(material(view, m0)["state"] == "accepted");
    CHECK(material(view, m1)["state"] == "needs_supplement");
    CHECK(material(view, m1)["reason"] == "照片模糊，请重拍");
    CHECK(view["supplement_reason"].get<std::string>().find("照片模糊，请重拍") != std::string::npos);
    // The accepted one cannot be replaced.
    CHECK(error_code(post(c, rpath(p, "/materials/" + m0), {{"upload", b}}, bearer(p.token))) == "material_accepted");
    // Redo the other: the request goes back to the agent by itself.
    const std::string b2 = upload_sha(c, p, "b2", m1);
    r = post(c, rpath(p, "/materials/" + m1), {{"upload", b2}}, bearer(p.token));
    REQUIRE_MESSAGE(r->status == 200, r->body);
    CHECK(body_of(r)["request"]["status"] == "in_progress");
    view = resident_view(c, p);
    auto hist = material(view, m1)["history"];
    REQUIRE(hist.size() == 3);
    CHECK(hist[0]["event"] == "uploaded");
    CHECK(hist[1]["event"] == "needs_supplement");
    CHECK(hist[1]["reason"] == "照片模糊，请重拍");
    CHECK(hist[2]["event"] == "uploaded");
    CHECK(hist[2]["sha256"] == b2);
    CHECK(material(view, m1)["upload"]["sha256"] == b2);

    // Another agent of another town cannot review; the assigned one accepts: 预审通过.
    CHECK(post(c, dpath(p, "/materials/" + m1 + "/review"), {{"decision", "accepted"}}, bearer(d.shuitou))->status == 404);
    r = post(c, dpath(p, "/materials/" + m1 + "/review"), {{"decision", "accepted"}}, bearer(d.ximei), "review-1");
    REQUIRE_MESSAGE(r->status == 200, r->body);
    CHECK(body_of(r)["request"]["status"] == "completed");
    // The retry replays; nothing is reviewed twice.
    auto again = post(c, dpath(p, "/materials/" + m1 + "/review"), {{"decision", "accepted"}}, bearer(d.ximei), "review-1");
    CHECK(again->get_header_value("Idempotent-Replay") == "true");
    CHECK(again->body == r->body);
    view = resident_view(c, p);
    CHECK(view["prereview_passed"] == true);
    CHECK(view["result"].get<std::string>().find("预审通过") != std::string::npos);
    CHECK(count_rows(s, "SELECT COUNT(*) FROM audit_log WHERE action = 'help_material_review'") == 3);
    // The desk sees the same materials.
    CHECK(desk_view(c, p, d.ximei)["materials"].size() == 2);
}

TEST_CASE("a resident material upload retried with its key is attached once") {
    HelpServer s;
    auto c = s.client();
    const auto item = s.item_with_materials();
    const Created p = create_request(s, "prereview", {{"materials", {item.materials[0]}}}, kXimeiTown, item.id);
    const std::string a = upload_sha(c, p, "k", item.materials[0]);
    auto r1 = post(c, rpath(p, "/materials/" + item.materials[0]), {{"upload", a}}, bearer(p.token), "mat-1");
    auto r2 = post(c, rpath(p, "/materials/" + item.materials[0]), {{"upload", a}}, bearer(p.token), "mat-1");
    CHECK(r1->status == 200);
    CHECK(r2->get_header_value("Idempotent-Replay") == "true");
    CHECK(count_rows(s, "SELECT COUNT(*) FROM help_material_history WHERE event = 'uploaded'") == 1);
    // A question has no materials.
    const Created q = create_question(s);
    CHECK(post(c, rpath(q, "/materials/x"), {{"upload", a}}, bearer(q.token))->status == 404);
}
