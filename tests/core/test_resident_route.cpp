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

TEST_CASE("every help page and a request's status page round-trip through their URLs") {
    const char* urls[] = {"/d/H5GYFKJ/help", "/d/H5GYFKJ/help?item=id-card-renewal",
                          "/d/H5GYFKJ/help/proxy?item=id-card-renewal", "/d/H5GYFKJ/help/proxy/sign?item=id-card-renewal",
                          "/d/H5GYFKJ/help/prereview?item=birth-registration", "/d/H5GYFKJ/help/ask",
                          "/d/H5GYFKJ/help/video?item=x", "/d/H5GYFKJ/requests", "/d/H5GYFKJ/requests/17"};
    for (std::string s : urls) {
        auto q = s.find('?');
        auto r = dp::parse_resident_route(s.substr(0, q), q == std::string::npos ? "" : s.substr(q + 1));
        CHECK(dp::is_help_page(r.page));
        CHECK(dp::resident_url(r) == s);
    }
    auto st = dp::parse_resident_route("/d/H5GYFKJ/requests/17", "");
    CHECK(st.page == ResidentPage::request_status);
    CHECK(st.request_id == "17");
    auto sign = dp::parse_resident_route("/d/H5GYFKJ/help/proxy/sign", "item=id-card-renewal");
    CHECK(sign.page == ResidentPage::help_proxy_sign);
    CHECK(sign.item_id == "id-card-renewal");
    CHECK_FALSE(dp::is_help_page(dp::parse_resident_route("/d/H5GYFKJ/map", "").page));
    // The guide's answers travel along, so 预审 lists exactly the tailored materials.
    auto pre = dp::parse_resident_route("/d/H5GYFKJ/help/prereview", "item=id-card-renewal&reason=lost&src=x");
    CHECK(pre.answers.at("reason") == std::vector<std::string>{"lost"});
    CHECK(dp::resident_url(pre) == "/d/H5GYFKJ/help/prereview?item=id-card-renewal&reason=lost");
}

TEST_CASE("broken help and request paths are not found") {
    CHECK(dp::parse_resident_route("/d/H5GYFKJ/help/other", "").page == ResidentPage::not_found);
    CHECK(dp::parse_resident_route("/d/H5GYFKJ/help/proxy/x", "").page == ResidentPage::not_found);
    CHECK(dp::parse_resident_route("/d/H5GYFKJ/requests/abc", "").page == ResidentPage::not_found);
    CHECK(dp::parse_resident_route("/d/H5GYFKJ/requests/1/2", "").page == ResidentPage::not_found);
    CHECK(dp::parse_resident_route("/d/H5GYFKJ/requests/123456789012345678901", "").page == ResidentPage::not_found);
}
