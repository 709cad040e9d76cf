// SQLite wrapper (see db.hpp): WAL (writes gathered by wal_vfs.hpp), foreign keys, busy timeout, migrations via user_version.
#include "db.hpp"

#include <sqlite3.h>

#include "schema.hpp"
#include "wal_vfs.hpp"

namespace dp {

namespace {
// SQLite's allocation statistics (sqlite3_memory_used() and the like, which nothing here reads)
// take a global mutex on every allocation and every free. Debian's SQLite is built without
// lookaside memory, so a submission makes some 70 of each on the writer's connection (callgrind:
// ~250 instructions a malloc with the statistics). Turned off before the library initialises, once
// per process; if something initialised it already, sqlite3_config refuses and nothing changes.
void configure_sqlite_once() {
    static const int rc = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    (void)rc;
}
}  // namespace

Stmt::Stmt(Db& db, const char* sql) : db_(db) { stmt_ = db.acquire(sql, kept_in_use_); }
Stmt::~Stmt() { db_.release(stmt_, kept_in_use_); }

Stmt& Stmt::bind(int i, const std::string& v) {
    if (sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT) != SQLITE_OK)
        db_.fail("bind");
    return *this;
}
Stmt& Stmt::bind(int i, int64_t v) {
    if (sqlite3_bind_int64(stmt_, i, v) != SQLITE_OK) db_.fail("bind");
    return *this;
}
Stmt& Stmt::bind(int i, double v) {
    if (sqlite3_bind_double(stmt_, i, v) != SQLITE_OK) db_.fail("bind");
    return *this;
}
Stmt& Stmt::bind_null(int i) {
    if (sqlite3_bind_null(stmt_, i) != SQLITE_OK) db_.fail("bind");
    return *this;
}
bool Stmt::step() {
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    db_.fail("step");
}
void Stmt::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}
int64_t Stmt::int64(int col) const { return sqlite3_column_int64(stmt_, col); }
double Stmt::real(int col) const { return sqlite3_column_double(stmt_, col); }
std::string Stmt::text(int col) const {
    auto p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
    return p ? std::string(p, static_cast<size_t>(sqlite3_column_bytes(stmt_, col))) : std::string();
}
bool Stmt::is_null(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }

Db::Db(const std::string& path) {
    open(path);
    migrate(newest_schema_version());
}

Db::Db(const std::string& path, int version) {
    open(path);
    migrate(version);
}

void Db::open(const std::string& path) {
    configure_sqlite_once();
    int rc = sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                             wal_gathering_vfs());
    if (rc != SQLITE_OK) {
        std::string msg = db_ ? sqlite3_errmsg(db_) : "out of memory";
        sqlite3_close(db_);
        db_ = nullptr;
        throw DbError("cannot open database " + path + ": " + msg);
    }
    sqlite3_busy_timeout(db_, 5000);
    exec("PRAGMA journal_mode=WAL");
    exec("PRAGMA synchronous=FULL");
    exec("PRAGMA foreign_keys=ON");
}

Db::~Db() {
    for (auto& [sql, kept] : kept_) sqlite3_finalize(kept.stmt);
    sqlite3_close(db_);
}

sqlite3_stmt* Db::acquire(const char* sql, bool*& in_use) {
    auto l = lock();
    in_use = nullptr;
    auto it = kept_.find(sql);
    if (it != kept_.end() && !it->second.in_use) {
        it->second.in_use = true;
        in_use = &it->second.in_use;  // element references survive rehashing
        return it->second.stmt;
    }
    const bool keep = it == kept_.end() && kept_.size() < kMaxKept;
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v3(db_, sql, -1, keep ? SQLITE_PREPARE_PERSISTENT : 0, &stmt, nullptr) != SQLITE_OK)
        fail("prepare");
    if (keep) in_use = &kept_.emplace(sql, Kept{stmt, true}).first->second.in_use;
    return stmt;
}

void Db::release(sqlite3_stmt* stmt, bool* in_use) {
    auto l = lock();
    if (!in_use) {
        sqlite3_finalize(stmt);
        return;
    }
    // Reset now: a statement left mid-step would keep its read transaction (and WAL snapshot) open.
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    *in_use = false;
}

void Db::fail(const std::string& what) const {
    DbError e("sqlite " + what + ": " + sqlite3_errmsg(db_));
    e.sqlite_code = sqlite3_extended_errcode(db_);
    throw e;
}

void Db::exec(const char* sql) {
    auto l = lock();
    char* err = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
        std::string msg = err ? err : "unknown error";
        sqlite3_free(err);
        DbError e("sqlite exec: " + msg);
        e.sqlite_code = sqlite3_extended_errcode(db_);
        throw e;
    }
}

int64_t Db::last_insert_id() const { return sqlite3_last_insert_rowid(db_); }

int Db::newest_schema_version() { return static_cast<int>(schema_migrations().size()); }

int Db::schema_version() const {
    sqlite3_stmt* s = nullptr;
    sqlite3_prepare_v2(db_, "PRAGMA user_version", -1, &s, nullptr);
    int v = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int(s, 0) : 0;
    sqlite3_finalize(s);
    return v;
}

void Db::migrate(int target) {
    int have = schema_version();
    int newest = newest_schema_version();
    if (have > newest)
        throw DbError("database schema version " + std::to_string(have) + " is newer than this server knows (" +
                      std::to_string(newest) + "); use a newer doorplate-server");
    for (int v = have; v < target && v < newest; ++v) {
        transaction([&] {
            exec(schema_migrations()[static_cast<size_t>(v)]);
            exec(("PRAGMA user_version=" + std::to_string(v + 1)).c_str());
        });
    }
}

}  // namespace dp
