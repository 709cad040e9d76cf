// The database schema as numbered migrations; index i upgrades version i to i+1.
#pragma once
#include <vector>

namespace dp {

inline const std::vector<const char*>& schema_migrations() {
    static const std::vector<const char*> m = {
        // 1: areas and doorplates
        R"sql(
        CREATE TABLE areas (
          id TEXT PRIMARY KEY,
          name TEXT NOT NULL,
          kind TEXT NOT NULL CHECK (kind IN ('county','town','village','community')),
          parent_id TEXT REFERENCES areas(id),
          lat REAL NOT NULL, lng REAL NOT NULL
        );
        CREATE TABLE doorplates (
          code TEXT PRIMARY KEY,
          area_id TEXT NOT NULL REFERENCES areas(id),
          town_id TEXT NOT NULL REFERENCES areas(id),
          county TEXT NOT NULL, town TEXT NOT NULL, village TEXT NOT NULL,
          road TEXT NOT NULL, number TEXT NOT NULL, building TEXT NOT NULL DEFAULT '',
          lat REAL NOT NULL, lng REAL NOT NULL
        );
        CREATE INDEX doorplates_area ON doorplates(area_id);
        )sql",

        // 2: service points, roads and map features (the map and navigation work)
        R"sql(
        SELECT 2;
        )sql",

        // 3: resident requests and idempotency keys (the durable-submission work)
        R"sql(
        SELECT 3;
        )sql",

        // 4: accounts, sessions, the audit log and uploads (the access-control work)
        R"sql(
        SELECT 4;
        )sql",
    };
    return m;
}

}  // namespace dp
