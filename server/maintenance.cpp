// --backup and --check (see maintenance.hpp).
#include "maintenance.hpp"

#include <sqlite3.h>

#include <cstdio>
#include <filesystem>
#include <vector>

namespace dp {
namespace {

// A read-only or read-write connection that closes itself; nullptr with a message on failure.
struct Conn {
    sqlite3* h = nullptr;
    Conn(const std::string& path, int flags) {
        if (sqlite3_open_v2(path.c_str(), &h, flags, nullptr) != SQLITE_OK) {
            std::fprintf(stderr, "doorplate-server: cannot open %s: %s\n", path.c_str(), h ? sqlite3_errmsg(h) : "?");
            sqlite3_close(h);
            h = nullptr;
        } else {
            sqlite3_busy_timeout(h, 10000);
        }
    }
    ~Conn() { sqlite3_close(h); }
};

std::vector<std::string> check_problems(sqlite3* h) {
    std::vector<std::string> problems;
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(h, "PRAGMA integrity_check", -1, &s, nullptr) != SQLITE_OK) {
        problems.push_back(std::string("integrity_check: ") + sqlite3_errmsg(h));
        return problems;
    }
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        auto t = reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
        std::string line = t ? t : "";
        if (line != "ok") problems.push_back("integrity: " + line);
    }
    if (rc != SQLITE_DONE) problems.push_back(std::string("integrity_check: ") + sqlite3_errmsg(h));
    sqlite3_finalize(s);
    if (sqlite3_prepare_v2(h, "PRAGMA foreign_key_check", -1, &s, nullptr) != SQLITE_OK) {
        problems.push_back(std::string("foreign_key_check: ") + sqlite3_errmsg(h));
        return problems;
    }
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        auto col = [&](int i) {
            auto t = reinterpret_cast<const char*>(sqlite3_column_text(s, i));
            return std::string(t ? t : "NULL");
        };
        problems.push_back("foreign key: " + col(0) + " row " + col(1) + " refers to a missing " + col(2) + " row");
    }
    if (rc != SQLITE_DONE) problems.push_back(std::string("foreign_key_check: ") + sqlite3_errmsg(h));
    sqlite3_finalize(s);
    return problems;
}

}  // namespace

int run_backup(const std::string& db_path, const std::string& out_path) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::exists(db_path, ec)) {
        std::fprintf(stderr, "doorplate-server: no database at %s\n", db_path.c_str());
        return 1;
    }
    const std::string tmp = out_path + ".tmp";
    fs::remove(tmp, ec);
    {
        Conn src(db_path, SQLITE_OPEN_READONLY);
        Conn dst(tmp, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        if (!src.h || !dst.h) return 1;
        // One step copies every page under one read transaction: a consistent snapshot, while
        // writers (WAL) carry on. Retried while the source is momentarily locked.
        sqlite3_backup* b = sqlite3_backup_init(dst.h, "main", src.h, "main");
        if (!b) {
            std::fprintf(stderr, "doorplate-server: backup failed: %s\n", sqlite3_errmsg(dst.h));
            return 1;
        }
        int rc;
        int tries = 0;
        while ((rc = sqlite3_backup_step(b, -1)) == SQLITE_BUSY || rc == SQLITE_LOCKED) {
            if (++tries > 100) break;
            sqlite3_sleep(50);
        }
        const int pages = sqlite3_backup_pagecount(b);
        sqlite3_backup_finish(b);
        if (rc != SQLITE_DONE) {
            std::fprintf(stderr, "doorplate-server: backup failed: %s\n", sqlite3_errstr(rc));
            fs::remove(tmp, ec);
            return 1;
        }
        auto problems = check_problems(dst.h);
        if (!problems.empty()) {
            for (auto& p : problems) std::fprintf(stderr, "doorplate-server: backup copy: %s\n", p.c_str());
            fs::remove(tmp, ec);
            return 1;
        }
        std::printf("backup: %d pages of %s copied to %s\n", pages, db_path.c_str(), out_path.c_str());
    }
    fs::rename(tmp, out_path, ec);
    if (ec) {
        std::fprintf(stderr, "doorplate-server: cannot rename %s: %s\n", tmp.c_str(), ec.message().c_str());
        return 1;
    }
    return 0;
}

int run_check(const std::string& db_path) {
    std::error_code ec;
    if (!std::filesystem::exists(db_path, ec)) {
        std::fprintf(stderr, "doorplate-server: no database at %s\n", db_path.c_str());
        return 1;
    }
    Conn c(db_path, SQLITE_OPEN_READONLY);
    if (!c.h) return 1;
    auto problems = check_problems(c.h);
    if (problems.empty()) {
        std::printf("ok\n");
        return 0;
    }
    for (auto& p : problems) std::printf("%s\n", p.c_str());
    return 1;
}

}  // namespace dp
