// The login-failure windows (see auth_state.hpp).
#include "auth_state.hpp"

#include <algorithm>

namespace dp {

void LoginLimiter::prune(Windows& w, const std::string& key, int64_t now, int64_t window) {
    auto it = w.find(key);
    if (it == w.end()) return;
    while (!it->second.empty() && it->second.front() <= now - window) it->second.pop_front();
    if (it->second.empty()) w.erase(it);
}

int64_t LoginLimiter::wait_for(Windows& w, const std::string& key, int64_t now, int max_failures, int64_t window) {
    prune(w, key, now, window);
    auto it = w.find(key);
    if (it == w.end() || static_cast<int>(it->second.size()) < max_failures) return 0;
    // Allowed again when enough of the oldest failures have left the window.
    const int64_t t = it->second[it->second.size() - static_cast<size_t>(max_failures)];
    return std::max<int64_t>(1, t + window - now);
}

int64_t LoginLimiter::retry_after(const std::string& username, const std::string& address, int64_t now,
                                  int max_failures, int64_t window) {
    std::lock_guard<std::mutex> l(mutex_);
    return std::max(wait_for(by_username_, username, now, max_failures, window),
                    wait_for(by_address_, address, now, max_failures, window));
}

void LoginLimiter::record_failure(const std::string& username, const std::string& address, int64_t now,
                                  int64_t window) {
    std::lock_guard<std::mutex> l(mutex_);
    // Bound memory under a spray of usernames/addresses: drop whole windows that have expired.
    for (Windows* w : {&by_username_, &by_address_}) {
        if (w->size() > 10000)
            for (auto it = w->begin(); it != w->end();)
                it = (it->second.empty() || it->second.back() <= now - window) ? w->erase(it) : std::next(it);
    }
    by_username_[username].push_back(now);
    by_address_[address].push_back(now);
}

void LoginLimiter::clear_username(const std::string& username) {
    std::lock_guard<std::mutex> l(mutex_);
    by_username_.erase(username);
}

}  // namespace dp
