// Map and navigation query parameters (see geo_params.hpp).
#include "geo_params.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>

#include "http_util.hpp"

namespace dp {

namespace {
double parse_coordinate(const std::string& v, const char* name, bool latitude) {
    const char* what = latitude ? "纬度" : "经度";
    if (v.empty()) throw HttpError(400, "bad_coordinate", std::string("缺少") + what + "（参数 " + name + "）");
    char* end = nullptr;
    const double d = std::strtod(v.c_str(), &end);
    if (v.find_first_not_of("0123456789+-.eE") != std::string::npos || end != v.c_str() + v.size() || !std::isfinite(d))
        throw HttpError(400, "bad_coordinate", std::string("参数 ") + name + " 的" + what + "应为数字，而不是“" + v + "”");
    const double limit = latitude ? 90 : 180;
    if (d < -limit || d > limit)
        throw HttpError(400, "bad_coordinate", std::string("参数 ") + name + " 的" + what +
                                                   (latitude ? "应在 -90 到 90 之间" : "应在 -180 到 180 之间"));
    return d;
}
}  // namespace

double latitude_param(const httplib::Request& req, const char* name) {
    if (!req.has_param(name)) throw HttpError(400, "bad_coordinate", std::string("缺少参数 ") + name + "（纬度）");
    return parse_coordinate(req.get_param_value(name), name, true);
}

double longitude_param(const httplib::Request& req, const char* name) {
    if (!req.has_param(name)) throw HttpError(400, "bad_coordinate", std::string("缺少参数 ") + name + "（经度）");
    return parse_coordinate(req.get_param_value(name), name, false);
}

LatLng parse_latlng_text(const std::string& text, const char* name) {
    const auto comma = text.find(',');
    if (comma == std::string::npos || text.find(',', comma + 1) != std::string::npos)
        throw HttpError(400, "bad_coordinate", std::string("参数 ") + name + " 应为“纬度,经度”，如 24.96,118.39");
    return {parse_coordinate(text.substr(0, comma), name, true), parse_coordinate(text.substr(comma + 1), name, false)};
}

CoordSystem coord_param(const httplib::Request& req) {
    if (!req.has_param("coord")) return CoordSystem::wgs84;
    const std::string v = req.get_param_value("coord");
    if (auto c = coord_system_from_id(v)) return *c;
    throw HttpError(400, "bad_coord", "参数 coord 应为 wgs84、gcj02 或 bd09，而不是“" + v + "”");
}

LocalDateTime at_param(const httplib::Request& req) {
    if (!req.has_param("at")) return shanghai_from_unix(static_cast<std::int64_t>(std::time(nullptr)));
    return local_time_param(req, "at");
}

LocalDateTime local_time_param(const httplib::Request& req, const char* name) {
    const auto t = parse_local_time(req.get_param_value(name));
    if (!t)
        throw HttpError(400, "bad_time", std::string("参数 ") + name + " 应为北京时间“YYYY-MM-DDTHH:MM”，如 2026-10-09T09:30");
    return *t;
}

}  // namespace dp
