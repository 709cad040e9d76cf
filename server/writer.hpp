// The one writer thread with group commit: handlers queue a write and wait for its future; the
// writer runs everything queued (up to max_batch) in one BEGIN IMMEDIATE … COMMIT, each write in
// its own SAVEPOINT, on its own SQLite connection (WAL: readers keep using App::db meanwhile).
// WAL checkpoints run on a second thread with its own connection, so that copying pages back
// into the database file (and its fsync) never holds up a commit.
#pragma once
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <future>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>

#include "db.hpp"
#include "http_util.hpp"

struct sqlite3;

namespace dp {

// Storage could not take the write: 503 (I/O error, busy, shutting down) or 507 (disk or quota
// full); the one exception handler sends it as JSON. Nothing of the write was committed.
struct WriteError : HttpError {
    using HttpError::HttpError;
};

struct WriterOptions {
    int max_batch = 256;        // writes per transaction; 1 = one transaction per write
    int64_t max_db_bytes = 0;   // 0 = no quota; else writes beyond it fail with 507
};

struct WriterStats {
    int64_t queue_depth = 0;
    int64_t writes_committed = 0;
    int64_t writes_failed = 0;
    int64_t batches_committed = 0;
    double work_seconds = 0;    // running the writes (inside the transactions)
    double commit_seconds = 0;  // in COMMIT (the WAL append and its fsync)
};

class Writer {
public:
    using Work = std::function<void(Db&)>;

    // Opens a second connection to `db_path` (already migrated by the server's Db) and starts the thread.
    Writer(const std::string& db_path, WriterOptions options = {});
    ~Writer();
    Writer(const Writer&) = delete;
    Writer& operator=(const Writer&) = delete;

    // Queues `work` for the next batch. The future is ready once the batch's COMMIT returned
    // (synchronous=FULL: durable). If `work` throws, only its savepoint is rolled back and the
    // future holds that exception (a DbError becomes a WriteError 503/507). If the transaction
    // itself fails, every write in it gets a WriteError. After stop(): WriteError 503.
    std::future<void> submit(Work work);
    // submit() and wait.
    void run(Work work) { submit(std::move(work)).get(); }

    // Refuses new writes, commits everything already queued, joins the thread. Idempotent.
    void stop();

    WriterStats stats() const;
    int max_batch() const { return options_.max_batch; }

private:
    struct Job {
        Work work;
        std::promise<void> done;
    };
    void loop();
    void commit_batch(std::deque<Job>& batch);
    void checkpoint_loop();
    static int on_wal_commit(void* self, sqlite3* db, const char* name, int frames);
    WriteError storage_error(int sqlite_code, const std::string& what) const;

    WriterOptions options_;
    Db db_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<Job> queue_;
    bool stopping_ = false;
    std::atomic<int64_t> depth_{0}, committed_{0}, failed_{0}, batches_{0};
    std::atomic<int64_t> work_ns_{0}, commit_ns_{0};
    std::thread thread_;

    // The checkpointer: woken after a commit leaves the WAL at kCheckpointFrames frames or more.
    static constexpr int kCheckpointFrames = 4000;  // ~16 MiB of WAL (SQLite alone: 1000)
    Db checkpoint_db_;
    std::mutex checkpoint_mutex_;
    std::condition_variable checkpoint_wake_;
    bool checkpoint_wanted_ = false, checkpoint_stopping_ = false;
    std::thread checkpoint_thread_;
};

}  // namespace dp
