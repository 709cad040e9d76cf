// Tests of the Db type: migrations, transactions, bound parameters.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "db.hpp"
#include "server_process.hpp"

TEST_CASE("a new database is migrated to the newest schema in WAL mode") {
    auto dir = testing::make_temp_dir("doorplate-db-");
    dp::Db db((dir / "a.db").string());
    CHECK(db.schema_version() == dp::Db::newest_schema_version());
    dp::Stmt q(db, "PRAGMA journal_mode");
    REQUIRE(q.step());
    CHECK(q.text(0) == "wal");
    std::filesystem::remove_all(dir);
}

TEST_CASE("a failed transaction leaves nothing behind") {
    auto dir = testing::make_temp_dir("doorplate-db-");
    dp::Db db((dir / "b.db").string());
    CHECK_THROWS(db.transaction([&] {
        dp::Stmt ins(db, "INSERT INTO areas (id, name, kind, lat, lng) VALUES (?, ?, 'town', 0, 0)");
        ins.bind(1, std::string("t1")).bind(2, std::string("镇"));
        ins.step();
        throw std::runtime_error("boom");
    }));
    dp::Stmt c(db, "SELECT COUNT(*) FROM areas");
    c.step();
    CHECK(c.int64(0) == 0);
    std::filesystem::remove_all(dir);
}

TEST_CASE("bound parameters keep quotes and SQL in data as data") {
    auto dir = testing::make_temp_dir("doorplate-db-");
    dp::Db db((dir / "c.db").string());
    const std::string evil = "x'); DROP TABLE areas; --";
    dp::Stmt ins(db, "INSERT INTO areas (id, name, kind, lat, lng) VALUES (?, ?, 'town', 0, 0)");
    ins.bind(1, evil).bind(2, std::string("镇"));
    ins.step();
    dp::Stmt q(db, "SELECT id FROM areas WHERE id = ?");
    q.bind(1, evil);
    REQUIRE(q.step());
    CHECK(q.text(0) == evil);
    std::filesystem::remove_all(dir);
}

TEST_CASE("a database at each older schema version upgrades at start-up and keeps its rows") {
    const int newest = dp::Db::newest_schema_version();
    for (int k = 1; k < newest; ++k) {
        CAPTURE(k);
        auto dir = testing::make_temp_dir("doorplate-old-");
        const auto path = dir / "old.db";
        {
            dp::Db old(path.string(), k);
            REQUIRE(old.schema_version() == k);
            old.exec("INSERT INTO areas (id, name, kind, lat, lng) VALUES ('t1', '溪美街道', 'town', 24.96, 118.38)");
            old.exec("INSERT INTO areas (id, name, kind, parent_id, lat, lng) "
                     "VALUES ('v1', '成功社区', 'community', 't1', 24.96, 118.38)");
            old.exec("INSERT INTO doorplates (code, area_id, town_id, county, town, village, road, number, lat, lng) "
                     "VALUES ('OLDPLATE', 'v1', 't1', '南安市', '溪美街道', '成功社区', '成功街', '1号', 24.96, 118.38)");
            if (k >= 3)
                old.exec("INSERT INTO requests (number, token_hash, kind, item_id, doorplate_code, area_id, town_id, "
                         "contact_name, contact_phone, created_at, updated_at) VALUES ('Q-OLD', 'h', 'question', 'x', "
                         "'OLDPLATE', 'v1', 't1', '张三', '13800138000', 1, 1)");
        }
        {
            testing::ServerProcess server({}, path);
            auto res = server.client().Get("/api/v1/doorplates?limit=10");
            REQUIRE(res);
            REQUIRE(res->status == 200);
            auto body = nlohmann::json::parse(res->body);
            CHECK(body["total"] == 1);
            CHECK(body["doorplates"][0]["code"] == "OLDPLATE");
            CHECK(server.client().Get("/api/v1/bundles/area/v1")->status == 200);
        }
        dp::Db db(path.string());
        CHECK(db.schema_version() == newest);
        dp::Stmt q(db, "SELECT COUNT(*) FROM requests");
        q.step();
        CHECK(q.int64(0) == (k >= 3 ? 1 : 0));
        std::filesystem::remove_all(dir);
    }
}

TEST_CASE("migrating to a chosen version stops there, and reopening continues from it") {
    auto dir = testing::make_temp_dir("doorplate-db-");
    const auto path = (dir / "steps.db").string();
    { CHECK(dp::Db(path, 1).schema_version() == 1); }
    { CHECK(dp::Db(path, 2).schema_version() == 2); }
    { CHECK(dp::Db(path).schema_version() == dp::Db::newest_schema_version()); }
    std::filesystem::remove_all(dir);
}

namespace {
// True when SQLite's plan for `sql` builds a temporary B-tree (OpenEphemeral) each time it runs.
bool builds_temporary_btree(dp::Db& db, const std::string& sql) {
    dp::Stmt q(db, ("EXPLAIN " + sql).c_str());
    while (q.step())
        if (q.text(1) == "OpenEphemeral") return true;
    return false;
}
}  // namespace

TEST_CASE("the CHECK constraints a submission evaluates still refuse bad values, without a temporary B-tree per row") {
    auto dir = testing::make_temp_dir("doorplate-db-");
    dp::Db db((dir / "checks.db").string());
    CHECK_FALSE(builds_temporary_btree(db,
        "INSERT INTO requests (number, token_hash, kind, item_id, doorplate_code, area_id, town_id, contact_name, "
        "contact_phone, payload, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'submitted', ?, ?)"));
    CHECK_FALSE(builds_temporary_btree(db, "UPDATE requests SET status = ?, updated_at = ? WHERE id = ?"));
    CHECK_FALSE(builds_temporary_btree(db, "INSERT INTO usage_events (at, day, type) VALUES (?, ?, ?)"));

    db.exec("INSERT INTO areas (id, name, kind, lat, lng) VALUES ('t1', '溪美街道', 'town', 24.96, 118.38)");
    db.exec("INSERT INTO doorplates (code, area_id, town_id, county, town, village, road, number, lat, lng) "
            "VALUES ('P1', 't1', 't1', '南安市', '溪美街道', '成功社区', '成功街', '1号', 24.96, 118.38)");
    auto insert = [&](const std::string& number, const std::string& kind, const std::string& status) {
        dp::Stmt ins(db,
                     "INSERT INTO requests (number, token_hash, kind, item_id, doorplate_code, area_id, town_id, "
                     "contact_name, contact_phone, status, created_at, updated_at) "
                     "VALUES (?, 'h', ?, 'x', 'P1', 't1', 't1', '张三', '13800138000', ?, 1, 1)");
        ins.bind(1, number).bind(2, kind).bind(3, status);
        ins.step();
    };
    for (const char* kind : {"question", "prereview", "proxy", "video"})
        CHECK_NOTHROW(insert(std::string("N-") + kind, kind, "submitted"));
    for (const char* status : {"assigned", "in_progress", "needs_supplement", "completed", "withdrawn", "rated"})
        CHECK_NOTHROW(insert(std::string("S-") + status, "question", status));
    CHECK_THROWS_AS(insert("BAD-1", "letter", "submitted"), dp::DbError);
    CHECK_THROWS_AS(insert("BAD-2", "question", "lost"), dp::DbError);
    CHECK_THROWS_AS(insert("BAD-3", "Question", "submitted"), dp::DbError);
    CHECK_THROWS_AS(db.exec("UPDATE requests SET status = 'archived' WHERE number = 'N-question'"), dp::DbError);

    for (const char* type : {"doorplate_opened", "search", "guide_viewed", "navigation_tapped", "help_requested",
                             "request_closed", "rating"}) {
        dp::Stmt ev(db, "INSERT INTO usage_events (at, day, type) VALUES (1, '2025-11-03', ?)");
        ev.bind(1, std::string(type));
        CHECK_NOTHROW(ev.step());
    }
    CHECK_THROWS_AS(db.exec("INSERT INTO usage_events (at, day, type) VALUES (1, '2025-11-03', 'clicked')"), dp::DbError);
    dp::Stmt ok(db, "PRAGMA integrity_check");
    REQUIRE(ok.step());
    CHECK(ok.text(0) == "ok");
    std::filesystem::remove_all(dir);
}
