// Graceful shutdown: SIGTERM while clients submit; in-flight requests finish, queued writes
// commit, every 201 is in the database, and the exit status is 0.
#include <doctest/doctest.h>

#include <chrono>

#include "db.hpp"
#include "submit_load.hpp"

TEST_CASE("SIGTERM during submissions commits every acknowledged one and exits 0") {
    auto dir = testing::make_temp_dir("doorplate-term-");
    const auto db_path = dir / "term.db";
    std::vector<testing::Submission> acked;
    int exit_status = -2;
    {
        testing::ServerProcess server({"--demo", "--rate-limit", "0"}, db_path);
        auto refs = testing::demo_refs(server);
        testing::SubmitLoad load(server, refs, 6);
        for (int i = 0; i < 100 && load.acknowledged_count() < 100; ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        exit_status = server.stop();
        load.join();
        acked = load.acknowledged();
        for (int s : load.other_status()) CHECK_MESSAGE(s < 500, "status " << s);  // never a 5xx while stopping
    }
    CHECK(exit_status == 0);
    REQUIRE(acked.size() > 10);
    dp::Db db(db_path.string());
    for (auto& s : acked) {
        dp::Stmt q(db, "SELECT number FROM requests WHERE id = ?");
        q.bind(1, s.id);
        REQUIRE_MESSAGE(q.step(), s.key);
        CHECK(q.text(0) == s.number);
    }
    std::filesystem::remove_all(dir);
}
