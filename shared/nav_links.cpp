// Builds the Amap / Baidu / Tencent navigation URLs: coordinate conversion per provider,
// fixed six-decimal formatting, and percent-encoding of names.
#include "nav_links.hpp"

#include <cstdio>
#include <iterator>

#include "geo.hpp"

namespace dp {


namespace {

std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6f", v);
    return buf;
}

std::string lon_lat(LatLng p) { return num(p.lng) + "," + num(p.lat); }
std::string lat_lng(LatLng p) { return num(p.lat) + "," + num(p.lng); }

// Each map's word for a travel mode, in NavMode order (walk, drive, transit).
struct ModeWords {
    const char* amap;      // amap web: walk / car / bus
    const char* amap_app;  // amap app's t: 0 drive, 1 public transport, 2 walk
    const char* baidu;
    const char* tencent;
};
constexpr ModeWords kModeWords[] = {
    {"walk", "2", "walking", "walk"},
    {"car", "0", "driving", "drive"},
    {"bus", "1", "transit", "bus"},
};
const ModeWords& words(NavMode m) {
    const auto i = static_cast<size_t>(m);
    return kModeWords[i < std::size(kModeWords) ? i : 0];
}

// Baidu's "latlng:…|name:…" place syntax.
std::string baidu_place(const NavPlace& p) {
    return "latlng:" + lat_lng(wgs84_to_bd09(p.location)) + "|name:" + url_encode(p.name);
}

}  // namespace

MapLinks amap_links(const NavPlace& destination, NavMode mode, const NavOptions& options) {
    MapLinks l;
    l.provider = MapProvider::amap;
    l.label = "高德地图";
    const LatLng to = wgs84_to_gcj02(destination.location);
    const std::string src = url_encode(options.source);
    const std::string name = url_encode(destination.name);

    std::string from_web, from_app;
    if (options.origin) {
        const LatLng from = wgs84_to_gcj02(options.origin->location);
        from_web = "from=" + lon_lat(from) + "," + url_encode(options.origin->name) + "&";
        from_app = "&slat=" + num(from.lat) + "&slon=" + num(from.lng) + "&sname=" + url_encode(options.origin->name);
    }
    l.navigation = "https://uri.amap.com/navigation?" + from_web + "to=" + lon_lat(to) + "," + name +
                   "&mode=" + words(mode).amap + "&src=" + src + "&coordinate=gaode&callnative=1";
    const std::string query = "sourceApplication=" + src + from_app + "&dlat=" + num(to.lat) + "&dlon=" + num(to.lng) +
                              "&dname=" + name + "&dev=0&t=" + words(mode).amap_app;
    l.app = "amapuri://route/plan/?" + query;
    l.app_ios = "iosamap://path?" + query;
    l.marker = "https://uri.amap.com/marker?position=" + lon_lat(to) + "&name=" + name + "&src=" + src +
               "&coordinate=gaode&callnative=0";
    return l;
}

MapLinks baidu_links(const NavPlace& destination, NavMode mode, const NavOptions& options) {
    MapLinks l;
    l.provider = MapProvider::baidu;
    l.label = "百度地图";
    const LatLng to = wgs84_to_bd09(destination.location);
    const std::string src = url_encode(options.source);
    const std::string name = url_encode(destination.name);
    const std::string content = url_encode(destination.address.empty() ? destination.name : destination.address);

    l.marker = "https://api.map.baidu.com/marker?location=" + lat_lng(to) + "&title=" + name + "&content=" + content +
               "&output=html&coord_type=bd09ll&src=" + src;
    const std::string origin = options.origin ? "origin=" + baidu_place(*options.origin) + "&" : "";
    if (options.origin) {
        l.navigation = "https://api.map.baidu.com/direction?" + origin + "destination=" + baidu_place(destination) +
                       "&mode=" + words(mode).baidu + "&coord_type=bd09ll&output=html&src=" + src;
    } else {
        l.navigation = l.marker;
    }
    l.app = "baidumap://map/direction?" + origin + "destination=" + baidu_place(destination) + "&coord_type=bd09ll&mode=" +
            words(mode).baidu + "&src=" + src;
    l.app_ios = l.app;
    return l;
}

MapLinks tencent_links(const NavPlace& destination, NavMode mode, const NavOptions& options) {
    MapLinks l;
    l.provider = MapProvider::tencent;
    l.label = "腾讯地图";
    const LatLng to = wgs84_to_gcj02(destination.location);
    const std::string referer = url_encode(options.source);
    const std::string name = url_encode(destination.name);

    std::string from_web, from_app = "&fromcoord=CurrentLocation";
    if (options.origin) {
        const LatLng from = wgs84_to_gcj02(options.origin->location);
        from_web = "&from=" + url_encode(options.origin->name) + "&fromcoord=" + lat_lng(from);
        from_app = from_web;
    }
    l.navigation = std::string("https://apis.map.qq.com/uri/v1/routeplan?type=") + words(mode).tencent + from_web +
                   "&to=" + name + "&tocoord=" + lat_lng(to) + "&coord_type=2&referer=" + referer;
    l.app = std::string("qqmap://map/routeplan?type=") + words(mode).tencent + from_app + "&to=" + name + "&tocoord=" +
            lat_lng(to) + "&referer=" + referer;
    l.app_ios = l.app;
    std::string marker = "coord:" + lat_lng(to) + ";title:" + name;
    if (!destination.address.empty()) marker += ";addr:" + url_encode(destination.address);
    l.marker = "https://apis.map.qq.com/uri/v1/marker?marker=" + marker + "&coord_type=2&referer=" + referer;
    return l;
}

std::vector<MapLinks> nav_links(const NavPlace& destination, NavMode mode, const NavOptions& options) {
    return {amap_links(destination, mode, options), baidu_links(destination, mode, options),
            tencent_links(destination, mode, options)};
}

}  // namespace dp
