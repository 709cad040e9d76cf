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
        CREATE TABLE service_points (
          id TEXT PRIMARY KEY,
          name TEXT NOT NULL,
          type TEXT NOT NULL CHECK (type IN ('service_centre','village_station','police','market_supervision','kiosk')),
          area_id TEXT NOT NULL,
          address TEXT NOT NULL,
          lat REAL NOT NULL, lng REAL NOT NULL,
          phone TEXT NOT NULL DEFAULT '',
          hours TEXT NOT NULL
        );
        CREATE TABLE service_point_items (
          service_point_id TEXT NOT NULL REFERENCES service_points(id) ON DELETE CASCADE,
          item_id TEXT NOT NULL,
          PRIMARY KEY (service_point_id, item_id)
        );
        CREATE INDEX service_point_items_item ON service_point_items(item_id);
        CREATE TABLE roads (
          id INTEGER PRIMARY KEY,
          name TEXT NOT NULL DEFAULT '',
          class TEXT NOT NULL CHECK (class IN ('trunk','primary','secondary','tertiary','residential','path')),
          oneway INTEGER NOT NULL DEFAULT 0,
          line TEXT NOT NULL
        );
        CREATE TABLE map_features (
          id INTEGER PRIMARY KEY,
          kind TEXT NOT NULL CHECK (kind IN ('water','boundary')),
          name TEXT NOT NULL DEFAULT '',
          area_id TEXT NOT NULL DEFAULT '',
          area_kind TEXT NOT NULL DEFAULT '',
          polygon TEXT NOT NULL
        );
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
