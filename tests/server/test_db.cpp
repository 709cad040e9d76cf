// Tests of the Db type: migrations, transactions, bound parameters.
#include <doctest/doctest.h>

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
