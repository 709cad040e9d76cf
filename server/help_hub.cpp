// Long-poll wake-ups, typing flags and the parked-poll cap (see help_hub.hpp).
#include "help_hub.hpp"

#include <cstring>

namespace dp {

namespace {
int side_index(const char* side) { return std::strcmp(side, "agent") == 0 ? 1 : 0; }
}  // namespace

void HelpHub::set_max_waiters(int n) {
    std::lock_guard<std::mutex> l(mutex_);
    max_waiters_ = n < 1 ? 1 : n;
}

int HelpHub::max_waiters() const {
    std::lock_guard<std::mutex> l(mutex_);
    return max_waiters_;
}

void HelpHub::notify() {
    {
        std::lock_guard<std::mutex> l(mutex_);
        ++generation_;
    }
    wake_.notify_all();
}

bool HelpHub::wait(int seconds, const std::function<bool()>& ready) {
    if (ready()) return true;
    if (seconds <= 0) return false;
    const auto deadline = Clock::now() + std::chrono::seconds(seconds);
    std::unique_lock<std::mutex> l(mutex_);
    if (stopping_ || waiting_ >= max_waiters_) return false;
    ++waiting_;
    bool result = false;
    // Typing flags expire without a notify: look again at least every second.
    while (!stopping_) {
        const uint64_t seen = generation_;
        const auto until = std::min(deadline, Clock::now() + std::chrono::seconds(1));
        wake_.wait_until(l, until, [&] { return stopping_ || generation_ != seen; });
        l.unlock();
        result = ready();
        l.lock();
        if (result || Clock::now() >= deadline) break;
    }
    --waiting_;
    return result;
}

void HelpHub::set_typing(int64_t request_id, const char* side) {
    {
        std::lock_guard<std::mutex> l(mutex_);
        const auto now = Clock::now();
        for (auto it = typing_.begin(); it != typing_.end();) it = it->second < now ? typing_.erase(it) : std::next(it);
        typing_[{request_id, side_index(side)}] = now + std::chrono::seconds(kTypingSeconds);
        ++generation_;
    }
    wake_.notify_all();
}

bool HelpHub::is_typing(int64_t request_id, const char* side) const {
    std::lock_guard<std::mutex> l(mutex_);
    auto it = typing_.find({request_id, side_index(side)});
    return it != typing_.end() && it->second >= Clock::now();
}

void HelpHub::shutdown() {
    {
        std::lock_guard<std::mutex> l(mutex_);
        stopping_ = true;
        ++generation_;
    }
    wake_.notify_all();
}

bool HelpHub::stopping() const {
    std::lock_guard<std::mutex> l(mutex_);
    return stopping_;
}

int HelpHub::waiting() const {
    std::lock_guard<std::mutex> l(mutex_);
    return waiting_;
}

}  // namespace dp
