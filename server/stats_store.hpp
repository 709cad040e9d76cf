// Usage events in SQLite (table usage_events, migration 6): one insert used by every writer of
// events (the events endpoint, request submissions, the demo activity), and the pre-counting
// queries behind /api/v1/stats. What the counts mean lives in shared/stats, not here.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db.hpp"
#include "stats.hpp"

namespace dp {

struct UsageEvent {
    int64_t at = 0;
    StatEvent type = StatEvent::doorplate_opened;
    std::string town_id, area_id, item_id, channel, kind, place_id, map_app;
    int score = 0;
    int results = -1;
    // request_closed only, stored in the same columns (no migration): `results` holds the handling
    // time in seconds (pauses for 补件 excluded) and `score` 1 when within the kind's time limit, 0 late.
    int64_t handling_seconds = -1;
    bool on_time = false;
};

// Inserts one event (its day is computed from `at`, China time). Call inside a transaction.
void insert_usage_event(Db& db, const UsageEvent& e);
// A reusable insert for many rows (the demo activity): same as insert_usage_event.
class UsageEventInserter {
public:
    explicit UsageEventInserter(Db& db);
    void insert(const UsageEvent& e);

private:
    Stmt stmt_;
};

// The server's own records of a help request's life (one source: the apps never send these): called
// in the writer's transaction of the lifecycle action. `request_closed` when it is completed (kind,
// item, area, handling time and whether within the time limit, from its request_events history,
// which must already hold the `completed` entry), `rating` when the resident rated it.
void record_request_closed(Db& w, int64_t request_id, int64_t at, const HelpTimeLimits& limits = {});
void record_rating(Db& w, int64_t request_id, int score, int64_t at);
// One submitted help request (`help_requested` with its request kind).
void record_help_requested(Db& w, const std::string& kind, const std::string& item_id, const std::string& town_id,
                           const std::string& area_id, int64_t at);

// Which events a statistics query covers: [from, to] China-time days, and an area.
struct StatScope {
    CivilDay from, to;
    std::string town_id;  // events of this town ("" = any)
    std::string area_id;  // events of this village / community ("" = any)
};

// Pre-counted cells for group `g` (key = day for period groups; item id; town id, or the village
// id when the scope is one town; channel id). Item groups leave out events without an item.
std::vector<EventCount> count_events(Db& db, const StatScope& scope, StatGroup g);
// Cells without a key: the period's totals.
std::vector<EventCount> count_totals(Db& db, const StatScope& scope);
// Help requests completed within the scope's days, with their handling time against the limits.
ServiceQuality service_quality(Db& db, const StatScope& scope, const HelpTimeLimits& limits = {});

}  // namespace dp
