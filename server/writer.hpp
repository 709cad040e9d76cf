// The one writer thread with group commit: handlers queue a write and wait for its answer; the
// writer runs everything queued (up to max_batch) in one BEGIN IMMEDIATE … COMMIT, each write in
// its own SAVEPOINT, on its own SQLite connection (WAL: readers keep using App::db meanwhile).
// The commit's fsync of the WAL runs on a syncer thread (DeferWalSync, wal_vfs.hpp) while the
// writer runs the next batch; a write is answered only once an fsync that began after its
// COMMIT has returned, so an answered write is on disk as with synchronous=FULL.
// WAL checkpoints run on a third thread with its own connection, so that copying pages back
// into the database file (and its fsync) never holds up a commit.
#pragma once
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

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
    // Writes per transaction; 1 = one transaction per write, each synced in its COMMIT (the
    // baseline the benchmark compares with: no batching of writes or of fsyncs).
    int max_batch = 256;
    int64_t max_db_bytes = 0;   // 0 = no quota; else writes beyond it fail with 507
};

struct WriterStats {
    int64_t queue_depth = 0;
    int64_t writes_committed = 0;
    int64_t writes_failed = 0;
    int64_t batches_committed = 0;
    double work_seconds = 0;    // running the writes (inside the transactions)
    double commit_seconds = 0;  // in COMMIT (the WAL append; its fsync too when not deferred)
    int64_t syncs = 0;          // deferred WAL fsyncs done by the syncer
    double sync_seconds = 0;    // in those fsyncs
    int64_t wal_frames = 0;     // pages appended to the WAL by commits (each a page-sized frame)
    int64_t batches_redone = 0; // batches run again write by write because one write threw
};

class Writer {
public:
    // A write. It may run more than once (a batch runs again when one of its writes throws):
    // it must change nothing but the database, and set its results afresh each time.
    using Work = std::function<void(Db&)>;

    // Opens a second connection to `db_path` (already migrated by the server's Db) and starts the thread.
    Writer(const std::string& db_path, WriterOptions options = {});
    ~Writer();
    Writer(const Writer&) = delete;
    Writer& operator=(const Writer&) = delete;

    // Queues `work` for the next batch and waits until the batch has committed and the WAL
    // holding it (and everything committed before it) has been fsynced: durable. If `work`
    // throws, only what it did is undone and run() throws that exception (a DbError becomes a
    // WriteError 503/507). If the transaction itself fails, every write in it gets a WriteError.
    // After stop(), or once an fsync has failed: WriteError 503.
    void run(Work work);

    // Waits until everything committed so far is durable (for answers read outside the writer,
    // e.g. an idempotent replay found by the server's own connection).
    void wait_durable();

    // Refuses new writes, commits everything already queued, syncs, joins the threads. Idempotent.
    void stop();

    WriterStats stats() const;
    int max_batch() const { return options_.max_batch; }

private:
    // A write's answer, on the stack of the thread waiting in run(): set once, by the writer or
    // the syncer, woken with one futex call (std::promise took two system calls to answer, one of
    // them its call_once's, on the syncer that answers every write in turn).
    class Answer {
    public:
        void set(std::exception_ptr error);
        void wait();  // rethrows the write's exception
    private:
        std::atomic<uint32_t> state_{0};  // kPending, kSleeping (a waiter is in futex_wait) or kSet
        std::exception_ptr error_;
    };
    // Who answers: moved along with the job (queue, batch, the syncer's list); an Answer still
    // unset when its last holder goes is answered 503 (as a broken promise was an error), never left waiting.
    class Answering {
    public:
        explicit Answering(Answer* a) : answer_(a) {}
        Answering(Answering&& o) noexcept : answer_(o.answer_) { o.answer_ = nullptr; }
        Answering& operator=(Answering&& o) noexcept;
        Answering(const Answering&) = delete;
        Answering& operator=(const Answering&) = delete;
        ~Answering();
        void set_value() { set(nullptr); }
        void set_exception(std::exception_ptr e) { set(std::move(e)); }
    private:
        void set(std::exception_ptr e);
        Answer* answer_;
    };
    struct Job {
        Work work;
        Answering done;
    };
    void loop();
    void commit_batch(std::deque<Job>& batch);
    // After a successful COMMIT: answers `pending` now if nothing committed awaits an fsync, else
    // hands them to the syncer. `owed_fd`: the WAL file whose fsync this COMMIT deferred, or -1.
    void answer_when_durable(std::vector<Job*>& pending, int owed_fd);
    bool gather_more(std::deque<Job>& batch);
    void sync_loop();
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
    std::atomic<int64_t> work_ns_{0}, commit_ns_{0}, wal_frames_{0};
    std::atomic<int64_t> redone_{0};  // batches run again carefully because a write threw
    int wal_length_ = 0;  // frames in the WAL after the last commit (writer thread only)
    std::thread thread_;

    // The syncer: commits get sequence numbers when their fsync is deferred (owed_); synced_ is
    // the last one an fsync has covered. Answers wait in sync_waiting_ until synced_ reaches owed_.
    std::mutex sync_mutex_;
    std::condition_variable sync_wake_, durable_wake_;
    std::vector<Answering> sync_waiting_;
    int sync_fd_ = -1;
    int64_t owed_ = 0, synced_ = 0;
    bool sync_stopping_ = false;
    std::atomic<bool> sync_busy_{false};  // an fsync is running or owed (gather_more waits for it)
    // While gather_more waits, submit() wakes the writer only once this many writes are queued
    // (each wake-up is a context switch); the syncer wakes it when it is free in any case.
    static constexpr size_t kGatherChunk = 8;
    size_t wake_at_ = 1;  // guarded by mutex_
    std::atomic<bool> broken_{false};  // an fsync failed: no more writes until a restart
    std::atomic<int64_t> syncs_{0}, sync_ns_{0};
    std::thread sync_thread_;

    // The checkpointer: woken after a commit leaves the WAL at kCheckpointFrames frames or more.
    static constexpr int kCheckpointFrames = 4000;  // ~16 MiB of WAL (SQLite alone: 1000)
    Db checkpoint_db_;
    std::mutex checkpoint_mutex_;
    std::condition_variable checkpoint_wake_;
    bool checkpoint_wanted_ = false, checkpoint_stopping_ = false;
    std::thread checkpoint_thread_;
};

}  // namespace dp
