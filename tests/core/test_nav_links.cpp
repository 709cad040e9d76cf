// Tests of shared/nav_links: exact Amap / Baidu / Tencent URLs for a fixed point in Nan'an,
// the coordinate system and order each expects, modes, origins and percent-encoding.
#include <doctest/doctest.h>

#include <cstdio>

#include "geo.hpp"
#include "nav_links.hpp"

using dp::NavMode;
using dp::NavPlace;

namespace {

// 便民服务中心 in UTF-8, percent-encoded.
const std::string kEnc = "%E4%BE%BF%E6%B0%91%E6%9C%8D%E5%8A%A1%E4%B8%AD%E5%BF%83";
// 成功街88号
const std::string kHomeEnc = "%E6%88%90%E5%8A%9F%E8%A1%9788%E5%8F%B7";

NavPlace centre() { return NavPlace{"便民服务中心", {24.96, 118.39}, ""}; }

dp::NavOptions from_home() {
    dp::NavOptions o;
    o.origin = NavPlace{"成功街88号", {24.955, 118.385}, ""};
    return o;
}

std::string six(double v) {
    char b[32];
    std::snprintf(b, sizeof b, "%.6f", v);
    return b;
}

}  // namespace

TEST_CASE("the fixed point's converted coordinates are the ones used in the URLs") {
    const auto g = dp::wgs84_to_gcj02({24.96, 118.39});
    const auto b = dp::wgs84_to_bd09({24.96, 118.39});
    CHECK(six(g.lng) + "," + six(g.lat) == "118.394890,24.957370");
    CHECK(six(b.lat) + "," + six(b.lng) == "24.963117,118.401441");
}

TEST_CASE("percent-encoding keeps only unreserved characters") {
    CHECK(dp::url_encode("abcXYZ019-_.~") == "abcXYZ019-_.~");
    CHECK(dp::url_encode("a b&c/d,e|f:g;h") == "a%20b%26c%2Fd%2Ce%7Cf%3Ag%3Bh");
    CHECK(dp::url_encode("溪") == "%E6%BA%AA");
    CHECK(dp::url_encode("便民服务中心") == kEnc);
    CHECK(dp::url_encode("") == "");
}

TEST_CASE("Amap links use GCJ-02 in lon,lat order") {
    auto l = dp::amap_links(centre(), NavMode::walk);
    CHECK(l.label == "高德地图");
    CHECK(l.navigation == "https://uri.amap.com/navigation?to=118.394890,24.957370," + kEnc +
                              "&mode=walk&src=doorplate&coordinate=gaode&callnative=1");
    CHECK(l.app == "amapuri://route/plan/?sourceApplication=doorplate&dlat=24.957370&dlon=118.394890&dname=" + kEnc +
                       "&dev=0&t=2");
    CHECK(l.app_ios == "iosamap://path?sourceApplication=doorplate&dlat=24.957370&dlon=118.394890&dname=" + kEnc +
                           "&dev=0&t=2");
    CHECK(l.marker == "https://uri.amap.com/marker?position=118.394890,24.957370&name=" + kEnc +
                          "&src=doorplate&coordinate=gaode&callnative=0");
    CHECK(dp::amap_links(centre(), NavMode::drive).navigation.find("&mode=car&") != std::string::npos);
    CHECK(dp::amap_links(centre(), NavMode::transit).app.find("&t=1") != std::string::npos);
    auto with_origin = dp::amap_links(centre(), NavMode::drive, from_home());
    CHECK(with_origin.navigation == "https://uri.amap.com/navigation?from=118.389888,24.952366," + kHomeEnc +
                                        "&to=118.394890,24.957370," + kEnc +
                                        "&mode=car&src=doorplate&coordinate=gaode&callnative=1");
    CHECK(with_origin.app == "amapuri://route/plan/?sourceApplication=doorplate&slat=24.952366&slon=118.389888&sname=" +
                                 kHomeEnc + "&dlat=24.957370&dlon=118.394890&dname=" + kEnc + "&dev=0&t=0");
}

TEST_CASE("Baidu links use BD-09 in lat,lng order with coord_type=bd09ll") {
    auto l = dp::baidu_links(centre(), NavMode::walk, from_home());
    CHECK(l.label == "百度地图");
    CHECK(l.navigation == "https://api.map.baidu.com/direction?origin=latlng:24.958056,118.396446|name:" + kHomeEnc +
                              "&destination=latlng:24.963117,118.401441|name:" + kEnc +
                              "&mode=walking&coord_type=bd09ll&output=html&src=doorplate");
    CHECK(l.app == "baidumap://map/direction?origin=latlng:24.958056,118.396446|name:" + kHomeEnc +
                       "&destination=latlng:24.963117,118.401441|name:" + kEnc +
                       "&coord_type=bd09ll&mode=walking&src=doorplate");
    CHECK(l.app_ios == l.app);
    CHECK(l.marker == "https://api.map.baidu.com/marker?location=24.963117,118.401441&title=" + kEnc + "&content=" + kEnc +
                          "&output=html&coord_type=bd09ll&src=doorplate");
    CHECK(dp::baidu_links(centre(), NavMode::transit, from_home()).navigation.find("&mode=transit&") != std::string::npos);
    CHECK(dp::baidu_links(centre(), NavMode::drive, from_home()).navigation.find("&mode=driving&") != std::string::npos);
}

TEST_CASE("without an origin Baidu's web link falls back to the marker page and the app starts from here") {
    NavPlace place = centre();
    place.address = "溪";
    auto l = dp::baidu_links(place, NavMode::walk);
    CHECK(l.navigation == l.marker);
    CHECK(l.marker == "https://api.map.baidu.com/marker?location=24.963117,118.401441&title=" + kEnc +
                          "&content=%E6%BA%AA&output=html&coord_type=bd09ll&src=doorplate");
    CHECK(l.app == "baidumap://map/direction?destination=latlng:24.963117,118.401441|name:" + kEnc +
                       "&coord_type=bd09ll&mode=walking&src=doorplate");
}

TEST_CASE("Tencent links use GCJ-02 in lat,lng order with coord_type=2") {
    auto l = dp::tencent_links(centre(), NavMode::walk);
    CHECK(l.label == "腾讯地图");
    CHECK(l.navigation == "https://apis.map.qq.com/uri/v1/routeplan?type=walk&to=" + kEnc +
                              "&tocoord=24.957370,118.394890&coord_type=2&referer=doorplate");
    CHECK(l.app == "qqmap://map/routeplan?type=walk&fromcoord=CurrentLocation&to=" + kEnc +
                       "&tocoord=24.957370,118.394890&referer=doorplate");
    CHECK(l.marker == "https://apis.map.qq.com/uri/v1/marker?marker=coord:24.957370,118.394890;title:" + kEnc +
                          "&coord_type=2&referer=doorplate");
    auto bus = dp::tencent_links(centre(), NavMode::transit, from_home());
    CHECK(bus.navigation == "https://apis.map.qq.com/uri/v1/routeplan?type=bus&from=" + kHomeEnc +
                                "&fromcoord=24.952366,118.389888&to=" + kEnc +
                                "&tocoord=24.957370,118.394890&coord_type=2&referer=doorplate");
    CHECK(dp::tencent_links(centre(), NavMode::drive).app.find("type=drive&") != std::string::npos);
}

TEST_CASE("all three providers come in order with the chosen source and names that cannot break the URL") {
    dp::NavOptions o;
    o.source = "webapp.nanan.doorplate";
    NavPlace tricky{"A&B|C,D;E", {24.96, 118.39}, ""};
    auto all = dp::nav_links(tricky, NavMode::walk, o);
    REQUIRE(all.size() == 3);
    CHECK(all[0].provider == dp::MapProvider::amap);
    CHECK(all[1].provider == dp::MapProvider::baidu);
    CHECK(all[2].provider == dp::MapProvider::tencent);
    for (const auto& l : all) {
        CHECK(l.navigation.find("A%26B%7CC%2CD%3BE") != std::string::npos);
        CHECK(l.navigation.find("webapp.nanan.doorplate") != std::string::npos);
        CHECK(l.marker.find("A&B") == std::string::npos);
    }
}

TEST_CASE("a destination outside China keeps its WGS-84 coordinates for GCJ-02 providers") {
    NavPlace paris{"Paris", {48.8566, 2.3522}, ""};
    CHECK(dp::amap_links(paris, NavMode::walk).marker.find("position=2.352200,48.856600&") != std::string::npos);
    CHECK(dp::tencent_links(paris, NavMode::walk).navigation.find("tocoord=48.856600,2.352200&") != std::string::npos);
}
