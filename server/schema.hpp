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
        -- TEMP: replaced by the store branch's migration 3
        CREATE TABLE requests (
          id INTEGER PRIMARY KEY,
          number TEXT UNIQUE,
          token_hash TEXT,
          kind TEXT,
          item_id TEXT,
          doorplate_code TEXT,
          area_id TEXT,
          town_id TEXT,
          contact_name TEXT,
          contact_phone TEXT,
          id_number TEXT,
          payload TEXT,
          status TEXT,
          created_at INTEGER,
          updated_at INTEGER
        );
        )sql",

        // 4: accounts, sessions, the audit log and uploads (the access-control work)
        R"sql(
        CREATE TABLE users (
          id INTEGER PRIMARY KEY,
          username TEXT NOT NULL UNIQUE,
          password_hash TEXT NOT NULL,
          role TEXT NOT NULL CHECK (role IN ('agent','supervisor','admin')),
          area_id TEXT REFERENCES areas(id),
          display_name TEXT NOT NULL DEFAULT '',
          disabled INTEGER NOT NULL DEFAULT 0,
          created_at INTEGER NOT NULL
        );
        CREATE TABLE sessions (
          token_hash TEXT PRIMARY KEY,
          user_id INTEGER NOT NULL REFERENCES users(id),
          created_at INTEGER NOT NULL,
          expires_at INTEGER NOT NULL,
          last_seen_at INTEGER NOT NULL,
          revoked_at INTEGER
        );
        CREATE INDEX sessions_user ON sessions(user_id);
        -- Who did what to what; detail is JSON and never holds personal data.
        CREATE TABLE audit_log (
          id INTEGER PRIMARY KEY,
          at INTEGER NOT NULL,
          user_id INTEGER REFERENCES users(id),
          action TEXT NOT NULL,
          target_type TEXT NOT NULL DEFAULT '',
          target_id TEXT NOT NULL DEFAULT '',
          detail TEXT NOT NULL DEFAULT '{}'
        );
        CREATE INDEX audit_log_at ON audit_log(at);
        CREATE TABLE uploads (
          sha256 TEXT PRIMARY KEY,
          mime TEXT NOT NULL,
          size INTEGER NOT NULL,
          created_at INTEGER NOT NULL
        );
        -- request_id refers to requests(id), checked in code (no SQL foreign key, see the store work).
        CREATE TABLE request_uploads (
          request_id INTEGER NOT NULL,
          sha256 TEXT NOT NULL REFERENCES uploads(sha256),
          material TEXT NOT NULL,
          uploaded_at INTEGER NOT NULL,
          uploaded_by TEXT NOT NULL,
          PRIMARY KEY (request_id, sha256)
        );
        CREATE INDEX request_uploads_sha256 ON request_uploads(sha256);
        )sql",
    };
    return m;
}

}  // namespace dp
