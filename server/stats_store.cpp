// Usage events: insert and the pre-counting queries (see stats_store.hpp).
#include "stats_store.hpp"

namespace dp {

namespace {
const char* kInsert =
    "INSERT INTO usage_events (at, day, type, town_id, area_id, item_id, channel, kind, place_id, map_app, score, "
    "results) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

void bind_event(Stmt& s, const UsageEvent& e) {
    s.bind(1, e.at).bind(2, day_key(china_day_of(e.at))).bind(3, std::string(stat_event_id(e.type)));
    s.bind(4, e.town_id).bind(5, e.area_id).bind(6, e.item_id).bind(7, e.channel).bind(8, e.kind);
    s.bind(9, e.place_id).bind(10, e.map_app);
    if (e.type == StatEvent::request_closed) s.bind(11, e.on_time ? 1 : 0).bind(12, e.handling_seconds);
    else s.bind(11, e.score).bind(12, e.results);
}

// The request's kind, item and area for its lifecycle events.
UsageEvent request_event(Db& w, int64_t request_id, StatEvent type, int64_t at) {
    Stmt q(w, "SELECT kind, item_id, town_id, area_id FROM requests WHERE id = ?");
    q.bind(1, request_id);
    UsageEvent e;
    e.at = at, e.type = type;
    if (q.step()) e.kind = q.text(0), e.item_id = q.text(1), e.town_id = q.text(2), e.area_id = q.text(3);
    return e;
}

// " WHERE day BETWEEN ? AND ? [AND town_id = ?] [AND area_id = ?]" and its parameters.
std::string where(const StatScope& scope, std::vector<std::string>& params) {
    std::string w = " WHERE day BETWEEN ? AND ?";
    params = {day_key(scope.from), day_key(scope.to)};
    if (!scope.town_id.empty()) w += " AND town_id = ?", params.push_back(scope.town_id);
    if (!scope.area_id.empty()) w += " AND area_id = ?", params.push_back(scope.area_id);
    return w;
}

std::vector<EventCount> run_counts(Db& db, const std::string& key_sql, const StatScope& scope, const std::string& extra) {
    std::vector<std::string> params;
    const std::string sql = "SELECT " + key_sql + ", type, kind, score, COUNT(*) FROM usage_events" +
                            where(scope, params) + extra + " GROUP BY 1, 2, 3, 4";
    auto lock = db.lock();
    Stmt q(db, sql.c_str());
    for (std::size_t i = 0; i < params.size(); ++i) q.bind(static_cast<int>(i + 1), params[i]);
    std::vector<EventCount> out;
    while (q.step()) {
        auto type = stat_event_from_id(q.text(1));
        if (!type) continue;  // the CHECK constraint makes this impossible
        out.push_back({q.text(0), *type, q.text(2), static_cast<int>(q.int64(3)), q.int64(4)});
    }
    return out;
}
}  // namespace

void insert_usage_event(Db& db, const UsageEvent& e) {
    Stmt s(db, kInsert);
    bind_event(s, e);
    s.step();
}

UsageEventInserter::UsageEventInserter(Db& db) : stmt_(db, kInsert) {}
void UsageEventInserter::insert(const UsageEvent& e) {
    stmt_.reset();
    bind_event(stmt_, e);
    stmt_.step();
}

void record_request_closed(Db& w, int64_t request_id, int64_t at, const HelpTimeLimits& limits) {
    auto lock = w.lock();
    UsageEvent e = request_event(w, request_id, StatEvent::request_closed, at);
    RequestHistory h{help_kind_from_string(e.kind).value_or(HelpKind::question), 0, {}};
    {
        Stmt r(w, "SELECT created_at FROM requests WHERE id = ?");
        r.bind(1, request_id);
        if (r.step()) h.created_at = r.int64(0);
        Stmt q(w, "SELECT at, status FROM request_events WHERE request_id = ? ORDER BY at, id");
        q.bind(1, request_id);
        while (q.step()) h.events.emplace_back(q.int64(0), q.text(1));
    }
    if (auto t = request_timing(h, limits)) e.handling_seconds = t->handling_seconds, e.on_time = t->on_time;
    insert_usage_event(w, e);
}

void record_rating(Db& w, int64_t request_id, int score, int64_t at) {
    auto lock = w.lock();
    UsageEvent e = request_event(w, request_id, StatEvent::rating, at);
    e.score = score;
    insert_usage_event(w, e);
}

void record_help_requested(Db& w, const std::string& kind, const std::string& item_id, const std::string& town_id,
                           const std::string& area_id, int64_t at) {
    UsageEvent e;
    e.at = at, e.type = StatEvent::help_requested, e.kind = kind, e.item_id = item_id;
    e.town_id = town_id, e.area_id = area_id;
    auto lock = w.lock();
    insert_usage_event(w, e);
}

std::vector<EventCount> count_events(Db& db, const StatScope& scope, StatGroup g) {
    switch (g) {
        case StatGroup::day:
        case StatGroup::week:
        case StatGroup::month: return run_counts(db, "day", scope, "");
        case StatGroup::item: return run_counts(db, "item_id", scope, " AND item_id <> ''");
        case StatGroup::area:
            return run_counts(db, scope.town_id.empty() && scope.area_id.empty() ? "town_id" : "area_id", scope, "");
        case StatGroup::channel: return run_counts(db, "channel", scope, "");
    }
    return {};
}

std::vector<EventCount> count_totals(Db& db, const StatScope& scope) { return run_counts(db, "''", scope, ""); }

ServiceQuality service_quality(Db& db, const StatScope& scope, const HelpTimeLimits& limits) {
    const int64_t start = china_day_start(scope.from);
    const int64_t end = china_day_start(civil_from_days(days_from_civil(scope.to) + 1));
    std::string sql =
        "SELECT r.id, r.kind, r.created_at, e.at, e.status FROM requests r JOIN request_events e ON e.request_id = r.id "
        "WHERE r.id IN (SELECT request_id FROM request_events WHERE status = 'completed' AND at >= ? AND at < ?)";
    if (!scope.town_id.empty()) sql += " AND r.town_id = ?";
    if (!scope.area_id.empty()) sql += " AND r.area_id = ?";
    sql += " ORDER BY r.id, e.at, e.id";
    auto lock = db.lock();
    Stmt q(db, sql.c_str());
    int i = 1;
    q.bind(i++, start);
    q.bind(i++, end);
    if (!scope.town_id.empty()) q.bind(i++, scope.town_id);
    if (!scope.area_id.empty()) q.bind(i++, scope.area_id);
    ServiceQuality quality;
    int64_t current = -1;
    RequestHistory h;
    auto finish = [&] {
        if (current < 0) return;
        if (auto t = request_timing(h, limits); t && t->completed_at >= start && t->completed_at < end) quality.add(*t);
    };
    while (q.step()) {
        if (q.int64(0) != current) {
            finish();
            current = q.int64(0);
            h = RequestHistory{help_kind_from_string(q.text(1)).value_or(HelpKind::question), q.int64(2), {}};
        }
        h.events.emplace_back(q.int64(3), q.text(4));
    }
    finish();
    return quality;
}

}  // namespace dp
