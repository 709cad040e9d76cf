// The demo county's first month of use (--demo-activity, on in `make run`): usage events and
// closed help requests over the 30 days up to now (today included), generated deterministically so that the
// dashboard shows the seed's headline figures (PRODUCT.md: 25,653 look-ups, 1,080 navigations,
// 937 help services) with weekday patterns, towns, items and entry channels. One transaction.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <tuple>

#include "app.hpp"
#include "digest.hpp"
#include "log.hpp"
#include "stats_store.hpp"

namespace dp {

namespace {

using nlohmann::json;

// The demo month's totals. Look-ups = doorplate opens + guide views = 25,653.
constexpr int kDemoDays = 30;
constexpr int64_t kDoorplateOpens = 10480;
constexpr int64_t kGuideViews = 15173;
constexpr int64_t kSearches = 3960;
constexpr int64_t kNavigations = 1080;
constexpr int64_t kHelpServices = 937;  // phone calls from the app + submitted requests
constexpr int64_t kPhoneHelp = 356;

struct Rng {  // splitmix64: the same sequence on every platform
    uint64_t s;
    uint64_t next() {
        uint64_t z = (s += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    double between(double lo, double hi) { return lo + (hi - lo) * uniform(); }
    std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
};

// Index drawn with the given weights.
struct Weighted {
    std::vector<double> cdf;
    explicit Weighted(const std::vector<double>& w) {
        double sum = 0;
        for (double x : w) cdf.push_back(sum += x);
    }
    std::size_t draw(Rng& rng) const {
        const double x = rng.uniform() * cdf.back();
        return static_cast<std::size_t>(std::upper_bound(cdf.begin(), cdf.end(), x) - cdf.begin()) % cdf.size();
    }
};

// `total` split over the weights exactly (largest remainder).
std::vector<int64_t> allocate(int64_t total, const std::vector<double>& w) {
    double sum = 0;
    for (double x : w) sum += x;
    std::vector<int64_t> out(w.size());
    std::vector<std::pair<double, std::size_t>> rest;
    int64_t given = 0;
    for (std::size_t i = 0; i < w.size(); ++i) {
        const double exact = static_cast<double>(total) * w[i] / sum;
        out[i] = static_cast<int64_t>(std::floor(exact));
        given += out[i];
        rest.push_back({exact - std::floor(exact), i});
    }
    std::sort(rest.begin(), rest.end(), [](auto& a, auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
    for (std::size_t k = 0; given < total; ++k, ++given) ++out[rest[k % rest.size()].second];
    return out;
}

struct Plate {
    std::string code, town_id, area_id;
    LatLng location;
};

struct Month {
    CivilDay first;
    std::vector<double> day_weights;
    Weighted hours;
    Rng& rng;
    int64_t now;
    // A time on day `i`: working hours busiest, a second peak in the evening; today: before now.
    int64_t time_on(int i) {
        const int64_t start = china_day_start(civil_from_days(days_from_civil(first) + i));
        if (start + 86400 > now) return start + static_cast<int64_t>(rng.uniform() * static_cast<double>(std::max<int64_t>(1, now - start)));
        return start + static_cast<int64_t>(hours.draw(rng)) * 3600 + static_cast<int64_t>(rng.below(3600));
    }
};

const char* kDemoNames[] = {"陈女士", "王先生", "林女士", "黄先生", "李女士", "张先生", "吴女士", "刘先生", "蔡女士", "郑先生"};

}  // namespace

int64_t seed_demo_activity(App& app, int64_t now) {
    Db& db = app.db;
    {
        auto lock = db.lock();
        Stmt c(db, "SELECT COUNT(*) FROM usage_events");
        c.step();
        if (c.int64(0) > 0) return 0;
    }
    std::vector<Plate> plates;
    {
        auto lock = db.lock();
        Stmt q(db, "SELECT code, town_id, area_id, lat, lng FROM doorplates ORDER BY code");
        while (q.step()) plates.push_back({q.text(0), q.text(1), q.text(2), {q.real(3), q.real(4)}});
    }
    const auto& popular = app.catalogue.by_popularity();
    if (plates.empty() || popular.empty() || app.places.points().empty()) return 0;

    Rng rng{20251101};
    const CivilDay last = china_day_of(now);  // the demo month ends now (today's events before now)
    const CivilDay first = civil_from_days(days_from_civil(last) - (kDemoDays - 1));
    std::vector<double> day_weights;
    static const double kWeekday[] = {1.15, 1.05, 1.0, 1.0, 0.95, 0.62, 0.5};  // Monday … Sunday
    for (int i = 0; i < kDemoDays; ++i) {
        const CivilDay d = civil_from_days(days_from_civil(first) + i);
        day_weights.push_back(kWeekday[iso_weekday(d) - 1] * (0.75 + 0.5 * i / (kDemoDays - 1)));  // word spreads
    }
    Month month{first, day_weights,
                Weighted({0.1, 0.05, 0.05, 0.05, 0.1, 0.3, 1, 2.5, 4.5, 5, 4.5, 3, 1.8, 2, 3.5, 4, 3.8, 2.8, 2, 2.6, 2.8, 2, 1,
                          0.3}),
                rng, now};
    std::vector<double> item_w;
    for (std::size_t r = 0; r < popular.size(); ++r) item_w.push_back(1.0 / std::pow(static_cast<double>(r) + 1.5, 0.9));
    const Weighted items(item_w);
    static const char* kChannels[] = {"poster", "wechat", "miniprogram", "lift_ad", "sms", "web", "other"};
    const Weighted channels({0.62, 0.17, 0.08, 0.06, 0.03, 0.03, 0.01});
    static const char* kMapApps[] = {"amap", "baidu", "tencent"};
    const Weighted map_apps({0.58, 0.27, 0.15});
    static const char* kKinds[] = {"question", "prereview", "proxy", "video"};
    const Weighted kinds({0.62, 0.18, 0.14, 0.06});
    const Weighted scores({0.005, 0.015, 0.05, 0.16, 0.77});  // 1 … 5
    auto plate = [&]() -> const Plate& { return plates[rng.below(plates.size())]; };
    auto item = [&]() -> const std::string& { return popular[items.draw(rng)]->id; };

    int64_t events = 0, requests = 0;
    db.transaction([&] {
        UsageEventInserter ins(db);
        auto put = [&](UsageEvent e, const Plate& p) {
            e.town_id = p.town_id;
            e.area_id = p.area_id;
            ins.insert(e);
            ++events;
        };
        auto each = [&](int64_t total, auto&& make) {
            const auto per_day = allocate(total, day_weights);
            for (int i = 0; i < kDemoDays; ++i)
                for (int64_t k = 0; k < per_day[static_cast<std::size_t>(i)]; ++k) make(month.time_on(i));
        };
        each(kDoorplateOpens, [&](int64_t at) {
            UsageEvent e;
            e.at = at, e.type = StatEvent::doorplate_opened, e.channel = kChannels[channels.draw(rng)];
            put(e, plate());
        });
        each(kGuideViews, [&](int64_t at) {
            UsageEvent e;
            e.at = at, e.type = StatEvent::guide_viewed, e.item_id = item(), e.channel = kChannels[channels.draw(rng)];
            put(e, plate());
        });
        each(kSearches, [&](int64_t at) {
            UsageEvent e;
            e.at = at, e.type = StatEvent::search, e.results = static_cast<int>(rng.below(12));
            if (e.results > 0 && rng.uniform() < 0.75) e.item_id = item();
            e.channel = kChannels[channels.draw(rng)];
            put(e, plate());
        });
        each(kNavigations, [&](int64_t at) {
            const Plate& p = plate();
            const auto near = app.places.nearest(p.location, 3, PlaceQuery{});
            UsageEvent e;
            e.at = at, e.type = StatEvent::navigation_tapped, e.map_app = kMapApps[map_apps.draw(rng)];
            e.place_id = app.places.points()[near[rng.below(near.size())].index].id;
            if (rng.uniform() < 0.6) e.item_id = item();
            e.channel = kChannels[channels.draw(rng)];
            put(e, p);
        });
        each(kPhoneHelp, [&](int64_t at) {
            UsageEvent e;
            e.at = at, e.type = StatEvent::help_requested, e.kind = "phone";
            if (rng.uniform() < 0.5) e.item_id = item();
            put(e, plate());
        });
        // Submitted requests: the request, its history, and the events the server records.
        const HelpTimeLimits limits;
        Stmt req(db,
                 "INSERT INTO requests (number, token_hash, kind, item_id, doorplate_code, area_id, town_id, contact_name, "
                 "contact_phone, id_number, payload, status, created_at, updated_at) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?)");
        Stmt hist(db, "INSERT INTO request_events (request_id, at, status, actor, note) VALUES (?, ?, ?, ?, ?)");
        each(kHelpServices - kPhoneHelp, [&](int64_t created) {
            const Plate& p = plate();
            const std::string kind = kKinds[kinds.draw(rng)];
            const std::string item_id = item();
            const int64_t limit = limits.for_kind(*help_kind_from_string(kind));
            std::vector<std::tuple<int64_t, std::string, std::string, std::string>> h;  // at, status, actor, note
            h.emplace_back(created, "submitted", "resident", "");
            int64_t t = created + static_cast<int64_t>(rng.between(0.02, 0.12) * static_cast<double>(limit));
            h.emplace_back(t, "assigned", "demo-agent", "");
            t += static_cast<int64_t>(rng.between(60, 900));
            h.emplace_back(t, "in_progress", "demo-agent", "");
            const double share = rng.uniform() < 0.93 ? rng.between(0.15, 0.9) : rng.between(1.05, 1.6);  // ~7 % late
            int64_t paused = 0;
            if ((kind == "prereview" || kind == "proxy") && rng.uniform() < 0.25) {
                const int64_t ask = created + static_cast<int64_t>(share * 0.4 * static_cast<double>(limit));
                paused = static_cast<int64_t>(rng.between(2 * 3600, 30 * 3600));
                h.emplace_back(std::max(ask, t + 60), "needs_supplement", "demo-agent", "请补充材料（演示数据）");
                h.emplace_back(std::max(ask, t + 60) + paused, "in_progress", "resident", "");
            }
            const int64_t done = std::max(std::get<0>(h.back()) + 60,
                                          created + static_cast<int64_t>(share * static_cast<double>(limit)) + paused);
            h.emplace_back(done, "completed", "demo-agent", "已办结（演示数据）");
            int score = 0;
            if (rng.uniform() < 0.62) {
                score = static_cast<int>(scores.draw(rng)) + 1;
                h.emplace_back(done + static_cast<int64_t>(rng.between(600, 86400)), "rated", "resident",
                               std::string(rating_label(score)) + "（" + std::to_string(score) + "分）");
            }
            while (std::get<0>(h.back()) > now) h.pop_back();  // not happened yet: the request is still open
            const std::string status = std::get<1>(h.back());
            ++requests;
            const std::string prefix = kind == "question" ? "Q" : kind == "prereview" ? "P" : kind == "proxy" ? "D" : "V";
            const CivilDay day = china_day_of(created);
            char number[40];
            std::snprintf(number, sizeof number, "%s-%04d%02d%02d-DEMO%03d", prefix.c_str(), day.year, day.month, day.day,
                          static_cast<int>(requests % 1000));
            char phone[16];
            std::snprintf(phone, sizeof phone, "1380000%04d", static_cast<int>(requests));
            json payload = {{"note", "（演示数据）"}};
            if (kind == "question") payload = {{"text", "（演示数据）请问办理需要带哪些材料？"}};
            req.reset();
            req.bind(1, std::string(number)).bind(2, digest::sha256_hex(digest::random_token())).bind(3, kind);
            req.bind(4, item_id).bind(5, p.code).bind(6, p.area_id).bind(7, p.town_id);
            req.bind(8, std::string(kDemoNames[requests % 10])).bind(9, std::string(phone)).bind(10, payload.dump());
            req.bind(11, status).bind(12, created).bind(13, std::get<0>(h.back()));
            req.step();
            const int64_t id = db.last_insert_id();
            for (const auto& [at, st, actor, note] : h) {
                hist.reset();
                hist.bind(1, id).bind(2, at).bind(3, st).bind(4, actor).bind(5, note);
                hist.step();
            }
            UsageEvent e;
            e.at = created, e.type = StatEvent::help_requested, e.kind = kind, e.item_id = item_id;
            put(e, p);
            RequestHistory history{*help_kind_from_string(kind), created, {}};
            for (const auto& [at, st, actor, note] : h) history.events.emplace_back(at, st);
            const auto timing = request_timing(history, limits);
            for (const auto& [at, st, actor, note] : h) {
                if (st == "completed") {
                    UsageEvent c;
                    c.at = at, c.type = StatEvent::request_closed, c.kind = kind, c.item_id = item_id;
                    if (timing) c.handling_seconds = timing->handling_seconds, c.on_time = timing->on_time;
                    put(c, p);
                } else if (st == "rated") {
                    UsageEvent r;
                    r.at = at, r.type = StatEvent::rating, r.kind = kind, r.item_id = item_id, r.score = score;
                    put(r, p);
                }
            }
        });
    });
    log::info("demo_activity_seeded", {{"events", events}, {"requests", requests}, {"from", day_key(first)}, {"to", day_key(last)}});
    return events;
}

}  // namespace dp
