// Integration tests of GET /api/v1/validate: the shared validators answer over HTTP.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "server_process.hpp"

using nlohmann::json;

TEST_CASE("the validate endpoint accepts a valid ID number and explains a wrong check character") {
    testing::ServerProcess server(std::vector<std::string>{});
    auto c = server.client();
    // 11010519491231002X is the standard's own example number (check character X).
    auto ok = json::parse(c.Get("/api/v1/validate?kind=id_card&value=11010519491231002x")->body);
    CHECK(ok["ok"] == true);
    CHECK(ok["normalized"] == "11010519491231002X");
    auto bad = json::parse(c.Get("/api/v1/validate?kind=id_card&value=110105194912310021")->body);
    CHECK(bad["ok"] == false);
    CHECK(bad["message"].get<std::string>().find("最后一位应为 X") != std::string::npos);
}

TEST_CASE("the validate endpoint checks mobiles, names and credit codes") {
    testing::ServerProcess server(std::vector<std::string>{});
    auto c = server.client();
    CHECK(json::parse(c.Get("/api/v1/validate?kind=mobile&value=%2B86%20138-0013-8000")->body)["ok"] == true);
    CHECK(json::parse(c.Get("/api/v1/validate?kind=mobile&value=12345")->body)["ok"] == false);
    CHECK(json::parse(c.Get("/api/v1/validate?kind=name&value=%E9%98%BF%E4%B8%BD%E4%BA%9A%C2%B7%E5%85%8B%E9%87%8C%E6%96%AF")->body)["ok"] == true);
    CHECK(json::parse(c.Get("/api/v1/validate?kind=uscc&value=91350100M000100Y43")->body)["ok"] == true);
}

TEST_CASE("an unknown kind or a missing kind is a 400 JSON error") {
    testing::ServerProcess server(std::vector<std::string>{});
    auto c = server.client();
    auto r1 = c.Get("/api/v1/validate?kind=passport&value=1");
    CHECK(r1->status == 400);
    CHECK(json::parse(r1->body)["error"]["code"] == "bad_parameter");
    CHECK(c.Get("/api/v1/validate?value=1")->status == 400);
}
