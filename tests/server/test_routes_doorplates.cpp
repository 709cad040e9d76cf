// Integration tests of /api/v1/doorplates over real HTTP against a running server.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "doorplate.hpp"
#include "server_process.hpp"

using nlohmann::json;

TEST_CASE("the doorplate listing pages through the demo county with a total") {
    testing::ServerProcess server;
    auto c = server.client();
    auto res = c.Get("/api/v1/doorplates?limit=5&offset=0");
    REQUIRE(res);
    CHECK(res->status == 200);
    CHECK(res->get_header_value("Content-Type").find("application/json") == 0);
    auto body = json::parse(res->body);
    CHECK(body["total"].get<int>() >= 2000);
    REQUIRE(body["doorplates"].size() == 5);
    auto first = body["doorplates"][0];
    CHECK(dp::doorplate_code_has_valid_check(first["code"].get<std::string>()));
    CHECK(first["address"]["county"] == "南安市");
    CHECK(first["location"]["lat"].get<double>() == doctest::Approx(24.96).epsilon(0.02));

    auto next = json::parse(c.Get("/api/v1/doorplates?limit=5&offset=5")->body);
    CHECK(next["doorplates"][0]["code"] != body["doorplates"][0]["code"]);
}

TEST_CASE("a bad limit or offset gets a 400 JSON error naming the parameter") {
    testing::ServerProcess server;
    auto c = server.client();
    for (const char* q : {"limit=abc", "limit=0", "limit=100000", "offset=-1", "limit=5x"}) {
        auto res = c.Get((std::string("/api/v1/doorplates?") + q).c_str());
        REQUIRE(res);
        CHECK(res->status == 400);
        auto err = json::parse(res->body)["error"];
        CHECK(err["code"] == "bad_parameter");
        CHECK(err["message"].get<std::string>().find("参数") != std::string::npos);
    }
}

TEST_CASE("one doorplate comes with its address and popular items") {
    testing::ServerProcess server;
    auto c = server.client();
    auto code = json::parse(c.Get("/api/v1/doorplates?limit=1")->body)["doorplates"][0]["code"].get<std::string>();
    auto res = c.Get(("/api/v1/doorplates/" + code).c_str());
    REQUIRE(res);
    CHECK(res->status == 200);
    auto d = json::parse(res->body);
    CHECK(d["code"] == code);
    CHECK(!d["address"]["full"].get<std::string>().empty());
    REQUIRE(d["popular_items"].is_array());
    CHECK(d["popular_items"].size() > 0);
}

TEST_CASE("unknown, mistyped and malformed doorplate codes get JSON errors") {
    testing::ServerProcess server;
    auto c = server.client();
    // A well-formed code with a valid check character that is not in the county.
    std::string absent = dp::make_doorplate_code(7);
    auto res = c.Get(("/api/v1/doorplates/" + absent).c_str());
    REQUIRE(res);
    CHECK(res->status == 404);
    CHECK(json::parse(res->body)["error"]["code"] == "doorplate_not_found");
    // A real code with one character changed: the check character catches it.
    auto code = json::parse(c.Get("/api/v1/doorplates?limit=1")->body)["doorplates"][0]["code"].get<std::string>();
    std::string typo = code;
    typo[2] = typo[2] == 'A' ? 'B' : 'A';
    res = c.Get(("/api/v1/doorplates/" + typo).c_str());
    CHECK(res->status == 404);
    CHECK(json::parse(res->body)["error"]["message"].get<std::string>().find("校验位") != std::string::npos);
    res = c.Get("/api/v1/doorplates/not-a-code");
    CHECK(res->status == 400);
    CHECK(json::parse(res->body)["error"]["code"] == "bad_doorplate_code");
}

TEST_CASE("the entry channel comes from src, and an unknown src is served as other") {
    testing::ServerProcess server;
    auto c = server.client();
    auto code = json::parse(c.Get("/api/v1/doorplates?limit=1")->body)["doorplates"][0]["code"].get<std::string>();
    const std::pair<const char*, const char*> cases[] = {
        {"?src=poster", "poster"}, {"?src=lift_ad", "lift_ad"}, {"?src=bogus%3Cx%3E", "other"}, {"", "web"}};
    for (auto [query, channel] : cases) {
        auto res = c.Get(("/api/v1/doorplates/" + code + query).c_str());
        REQUIRE(res);
        CHECK_MESSAGE(res->status == 200, query);
        CHECK_MESSAGE(json::parse(res->body)["channel"] == channel, query);
    }
}
