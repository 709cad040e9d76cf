// The group-commit writer (see writer.hpp): queue, batch loop, savepoints, error classification.
#include "writer.hpp"

#include <sqlite3.h>

#include <chrono>

#include "log.hpp"

namespace dp {

Writer::Writer(const std::string& db_path, WriterOptions options)
    : options_(options), db_(db_path), checkpoint_db_(db_path) {
    if (options_.max_batch < 1) options_.max_batch = 1;
    // A batch touches a few pages per write, many of them index pages at random places: keep
    // them cached (64 MiB at most) rather than read them back from the file.
    db_.exec("PRAGMA cache_size=-65536");
    // Checkpoints are the checkpointer's (on_wal_commit replaces SQLite's autocheckpoint hook).
    sqlite3_wal_hook(db_.handle(), &Writer::on_wal_commit, this);
    if (options_.max_db_bytes > 0) {
        Stmt ps(db_, "PRAGMA page_size");
        ps.step();
        const int64_t pages = std::max<int64_t>(1, options_.max_db_bytes / std::max<int64_t>(1, ps.int64(0)));
        db_.exec(("PRAGMA max_page_count=" + std::to_string(pages)).c_str());
    }
    thread_ = std::thread([this] { loop(); });
    checkpoint_thread_ = std::thread([this] { checkpoint_loop(); });
}

int Writer::on_wal_commit(void* self, sqlite3*, const char*, int frames) {
    if (frames >= kCheckpointFrames) {
        auto* w = static_cast<Writer*>(self);
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

std::future<void> Writer::submit(Work work) {
    Job job{std::move(work), {}};
    auto future = job.done.get_future();
    {
        std::lock_guard<std::mutex> l(mutex_);
        if (stopping_) throw WriteError(503, "shutting_down", "服务器正在停止，请稍后再提交");
        queue_.push_back(std::move(job));
        depth_ = static_cast<int64_t>(queue_.size());
    }
    wake_.notify_one();
    return future;
}

void Writer::stop() {
    {
        std::lock_guard<std::mutex> l(mutex_);
        stopping_ = true;
    }
    wake_.notify_one();
    if (thread_.joinable()) thread_.join();
    {
        std::lock_guard<std::mutex> l(checkpoint_mutex_);
        checkpoint_stopping_ = true;
    }
    checkpoint_wake_.notify_one();
    if (checkpoint_thread_.joinable()) checkpoint_thread_.join();
}

WriterStats Writer::stats() const {
    return {depth_.load(), committed_.load(), failed_.load(), batches_.load(), work_ns_.load() * 1e-9,
            commit_ns_.load() * 1e-9};
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

    const auto work_start = std::chrono::steady_clock::now();
    bool open = begin();
    for (Job& job : batch) {
        if (!open && !(open = begin())) {
            job.done.set_exception(std::make_exception_ptr(storage_error(sqlite3_extended_errcode(h), "begin")));
            ++failed_;
            continue;
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
    }
    work_ns_ += ns_since(work_start);
    if (!open) return;
    const auto commit_start = std::chrono::steady_clock::now();
    try {
        db_.exec("COMMIT");
    } catch (const DbError& e) {
        WriteError err = storage_error(e.sqlite_code, e.what());
        if (!sqlite3_get_autocommit(h)) {
            try { db_.exec("ROLLBACK"); } catch (...) {}
        }
        fail_pending(err);
        return;
    }
    commit_ns_ += ns_since(commit_start);
    for (Job* j : pending) j->done.set_value();
    committed_ += static_cast<int64_t>(pending.size());
    ++batches_;
}

}  // namespace dp
