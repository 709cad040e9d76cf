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

        // 3: resident requests, their status history, and idempotency keys (the durable-submission work)
        R"sql(
        CREATE TABLE requests (
          id INTEGER PRIMARY KEY,
          number TEXT NOT NULL UNIQUE,
          token_hash TEXT NOT NULL,
          kind TEXT NOT NULL CHECK (kind IN ('question','prereview','proxy','video')),
          item_id TEXT NOT NULL,
          doorplate_code TEXT NOT NULL REFERENCES doorplates(code),
          area_id TEXT NOT NULL REFERENCES areas(id),
          town_id TEXT NOT NULL REFERENCES areas(id),
          contact_name TEXT NOT NULL,
          contact_phone TEXT NOT NULL,
          id_number TEXT,
          payload TEXT NOT NULL DEFAULT '{}',
          status TEXT NOT NULL DEFAULT 'submitted' CHECK (status IN
            ('submitted','assigned','in_progress','needs_supplement','completed','withdrawn','rated')),
          created_at INTEGER NOT NULL,
          updated_at INTEGER NOT NULL
        );
        CREATE INDEX requests_area_status ON requests(area_id, status, created_at);
        CREATE INDEX requests_town_status ON requests(town_id, status, created_at);
        CREATE TABLE request_events (
          id INTEGER PRIMARY KEY,
          request_id INTEGER NOT NULL REFERENCES requests(id),
          at INTEGER NOT NULL,
          status TEXT NOT NULL,
          actor TEXT NOT NULL,
          note TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX request_events_request ON request_events(request_id, at);
        -- One row per (route, key) for 24 h: the response of the write it describes, stored in the
        -- same transaction. key_hash = SHA-256 of the key; response = encrypted with a key derived
        -- from the Idempotency-Key itself (it may hold a request token).
        CREATE TABLE idempotency_keys (
          route TEXT NOT NULL,
          key_hash TEXT NOT NULL,
          body_hash TEXT NOT NULL,
          status INTEGER NOT NULL,
          response TEXT NOT NULL,
          created_at INTEGER NOT NULL,
          PRIMARY KEY (route, key_hash)
        ) WITHOUT ROWID;
        CREATE INDEX idempotency_keys_created ON idempotency_keys(created_at);
        )sql",

        // 4: accounts, sessions, the audit log and uploads (the access-control work)
        R"sql(
        SELECT 4;
        )sql",
    };
    return m;
}

}  // namespace dp
