// THE AUTHORIZATION MATRIX over real HTTP: every role (anonymous, a resident's request token, an
// agent of the request's area, an agent of another area, supervisor, admin, a disabled user) ×
// every protected endpoint, with the exact status expected; plus the area scope of agents.
#include <doctest/doctest.h>

#include <functional>
#include <nlohmann/json.hpp>

#include "auth_fixtures.hpp"

using nlohmann::json;
using namespace testing;

namespace {

enum Who { anonymous, resident_x, agent_a, agent_b, supervisor, admin, disabled, kWhoCount };
const char* const kWhoNames[] = {"anonymous", "resident of X", "agent of X's area", "agent of another area",
                                 "supervisor", "admin", "disabled user"};

struct Row {
    std::string name;
    std::function<httplib::Result(httplib::Client&, const httplib::Headers&, Who)> call;
    int expected[kWhoCount];
};

}  // namespace

TEST_CASE("every role gets exactly the expected status from every protected endpoint") {
    AuthServer s;
    auto c = s.client();
    const TestRequest x = insert_request(s.server.db_path());               // 溪美街道
    const TestRequest y = insert_request(s.server.db_path(), in_shuitou());  // 水头镇
    // A file already attached to X (by its resident) for the download row.
    auto first = upload(c, x.id, bearer(x.token), png_bytes("matrix"));
    REQUIRE(first);
    REQUIRE(first->status == 201);
    const std::string sha = json::parse(first->body)["upload"]["sha256"];

    const std::string admin_token = login(c, kAdmin, kAdminPassword);
    REQUIRE_FALSE(admin_token.empty());
    // A user who logs in, then is disabled: the session they hold stops working.
    auto made = post_json(c, "/api/v1/admin/users",
                          {{"username", "agent_gone"}, {"password", "gone-password-1"}, {"role", "agent"},
                           {"area_id", "350583-101"}},
                          bearer(admin_token));
    REQUIRE(made->status == 201);
    const int64_t gone_id = json::parse(made->body)["user"]["id"];
    const std::string gone_token = login(c, "agent_gone", "gone-password-1");
    REQUIRE_FALSE(gone_token.empty());
    REQUIRE(c.Post(("/api/v1/admin/users/" + std::to_string(gone_id) + "/disable").c_str(), bearer(admin_token), "",
                   "application/json")->status == 200);
    // Somebody for the disable row to disable.
    auto target = post_json(c, "/api/v1/admin/users",
                            {{"username", "agent_target"}, {"password", "target-password-1"}, {"role", "agent"},
                             {"area_id", "350583-108"}},
                            bearer(admin_token));
    const std::string target_id = std::to_string(json::parse(target->body)["user"]["id"].get<int64_t>());

    httplib::Headers headers[kWhoCount] = {
        {},
        bearer(x.token),
        bearer(login(c, kXimeiAgent, kXimeiPassword)),
        bearer(login(c, kShuitouAgent, kShuitouPassword)),
        {{"Cookie", "dp_session=" + login(c, kSupervisor, kSupervisorPassword)}},  // the browser's way
        bearer(admin_token),
        bearer(gone_token),
    };
    const std::string X = std::to_string(x.id), Y = std::to_string(y.id);
    auto get = [](std::string path) {
        return [path](httplib::Client& c, const httplib::Headers& h, Who) { return c.Get(path.c_str(), h); };
    };
    auto post = [](std::string path, json body) {
        return [path, body](httplib::Client& c, const httplib::Headers& h, Who) {
            return c.Post(path.c_str(), h, body.dump(), "application/json");
        };
    };
    auto post_file = [](int64_t id) {
        return [id](httplib::Client& c, const httplib::Headers& h, Who who) {
            return upload(c, id, h, jpeg_bytes(std::to_string(id) + kWhoNames[who]));  // new bytes: 201 when allowed
        };
    };
    int new_user = 0;
    auto create_user = [&new_user](httplib::Client& c, const httplib::Headers& h, Who) {
        json body = {{"username", "made_" + std::to_string(++new_user)}, {"password", "made-password-1"},
                     {"role", "supervisor"}};
        return c.Post("/api/v1/admin/users", h, body.dump(), "application/json");
    };
    const json reveal = {{"field", "contact_phone"}, {"reason", "回电核实材料"}};

    //                                                         anon res_X agentA agentB super admin disabled
    const std::vector<Row> rows = {
        {"GET /auth/me", get("/api/v1/auth/me"),                  {401, 401, 200, 200, 200, 200, 401}},
        {"GET /desk/requests", get("/api/v1/desk/requests"),      {401, 401, 200, 200, 200, 403, 401}},
        {"GET /desk/requests/X", get("/api/v1/desk/requests/" + X), {401, 401, 200, 404, 200, 403, 401}},
        {"GET /desk/requests/Y", get("/api/v1/desk/requests/" + Y), {401, 401, 404, 200, 200, 403, 401}},
        {"POST /desk/requests/X/reveal", post("/api/v1/desk/requests/" + X + "/reveal", reveal),
                                                                  {401, 401, 200, 404, 200, 403, 401}},
        {"POST /desk/requests/Y/reveal", post("/api/v1/desk/requests/" + Y + "/reveal", reveal),
                                                                  {401, 401, 404, 200, 200, 403, 401}},
        {"GET /desk/requests.csv", get("/api/v1/desk/requests.csv"), {401, 401, 200, 200, 200, 403, 401}},
        {"GET /admin/users", get("/api/v1/admin/users"),          {401, 401, 403, 403, 403, 200, 401}},
        {"POST /admin/users", create_user,                        {401, 401, 403, 403, 403, 201, 401}},
        {"POST /admin/users/<id>/disable", post("/api/v1/admin/users/" + target_id + "/disable", json::object()),
                                                                  {401, 401, 403, 403, 403, 200, 401}},
        {"GET /admin/audit", get("/api/v1/admin/audit"),          {401, 401, 403, 403, 200, 200, 401}},
        {"POST /requests/X/uploads", post_file(x.id),             {401, 201, 201, 404, 201, 403, 401}},
        {"POST /requests/Y/uploads", post_file(y.id),             {401, 404, 404, 201, 201, 403, 401}},
        {"GET /uploads/<sha of X's file>", get("/api/v1/uploads/" + sha), {404, 200, 200, 404, 200, 404, 404}},
        {"POST /auth/logout (last: it ends the sessions)", post("/api/v1/auth/logout", json::object()),
                                                                  {401, 401, 200, 200, 200, 200, 401}},
    };
    for (const auto& row : rows) {
        for (int w = 0; w < kWhoCount; ++w) {
            auto r = row.call(c, headers[w], static_cast<Who>(w));
            REQUIRE(r);
            CHECK_MESSAGE(r->status == row.expected[w],
                          row.name << " as " << kWhoNames[w] << ": got " << r->status << " " << r->body);
            if (r->status >= 400)
                CHECK_MESSAGE(json::parse(r->body)["error"].contains("code"), row.name << " as " << kWhoNames[w]);
        }
    }
}

TEST_CASE("a disabled user can no longer log in") {
    AuthServer s;
    auto c = s.client();
    const std::string admin_token = login(c, kAdmin, kAdminPassword);
    auto made = post_json(c, "/api/v1/admin/users",
                          {{"username", "agent_leaving"}, {"password", "leaving-password"}, {"role", "agent"},
                           {"area_id", "350583-101"}},
                          bearer(admin_token));
    const std::string id = std::to_string(json::parse(made->body)["user"]["id"].get<int64_t>());
    CHECK_FALSE(login(c, "agent_leaving", "leaving-password").empty());
    c.Post(("/api/v1/admin/users/" + id + "/disable").c_str(), bearer(admin_token), "", "application/json");
    auto r = post_json(c, "/api/v1/auth/login", {{"username", "agent_leaving"}, {"password", "leaving-password"}});
    CHECK(r->status == 401);
    CHECK(json::parse(r->body)["error"]["message"] == "用户名或密码不正确");
}

TEST_CASE("an agent of a town sees its villages' requests and an agent of a village only that village's") {
    AuthServer s;
    auto c = s.client();
    RequestFields other_village;
    other_village.area_id = "350583-101-002";  // 南门社区, also 溪美街道
    const TestRequest in_001 = insert_request(s.server.db_path());
    const TestRequest in_002 = insert_request(s.server.db_path(), other_village);
    insert_request(s.server.db_path(), in_shuitou());
    const std::string admin_token = login(c, kAdmin, kAdminPassword);
    REQUIRE(post_json(c, "/api/v1/admin/users",
                      {{"username", "agent_xizhou"}, {"password", "xizhou-password"}, {"role", "agent"},
                       {"area_id", "350583-101-001"}},
                      bearer(admin_token))->status == 201);
    const std::string village = login(c, "agent_xizhou", "xizhou-password");
    const std::string town = login(c, kXimeiAgent, kXimeiPassword);
    const std::string all = login(c, kSupervisor, kSupervisorPassword);

    auto ids = [&](const std::string& token) {
        auto body = json::parse(c.Get("/api/v1/desk/requests", bearer(token))->body);
        std::vector<int64_t> v;
        for (auto& r : body["requests"]) v.push_back(r["id"]);
        std::sort(v.begin(), v.end());
        CHECK(body["total"] == v.size());
        return v;
    };
    CHECK(ids(village) == std::vector<int64_t>{in_001.id});
    CHECK(ids(town) == std::vector<int64_t>{in_001.id, in_002.id});
    CHECK(ids(all).size() == 3);
    CHECK(c.Get(("/api/v1/desk/requests/" + std::to_string(in_002.id)).c_str(), bearer(village))->status == 404);
    // Filtering by another area never widens an agent's view.
    auto filtered = json::parse(c.Get("/api/v1/desk/requests?area=350583-108", bearer(town))->body);
    CHECK(filtered["total"] == 0);
}

TEST_CASE("the desk list filters by status and kind, pages, and counts by status") {
    AuthServer s;
    auto c = s.client();
    RequestFields f;
    f.status = "completed";
    insert_request(s.server.db_path());
    insert_request(s.server.db_path());
    insert_request(s.server.db_path(), f);
    f.kind = "proxy";
    insert_request(s.server.db_path(), f);
    const std::string token = login(c, kXimeiAgent, kXimeiPassword);
    auto body = json::parse(c.Get("/api/v1/desk/requests?status=completed&limit=1", bearer(token))->body);
    CHECK(body["total"] == 2);
    CHECK(body["requests"].size() == 1);
    CHECK(body["counts"]["submitted"] == 2);
    CHECK(body["counts"]["completed"] == 2);
    auto proxies = json::parse(c.Get("/api/v1/desk/requests?kind=proxy", bearer(token))->body);
    CHECK(proxies["total"] == 1);
    CHECK(c.Get("/api/v1/desk/requests?status=lost", bearer(token))->status == 400);
    CHECK(c.Get("/api/v1/desk/requests?kind=letter", bearer(token))->status == 400);
    CHECK(c.Get("/api/v1/desk/requests?limit=0", bearer(token))->status == 400);
    CHECK(c.Get("/api/v1/desk/requests?area=../etc", bearer(token))->status == 400);
}

TEST_CASE("admins create users with validation and cannot disable themselves") {
    AuthServer s;
    auto c = s.client();
    const std::string token = login(c, kAdmin, kAdminPassword);
    auto create = [&](json body) { return post_json(c, "/api/v1/admin/users", body, bearer(token)); };
    CHECK(create({{"username", "agent_ximei"}, {"password", "long-enough-1"}, {"role", "agent"}, {"area_id", "350583-101"}})->status == 409);
    CHECK(create({{"username", "new_agent"}, {"password", "short"}, {"role", "agent"}, {"area_id", "350583-101"}})->status == 400);
    CHECK(create({{"username", "new_agent"}, {"password", "long-enough-1"}, {"role", "boss"}})->status == 400);
    CHECK(create({{"username", "new_agent"}, {"password", "long-enough-1"}, {"role", "agent"}, {"area_id", "999999"}})->status == 400);
    CHECK(create({{"username", "new_agent"}, {"password", "long-enough-1"}, {"role", "agent"}})->status == 400);
    CHECK(create({{"username", "Bad Name"}, {"password", "long-enough-1"}, {"role", "admin"}})->status == 400);
    CHECK(create({{"username", "new_admin"}, {"password", "long-enough-1"}, {"role", "admin"}, {"extra", 1}})->status == 400);
    auto ok = create({{"username", "new_agent"}, {"password", "long-enough-1"}, {"role", "agent"},
                      {"area_id", "350583-101-001"}, {"display_name", "溪州社区帮办员"}});
    CHECK(ok->status == 201);
    CHECK(json::parse(ok->body)["user"]["display_name"] == "溪州社区帮办员");
    auto users = json::parse(c.Get("/api/v1/admin/users", bearer(token))->body)["users"];
    CHECK(users.size() == 5);
    CHECK(users.dump().find("argon2") == std::string::npos);
    const std::string me = std::to_string(json::parse(c.Get("/api/v1/auth/me", bearer(token))->body)["user"]["id"].get<int64_t>());
    CHECK(c.Post(("/api/v1/admin/users/" + me + "/disable").c_str(), bearer(token), "", "application/json")->status == 409);
    CHECK(c.Post("/api/v1/admin/users/99999/disable", bearer(token), "", "application/json")->status == 404);
}
