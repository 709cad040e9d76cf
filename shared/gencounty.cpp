// The demo county generator (see gencounty.hpp): roads with shared-vertex junctions, rivers,
// Voronoi town boundaries, service points and doorplates, all from one seeded generator.
#include "gencounty.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <map>
#include <numeric>
#include <set>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

#include "geo.hpp"

namespace dp {

CatalogueItemRef catalogue_item_ref(const nlohmann::json& item) {
    CatalogueItemRef r;
    r.id = item.at("id").get<std::string>();
    r.department = item.value("department", "");
    if (item.contains("channels") && item["channels"].is_array())
        for (const auto& c : item["channels"])
            if (c.is_object()) r.channels.push_back(c.value("kind", c.value("type", "")));
    return r;
}

namespace {

// splitmix64: identical sequences on every platform.
struct Rng {
    std::uint64_t s;
    std::uint64_t next() {
        std::uint64_t z = (s += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    double uniform() { return static_cast<double>(next() >> 11) / 9007199254740992.0; }
    double range(double a, double b) { return a + (b - a) * uniform(); }
};

Point2 operator+(Point2 a, Point2 b) { return {a.x + b.x, a.y + b.y}; }
Point2 operator-(Point2 a, Point2 b) { return {a.x - b.x, a.y - b.y}; }
Point2 operator*(Point2 a, double k) { return {a.x * k, a.y * k}; }
double cross(Point2 a, Point2 b) { return a.x * b.y - a.y * b.x; }
double dot(Point2 a, Point2 b) { return a.x * b.x + a.y * b.y; }
double norm(Point2 a) { return std::sqrt(dot(a, a)); }
Point2 rotate(Point2 v, double ang) {
    const double c = std::cos(ang), s = std::sin(ang);
    return {v.x * c - v.y * s, v.x * s + v.y * c};
}
Point2 unit(Point2 v) {
    const double n = norm(v);
    return n > 0 ? v * (1.0 / n) : Point2{1, 0};
}
Point2 left_normal(Point2 dir) { return {-dir.y, dir.x}; }

struct TownIn {
    std::string id, name, short_name;
    Point2 c;
    double angle = 0;  // grid rotation
    bool street = false;  // 街道 (urban): a larger grid
    std::vector<std::string> ew_names, ns_names;  // grid lines, south→north and west→east
    std::vector<size_t> villages;
};
struct VillageIn {
    std::string id, name, kind;
    size_t town = 0;
    Point2 c;
    std::vector<std::string> roads;
};
struct RoadXY {
    std::string name;
    RoadClass cls = RoadClass::residential;
    bool oneway = false;
    std::vector<Point2> pts;
};

std::string short_name(const std::string& name) {
    for (const char* suffix : {"街道", "镇", "乡"}) {
        const std::string s = suffix;
        if (name.size() > s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0)
            return name.substr(0, name.size() - s.size());
    }
    return name;
}

const char* const kNumerals[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

// Points from a to b every ~step metres, bent sideways by amp·sin(π·waves·t).
std::vector<Point2> bent_line(Point2 a, Point2 b, double step, double amp, int waves) {
    const Point2 d = b - a;
    const double len = norm(d);
    const int n = std::max(1, static_cast<int>(std::ceil(len / step)));
    const Point2 side = left_normal(unit(d));
    std::vector<Point2> out;
    for (int i = 0; i <= n; ++i) {
        const double t = static_cast<double>(i) / n;
        const double off = (i == 0 || i == n) ? 0 : amp * std::sin(kPi * waves * t);
        out.push_back(i == n ? b : a + d * t + side * off);
    }
    return out;
}

// Every segment of `way` split into pieces of at most `step` metres.
std::vector<Point2> densify(const std::vector<Point2>& way, double step) {
    std::vector<Point2> out;
    for (size_t i = 0; i + 1 < way.size(); ++i) {
        const auto piece = bent_line(way[i], way[i + 1], step, 0, 0);
        out.insert(out.end(), piece.begin() + (i == 0 ? 0 : 1), piece.end());
    }
    if (way.size() == 1) out = way;
    return out;
}

double polyline_length(const std::vector<Point2>& pts) {
    double s = 0;
    for (size_t i = 0; i + 1 < pts.size(); ++i) s += distance(pts[i], pts[i + 1]);
    return s;
}

// The point at arc length s and the direction of the line there.
std::pair<Point2, Point2> point_at(const std::vector<Point2>& pts, double s) {
    for (size_t i = 0; i + 1 < pts.size(); ++i) {
        const double l = distance(pts[i], pts[i + 1]);
        if (s <= l || i + 2 == pts.size()) {
            const double t = l > 0 ? std::clamp(s / l, 0.0, 1.0) : 0;
            return {pts[i] + (pts[i + 1] - pts[i]) * t, unit(pts[i + 1] - pts[i])};
        }
        s -= l;
    }
    return {pts.front(), Point2{1, 0}};
}

// Arc length of the point of the line nearest to p.
double arc_of_nearest(const std::vector<Point2>& pts, Point2 p) {
    double best = 1e300, best_s = 0, s = 0;
    for (size_t i = 0; i + 1 < pts.size(); ++i) {
        const auto pr = project_on_segment(p, pts[i], pts[i + 1]);
        const double l = distance(pts[i], pts[i + 1]);
        if (pr.distance < best) {
            best = pr.distance;
            best_s = s + pr.t * l;
        }
        s += l;
    }
    return best_s;
}

bool inside(Point2 p, const std::vector<Point2>& poly) {
    bool in = false;
    for (size_t i = 0, j = poly.size() - 1; i < poly.size(); j = i++) {
        const Point2 a = poly[i], b = poly[j];
        if ((a.y > p.y) != (b.y > p.y)) {
            const double x = a.x + (p.y - a.y) * (b.x - a.x) / (b.y - a.y);
            if (p.x < x) in = !in;
        }
    }
    return in;
}

// ---- junctions: every crossing of two segments becomes a vertex of both roads ----

void insert_junctions(std::vector<RoadXY>& roads) {
    struct Seg {
        std::uint32_t road, index;
    };
    std::vector<Seg> segs;
    for (std::uint32_t r = 0; r < roads.size(); ++r)
        for (std::uint32_t i = 0; i + 1 < roads[r].pts.size(); ++i) segs.push_back({r, i});
    const double cell = 200;
    std::map<std::pair<long, long>, std::vector<std::uint32_t>> grid;
    for (std::uint32_t k = 0; k < segs.size(); ++k) {
        const Point2 a = roads[segs[k].road].pts[segs[k].index], b = roads[segs[k].road].pts[segs[k].index + 1];
        const long x0 = static_cast<long>(std::floor(std::min(a.x, b.x) / cell)), x1 = static_cast<long>(std::floor(std::max(a.x, b.x) / cell));
        const long y0 = static_cast<long>(std::floor(std::min(a.y, b.y) / cell)), y1 = static_cast<long>(std::floor(std::max(a.y, b.y) / cell));
        for (long x = x0; x <= x1; ++x)
            for (long y = y0; y <= y1; ++y) grid[{x, y}].push_back(k);
    }
    std::vector<std::vector<std::pair<double, Point2>>> inserts(segs.size());
    std::unordered_set<std::uint64_t> tested;
    for (const auto& [key, list] : grid) {
        for (size_t i = 0; i < list.size(); ++i)
            for (size_t j = i + 1; j < list.size(); ++j) {
                const std::uint32_t u = std::min(list[i], list[j]), v = std::max(list[i], list[j]);
                const Seg su = segs[u], sv = segs[v];
                if (su.road == sv.road && (su.index + 1 >= sv.index && sv.index + 1 >= su.index)) continue;
                if (!tested.insert((static_cast<std::uint64_t>(u) << 32) | v).second) continue;
                const Point2 a1 = roads[su.road].pts[su.index], a2 = roads[su.road].pts[su.index + 1];
                const Point2 b1 = roads[sv.road].pts[sv.index], b2 = roads[sv.road].pts[sv.index + 1];
                const Point2 r = a2 - a1, s = b2 - b1;
                const double den = cross(r, s);
                if (std::fabs(den) < 1e-9) continue;
                const double t = cross(b1 - a1, s) / den, w = cross(b1 - a1, r) / den;
                const double lr = norm(r), ls = norm(s);
                const double et = 0.5 / lr, ew = 0.5 / ls;  // half a metre, in parameter units
                if (t < -et || t > 1 + et || w < -ew || w > 1 + ew) continue;
                Point2 x = a1 + r * t;
                if (t <= et) x = a1;
                else if (t >= 1 - et) x = a2;
                else if (w <= ew) x = b1;
                else if (w >= 1 - ew) x = b2;
                inserts[u].push_back({std::clamp(t, 0.0, 1.0), x});
                inserts[v].push_back({std::clamp(w, 0.0, 1.0), x});
            }
    }
    // Rebuild each road with its junction points; a junction replaces a plain vertex closer
    // than half a metre (RoadGraph would merge them anyway).
    for (std::uint32_t k = 0, r = 0; r < roads.size(); ++r) {
        auto& pts = roads[r].pts;
        if (pts.size() < 2) continue;
        std::vector<Point2> out;
        std::vector<char> junction;
        auto push = [&](Point2 p, bool j) {
            if (!out.empty() && distance(out.back(), p) < 0.5) {
                if (j && !junction.back()) {
                    out.back() = p;
                    junction.back() = 1;
                }
                return;
            }
            out.push_back(p);
            junction.push_back(j);
        };
        for (std::uint32_t i = 0; i + 1 < pts.size(); ++i, ++k) {
            push(pts[i], false);
            auto& ins = inserts[k];
            std::stable_sort(ins.begin(), ins.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
            for (const auto& [t, p] : ins) push(p, true);
        }
        push(pts.back(), false);
        pts = std::move(out);
    }
}

// Joins every part of the network to the largest one by a short connector road.
void connect_components(std::vector<RoadXY>& roads) {
    for (int round = 0; round < 3; ++round) {
        std::map<std::pair<double, double>, std::uint32_t> ids;
        std::vector<Point2> verts;
        std::vector<std::uint32_t> first_road;
        std::vector<std::uint32_t> parent;
        std::function<std::uint32_t(std::uint32_t)> find = [&](std::uint32_t a) {
            while (parent[a] != a) a = parent[a] = parent[parent[a]];
            return a;
        };
        auto id_of = [&](Point2 p, std::uint32_t road) {
            auto [it, added] = ids.emplace(std::make_pair(p.x, p.y), static_cast<std::uint32_t>(verts.size()));
            if (added) {
                verts.push_back(p);
                parent.push_back(it->second);
                first_road.push_back(road);
            }
            return it->second;
        };
        for (std::uint32_t r = 0; r < roads.size(); ++r)
            for (size_t i = 0; i + 1 < roads[r].pts.size(); ++i) {
                const auto a = find(id_of(roads[r].pts[i], r)), b = find(id_of(roads[r].pts[i + 1], r));
                if (a != b) parent[std::max(a, b)] = std::min(a, b);
            }
        std::map<std::uint32_t, std::vector<std::uint32_t>> comps;
        for (std::uint32_t v = 0; v < verts.size(); ++v) comps[find(v)].push_back(v);
        if (comps.size() <= 1) return;
        auto main = std::max_element(comps.begin(), comps.end(), [](const auto& a, const auto& b) {
            return a.second.size() < b.second.size();
        });
        // Every other component joins the main one at the closest pair of vertices.
        for (auto other = comps.begin(); other != comps.end(); ++other) {
            if (other == main) continue;
            double best = 1e300;
            std::uint32_t from = 0, to = 0;
            for (auto a : other->second)
                for (auto b : main->second) {
                    const double d = distance_sq(verts[a], verts[b]);
                    if (d < best) {
                        best = d;
                        from = a;
                        to = b;
                    }
                }
            RoadXY link;
            link.name = roads[first_road[from]].name.empty() ? std::string() : roads[first_road[from]].name + "支路";
            link.cls = RoadClass::residential;
            link.pts = densify({verts[from], verts[to]}, 50);
            link.pts.front() = verts[from];
            link.pts.back() = verts[to];
            roads.push_back(std::move(link));
        }
    }
}

// ---- polygons ----

std::vector<Point2> convex_hull(std::vector<Point2> p) {
    std::sort(p.begin(), p.end(), [](Point2 a, Point2 b) { return a.x < b.x || (a.x == b.x && a.y < b.y); });
    if (p.size() < 3) return p;
    std::vector<Point2> h(2 * p.size());
    size_t k = 0;
    for (size_t i = 0; i < p.size(); ++i) {
        while (k >= 2 && cross(h[k - 1] - h[k - 2], p[i] - h[k - 2]) <= 0) --k;
        h[k++] = p[i];
    }
    for (size_t i = p.size() - 1, t = k + 1; i-- > 0;) {
        while (k >= t && cross(h[k - 1] - h[k - 2], p[i] - h[k - 2]) <= 0) --k;
        h[k++] = p[i];
    }
    h.resize(k - 1);
    return h;
}

// The part of a convex polygon where dot(p − m, n) ≤ 0.
std::vector<Point2> clip_half_plane(const std::vector<Point2>& poly, Point2 m, Point2 n) {
    std::vector<Point2> out;
    for (size_t i = 0; i < poly.size(); ++i) {
        const Point2 a = poly[i], b = poly[(i + 1) % poly.size()];
        const double da = dot(a - m, n), db = dot(b - m, n);
        if (da <= 0) out.push_back(a);
        if ((da < 0 && db > 0) || (da > 0 && db < 0)) out.push_back(a + (b - a) * (da / (da - db)));
    }
    return out;
}

// A river as a polygon: the centre line through `way` (densified, gently meandering) widened
// to `width` metres.
std::vector<Point2> river_polygon(const std::vector<Point2>& way, double width, Rng& rng) {
    std::vector<Point2> centre;
    for (size_t i = 0; i + 1 < way.size(); ++i) {
        const auto piece = bent_line(way[i], way[i + 1], 150, rng.range(-250, 250), 1 + static_cast<int>(rng.next() % 2));
        centre.insert(centre.end(), piece.begin() + (i == 0 ? 0 : 1), piece.end());
    }
    std::vector<Point2> left, right;
    for (size_t i = 0; i < centre.size(); ++i) {
        const Point2 d = unit(centre[std::min(i + 1, centre.size() - 1)] - centre[i > 0 ? i - 1 : 0]);
        const double w = width * (0.85 + 0.3 * std::fabs(std::sin(static_cast<double>(i) * 0.37)));
        left.push_back(centre[i] + left_normal(d) * (w / 2));
        right.push_back(centre[i] - left_normal(d) * (w / 2));
    }
    std::reverse(right.begin(), right.end());
    left.insert(left.end(), right.begin(), right.end());
    return left;
}

std::string digits(Rng& rng, int n) {
    std::string s;
    for (int i = 0; i < n; ++i) s += static_cast<char>('0' + rng.next() % 10);
    return s;
}

bool has_channel(const CatalogueItemRef& r, const char* kind) {
    return std::find(r.channels.begin(), r.channels.end(), kind) != r.channels.end();
}
bool dept_has(const CatalogueItemRef& r, const char* part) { return r.department.find(part) != std::string::npos; }

std::vector<std::string> items_where(const std::vector<CatalogueItemRef>& items,
                                     const std::function<bool(const CatalogueItemRef&)>& pred) {
    std::vector<std::string> out;
    for (const auto& r : items)
        if (pred(r)) out.push_back(r.id);
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

DemoCounty generate_demo_county(const nlohmann::json& areas, const std::vector<CatalogueItemRef>& items,
                                std::uint64_t seed) {
    Rng rng{seed ^ 0x5EED5EEDull};
    const std::string county = areas.at("county").get<std::string>();
    std::string county_id;
    LatLng origin{24.96, 118.386};
    for (const auto& a : areas.at("areas"))
        if (a.at("kind") == "county") {
            county_id = a.at("id").get<std::string>();
            origin = {a.at("lat").get<double>(), a.at("lng").get<double>()};
        }
    const LocalProjection proj(origin);
    DemoCounty out;
    for (const auto& a : areas.at("areas"))
        out.areas.push_back({a.at("id").get<std::string>(), a.at("name").get<std::string>(),
                             a.at("kind").get<std::string>(), a.at("parent_id").get<std::string>(),
                             {a.at("lat").get<double>(), a.at("lng").get<double>()}});

    // ---- areas ----
    std::vector<TownIn> towns;
    std::vector<VillageIn> villages;
    std::map<std::string, size_t> town_index;
    for (const auto& a : areas.at("areas")) {
        const std::string kind = a.at("kind").get<std::string>();
        const Point2 c = proj.project({a.at("lat").get<double>(), a.at("lng").get<double>()});
        if (kind == "town") {
            TownIn t;
            t.id = a.at("id").get<std::string>();
            t.name = a.at("name").get<std::string>();
            t.short_name = short_name(t.name);
            t.c = c;
            t.street = t.name.size() > 6 && t.name.compare(t.name.size() - 6, 6, "街道") == 0;
            town_index[t.id] = towns.size();
            towns.push_back(std::move(t));
        }
    }
    for (const auto& a : areas.at("areas")) {
        const std::string kind = a.at("kind").get<std::string>();
        if (kind != "village" && kind != "community") continue;
        VillageIn v;
        v.id = a.at("id").get<std::string>();
        v.name = a.at("name").get<std::string>();
        v.kind = kind;
        const auto it = town_index.find(a.at("parent_id").get<std::string>());
        if (it == town_index.end()) throw std::invalid_argument("village " + v.id + " has no town");
        v.town = it->second;
        v.c = proj.project({a.at("lat").get<double>(), a.at("lng").get<double>()});
        v.roads = a.at("roads").get<std::vector<std::string>>();
        if (v.roads.empty()) throw std::invalid_argument("village " + v.id + " names no roads");
        towns[v.town].villages.push_back(villages.size());
        villages.push_back(std::move(v));
    }
    if (towns.empty()) throw std::invalid_argument("areas.json has no towns");
    std::set<std::string> village_road_names;
    for (const auto& v : villages) village_road_names.insert(v.roads.begin(), v.roads.end());

    std::vector<RoadXY> roads;

    // ---- town street grids ----
    for (auto& t : towns) {
        t.angle = rng.range(-0.25, 0.25);
        const int half = t.street ? 3 : 2;  // lines at -half..half × 300 m
        const double extent = half * 300.0 + 150.0;
        auto line_name = [&](const std::string& base) {
            std::string n = base;
            while (village_road_names.count(n)) n += "新";
            return n;
        };
        for (int k = -half; k <= half; ++k) {
            const std::string num = kNumerals[k + half];
            RoadXY ew, ns;
            ew.name = line_name(t.short_name + num + "路");
            ns.name = line_name(t.short_name + num + "街");
            ew.cls = ns.cls = k == 0 ? RoadClass::secondary : RoadClass::tertiary;
            ns.oneway = k == 1;  // one one-way street per town (south to north)
            for (double s = -extent; s <= extent + 1e-9; s += 50) {
                ew.pts.push_back(t.c + rotate({s, k * 300.0}, t.angle));
                ns.pts.push_back(t.c + rotate({k * 300.0, s}, t.angle));
            }
            t.ew_names.push_back(ew.name);
            t.ns_names.push_back(ns.name);
            roads.push_back(std::move(ew));
            roads.push_back(std::move(ns));
        }
    }

    // ---- village roads: a name shared by villages is one road through them ----
    std::map<std::pair<size_t, std::string>, size_t> named_road;  // (town, name) → roads index
    for (size_t ti = 0; ti < towns.size(); ++ti) {
        std::map<std::string, std::vector<size_t>> users;
        std::vector<std::string> order;
        for (size_t vi : towns[ti].villages)
            for (const auto& name : villages[vi].roads) {
                if (!users.count(name)) order.push_back(name);
                auto& u = users[name];
                if (std::find(u.begin(), u.end(), vi) == u.end()) u.push_back(vi);
            }
        for (const auto& name : order) {
            const auto& u = users[name];
            std::vector<Point2> way;
            RoadXY r;
            r.name = name;
            if (u.size() >= 2) {
                for (size_t vi : u) way.push_back(villages[vi].c);
                const Point2 d0 = unit(way[0] - way[1]), d1 = unit(way.back() - way[way.size() - 2]);
                way.insert(way.begin(), way.front() + d0 * 350);
                way.push_back(way.back() + d1 * 350);
                r.cls = RoadClass::tertiary;
            } else {
                const double ang = rng.range(0, kPi);
                const Point2 d = rotate({1, 0}, ang);
                const Point2 c = villages[u[0]].c;
                way = {c - d * 450, c, c + d * 450};
                r.cls = RoadClass::residential;
            }
            r.pts = densify(way, 40);
            named_road[{ti, name}] = roads.size();
            roads.push_back(std::move(r));
        }
    }
    // Lanes (巷) off each village's own road.
    for (const auto& v : villages) {
        const size_t ri = named_road.at({v.town, v.roads.back()});
        const std::vector<Point2> base = roads[ri].pts;  // copy: roads grows below
        const double len = polyline_length(base);
        for (int k = 0; k < 3; ++k) {
            const double s = len * (0.25 + 0.25 * k);
            // start at the nearest existing vertex so that the lane is joined to the road
            size_t at = 0;
            double best = 1e300;
            const Point2 want = point_at(base, s).first;
            for (size_t i = 0; i < base.size(); ++i)
                if (distance(base[i], want) < best) {
                    best = distance(base[i], want);
                    at = i;
                }
            const Point2 dir = unit(base[std::min(at + 1, base.size() - 1)] - base[at > 0 ? at - 1 : 0]);
            const Point2 side = left_normal(dir) * (k % 2 == 0 ? 1.0 : -1.0);
            RoadXY lane;
            lane.name = v.roads.back() + kNumerals[k] + "巷";
            lane.cls = RoadClass::residential;
            lane.pts = bent_line(base[at], base[at] + side * rng.range(180, 300), 40, rng.range(-15, 15), 1);
            roads.push_back(std::move(lane));
        }
    }

    // ---- roads between towns: a spanning tree plus each town's two nearest neighbours ----
    std::set<std::pair<size_t, size_t>> links;
    {
        std::vector<char> in(towns.size(), 0);
        std::vector<double> best(towns.size(), 1e300);
        std::vector<size_t> via(towns.size(), 0);
        best[0] = 0;
        for (size_t n = 0; n < towns.size(); ++n) {
            size_t u = towns.size();
            for (size_t i = 0; i < towns.size(); ++i)
                if (!in[i] && (u == towns.size() || best[i] < best[u])) u = i;
            in[u] = 1;
            if (n > 0) links.insert({std::min(u, via[u]), std::max(u, via[u])});
            for (size_t i = 0; i < towns.size(); ++i) {
                const double d = distance(towns[u].c, towns[i].c);
                if (!in[i] && d < best[i]) {
                    best[i] = d;
                    via[i] = u;
                }
            }
        }
        for (size_t i = 0; i < towns.size(); ++i) {
            std::vector<size_t> others(towns.size());
            std::iota(others.begin(), others.end(), 0);
            std::sort(others.begin(), others.end(), [&](size_t a, size_t b) {
                return distance(towns[i].c, towns[a].c) < distance(towns[i].c, towns[b].c);
            });
            for (size_t k = 1; k <= 2 && k < others.size(); ++k)
                links.insert({std::min(i, others[k]), std::max(i, others[k])});
        }
    }
    // The trunk road: the tree path between the southernmost and northernmost towns.
    std::set<std::pair<size_t, size_t>> trunk;
    {
        size_t south = 0, north = 0;
        for (size_t i = 0; i < towns.size(); ++i) {
            if (towns[i].c.y < towns[south].c.y) south = i;
            if (towns[i].c.y > towns[north].c.y) north = i;
        }
        std::vector<std::vector<size_t>> adj(towns.size());
        for (auto [a, b] : links) {
            adj[a].push_back(b);
            adj[b].push_back(a);
        }
        // Dijkstra by distance over the links.
        std::vector<double> dist(towns.size(), 1e300);
        std::vector<size_t> prev(towns.size(), towns.size());
        std::vector<char> done(towns.size(), 0);
        dist[south] = 0;
        for (size_t n = 0; n < towns.size(); ++n) {
            size_t u = towns.size();
            for (size_t i = 0; i < towns.size(); ++i)
                if (!done[i] && (u == towns.size() || dist[i] < dist[u])) u = i;
            if (u == towns.size() || dist[u] >= 1e300) break;
            done[u] = 1;
            for (size_t w : adj[u])
                if (dist[u] + distance(towns[u].c, towns[w].c) < dist[w]) {
                    dist[w] = dist[u] + distance(towns[u].c, towns[w].c);
                    prev[w] = u;
                }
        }
        for (size_t v = north; prev[v] != towns.size(); v = prev[v]) trunk.insert({std::min(v, prev[v]), std::max(v, prev[v])});
    }
    for (auto [a, b] : links) {
        RoadXY r;
        const bool is_trunk = trunk.count({a, b}) > 0;
        r.cls = is_trunk ? RoadClass::trunk : RoadClass::primary;
        r.name = is_trunk ? "国道324线" : towns[a].short_name + "至" + towns[b].short_name + "公路";
        const double len = distance(towns[a].c, towns[b].c);
        r.pts = bent_line(towns[a].c, towns[b].c, 100, rng.range(-0.08, 0.08) * len, 1 + static_cast<int>(rng.next() % 2));
        roads.push_back(std::move(r));
    }

    insert_junctions(roads);
    connect_components(roads);

    // ---- rivers ----
    std::vector<std::vector<Point2>> water;
    {
        auto P = [&](double lat, double lng) { return proj.project({lat, lng}); };
        const Point2 confluence = P(24.947, 118.468);
        struct River {
            const char* name;
            std::vector<Point2> way;
            double width;
        };
        const std::vector<River> rivers = {
            {"西溪", {P(25.10, 118.235), P(25.03, 118.262), P(24.99, 118.318), P(24.951, 118.352), P(24.951, 118.43), confluence}, 140},
            {"东溪", {P(25.19, 118.405), P(25.11, 118.405), P(25.02, 118.428), P(24.985, 118.47), confluence}, 110},
            {"晋江", {confluence, P(24.94, 118.52), P(24.925, 118.57)}, 280},
        };
        for (const auto& r : rivers) {
            water.push_back(river_polygon(r.way, r.width, rng));
            MapFeature f;
            f.kind = "water";
            f.name = r.name;
            for (const auto& p : water.back()) f.polygon.push_back(round_latlng(proj.unproject(p)));
            out.features.push_back(std::move(f));
        }
    }
    auto in_water = [&](Point2 p) {
        for (const auto& w : water)
            if (inside(p, w)) return true;
        return false;
    };

    // ---- boundaries: Voronoi cells of the town centres inside the county outline ----
    {
        std::vector<Point2> all;
        for (const auto& t : towns) all.push_back(t.c);
        for (const auto& v : villages) all.push_back(v.c);
        std::vector<Point2> hull = convex_hull(all);
        Point2 centroid{0, 0};
        for (const auto& p : hull) centroid = centroid + p;
        centroid = centroid * (1.0 / static_cast<double>(hull.size()));
        std::vector<Point2> outline;
        for (const auto& p : hull) outline.push_back(p + unit(p - centroid) * 3500);
        outline = convex_hull(outline);
        MapFeature c;
        c.kind = "boundary";
        c.name = county;
        c.area_id = county_id;
        c.area_kind = "county";
        for (const auto& p : outline) c.polygon.push_back(round_latlng(proj.unproject(p)));
        out.features.push_back(std::move(c));
        for (size_t i = 0; i < towns.size(); ++i) {
            std::vector<Point2> cell = outline;
            for (size_t j = 0; j < towns.size() && cell.size() >= 3; ++j)
                if (j != i) cell = clip_half_plane(cell, (towns[i].c + towns[j].c) * 0.5, towns[j].c - towns[i].c);
            MapFeature f;
            f.kind = "boundary";
            f.name = towns[i].name;
            f.area_id = towns[i].id;
            f.area_kind = "town";
            for (const auto& p : cell) f.polygon.push_back(round_latlng(proj.unproject(p)));
            out.features.push_back(std::move(f));
        }
    }

    // ---- service points ----
    const auto all_items = items_where(items, [](const CatalogueItemRef&) { return true; });
    const auto centre_items = items_where(items, [](const CatalogueItemRef& r) {
        return has_channel(r, "nearest_hall") && !dept_has(r, "公安");
    });
    const auto station_items = items_where(items, [](const CatalogueItemRef& r) {
        return has_channel(r, "nearest_hall") &&
               (dept_has(r, "民政") || dept_has(r, "残疾人") || dept_has(r, "人力资源") || dept_has(r, "医疗保障"));
    });
    const auto police_items = items_where(items, [](const CatalogueItemRef& r) { return r.department == "南安市公安局"; });
    const auto market_items = items_where(items, [](const CatalogueItemRef& r) { return dept_has(r, "市场监督"); });
    const auto kiosk_items = items_where(items, [](const CatalogueItemRef& r) {
        return has_channel(r, "kiosk") || has_channel(r, "online");
    });
    const std::string national_day = "; 2026-10-01..2026-10-08 off";
    auto hours = [](const std::string& text) {
        auto parsed = parse_opening_hours(text);
        if (!parsed.ok()) throw std::logic_error("generator hours: " + parsed.error);
        return *parsed.hours;
    };
    int serial_sp = 0;
    auto add_point = [&](ServicePointType type, std::string name, const std::string& area_id, std::string address,
                         Point2 at, Point2 shift, std::string phone, const std::string& hours_text,
                         std::vector<std::string> handled) {
        for (int i = 0; i < 30 && in_water(at); ++i) at = at + shift;
        ServicePoint p;
        char id[16];
        std::snprintf(id, sizeof id, "SP%04d", ++serial_sp);
        p.id = id;
        p.name = std::move(name);
        p.type = type;
        p.area_id = area_id;
        p.address = std::move(address);
        p.location = round_latlng(proj.unproject(at));
        p.phone = std::move(phone);
        p.hours = hours(hours_text);
        p.items = std::move(handled);
        out.service_points.push_back(std::move(p));
    };
    for (auto& t : towns) {
        const int mid = static_cast<int>(t.ew_names.size() / 2);
        const std::string main_road = t.ew_names[static_cast<size_t>(mid)], cross_road = t.ns_names[static_cast<size_t>(mid)];
        const std::string prefix = county + t.name;
        auto at = [&](double x, double y) { return t.c + rotate({x, y}, t.angle); };
        const Point2 north = rotate({0, 40}, t.angle);
        if (t.id == towns.front().id) {
            add_point(ServicePointType::service_centre, county + "行政服务中心", t.id,
                      prefix + main_road + std::to_string(2 * (1 + rng.next() % 60)) + "号", at(-150, 30), north,
                      "0595-8638" + digits(rng, 4), "Mo-Fr 08:30-12:00,14:30-17:30; Sa 09:00-12:00" + national_day,
                      all_items);
        }
        const bool saturday = t.street || rng.next() % 3 == 0;
        add_point(ServicePointType::service_centre, t.name + "便民服务中心", t.id,
                  prefix + main_road + std::to_string(1 + 2 * (rng.next() % 60)) + "号", at(60, 30), north,
                  "0595-86" + digits(rng, 6),
                  std::string("Mo-Fr 08:00-12:00,14:30-17:30") + (saturday ? "; Sa 09:00-12:00" : "") + national_day,
                  centre_items);
        add_point(ServicePointType::police, "南安市公安局" + t.short_name + "派出所", t.id,
                  prefix + main_road + std::to_string(2 * (1 + rng.next() % 60)) + "号", at(240, -30), north,
                  "0595-8637" + digits(rng, 4),
                  std::string("Mo-Fr 08:00-12:00,14:30-17:30") + (rng.next() % 2 ? "; Sa 08:30-11:30" : "") + national_day,
                  police_items);
        add_point(ServicePointType::market_supervision, "南安市市场监督管理局" + t.short_name + "市场监督管理所", t.id,
                  prefix + main_road + std::to_string(1 + 2 * (rng.next() % 60)) + "号", at(-240, -30), north,
                  "0595-8639" + digits(rng, 4), "Mo-Fr 08:00-12:00,14:30-17:30" + national_day, market_items);
        add_point(ServicePointType::kiosk, t.name + "24小时自助服务终端（" + cross_road + "）", t.id,
                  prefix + cross_road + std::to_string(1 + 2 * (rng.next() % 60)) + "号", at(30, 240), north,
                  "0595-12345", "24/7", kiosk_items);
        if (t.street)
            add_point(ServicePointType::kiosk, t.name + "24小时自助服务终端（" + t.ns_names[static_cast<size_t>(mid - 1)] + "）",
                      t.id, prefix + t.ns_names[static_cast<size_t>(mid - 1)] + std::to_string(2 * (1 + rng.next() % 60)) + "号",
                      at(-270, -240), north, "0595-12345", "24/7", kiosk_items);
        for (size_t vi : t.villages) {
            const VillageIn& v = villages[vi];
            const auto& own = roads[named_road.at({v.town, v.roads.back()})].pts;
            const auto [p, dir] = point_at(own, arc_of_nearest(own, v.c) + 30);
            const bool sat = rng.next() % 4 == 0;
            add_point(ServicePointType::village_station, v.name + "便民服务站", v.id,
                      prefix + v.name + v.roads.back() + std::to_string(1 + 2 * (rng.next() % 40)) + "号",
                      p + left_normal(dir) * 15, dir * 40, "0595-86" + digits(rng, 6),
                      std::string(sat ? "Mo-Sa" : "Mo-Fr") + " 08:30-11:30,15:00-17:30" + national_day, station_items);
        }
    }

    // ---- doorplates: the numbering of the earlier seeding, placed along their roads ----
    {
        Rng plate_rng{20261128};
        std::uint32_t serial = 0;
        std::map<std::string, std::string> town_names;
        for (const auto& t : towns) town_names[t.id] = t.name;
        for (const auto& v : villages) {
            const size_t n = v.roads.size();
            for (size_t i = 0; i < 36; ++i) {
                const std::string& road = v.roads[i % n];
                const int number = 1 + 2 * static_cast<int>(i / n) + static_cast<int>(plate_rng.next() % 2);
                std::string building;
                if (v.kind == "community" && i % 3 == 0) building = std::to_string(1 + plate_rng.next() % 12) + "幢";
                const std::uint32_t code_serial = static_cast<std::uint32_t>((++serial * 2654435761ull) & ((1u << 30) - 1));
                const double u1 = plate_rng.uniform(), u2 = plate_rng.uniform();
                const auto& line = roads[named_road.at({v.town, road})].pts;
                const double len = polyline_length(line);
                const double s = arc_of_nearest(line, v.c) + (static_cast<double>(i / n) - 5.5) * 35 + (u1 - 0.5) * 10;
                const double side = number % 2 == 1 ? 1.0 : -1.0;
                // Along the road from the village centre; where that is in a river, the nearest
                // dry spot along the road (either way).
                Point2 at;
                for (int tries = 0; tries < 200; ++tries) {
                    const double shift = 40.0 * ((tries + 1) / 2) * (tries % 2 ? 1 : -1);
                    const auto [p, dir] = point_at(line, std::clamp(s + shift, 5.0, len - 5.0));
                    at = p + left_normal(dir) * (side * (8 + 4 * u2));
                    if (!in_water(at)) break;
                }
                Doorplate d;
                d.code = make_doorplate_code(code_serial);
                d.area_id = v.id;
                d.town_id = towns[v.town].id;
                d.address = {county, towns[v.town].name, v.name, road, std::to_string(number) + "号", building};
                d.location = round_latlng(proj.unproject(at));
                out.doorplates.push_back(std::move(d));
            }
        }
    }

    // ---- roads out, in WGS-84 ----
    for (const auto& r : roads) {
        Road road;
        road.name = r.name;
        road.road_class = r.cls;
        road.oneway = r.oneway;
        for (const auto& p : r.pts) {
            const LatLng q = round_latlng(proj.unproject(p));
            if (road.line.empty() || road.line.back().lat != q.lat || road.line.back().lng != q.lng) road.line.push_back(q);
        }
        if (road.line.size() >= 2) out.roads.push_back(std::move(road));
    }
    return out;
}

}  // namespace dp
