// In-memory state of the access-control work that is not worth a table: the login-failure
// windows (per username and per client address) and the dummy hash used for unknown users.
#pragma once
#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <string>

namespace dp {

// Sliding-window counter of failed logins. Thread-safe.
class LoginLimiter {
public:
    // Seconds until another attempt is allowed for this username or address (0 = allowed now).
    int64_t retry_after(const std::string& username, const std::string& address, int64_t now, int max_failures,
                        int64_t window);
    void record_failure(const std::string& username, const std::string& address, int64_t now, int64_t window);
    void clear_username(const std::string& username);

private:
    using Windows = std::map<std::string, std::deque<int64_t>>;
    static void prune(Windows& w, const std::string& key, int64_t now, int64_t window);
    static int64_t wait_for(Windows& w, const std::string& key, int64_t now, int max_failures, int64_t window);
    std::mutex mutex_;
    Windows by_username_, by_address_;
};

struct AuthState {
    LoginLimiter login_limiter;
    std::once_flag dummy_hash_once;
    std::string dummy_hash;  // argon2id of a random password at the configured cost (made on first use)
};

}  // namespace dp
