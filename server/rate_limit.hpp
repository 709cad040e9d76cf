// Per-client token buckets for submissions: N per minute per client address, bursts up to N.
#pragma once
#include <httplib.h>

#include <chrono>
#include <mutex>
#include <string>
#include <unordered_map>

namespace dp {

class RateLimiter {
public:
    // trust_forwarded: the server is behind a reverse proxy on loopback; a request from loopback
    // is counted against the last address of its X-Forwarded-For.
    explicit RateLimiter(int per_minute, bool trust_forwarded = false)
        : per_minute_(per_minute), trust_forwarded_(trust_forwarded) {}
    std::string client_of(const httplib::Request& req) const;
    bool enabled() const { return per_minute_ > 0; }
    // Takes one token for `client`; false (and the seconds until one is available) when empty.
    bool take(const std::string& client, int& retry_after_seconds);

private:
    struct Bucket {
        double tokens = 0;
        std::chrono::steady_clock::time_point at;
    };
    int per_minute_;
    bool trust_forwarded_;
    std::mutex mutex_;
    std::unordered_map<std::string, Bucket> buckets_;
};

// 429 JSON with Retry-After when `limiter` is on and the request's client has no token left.
void enforce_rate_limit(RateLimiter* limiter, const httplib::Request& req, httplib::Response& res);

}  // namespace dp
