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

        // 5: help and proxy online (帮办代办): lifecycle state, live-update events, chat, pre-review
        // materials, proxy forms and signed agreements, video slots, follow-ups of bad ratings
        R"sql(
        ALTER TABLE requests ADD COLUMN agent_id TEXT NOT NULL DEFAULT '';
        -- The shared lifecycle's HelpRequest as JSON ('' = not acted on yet: derived from status).
        ALTER TABLE requests ADD COLUMN lifecycle TEXT NOT NULL DEFAULT '';
        -- Every change to a request, for long polling; seq is the global order.
        CREATE TABLE help_events (
          seq INTEGER PRIMARY KEY AUTOINCREMENT,
          request_id INTEGER NOT NULL REFERENCES requests(id),
          area_id TEXT NOT NULL,
          town_id TEXT NOT NULL,
          at INTEGER NOT NULL,
          type TEXT NOT NULL,
          data TEXT NOT NULL DEFAULT '{}'
        );
        CREATE INDEX help_events_request ON help_events(request_id, seq);
        CREATE TABLE help_messages (
          id INTEGER PRIMARY KEY,
          request_id INTEGER NOT NULL REFERENCES requests(id),
          at INTEGER NOT NULL,
          side TEXT NOT NULL CHECK (side IN ('resident','agent','system')),
          user_id INTEGER REFERENCES users(id),
          text TEXT NOT NULL DEFAULT '',
          upload_sha256 TEXT REFERENCES uploads(sha256)
        );
        CREATE INDEX help_messages_request ON help_messages(request_id, id);
        CREATE TABLE help_reads (
          request_id INTEGER NOT NULL REFERENCES requests(id),
          side TEXT NOT NULL CHECK (side IN ('resident','agent')),
          message_id INTEGER NOT NULL,
          PRIMARY KEY (request_id, side)
        ) WITHOUT ROWID;
        CREATE TABLE help_materials (
          request_id INTEGER NOT NULL REFERENCES requests(id),
          material_id TEXT NOT NULL,
          position INTEGER NOT NULL,
          state TEXT NOT NULL DEFAULT 'missing' CHECK (state IN ('missing','submitted','accepted','needs_supplement')),
          reason TEXT NOT NULL DEFAULT '',
          upload_sha256 TEXT REFERENCES uploads(sha256),
          updated_at INTEGER NOT NULL,
          PRIMARY KEY (request_id, material_id)
        ) WITHOUT ROWID;
        CREATE TABLE help_material_history (
          id INTEGER PRIMARY KEY,
          request_id INTEGER NOT NULL REFERENCES requests(id),
          material_id TEXT NOT NULL,
          at INTEGER NOT NULL,
          event TEXT NOT NULL CHECK (event IN ('uploaded','accepted','needs_supplement')),
          sha256 TEXT NOT NULL DEFAULT '',
          reason TEXT NOT NULL DEFAULT '',
          by TEXT NOT NULL
        );
        CREATE INDEX help_material_history_request ON help_material_history(request_id, material_id, id);
        CREATE TABLE help_proxy (
          request_id INTEGER PRIMARY KEY REFERENCES requests(id),
          form TEXT,                -- JSON of the signed (or batch-filed) fields
          agreement_text TEXT,
          signature_sha256 TEXT REFERENCES uploads(sha256),
          consent INTEGER NOT NULL DEFAULT 0,
          signed_at INTEGER,
          canonical TEXT,           -- exactly what was hashed
          sha256 TEXT,
          steps TEXT NOT NULL DEFAULT '[]',
          batch_id TEXT NOT NULL DEFAULT ''
        );
        CREATE TABLE help_video (
          request_id INTEGER PRIMARY KEY REFERENCES requests(id),
          town_id TEXT NOT NULL,
          requested_at INTEGER,
          proposed_at INTEGER,
          confirmed_at INTEGER
        );
        CREATE INDEX help_video_town ON help_video(town_id);
        CREATE TABLE help_follow_ups (
          id INTEGER PRIMARY KEY,
          request_id INTEGER NOT NULL UNIQUE REFERENCES requests(id),
          score INTEGER NOT NULL,
          comment TEXT NOT NULL DEFAULT '',
          created_at INTEGER NOT NULL,
          state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open','closed')),
          note TEXT NOT NULL DEFAULT '',
          closed_by INTEGER REFERENCES users(id),
          closed_at INTEGER
        );
        -- Requests stored before this version get their materials and video slot rows.
        INSERT INTO help_materials (request_id, material_id, position, updated_at)
          SELECT r.id, j.value, j.key, r.created_at FROM requests r, json_each(r.payload, '$.materials') j
          WHERE r.kind = 'prereview' AND json_valid(r.payload) AND j.type = 'text';
        INSERT INTO help_video (request_id, town_id, requested_at)
          SELECT id, town_id, json_extract(payload, '$.slot_at') FROM requests
          WHERE kind = 'video' AND json_valid(payload);
        )sql",

        // 6: usage events for statistics (the statistics work). No personal data and no address:
        // no doorplate code, no IP, no session; only the area the doorplate belongs to.
        R"sql(
        CREATE TABLE usage_events (
          id INTEGER PRIMARY KEY,
          at INTEGER NOT NULL,               -- Unix seconds when it happened (the app's clock, checked)
          day TEXT NOT NULL,                 -- China-time calendar day of `at`: "2025-11-03"
          type TEXT NOT NULL CHECK (type IN ('doorplate_opened','search','guide_viewed','navigation_tapped',
                                             'help_requested','request_closed','rating')),
          town_id TEXT NOT NULL DEFAULT '',  -- from the doorplate, server-side ('' = no doorplate)
          area_id TEXT NOT NULL DEFAULT '',  -- village / community of the doorplate
          item_id TEXT NOT NULL DEFAULT '',
          channel TEXT NOT NULL DEFAULT '',  -- entry channel (shared/entry_channels)
          kind TEXT NOT NULL DEFAULT '',     -- help kind: phone | question | prereview | proxy | video
          place_id TEXT NOT NULL DEFAULT '', -- navigation: the service point
          map_app TEXT NOT NULL DEFAULT '',  -- navigation: amap | baidu | tencent
          score INTEGER NOT NULL DEFAULT 0,  -- rating 1–5
          results INTEGER NOT NULL DEFAULT -1  -- search: hits shown (-1 = not given)
        );
        CREATE INDEX usage_events_day ON usage_events(day, type);
        CREATE INDEX usage_events_town_day ON usage_events(town_id, day);
        CREATE INDEX usage_events_area_day ON usage_events(area_id, day);
        )sql",

        // 7: the CHECK constraints every submission evaluates, same rules, cheaper form. SQLite
        // evaluates `x IN ('a','b','c',…)` (more than two values) by building a temporary B-tree of
        // the values for every row written; `x = 'a' OR x = 'b' OR …` is a few comparisons. Only
        // the constraints' text changes (the documented writable_schema procedure for changes that
        // leave stored rows valid); the schema cookie is bumped so every connection reloads it.
        R"sql(
        PRAGMA writable_schema=ON;
        UPDATE sqlite_master SET sql = replace(replace(sql,
            'kind IN (''question'',''prereview'',''proxy'',''video'')',
            'kind = ''question'' OR kind = ''prereview'' OR kind = ''proxy'' OR kind = ''video'''),
            'status IN
            (''submitted'',''assigned'',''in_progress'',''needs_supplement'',''completed'',''withdrawn'',''rated'')',
            'status = ''submitted'' OR status = ''assigned'' OR status = ''in_progress'' OR '
            || 'status = ''needs_supplement'' OR status = ''completed'' OR status = ''withdrawn'' OR status = ''rated''')
          WHERE type = 'table' AND name = 'requests';
        UPDATE sqlite_master SET sql = replace(sql,
            'type IN (''doorplate_opened'',''search'',''guide_viewed'',''navigation_tapped'',
                                             ''help_requested'',''request_closed'',''rating'')',
            'type = ''doorplate_opened'' OR type = ''search'' OR type = ''guide_viewed'' OR '
            || 'type = ''navigation_tapped'' OR type = ''help_requested'' OR type = ''request_closed'' OR '
            || 'type = ''rating''')
          WHERE type = 'table' AND name = 'usage_events';
        PRAGMA writable_schema=RESET;
        CREATE TABLE schema_cookie_bump (x);
        DROP TABLE schema_cookie_bump;
        )sql",

        // 8: cheaper rows for what every submission writes (measured with callgrind, same rules).
        // help_events.seq without AUTOINCREMENT: rows of help_events are never deleted, so the next
        // seq is max(seq)+1 either way and a long-polling cursor never sees a number again;
        // AUTOINCREMENT only added a read and a write of sqlite_sequence to every event (~5,000
        // instructions a submission). The table's B-tree is the same: only its text changes
        // (writable_schema, as in 7), and its row in sqlite_sequence goes.
        // idempotency_keys as a rowid table with a UNIQUE index on (route, key_hash) instead of
        // WITHOUT ROWID: its ~400-byte rows (the sealed reply) were inserted at random places of
        // the key's B-tree, splitting a page every few inserts; now a row is appended and only its
        // small index entry goes to a random place (~14,000 instructions less a submission).
        // Same columns, same uniqueness, same answers; INSERT OR REPLACE still replaces an expired row.
        R"sql(
        PRAGMA writable_schema=ON;
        UPDATE sqlite_master SET sql = replace(sql, 'seq INTEGER PRIMARY KEY AUTOINCREMENT', 'seq INTEGER PRIMARY KEY')
          WHERE type = 'table' AND name = 'help_events';
        PRAGMA writable_schema=RESET;
        DELETE FROM sqlite_sequence WHERE name = 'help_events';
        CREATE TABLE idempotency_keys_v8 (
          id INTEGER PRIMARY KEY,
          route TEXT NOT NULL,
          key_hash TEXT NOT NULL,
          body_hash TEXT NOT NULL,
          status INTEGER NOT NULL,
          response TEXT NOT NULL,
          created_at INTEGER NOT NULL
        );
        INSERT INTO idempotency_keys_v8 (route, key_hash, body_hash, status, response, created_at)
          SELECT route, key_hash, body_hash, status, response, created_at FROM idempotency_keys ORDER BY created_at;
        DROP TABLE idempotency_keys;
        ALTER TABLE idempotency_keys_v8 RENAME TO idempotency_keys;
        CREATE UNIQUE INDEX idempotency_keys_key ON idempotency_keys(route, key_hash);
        CREATE INDEX idempotency_keys_created ON idempotency_keys(created_at);
        )sql",
    };
    return m;
}

}  // namespace dp
