// Tests of shared/spatial_index: k nearest and radius queries against brute force, with and
// without filters, on random point sets (fixed seeds), duplicates and edge cases.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

#include "geo.hpp"
#include "spatial_index.hpp"

using dp::LatLng;
using dp::SpatialIndex;

namespace {

// Uniform doubles in [lo, hi) straight from the 32-bit generator, so that libstdc++ (native)
// and libc++ (wasm) draw the same numbers from the same seed.
struct Uniform {
    double lo, hi;
    Uniform(double a, double b) : lo(a), hi(b) {}
    double operator()(std::mt19937& r) const { return lo + (hi - lo) * (static_cast<double>(r()) / 4294967296.0); }
};

struct Ref {
    double d;
    std::size_t i;
};

std::vector<Ref> brute_force(const std::vector<LatLng>& pts, LatLng q, const SpatialIndex::Filter& accept) {
    std::vector<Ref> all;
    for (std::size_t i = 0; i < pts.size(); ++i)
        if (!accept || accept(i)) all.push_back({dp::haversine_m(q, pts[i]), i});
    std::sort(all.begin(), all.end(), [](const Ref& a, const Ref& b) { return a.d < b.d || (a.d == b.d && a.i < b.i); });
    return all;
}

std::vector<LatLng> random_points(std::mt19937& rng, std::size_t n, LatLng centre, double half_span_deg) {
    Uniform u(-half_span_deg, half_span_deg);
    std::vector<LatLng> pts(n);
    for (auto& p : pts) p = LatLng{centre.lat + u(rng), centre.lng + u(rng)};
    return pts;
}

void check_same(const std::vector<SpatialIndex::Hit>& got, const std::vector<Ref>& want, std::size_t k) {
    const std::size_t n = std::min(k, want.size());
    REQUIRE(got.size() == n);
    for (std::size_t j = 0; j < n; ++j) {
        CHECK(got[j].index == want[j].i);
        CHECK(got[j].distance_m == doctest::Approx(want[j].d).epsilon(1e-9));
    }
}

}  // namespace

TEST_CASE("k nearest equals brute force on random point sets") {
    std::mt19937 rng(12345);
    const LatLng nanan{24.96, 118.39};
    for (int trial = 0; trial < 120; ++trial) {
        const std::size_t n = 1 + rng() % 1500;
        const double span = trial % 10 == 0 ? 30.0 : 0.15;  // some sets span a continent
        auto pts = random_points(rng, n, nanan, span);
        SpatialIndex index(pts);
        REQUIRE(index.size() == n);
        for (int q = 0; q < 8; ++q) {
            LatLng query = random_points(rng, 1, nanan, span * 1.2)[0];
            const std::size_t k = 1 + rng() % 12;
            check_same(index.nearest(query, k), brute_force(pts, query, nullptr), k);
        }
    }
}

TEST_CASE("a filter still yields the k nearest matching points") {
    std::mt19937 rng(777);
    const LatLng nanan{24.96, 118.39};
    for (int trial = 0; trial < 80; ++trial) {
        const std::size_t n = 1 + rng() % 2000;
        auto pts = random_points(rng, n, nanan, 0.2);
        std::vector<bool> handles(n);
        const unsigned percent = 1 + rng() % 60;  // from rare to common
        for (std::size_t i = 0; i < n; ++i) handles[i] = rng() % 100 < percent;
        SpatialIndex index(pts);
        SpatialIndex::Filter accept = [&](std::size_t i) { return static_cast<bool>(handles[i]); };
        for (int q = 0; q < 6; ++q) {
            LatLng query = random_points(rng, 1, nanan, 0.25)[0];
            const std::size_t k = 1 + rng() % 8;
            auto got = index.nearest(query, k, accept);
            for (const auto& h : got) CHECK(handles[h.index]);
            check_same(got, brute_force(pts, query, accept), k);
        }
    }
}

TEST_CASE("a filter that matches nothing returns nothing and is asked only about candidates") {
    std::mt19937 rng(4);
    auto pts = random_points(rng, 5000, {24.96, 118.39}, 0.1);
    SpatialIndex index(pts);
    std::size_t calls = 0;
    auto none = index.nearest({24.96, 118.39}, 5, [&](std::size_t) {
        ++calls;
        return false;
    });
    CHECK(none.empty());
    CHECK(calls == pts.size());  // with no match every point is a candidate once
    calls = 0;
    auto all = index.nearest({24.96, 118.39}, 5, [&](std::size_t) {
        ++calls;
        return true;
    });
    CHECK(all.size() == 5);
    CHECK(calls < 200);  // an easy filter is consulted for a handful of points only
}

TEST_CASE("the maximum distance limits k nearest and radius queries equal brute force") {
    std::mt19937 rng(99);
    const LatLng c{24.96, 118.39};
    for (int trial = 0; trial < 40; ++trial) {
        auto pts = random_points(rng, 1 + rng() % 3000, c, 0.1);
        SpatialIndex index(pts);
        LatLng query = random_points(rng, 1, c, 0.1)[0];
        const double radius = 100.0 + static_cast<double>(rng() % 3000);
        auto ref = brute_force(pts, query, nullptr);
        std::vector<Ref> inside;
        for (const auto& r : ref)
            if (r.d <= radius) inside.push_back(r);
        check_same(index.within(query, radius), inside, inside.size());
        check_same(index.nearest(query, 10, nullptr, radius), inside, 10);
        auto odd = [](std::size_t i) { return i % 2 == 1; };
        std::vector<Ref> inside_odd;
        for (const auto& r : inside)
            if (r.i % 2 == 1) inside_odd.push_back(r);
        check_same(index.within(query, radius, odd), inside_odd, inside_odd.size());
    }
}

TEST_CASE("duplicate points are returned in index order and k larger than the set returns all") {
    std::vector<LatLng> pts(50, LatLng{24.96, 118.39});
    pts.push_back({24.97, 118.39});
    SpatialIndex index(pts);
    auto hits = index.nearest({24.96, 118.39}, 3);
    REQUIRE(hits.size() == 3);
    CHECK(hits[0].index == 0);
    CHECK(hits[1].index == 1);
    CHECK(hits[2].index == 2);
    CHECK(hits[0].distance_m == 0.0);
    auto everything = index.nearest({24.98, 118.39}, 100);
    REQUIRE(everything.size() == 51);
    CHECK(everything[0].index == 50);
    CHECK(everything[0].distance_m == doctest::Approx(1111.95).epsilon(1e-4));
}

TEST_CASE("an empty index and k of zero return no hits") {
    SpatialIndex empty;
    CHECK(empty.nearest({0, 0}, 5).empty());
    CHECK(empty.within({0, 0}, 1000).empty());
    SpatialIndex one(std::vector<LatLng>{{24.96, 118.39}});
    CHECK(one.nearest({24.96, 118.39}, 0).empty());
    CHECK(one.nearest({24.96, 118.39}, 1, nullptr, -1).empty());
    CHECK(one.within({24.96, 118.40}, 10).empty());
    CHECK(one.within({24.96, 118.40}, 2000).size() == 1);
}

TEST_CASE("points and queries that are not numbers are never returned") {
    const double nan = std::nan("");
    std::vector<LatLng> pts{{nan, 118.39}, {24.96, 118.39}, {24.97, nan}};
    SpatialIndex index(pts);
    auto hits = index.nearest({24.96, 118.39}, 5);
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].index == 1);
    CHECK(index.within({24.96, 118.39}, 1e9).size() == 1);
    CHECK(index.nearest({nan, 118.39}, 5).empty());
    CHECK(index.within({24.96, nan}, 1000).empty());
}

TEST_CASE("distances across the antimeridian and near the poles stay correct") {
    std::vector<LatLng> pts{{0, 179.999}, {0, -179.999}, {0, 170}, {89.9, 0}, {89.9, 180}};
    SpatialIndex index(pts);
    auto hits = index.nearest({0, 180}, 2);
    REQUIRE(hits.size() == 2);
    CHECK(hits[0].distance_m == doctest::Approx(111.195).epsilon(1e-3));
    CHECK(hits[1].distance_m == doctest::Approx(111.195).epsilon(1e-3));
    auto polar = index.nearest({89.95, 90}, 2);
    REQUIRE(polar.size() == 2);
    CHECK(polar[0].index >= 3);
    CHECK(polar[1].index >= 3);
}
