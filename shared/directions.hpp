// Turn-by-turn directions in Chinese from a route: steps per road, turns from the change of
// bearing, rounded distances ("320 米" → "300 米", "1.2 公里") and a one-line summary.
#pragma once
#include <string>
#include <vector>

#include "road_graph.hpp"

namespace dp {

enum class Maneuver : std::uint8_t { depart, straight, slight_left, left, slight_right, right, uturn, arrive };

struct DirectionStep {
    Maneuver maneuver = Maneuver::depart;
    std::string instruction;  // "沿溪州路向东步行 300 米", "右转进入成功街，步行 150 米", "到达 …"
    std::string road;         // the road's name as shown ("无名道路" when unnamed; "" for arrive)
    double distance_m = 0;    // unrounded
    double duration_s = 0;
    LatLng location;          // where the step begins
    double bearing_deg = 0;   // heading at the start of the step
};

// Turn from the change of heading δ = outgoing − incoming in (−180, 180] (positive = right):
// |δ| ≤ 20° straight; ≤ 60° slight; ≤ 150° turn; beyond that a U-turn.
Maneuver classify_turn(double delta_deg);
// "直行", "向左前方", "左转", "向右前方", "右转", "掉头" ("出发", "到达" for the ends).
const char* maneuver_zh(Maneuver m);
// "北", "东北", "东", "东南", "南", "西南", "西", "西北" (45° sectors centred on each).
const char* cardinal_zh(double bearing_deg);
// Under 100 m to the nearest 10 m (at least "10 米"); under 1 km to the nearest 50 m;
// from 1 km in kilometres with one decimal ("1.2 公里", "3 公里").
std::string format_distance_zh(double metres);
// "不到 1 分钟", "8 分钟", "1 小时 5 分钟" (minutes rounded up).
std::string format_duration_zh(double seconds);

// The steps of a found route: the first names the direction ("沿溪州路向东步行 300 米"),
// each later one the turn onto the next road ("右转进入成功街，步行 150 米"), the last one
// "到达 <destination>". Consecutive pieces of the same road (same name; unnamed roads by
// identity) are one step. Walking says 步行, driving 行驶. Empty when the route was not found.
std::vector<DirectionStep> directions_zh(const RoadGraph& graph, const Route& route,
                                         const std::string& destination_name);

// "步行 650 米，约 8 分钟" / "驾车 3.4 公里，约 6 分钟".
std::string route_summary_zh(const Route& route);

}  // namespace dp
