// Token buckets per client (see rate_limit.hpp).
#include "rate_limit.hpp"

#include <cmath>

#include "http_util.hpp"

namespace dp {

bool RateLimiter::take(const std::string& client, int& retry_after_seconds) {
    if (per_minute_ <= 0) return true;
    const auto now = std::chrono::steady_clock::now();
    const double capacity = per_minute_, per_second = per_minute_ / 60.0;
    std::lock_guard<std::mutex> l(mutex_);
    if (buckets_.size() > 100000) {  // forget clients whose buckets have refilled
        for (auto it = buckets_.begin(); it != buckets_.end();) {
            const double secs = std::chrono::duration<double>(now - it->second.at).count();
            it = it->second.tokens + secs * per_second >= capacity ? buckets_.erase(it) : std::next(it);
        }
    }
    auto [it, fresh] = buckets_.try_emplace(client, Bucket{capacity, now});
    Bucket& b = it->second;
    if (!fresh) {
        const double secs = std::chrono::duration<double>(now - b.at).count();
        b.tokens = std::min(capacity, b.tokens + secs * per_second);
        b.at = now;
    }
    if (b.tokens >= 1.0) {
        b.tokens -= 1.0;
        return true;
    }
    retry_after_seconds = std::max(1, static_cast<int>(std::ceil((1.0 - b.tokens) / per_second)));
    return false;
}

std::string RateLimiter::client_of(const httplib::Request& req) const {
    if (trust_forwarded_ && (req.remote_addr == "127.0.0.1" || req.remote_addr == "::1") &&
        req.has_header("X-Forwarded-For")) {
        std::string list = req.get_header_value("X-Forwarded-For");
        std::string last = list.substr(list.rfind(',') == std::string::npos ? 0 : list.rfind(',') + 1);
        const auto b = last.find_first_not_of(' '), e = last.find_last_not_of(' ');
        if (b != std::string::npos) return last.substr(b, e - b + 1);
    }
    return req.remote_addr;
}

void enforce_rate_limit(RateLimiter* limiter, const httplib::Request& req, httplib::Response& res) {
    int wait = 0;
    if (!limiter || limiter->take(limiter->client_of(req), wait)) return;
    res.set_header("Retry-After", std::to_string(wait));
    throw HttpError(429, "rate_limited", "提交太频繁了，请 " + std::to_string(wait) + " 秒后再试",
                    {{"retry_after", wait}});
}

}  // namespace dp
