// The group-commit writer (see writer.hpp): queue, batch loop, savepoints, error classification.
#include "writer.hpp"

#include <sqlite3.h>

#include "log.hpp"

namespace dp {

Writer::Writer(const std::string& db_path, WriterOptions options) : options_(options), db_(db_path) {
    if (options_.max_batch < 1) options_.max_batch = 1;
    if (options_.max_db_bytes > 0) {
        Stmt ps(db_, "PRAGMA page_size");
        ps.step();
        const int64_t pages = std::max<int64_t>(1, options_.max_db_bytes / std::max<int64_t>(1, ps.int64(0)));
        db_.exec(("PRAGMA max_page_count=" + std::to_string(pages)).c_str());
    }
    thread_ = std::thread([this] { loop(); });
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
}

WriterStats Writer::stats() const {
    return {depth_.load(), committed_.load(), failed_.load(), batches_.load()};
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

    bool open = begin();
    for (Job& job : batch) {
        if (!open && !(open = begin())) {
            job.done.set_exception(std::make_exception_ptr(storage_error(sqlite3_extended_errcode(h), "begin")));
            ++failed_;
            continue;
        }
        try {
            db_.exec("SAVEPOINT w");
            job.work(db_);
            db_.exec("RELEASE w");
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
                    db_.exec("ROLLBACK TO w");
                    db_.exec("RELEASE w");
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
    if (!open) return;
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
    for (Job* j : pending) j->done.set_value();
    committed_ += static_cast<int64_t>(pending.size());
    ++batches_;
}

}  // namespace dp
