// The group-commit writer (see writer.hpp): queue, batch loop, savepoints, deferred fsyncs, error classification.
#include "writer.hpp"

#include <linux/futex.h>
#include <sqlite3.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <optional>

#include "log.hpp"
#include "wal_vfs.hpp"

namespace dp {

Writer::Writer(const std::string& db_path, WriterOptions options)
    : options_(options), db_(db_path), checkpoint_db_(db_path) {
    if (options_.max_batch < 1) options_.max_batch = 1;
    // A batch touches a few pages per write, many of them index pages at random places: keep
    // them cached (64 MiB at most) rather than read them back from the file.
    db_.exec("PRAGMA cache_size=-65536");
    // Each write runs in its own savepoint, whose journal holds the pages it changes (~15 of them:
    // a request is ~14 B-tree rows). SQLite spills that journal to a temporary file past 64 KiB and
    // then writes every journalled page with its own system call (~30 per write, measured with
    // strace); in memory it is a copy, and at most one write's pages at a time.
    db_.exec("PRAGMA temp_store=MEMORY");
    // Checkpoints are the checkpointer's (on_wal_commit replaces SQLite's autocheckpoint hook).
    sqlite3_wal_hook(db_.handle(), &Writer::on_wal_commit, this);
    if (options_.max_db_bytes > 0) {
        Stmt ps(db_, "PRAGMA page_size");
        ps.step();
        const int64_t pages = std::max<int64_t>(1, options_.max_db_bytes / std::max<int64_t>(1, ps.int64(0)));
        db_.exec(("PRAGMA max_page_count=" + std::to_string(pages)).c_str());
    }
    thread_ = std::thread([this] { loop(); });
    sync_thread_ = std::thread([this] { sync_loop(); });
    checkpoint_thread_ = std::thread([this] { checkpoint_loop(); });
}

int Writer::on_wal_commit(void* self, sqlite3*, const char*, int frames) {
    auto* w = static_cast<Writer*>(self);
    // `frames`: the WAL's length after this commit (shorter than before: it started over).
    w->wal_frames_ += frames >= w->wal_length_ ? frames - w->wal_length_ : frames;
    w->wal_length_ = frames;
    if (frames >= kCheckpointFrames) {
        {
            std::lock_guard<std::mutex> l(w->checkpoint_mutex_);
            w->checkpoint_wanted_ = true;
        }
        w->checkpoint_wake_.notify_one();
    }
    return SQLITE_OK;
}

void Writer::checkpoint_loop() {
    for (;;) {
        {
            std::unique_lock<std::mutex> l(checkpoint_mutex_);
            checkpoint_wake_.wait(l, [&] { return checkpoint_wanted_ || checkpoint_stopping_; });
            if (checkpoint_stopping_) return;
            checkpoint_wanted_ = false;
        }
        // PASSIVE: copies what no reader still needs, without waiting for or blocking anyone; the
        // writer starts the WAL over once everything has been copied back.
        auto lock = checkpoint_db_.lock();
        const int rc = sqlite3_wal_checkpoint_v2(checkpoint_db_.handle(), nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr,
                                                 nullptr);
        if (rc != SQLITE_OK && rc != SQLITE_BUSY)
            log::error("checkpoint_failed", {{"sqlite_code", sqlite3_extended_errcode(checkpoint_db_.handle())}});
    }
}

Writer::~Writer() { stop(); }

namespace {
constexpr uint32_t kPending = 0, kSleeping = 1, kSet = 2;
uint32_t* futex_word(std::atomic<uint32_t>& a) { return reinterpret_cast<uint32_t*>(&a); }
}  // namespace

void Writer::Answer::set(std::exception_ptr error) {
    error_ = std::move(error);
    // After the exchange the waiter may return and its Answer go: only the address is used after
    // it, for the wake-up (a futex word that is gone at worst wakes someone spuriously, and every
    // futex waiter re-checks its condition).
    if (state_.exchange(kSet, std::memory_order_acq_rel) == kSleeping)
        ::syscall(SYS_futex, futex_word(state_), FUTEX_WAKE_PRIVATE, 1, nullptr, nullptr, 0);
}

void Writer::Answer::wait() {
    uint32_t s = state_.load(std::memory_order_acquire);
    while (s != kSet) {
        if (s == kPending && !state_.compare_exchange_weak(s, kSleeping, std::memory_order_acq_rel)) continue;
        ::syscall(SYS_futex, futex_word(state_), FUTEX_WAIT_PRIVATE, kSleeping, nullptr, nullptr, 0);
        s = state_.load(std::memory_order_acquire);
    }
    if (error_) std::rethrow_exception(error_);
}

Writer::Answering& Writer::Answering::operator=(Answering&& o) noexcept {
    if (this != &o) {
        Answering dropped(std::move(*this));  // an answer this one still owed: 503, as in the destructor
        answer_ = o.answer_;
        o.answer_ = nullptr;
    }
    return *this;
}

Writer::Answering::~Answering() {
    if (answer_)
        answer_->set(std::make_exception_ptr(
            WriteError(503, "storage_unavailable", "服务器暂时无法保存，提交没有保存，请稍后再试")));
}

void Writer::Answering::set(std::exception_ptr e) {
    Answer* a = answer_;
    answer_ = nullptr;
    if (a) a->set(std::move(e));
}

void Writer::run(Work work) {
    Answer answer;
    {
        Job job{std::move(work), Answering(&answer)};
        std::unique_lock<std::mutex> l(mutex_);
        if (stopping_) throw WriteError(503, "shutting_down", "服务器正在停止，请稍后再提交");
        if (broken_) throw WriteError(503, "storage_unavailable", "服务器暂时无法保存，提交没有保存，请稍后再试");
        queue_.push_back(std::move(job));
        depth_ = static_cast<int64_t>(queue_.size());
        const bool wake = queue_.size() >= wake_at_;  // else the writer is gathering: woken for a few at once
        l.unlock();
        if (wake) wake_.notify_one();
    }
    answer.wait();
}

void Writer::stop() {
    {
        std::lock_guard<std::mutex> l(mutex_);
        stopping_ = true;
    }
    wake_.notify_one();
    if (thread_.joinable()) thread_.join();
    {  // the writer has handed over its last commits: the syncer syncs them, then ends
        std::lock_guard<std::mutex> l(sync_mutex_);
        sync_stopping_ = true;
    }
    sync_wake_.notify_one();
    if (sync_thread_.joinable()) sync_thread_.join();
    {
        std::lock_guard<std::mutex> l(checkpoint_mutex_);
        checkpoint_stopping_ = true;
    }
    checkpoint_wake_.notify_one();
    if (checkpoint_thread_.joinable()) checkpoint_thread_.join();
}

WriterStats Writer::stats() const {
    return {depth_.load(),          committed_.load(),      failed_.load(), batches_.load(), work_ns_.load() * 1e-9,
            commit_ns_.load() * 1e-9, syncs_.load(), sync_ns_.load() * 1e-9, wal_frames_.load(), redone_.load()};
}

void Writer::wait_durable() {
    std::unique_lock<std::mutex> l(sync_mutex_);
    const int64_t target = owed_;
    durable_wake_.wait(l, [&] { return synced_ >= target; });
}

void Writer::answer_when_durable(std::vector<Job*>& pending, int owed_fd) {
    std::unique_lock<std::mutex> l(sync_mutex_);
    if (owed_fd >= 0) {
        sync_fd_ = owed_fd;
        ++owed_;
    }
    if (synced_ == owed_) {  // synced in the COMMIT itself, and nothing before it still awaits an fsync
        l.unlock();
        for (Job* j : pending) j->done.set_value();
        return;
    }
    for (Job* j : pending) sync_waiting_.push_back(std::move(j->done));
    sync_busy_ = true;
    l.unlock();
    sync_wake_.notify_one();
}

// While the syncer is busy, a COMMIT now would only wait for it: the transaction stays open and
// takes the writes that arrive meanwhile (each in its savepoint, as ever), up to max_batch; it
// commits as soon as the syncer is free. Batches grow with the disk's latency, not with luck.
bool Writer::gather_more(std::deque<Job>& batch) {
    const size_t max = static_cast<size_t>(options_.max_batch);
    if (max <= 1) return false;
    std::unique_lock<std::mutex> l(mutex_);
    for (;;) {
        if (batch.size() >= max || stopping_) return false;
        if (!queue_.empty()) {
            while (!queue_.empty() && batch.size() < max) {
                batch.push_back(std::move(queue_.front()));
                queue_.pop_front();
            }
            depth_ = static_cast<int64_t>(queue_.size());
            return true;
        }
        if (!sync_busy_) return false;
        wake_at_ = kGatherChunk;
        wake_.wait(l);
        wake_at_ = 1;
    }
}

// One fdatasync covers every commit made before it began: while it runs, the writer commits the
// next batches, whose writes wait for the next one (group commit of the fsyncs too).
void Writer::sync_loop() {
    std::unique_lock<std::mutex> l(sync_mutex_);
    for (;;) {
        sync_wake_.wait(l, [&] { return synced_ != owed_ || !sync_waiting_.empty() || sync_stopping_; });
        if (synced_ == owed_ && sync_waiting_.empty()) return;  // stopping, and everything answered
        std::vector<Answering> answering = std::move(sync_waiting_);
        sync_waiting_.clear();
        const int64_t target = owed_;
        const int fd = sync_fd_;
        l.unlock();
        const auto start = std::chrono::steady_clock::now();
        int rc = 0;
        do rc = fd >= 0 ? ::fdatasync(fd) : 0;
        while (rc != 0 && errno == EINTR);
        const int err = rc != 0 ? errno : 0;
        sync_ns_ += std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - start).count();
        ++syncs_;
        if (rc == 0) {
            for (auto& p : answering) p.set_value();
        } else {
            // The kernel may have dropped the unsynced pages: what was committed since the last good
            // fsync may be lost, and later writes would build on it. Answer 503 and take no more
            // writes until the server is restarted (SQLite recovers the WAL to its last good state).
            broken_ = true;
            log::error("wal_sync_failed", {{"errno", err}, {"what", std::strerror(err)}});
            const WriteError e(503, "storage_unavailable", "服务器暂时无法保存，提交没有保存，请稍后再试");
            for (auto& p : answering) p.set_exception(std::make_exception_ptr(e));
            failed_ += static_cast<int64_t>(answering.size());
            committed_ -= static_cast<int64_t>(answering.size());
        }
        l.lock();
        synced_ = target;
        durable_wake_.notify_all();
        if (synced_ == owed_ && sync_waiting_.empty()) {  // idle: a transaction held open may commit
            sync_busy_ = false;
            l.unlock();
            { std::lock_guard<std::mutex> w(mutex_); }
            wake_.notify_one();
            l.lock();
        }
    }
}

WriteError Writer::storage_error(int sqlite_code, const std::string& what) const {
    const int primary = sqlite_code & 0xff;
    if (primary == SQLITE_FULL)
        return WriteError(507, "storage_full", "服务器存储空间已满，提交没有保存，请稍后再试");
    log::error("write_failed", {{"sqlite_code", sqlite_code}, {"what", what}});
    return WriteError(503, "storage_unavailable", "服务器暂时无法保存，提交没有保存，请稍后再试");
}

void Writer::loop() {
    std::deque<Job> batch;
    for (;;) {
        {
            std::unique_lock<std::mutex> l(mutex_);
            wake_.wait(l, [&] { return !queue_.empty() || stopping_; });
            if (queue_.empty()) return;  // stopping and drained
            const size_t n = std::min(queue_.size(), static_cast<size_t>(options_.max_batch));
            for (size_t i = 0; i < n; ++i) {
                batch.push_back(std::move(queue_.front()));
                queue_.pop_front();
            }
            depth_ = static_cast<int64_t>(queue_.size());
        }
        commit_batch(batch);
        batch.clear();
    }
}

namespace {
// The error a write's own exception becomes: HttpError and WriteError pass through, DbError is
// classified by its SQLite code, anything else stays as it is (a logged 500).
bool is_db_error(const std::exception_ptr& ep, int& code, std::string& what) {
    try {
        std::rethrow_exception(ep);
    } catch (const DbError& e) {
        code = e.sqlite_code;
        what = e.what();
        return true;
    } catch (...) {
        return false;
    }
}

// One statement on the writer's connection, kept prepared (savepoints run for every write).
void run_kept(Db& db, const char* sql) {
    Stmt s(db, sql);
    s.step();
}

int64_t ns_since(std::chrono::steady_clock::time_point t) {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - t).count();
}
}  // namespace

// Two ways to run a batch's writes inside its transaction. Straight: one after another, nothing
// between them; a SAVEPOINT per write would make SQLite copy every page the write changes (some
// 15 for a request: the last leaf of each table and index it adds to) into its journal first,
// which costs the serial writer more than the writes themselves. Careful: each write in its own
// SAVEPOINT, so that one that fails is undone alone. A batch starts straight; if a write throws,
// the transaction is rolled back and the batch so far runs again carefully (writes are re-run:
// Writer::Work may change nothing but the database), and the rest of it continues carefully.
void Writer::commit_batch(std::deque<Job>& batch) {
    auto lock = db_.lock();
    sqlite3* h = db_.handle();
    std::vector<Job*> pending;  // writes done inside the open transaction, not yet committed

    auto fail_pending = [&](const WriteError& e) {
        for (Job* j : pending) j->done.set_exception(std::make_exception_ptr(e));
        failed_ += static_cast<int64_t>(pending.size());
        pending.clear();
    };
    auto begin = [&]() -> bool {
        try {
            db_.exec("BEGIN IMMEDIATE");
            return true;
        } catch (const DbError&) {
            return false;  // could not even start: the loop fails the jobs one by one
        }
    };

    bool open = false, careful = false;
    auto run_careful = [&](Job& job) {
        if (!open && !(open = begin())) {
            job.done.set_exception(std::make_exception_ptr(storage_error(sqlite3_extended_errcode(h), "begin")));
            ++failed_;
            return;
        }
        try {
            run_kept(db_, "SAVEPOINT w");
            job.work(db_);
            run_kept(db_, "RELEASE w");
            pending.push_back(&job);
        } catch (...) {
            std::exception_ptr ep = std::current_exception();
            int code = 0;
            std::string what;
            const bool db_failure = is_db_error(ep, code, what);
            if (db_failure) ep = std::make_exception_ptr(storage_error(code, what));
            if (sqlite3_get_autocommit(h)) {
                // SQLite rolled the whole transaction back (I/O error, full disk): the writes before
                // this one in the batch are gone too.
                fail_pending(storage_error(code, what));
                open = false;
            } else {
                try {
                    run_kept(db_, "ROLLBACK TO w");
                    run_kept(db_, "RELEASE w");
                } catch (const DbError& e) {
                    fail_pending(storage_error(e.sqlite_code, e.what()));
                    try { db_.exec("ROLLBACK"); } catch (...) {}
                    open = false;
                }
            }
            job.done.set_exception(ep);
            ++failed_;
        }
    };
    // Straight; on a throw, everything so far (this write included) again, carefully.
    auto run = [&](size_t i) {
        const auto work_start = std::chrono::steady_clock::now();
        if (careful || !open) {
            run_careful(batch[i]);
        } else {
            bool ok = true;
            try {
                batch[i].work(db_);
            } catch (...) {
                ok = false;
            }
            if (ok) {
                pending.push_back(&batch[i]);
            } else {
                ++redone_;
                careful = true;
                pending.clear();
                if (!sqlite3_get_autocommit(h)) {
                    try { db_.exec("ROLLBACK"); } catch (...) {}
                }
                open = begin();
                for (size_t k = 0; k <= i; ++k) run_careful(batch[k]);
            }
        }
        work_ns_ += ns_since(work_start);
    };

    open = begin();
    careful = !open;
    size_t next = 0;
    do {
        for (; next < batch.size(); ++next) run(next);
    } while (open && gather_more(batch));
    if (!open) return;
    const auto commit_start = std::chrono::steady_clock::now();
    int owed_fd = -1;
    try {
        // Batched: the WAL's fsync is left to the syncer (answer_when_durable). One write per
        // transaction (--max-batch 1, the benchmark's baseline): synced in COMMIT, as SQLite does.
        std::optional<DeferWalSync> defer;
        if (options_.max_batch > 1) defer.emplace();
        db_.exec("COMMIT");
        if (defer) owed_fd = defer->owed();
    } catch (const DbError& e) {
        WriteError err = storage_error(e.sqlite_code, e.what());
        if (!sqlite3_get_autocommit(h)) {
            try { db_.exec("ROLLBACK"); } catch (...) {}
        }
        fail_pending(err);
        return;
    }
    commit_ns_ += ns_since(commit_start);
    committed_ += static_cast<int64_t>(pending.size());
    ++batches_;
    answer_when_durable(pending, owed_fd);
}

}  // namespace dp
