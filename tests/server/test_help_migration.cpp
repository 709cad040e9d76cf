// Migration 5 (帮办代办) on a database of version 4: requests stored before it get their pre-review
// material rows and video slot rows, and keep their status.
#include <doctest/doctest.h>

#include "db.hpp"
#include "server_process.hpp"

TEST_CASE("upgrading from version 4 gives old pre-review and video requests their help rows") {
    auto dir = testing::make_temp_dir("doorplate-help-mig-");
    const std::string path = (dir / "old.db").string();
    {
        dp::Db old(path, 4);
        REQUIRE(old.schema_version() == 4);
        old.exec("INSERT INTO areas (id, name, kind, lat, lng) VALUES ('t1', '溪美街道', 'town', 24.96, 118.38)");
        old.exec("INSERT INTO areas (id, name, kind, parent_id, lat, lng) VALUES ('v1', '成功社区', 'community', 't1', 24.96, 118.38)");
        old.exec("INSERT INTO doorplates (code, area_id, town_id, county, town, village, road, number, lat, lng) "
                 "VALUES ('OLDPLATE', 'v1', 't1', '南安市', '溪美街道', '成功社区', '成功街', '1号', 24.96, 118.38)");
        old.exec("INSERT INTO requests (number, token_hash, kind, item_id, doorplate_code, area_id, town_id, contact_name, "
                 "contact_phone, payload, status, created_at, updated_at) VALUES "
                 "('P-OLD', 'h1', 'prereview', 'x', 'OLDPLATE', 'v1', 't1', '张三', '13800138000', "
                 "'{\"materials\":[\"m-a\",\"m-b\"]}', 'in_progress', 1, 2), "
                 "('V-OLD', 'h2', 'video', 'x', 'OLDPLATE', 'v1', 't1', '张三', '13800138000', '{\"slot_at\":1749603600}', "
                 "'submitted', 1, 1), "
                 "('Q-OLD', 'h3', 'question', 'x', 'OLDPLATE', 'v1', 't1', '张三', '13800138000', 'not json', 'submitted', 1, 1)");
    }
    dp::Db db(path);
    CHECK(db.schema_version() == dp::Db::newest_schema_version());
    auto l = db.lock();
    dp::Stmt m(db, "SELECT material_id, position, state FROM help_materials ORDER BY position");
    REQUIRE(m.step());
    CHECK(m.text(0) == "m-a");
    CHECK(m.int64(1) == 0);
    CHECK(m.text(2) == "missing");
    REQUIRE(m.step());
    CHECK(m.text(0) == "m-b");
    CHECK_FALSE(m.step());
    dp::Stmt v(db, "SELECT town_id, requested_at FROM help_video");
    REQUIRE(v.step());
    CHECK(v.text(0) == "t1");
    CHECK(v.int64(1) == 1749603600);
    dp::Stmt r(db, "SELECT status, agent_id, lifecycle FROM requests WHERE number = 'P-OLD'");
    REQUIRE(r.step());
    CHECK(r.text(0) == "in_progress");
    CHECK(r.text(1) == "");
    CHECK(r.text(2) == "");
    std::filesystem::remove_all(dir);
}
