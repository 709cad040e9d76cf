// Links that open navigation to a place in Amap, Baidu Maps and Tencent Maps (web pages, app
// schemes and plain marker pages as fallbacks), each in the coordinate system it expects.
#pragma once
#include "url.hpp"
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "doorplate.hpp"

namespace dp {

enum class NavMode : std::uint8_t { walk, drive, transit };
enum class MapProvider : std::uint8_t { amap, baidu, tencent };

struct NavPlace {
    std::string name;     // shown as the destination: "南安市溪美街道便民服务中心"
    LatLng location;      // WGS-84, converted per provider
    std::string address;  // optional, for marker pages
};

struct NavOptions {
    std::optional<NavPlace> origin;  // e.g. the scanned doorplate; else the phone's position
    std::string source = "doorplate";  // Amap src / Baidu src / Tencent referer
};

// For one provider:
//  navigation — the provider's https route-planning page (its URI API): opens in any browser,
//               and Amap's callnative=1 hands over to the app where the browser allows it.
//  app, app_ios — the app's own scheme (only when the app is known to be installed; these
//               fail inside WeChat). Only Amap differs between Android (amapuri://) and iOS.
//  marker     — a web page with a pin on the place: the last-resort fallback that works inside
//               WeChat without location permission.
// Coordinates: Amap GCJ-02 "lon,lat" (coordinate=gaode); Baidu BD-09 "lat,lng"
// (coord_type=bd09ll); Tencent GCJ-02 "lat,lng" (coord_type=2). Six decimals (~0.1 m).
struct MapLinks {
    MapProvider provider = MapProvider::amap;
    std::string label;  // 高德地图 / 百度地图 / 腾讯地图
    std::string navigation;
    std::string app;
    std::string app_ios;
    std::string marker;
};

MapLinks amap_links(const NavPlace& destination, NavMode mode, const NavOptions& options = {});
// Baidu's web direction page requires an origin: without one, `navigation` is the marker page
// (which offers "到这里去"); the app link then starts from the phone's position.
MapLinks baidu_links(const NavPlace& destination, NavMode mode, const NavOptions& options = {});
MapLinks tencent_links(const NavPlace& destination, NavMode mode, const NavOptions& options = {});
// Amap, Baidu, Tencent in that order.
std::vector<MapLinks> nav_links(const NavPlace& destination, NavMode mode, const NavOptions& options = {});


}  // namespace dp
