// Tests of shared/resident_route: every resident page has a URL that parses back to it.
#include <doctest/doctest.h>

#include "resident_route.hpp"

using dp::ResidentPage;

TEST_CASE("a doorplate link is the landing page and keeps its entry channel") {
    auto r = dp::parse_resident_route("/d/H5GYFKJ", "src=poster");
    CHECK(r.page == ResidentPage::landing);
    CHECK(r.doorplate == "H5GYFKJ");
    CHECK(r.channel == "poster");
    CHECK(dp::resident_url(r) == "/d/H5GYFKJ?src=poster");
}

TEST_CASE("a search URL carries the query, Chinese included") {
    auto r = dp::parse_resident_route("/d/H5GYFKJ/search", "q=%E8%BA%AB%E4%BB%BD%E8%AF%81");
    CHECK(r.page == ResidentPage::search);
    CHECK(r.query == "身份证");
    CHECK(dp::resident_url(r) == "/d/H5GYFKJ/search?q=%E8%BA%AB%E4%BB%BD%E8%AF%81");
}

TEST_CASE("a question page keeps the answers given so far, multiple choice included") {
    auto r = dp::parse_resident_route("/d/H5GYFKJ/guide/id-card-renewal/q/age", "reason=expired&docs=a&docs=b&src=x");
    CHECK(r.page == ResidentPage::guide_question);
    CHECK(r.guide_id == "id-card-renewal");
    CHECK(r.question_id == "age");
    CHECK(r.answers.at("reason") == std::vector<std::string>{"expired"});
    CHECK(r.answers.at("docs") == std::vector<std::string>{"a", "b"});
    CHECK(r.answers.count("src") == 0);
    auto back = dp::parse_resident_route("/d/H5GYFKJ/guide/id-card-renewal/q/age", "docs=a&docs=b&reason=expired");
    CHECK(dp::resident_url(r) == dp::resident_url(back));
}

TEST_CASE("intro, result and settings pages round-trip through their URLs") {
    for (const char* url : {"/d/ABCDEFG/guide/birth-bundle", "/d/ABCDEFG/guide/birth-bundle/result?born-where=local",
                            "/d/ABCDEFG/settings"}) {
        std::string s = url;
        auto qpos = s.find('?');
        auto r = dp::parse_resident_route(s.substr(0, qpos), qpos == std::string::npos ? "" : s.substr(qpos + 1));
        CHECK(r.page != ResidentPage::not_found);
        CHECK(dp::resident_url(r) == s);
    }
}

TEST_CASE("paths that are not resident pages are not found") {
    CHECK(dp::parse_resident_route("/", "").page == ResidentPage::not_found);
    CHECK(dp::parse_resident_route("/d/", "").page == ResidentPage::not_found);
    CHECK(dp::parse_resident_route("/d/ABC/guide/x/q", "").page == ResidentPage::not_found);
    CHECK(dp::parse_resident_route("/d/ABC/unknown", "").page == ResidentPage::not_found);
}

TEST_CASE("the map, a place's card and its route each have a URL that parses back") {
    auto m = dp::parse_resident_route("/d/H5GYFKJ/map", "");
    CHECK(m.page == ResidentPage::map);
    CHECK(m.place_id.empty());
    CHECK(dp::resident_url(m) == "/d/H5GYFKJ/map");
    auto card = dp::parse_resident_route("/d/H5GYFKJ/map/place/SP0001", "");
    CHECK(card.page == ResidentPage::map);
    CHECK(card.place_id == "SP0001");
    CHECK(card.route_mode.empty());
    CHECK(dp::resident_url(card) == "/d/H5GYFKJ/map/place/SP0001");
    auto walk = dp::parse_resident_route("/d/H5GYFKJ/map/place/SP0001", "route=walk");
    CHECK(walk.route_mode == "walk");
    CHECK(walk.answers.empty());
    CHECK(dp::resident_url(walk) == "/d/H5GYFKJ/map/place/SP0001?route=walk");
    CHECK(dp::parse_resident_route("/d/H5GYFKJ/map/place/SP0001", "route=drive").route_mode == "drive");
}

TEST_CASE("an unknown route mode is ignored and broken map paths are not found") {
    CHECK(dp::parse_resident_route("/d/H5GYFKJ/map/place/SP0001", "route=fly").route_mode.empty());
    CHECK(dp::parse_resident_route("/d/H5GYFKJ/map", "route=walk").route_mode.empty());
    CHECK(dp::parse_resident_route("/d/H5GYFKJ/map/place", "").page == ResidentPage::not_found);
    CHECK(dp::parse_resident_route("/d/H5GYFKJ/map/other/SP1", "").page == ResidentPage::not_found);
}
