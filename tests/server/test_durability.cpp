// Crash and disk tests: kill -9 the server while clients submit (after a restart every
// acknowledged submission is there exactly once, retries replay, the integrity check passes);
// storage filling up, by quota and on a real size-limited filesystem (tmpfs, where mount works).
#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/mount.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <nlohmann/json.hpp>

#include "db.hpp"
#include "submit_load.hpp"

using nlohmann::json;

TEST_CASE("after kill -9 every acknowledged submission exists exactly once and retries create nothing") {
    auto dir = testing::make_temp_dir("doorplate-crash-");
    const auto db_path = dir / "crash.db";
    testing::DemoRefs refs;
    std::vector<testing::Submission> acked, unanswered;
    {
        testing::ServerProcess server({"--demo", "--rate-limit", "0"}, db_path);
        refs = testing::demo_refs(server);
        testing::SubmitLoad load(server, refs, 6);
        // Let a good number be acknowledged, then pull the plug mid-stream.
        for (int i = 0; i < 100 && load.acknowledged_count() < 150; ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        server.kill_hard();
        load.join();
        acked = load.acknowledged();
        unanswered = load.unanswered();
    }
    REQUIRE(acked.size() > 10);
    INFO("acknowledged " << acked.size() << ", unanswered " << unanswered.size());

    testing::ServerProcess server({"--rate-limit", "0"}, db_path);
    auto c = server.client();
    {
        dp::Db db(db_path.string());
        for (auto& s : acked) {
            dp::Stmt q(db, "SELECT COUNT(*) FROM requests WHERE number = ? AND id = ?");
            q.bind(1, s.number).bind(2, s.id);
            q.step();
            CHECK_MESSAGE(q.int64(0) == 1, s.key);
        }
    }
    int64_t before = 0;
    {
        dp::Db db(db_path.string());
        dp::Stmt n(db, "SELECT COUNT(*) FROM requests");
        n.step();
        before = n.int64(0);
    }
    CHECK(before >= static_cast<int64_t>(acked.size()));
    CHECK(before <= static_cast<int64_t>(acked.size() + unanswered.size()));

    // Retrying an acknowledged submission replays it; retrying one that was in flight either
    // replays (it had committed) or creates it now: afterwards each key is exactly one request.
    for (auto& s : acked) {
        auto res = testing::post_json(c, "/api/v1/requests", s.body, s.key);
        REQUIRE(res);
        CHECK(res->status == 201);
        CHECK(res->get_header_value("Idempotent-Replay") == "true");
        CHECK(json::parse(res->body)["id"] == s.id);
        auto got = c.Get(("/api/v1/requests/" + std::to_string(s.id)).c_str(), {{"Authorization", "Bearer " + s.token}});
        REQUIRE(got);
        CHECK(got->status == 200);
    }
    for (auto& s : unanswered) {
        auto res = testing::post_json(c, "/api/v1/requests", s.body, s.key);
        REQUIRE(res);
        CHECK(res->status == 201);
    }
    {
        dp::Db db(db_path.string());
        dp::Stmt n(db, "SELECT COUNT(*) FROM requests");
        n.step();
        CHECK(n.int64(0) == static_cast<int64_t>(acked.size() + unanswered.size()));
    }
    CHECK(server.stop() == 0);
    auto [status, out] = testing::run_server_command({"--db", db_path.string(), "--check"});
    CHECK(status == 0);
    CHECK(out == "ok\n");
    std::filesystem::remove_all(dir);
}

TEST_CASE("when storage is full a submission gets a JSON 507, earlier ones stay and reads go on") {
    auto dir = testing::make_temp_dir("doorplate-full-");
    const auto db_path = dir / "full.db";
    { testing::ServerProcess seed({"--demo"}, db_path); }  // the demo county, checkpointed on close
    const auto size_mb = static_cast<int64_t>(std::filesystem::file_size(db_path) / (1024 * 1024)) + 1;
    testing::ServerProcess server({"--rate-limit", "0", "--max-db-mb", std::to_string(size_mb)}, db_path);
    auto refs = testing::demo_refs(server);
    auto c = server.client();
    std::vector<json> created;
    int full_status = 0;
    std::string full_body;
    std::string text;
    for (int i = 0; i < 1900; ++i) text += "长";
    for (int i = 0; i < 2000; ++i) {
        auto res = testing::post_request(c, testing::question_body(refs, text), "fill-" + std::to_string(i));
        REQUIRE(res);
        if (res->status != 201) {
            full_status = res->status;
            full_body = res->body;
            break;
        }
        created.push_back(json::parse(res->body));
    }
    CHECK(full_status == 507);
    auto err = json::parse(full_body)["error"];
    CHECK(err["code"] == "storage_full");
    CHECK(err["message"].get<std::string>().find("没有保存") != std::string::npos);
    REQUIRE(!created.empty());
    for (size_t i = 0; i < created.size(); i += std::max<size_t>(1, created.size() / 10)) {
        auto got = c.Get(("/api/v1/requests/" + std::to_string(created[i]["id"].get<int64_t>())).c_str(),
                         {{"Authorization", "Bearer " + created[i]["token"].get<std::string>()}});
        REQUIRE(got);
        CHECK(got->status == 200);
    }
    CHECK(c.Get("/healthz")->status == 200);
    CHECK(c.Get(("/api/v1/guides/" + refs.item_id).c_str())->status == 200);
    CHECK(server.stop() == 0);
    auto [status, out] = testing::run_server_command({"--db", db_path.string(), "--check"});
    CHECK(status == 0);
    dp::Db db(db_path.string());
    dp::Stmt n(db, "SELECT COUNT(*) FROM requests");
    n.step();
    CHECK(n.int64(0) == static_cast<int64_t>(created.size()));
    std::filesystem::remove_all(dir);
}

namespace {

// A tmpfs of `bytes` mounted on `dir` (root only); unmounted when it goes out of scope.
struct SmallFilesystem {
    std::filesystem::path dir;
    bool mounted = false;
    std::string error;
    SmallFilesystem(std::filesystem::path d, int64_t bytes) : dir(std::move(d)) {
        std::filesystem::create_directories(dir);
        const std::string opts = "size=" + std::to_string(bytes) + ",mode=0700";
        mounted = mount("tmpfs", dir.c_str(), "tmpfs", 0, opts.c_str()) == 0;
        if (!mounted) error = std::strerror(errno);
    }
    ~SmallFilesystem() { unmount(); }
    void unmount() {
        if (mounted) umount2(dir.c_str(), MNT_DETACH);
        mounted = false;
    }
};

// Fills the filesystem of `path` with one file, then frees `leave` bytes of it.
void fill_leaving(const std::filesystem::path& path, int64_t leave) {
    int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    REQUIRE(fd >= 0);
    const std::string chunk(64 * 1024, 'x');
    int64_t written = 0;
    for (;;) {
        ssize_t n = write(fd, chunk.data(), chunk.size());
        if (n <= 0) break;
        written += n;
    }
    REQUIRE(errno == ENOSPC);
    REQUIRE(ftruncate(fd, std::max<int64_t>(0, written - leave)) == 0);
    fsync(fd);
    close(fd);
}

}  // namespace

TEST_CASE("a filesystem that fills up: the client gets a 507, nothing acknowledged is lost, and writes resume once space returns") {
    auto dir = testing::make_temp_dir("doorplate-disk-");
    const auto seed_db = dir / "seed.db";
    { testing::ServerProcess seed({"--demo"}, seed_db); }  // the demo county, checkpointed on close
    const int64_t db_bytes = static_cast<int64_t>(std::filesystem::file_size(seed_db));
    SmallFilesystem small(dir / "small", db_bytes + 4 * 1024 * 1024);
    if (!small.mounted) {
        MESSAGE("cannot mount a tmpfs here (" << small.error << "): the quota test above covers a full disk by --max-db-mb");
        std::filesystem::remove_all(dir);
        return;
    }
    const auto db_path = small.dir / "doorplate.db";
    std::filesystem::copy_file(seed_db, db_path);
    fill_leaving(small.dir / "filler", 512 * 1024);

    std::vector<json> acked;
    std::string refused_key, refused_body;
    {
        testing::ServerProcess server({"--rate-limit", "0"}, db_path);
        auto refs = testing::demo_refs(server);
        auto c = server.client();
        std::string text;
        for (int i = 0; i < 1900; ++i) text += "满";
        int status = 0;
        std::string body;
        for (int i = 0; i < 1000; ++i) {
            const std::string key = "disk-" + std::to_string(i);
            const std::string payload = testing::question_body(refs, text + std::to_string(i)).dump();
            auto res = testing::post_json(c, "/api/v1/requests", payload, key);
            REQUIRE(res);
            if (res->status != 201) {
                status = res->status;
                body = res->body;
                refused_key = key;
                refused_body = payload;
                break;
            }
            acked.push_back(json::parse(res->body));
        }
        INFO("acknowledged before the disk was full: " << acked.size());
        REQUIRE(!acked.empty());
        CHECK(status == 507);
        CHECK(json::parse(body)["error"]["code"] == "storage_full");
        // Reads go on while the disk is full.
        auto first = c.Get(("/api/v1/requests/" + std::to_string(acked[0]["id"].get<int64_t>())).c_str(),
                           {{"Authorization", "Bearer " + acked[0]["token"].get<std::string>()}});
        REQUIRE(first);
        CHECK(first->status == 200);
        // A retry while still full is refused again, and creates nothing.
        auto again = testing::post_json(c, "/api/v1/requests", refused_body, refused_key);
        REQUIRE(again);
        CHECK(again->status == 507);

        // Space returns: the same server takes writes again, without a restart.
        std::filesystem::remove(small.dir / "filler");
        auto retry = testing::post_json(c, "/api/v1/requests", refused_body, refused_key);
        REQUIRE(retry);
        CHECK_MESSAGE(retry->status == 201, retry->body);
        CHECK(!retry->has_header("Idempotent-Replay"));  // it had not been stored before
        acked.push_back(json::parse(retry->body));
        auto replay = testing::post_json(c, "/api/v1/requests", refused_body, refused_key);
        CHECK(replay->get_header_value("Idempotent-Replay") == "true");
        auto fresh = testing::post_request(c, testing::question_body(refs, "空间恢复以后"), "disk-after");
        REQUIRE(fresh);
        CHECK(fresh->status == 201);
        acked.push_back(json::parse(fresh->body));
        CHECK(server.stop() == 0);
    }
    auto [status, out] = testing::run_server_command({"--db", db_path.string(), "--check"});
    CHECK(status == 0);
    CHECK(out == "ok\n");
    {
        dp::Db db(db_path.string());
        for (auto& a : acked) {
            dp::Stmt q(db, "SELECT COUNT(*) FROM requests WHERE id = ? AND number = ?");
            q.bind(1, a["id"].get<int64_t>()).bind(2, a["number"].get<std::string>());
            q.step();
            CHECK(q.int64(0) == 1);
        }
        dp::Stmt n(db, "SELECT COUNT(*) FROM requests");
        n.step();
        CHECK(n.int64(0) == static_cast<int64_t>(acked.size()));  // nothing half-written either
    }
    small.unmount();
    std::filesystem::remove_all(dir);
}
