// Directions: groups a route's pieces into steps per road, classifies the turns between
// them and writes the Chinese instructions and distance/duration texts.
#include "directions.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace dp {

Maneuver classify_turn(double delta_deg) {
    const double d = normalize_angle_deg(delta_deg);
    const double a = std::fabs(d);
    if (a <= 20.0) return Maneuver::straight;
    if (a > 150.0) return Maneuver::uturn;
    if (a <= 60.0) return d > 0 ? Maneuver::slight_right : Maneuver::slight_left;
    return d > 0 ? Maneuver::right : Maneuver::left;
}

const char* maneuver_zh(Maneuver m) {
    switch (m) {
        case Maneuver::depart: return "出发";
        case Maneuver::straight: return "直行";
        case Maneuver::slight_left: return "向左前方";
        case Maneuver::left: return "左转";
        case Maneuver::slight_right: return "向右前方";
        case Maneuver::right: return "右转";
        case Maneuver::uturn: return "掉头";
        case Maneuver::arrive: return "到达";
    }
    return "";
}

const char* cardinal_zh(double bearing_deg) {
    static const char* const kNames[8] = {"北", "东北", "东", "东南", "南", "西南", "西", "西北"};
    double b = std::fmod(bearing_deg, 360.0);
    if (b < 0) b += 360.0;
    const int sector = static_cast<int>(std::floor((b + 22.5) / 45.0)) % 8;
    return kNames[sector];
}

std::string format_distance_zh(double metres) {
    if (!(metres >= 0)) metres = 0;
    char buf[32];
    if (metres < 100.0) {
        const double r = std::max(10.0, std::floor(metres / 10.0 + 0.5) * 10.0);
        std::snprintf(buf, sizeof buf, "%.0f 米", r);
        return buf;
    }
    const double r50 = std::floor(metres / 50.0 + 0.5) * 50.0;
    if (r50 < 1000.0) {
        std::snprintf(buf, sizeof buf, "%.0f 米", r50);
        return buf;
    }
    const double tenths = std::floor(metres / 100.0 + 0.5);  // kilometres with one decimal
    if (std::fmod(tenths, 10.0) == 0) std::snprintf(buf, sizeof buf, "%.0f 公里", tenths / 10.0);
    else std::snprintf(buf, sizeof buf, "%.1f 公里", tenths / 10.0);
    return buf;
}

std::string format_duration_zh(double seconds) {
    if (!(seconds >= 0)) seconds = 0;
    if (seconds < 60.0) return "不到 1 分钟";
    const long minutes = static_cast<long>(std::ceil(seconds / 60.0 - 1e-9));
    if (minutes < 60) return std::to_string(minutes) + " 分钟";
    const long h = minutes / 60, mins = minutes % 60;
    if (mins == 0) return std::to_string(h) + " 小时";
    return std::to_string(h) + " 小时 " + std::to_string(mins) + " 分钟";
}

namespace {

struct Piece {
    const RouteEdge* edge;
    LatLng start;
    LatLng end;
};

struct Group {
    std::size_t first = 0, last = 0;  // indices into pieces (inclusive)
    std::string name;                 // display name
    double distance_m = 0;
    double duration_s = 0;
};

// Heading at the start (or end) of a group, taken from the first (last) piece of at least a
// metre so that a sliver of a partial edge does not decide the direction.
double group_bearing(const std::vector<Piece>& pieces, const Group& g, bool at_start) {
    if (at_start) {
        for (std::size_t i = g.first; i <= g.last; ++i)
            if (pieces[i].edge->length_m >= 1.0) return initial_bearing_deg(pieces[i].start, pieces[i].end);
        return initial_bearing_deg(pieces[g.first].start, pieces[g.last].end);
    }
    for (std::size_t i = g.last + 1; i-- > g.first;)
        if (pieces[i].edge->length_m >= 1.0) return initial_bearing_deg(pieces[i].start, pieces[i].end);
    return initial_bearing_deg(pieces[g.first].start, pieces[g.last].end);
}

}  // namespace

std::vector<DirectionStep> directions_zh(const RoadGraph& graph, const Route& route,
                                         const std::string& destination_name) {
    std::vector<DirectionStep> steps;
    if (!route.found) return steps;
    const char* verb = route.mode == TravelMode::walk ? "步行" : "行驶";

    std::vector<Piece> pieces;
    pieces.reserve(route.edges.size());
    for (const auto& e : route.edges)
        pieces.push_back(Piece{&e, graph.point_on_edge(e.edge, e.from_fraction), graph.point_on_edge(e.edge, e.to_fraction)});

    // Consecutive pieces on the same road form one group.
    std::vector<Group> groups;
    std::size_t prev_road = 0;
    std::string prev_key;
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        const std::size_t road = graph.edges()[pieces[i].edge->edge].road;
        const std::string& name = graph.roads()[road].name;
        const std::string key = name.empty() ? "#" + std::to_string(road) : name;
        if (groups.empty() || key != prev_key || (name.empty() && road != prev_road)) {
            Group g;
            g.first = g.last = i;
            g.name = name.empty() ? "无名道路" : name;
            groups.push_back(g);
        }
        Group& g = groups.back();
        g.last = i;
        g.distance_m += pieces[i].edge->length_m;
        g.duration_s += pieces[i].edge->duration_s;
        prev_key = key;
        prev_road = road;
    }

    for (std::size_t k = 0; k < groups.size(); ++k) {
        const Group& g = groups[k];
        DirectionStep s;
        s.road = g.name;
        s.distance_m = g.distance_m;
        s.duration_s = g.duration_s;
        s.location = pieces[g.first].start;
        s.bearing_deg = group_bearing(pieces, g, true);
        const std::string dist = format_distance_zh(g.distance_m);
        if (k == 0) {
            s.maneuver = Maneuver::depart;
            s.instruction = "沿" + g.name + "向" + cardinal_zh(s.bearing_deg) + verb + " " + dist;
        } else {
            const double incoming = group_bearing(pieces, groups[k - 1], false);
            s.maneuver = classify_turn(s.bearing_deg - incoming);
            s.instruction = std::string(maneuver_zh(s.maneuver)) + "进入" + g.name + "，" + verb + " " + dist;
        }
        steps.push_back(std::move(s));
    }

    DirectionStep arrive;
    arrive.maneuver = Maneuver::arrive;
    arrive.instruction = destination_name.empty() ? "到达目的地" : "到达 " + destination_name;
    arrive.location = route.to.point;
    arrive.bearing_deg = steps.empty() ? 0.0 : group_bearing(pieces, groups.back(), false);
    steps.push_back(std::move(arrive));
    return steps;
}

std::string route_summary_zh(const Route& route) {
    if (!route.found) return "未找到路线";
    const char* how = route.mode == TravelMode::walk ? "步行" : "驾车";
    const std::string head = std::string(how) + " " + format_distance_zh(route.distance_m) + "，";
    if (route.duration_s < 60.0) return head + format_duration_zh(route.duration_s);
    return head + "约 " + format_duration_zh(route.duration_s);
}

}  // namespace dp
