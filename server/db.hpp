// Db owns the SQLite connection: RAII statements with bound parameters only (prepared once per
// SQL text and kept), numbered schema migrations applied at open, and one mutex so the HTTP
// thread pool never shares a statement.
#pragma once
#include <cstdint>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace dp {

struct DbError : std::runtime_error {
    using std::runtime_error::runtime_error;
    int sqlite_code = 0;  // extended result code when known (SQLITE_FULL, SQLITE_IOERR_…)
};

class Db;

// A prepared statement; bind with 1-based indexes, step until false. The connection keeps the
// compiled statement for its SQL text (Db::acquire): constructing a Stmt again for the same SQL
// costs a hash lookup, not a parse; the destructor resets it and clears its bindings.
class Stmt {
public:
    Stmt(Db& db, const char* sql);
    ~Stmt();
    Stmt(const Stmt&) = delete;
    Stmt& operator=(const Stmt&) = delete;

    Stmt& bind(int i, const std::string& v);
    Stmt& bind(int i, int64_t v);
    Stmt& bind(int i, int v) { return bind(i, static_cast<int64_t>(v)); }
    Stmt& bind(int i, double v);
    Stmt& bind_null(int i);
    bool step();  // true while a row is available
    void reset();

    int64_t int64(int col) const;
    double real(int col) const;
    std::string text(int col) const;
    bool is_null(int col) const;

private:
    Db& db_;
    sqlite3_stmt* stmt_ = nullptr;
    bool* kept_in_use_ = nullptr;  // set when the Db keeps this statement: reset and released, not finalized
};

class Db {
public:
    // Opens (creating if needed) and migrates to the newest schema; throws DbError with a clear
    // message if the file is newer than this program knows.
    explicit Db(const std::string& path);
    // Opens and migrates only to schema version `version` (tests of upgrades from older versions).
    Db(const std::string& path, int version);
    ~Db();
    Db(const Db&) = delete;
    Db& operator=(const Db&) = delete;

    void exec(const char* sql);
    int64_t last_insert_id() const;
    int schema_version() const;
    static int newest_schema_version();

    // Everything that touches the connection holds this lock (statements included).
    std::unique_lock<std::recursive_mutex> lock() { return std::unique_lock<std::recursive_mutex>(mutex_); }

    // Runs fn inside BEGIN IMMEDIATE … COMMIT (rolled back if fn throws).
    template <class Fn>
    void transaction(Fn&& fn) {
        auto l = lock();
        exec("BEGIN IMMEDIATE");
        try {
            fn();
            exec("COMMIT");
        } catch (...) {
            exec("ROLLBACK");
            throw;
        }
    }

    sqlite3* handle() { return db_; }
    [[noreturn]] void fail(const std::string& what) const;

private:
    friend class Stmt;
    // The kept statement for `sql` (prepared on first use; `in_use` points at its flag), or a fresh
    // one (`in_use` null) when that one is in use (the same SQL nested) or the cache is full.
    sqlite3_stmt* acquire(const char* sql, bool*& in_use);
    void release(sqlite3_stmt* stmt, bool* in_use);

    struct Kept {
        sqlite3_stmt* stmt = nullptr;
        bool in_use = false;
    };
    static constexpr size_t kMaxKept = 256;  // distinct SQL texts kept per connection

    void open(const std::string& path);
    void migrate(int target);
    sqlite3* db_ = nullptr;
    std::recursive_mutex mutex_;
    std::unordered_map<std::string, Kept> kept_;
};

}  // namespace dp
