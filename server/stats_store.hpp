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
