// Integration tests of the guide routes: listing and search, one item or bundle, the per-guide
// document the app loads, the search index, and the HTML guide.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "catalogue.hpp"
#include "server_process.hpp"

using nlohmann::json;

namespace {
json get_json(httplib::Client& c, const std::string& path, int expect = 200) {
    auto res = c.Get(path.c_str());
    REQUIRE(res);
    CHECK_MESSAGE(res->status == expect, path);
    return json::parse(res->body);
}
bool has_id(const json& list, const std::string& id) {
    for (auto& e : list)
        if (e["id"] == id) return true;
    return false;
}
}  // namespace

TEST_CASE("items are listed most popular first, filtered by life event") {
    testing::ServerProcess server;
    auto c = server.client();
    auto body = get_json(c, "/api/v1/items?limit=10");
    REQUIRE(body["items"].size() == 10);
    for (size_t i = 1; i < body["items"].size(); ++i)
        CHECK(body["items"][i - 1]["popularity"].get<int>() >= body["items"][i]["popularity"].get<int>());
    auto births = get_json(c, "/api/v1/items?life_event=birth&limit=50");
    CHECK(has_id(births["items"], "birth-registration"));
    CHECK_FALSE(has_id(births["items"], "driving-licence-renewal"));
}

TEST_CASE("search finds items by two-character Chinese, aliases and pinyin initials") {
    testing::ServerProcess server;
    auto c = server.client();
    auto shebao = get_json(c, "/api/v1/items?q=%E7%A4%BE%E4%BF%9D");  // 社保
    CHECK(has_id(shebao["items"], "social-security-card"));
    auto hukou = get_json(c, "/api/v1/items?q=%E6%88%B7%E5%8F%A3");  // 户口
    CHECK(has_id(hukou["items"], "hukou-move-in"));
    auto sfz = get_json(c, "/api/v1/items?q=sfz");
    REQUIRE(sfz["items"].size() > 0);
    CHECK(sfz["items"][0]["id"] == "id-card-renewal");
    auto none = get_json(c, "/api/v1/items?q=zzzzqqq");
    CHECK(none["items"].empty());
}

TEST_CASE("one item comes whole with its Traditional Chinese edition; unknown and bad ids are errors") {
    testing::ServerProcess server;
    auto c = server.client();
    auto item = get_json(c, "/api/v1/items/id-card-renewal");
    CHECK(item["name"].get<std::string>().find("居民身份证") != std::string::npos);
    CHECK(item["materials"].size() > 0);
    CHECK(item["zh-Hant"]["name"].get<std::string>().find("居民身份證") != std::string::npos);
    CHECK(get_json(c, "/api/v1/items/no-such-item", 404)["error"]["code"] == "item_not_found");
    CHECK(get_json(c, "/api/v1/items/Bad%20Id", 400)["error"]["code"] == "bad_id");
}

TEST_CASE("a bundle lists the items it combines") {
    testing::ServerProcess server;
    auto c = server.client();
    auto b = get_json(c, "/api/v1/bundles/birth-bundle");
    CHECK(b["name"] == "出生一件事");
    CHECK(has_id(b["item_summaries"], "birth-registration"));
    CHECK(get_json(c, "/api/v1/bundles/id-card-renewal", 404)["error"]["code"] == "bundle_not_found");
}

TEST_CASE("the guide document parses as a catalogue with the guide and its related items") {
    testing::ServerProcess server;
    auto c = server.client();
    auto doc = get_json(c, "/api/v1/guides/birth-bundle");
    auto load = dp::parse_catalogue_json(doc);
    REQUIRE(load.ok());
    REQUIRE(load.catalogue.find_bundle("birth-bundle"));
    for (auto& id : load.catalogue.find_bundle("birth-bundle")->items) CHECK_MESSAGE(load.catalogue.find_item(id), id);
    CHECK(get_json(c, "/api/v1/guides/nothing", 404)["error"]["code"] == "guide_not_found");
}

TEST_CASE("the search index carries pinyin for offline search in the app") {
    testing::ServerProcess server;
    auto c = server.client();
    auto idx = get_json(c, "/api/v1/search-index");
    REQUIRE(idx["entries"].size() == 48);
    bool found = false;
    for (auto& e : idx["entries"])
        if (e["id"] == "id-card-renewal") {
            found = true;
            CHECK(e["pinyin_initials"].dump().find("sfz") != std::string::npos);
        }
    CHECK(found);
}

TEST_CASE("the HTML guide shows the materials for the answers given, in the chosen script") {
    testing::ServerProcess server;
    auto c = server.client();
    auto res = c.Get("/guide/id-card-renewal");
    REQUIRE(res);
    CHECK(res->status == 200);
    CHECK(res->get_header_value("Content-Type") == "text/html; charset=utf-8");
    CHECK(res->body.rfind("<!doctype html>", 0) == 0);
    CHECK(res->body.find("<script") == std::string::npos);
    auto hant = c.Get("/guide/id-card-renewal?lang=zh-Hant");
    CHECK(hant->body.find("lang=\"zh-Hant\"") != std::string::npos);
    CHECK(hant->body.find("身份證") != std::string::npos);
    CHECK(c.Get("/guide/id-card-renewal?lang=fr")->status == 400);
    CHECK(c.Get("/guide/no-such-guide")->status == 404);
}
