// Test helper: client threads that submit questions with unique Idempotency-Keys until the server
// stops answering, remembering which were acknowledged (201) and which were in flight.
#pragma once
#include <atomic>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "request_helpers.hpp"

namespace testing {

struct Submission {
    std::string key;
    std::string body;
    int64_t id = 0;
    std::string token;
    std::string number;
};

class SubmitLoad {
public:
    SubmitLoad(const ServerProcess& server, const DemoRefs& refs, int threads) {
        for (int t = 0; t < threads; ++t)
            threads_.emplace_back([this, &server, refs, t] {
                for (int n = 0;; ++n) {
                    Submission s;
                    s.key = "load-" + std::to_string(t) + "-" + std::to_string(n);
                    s.body = question_body(refs, "第" + std::to_string(n) + "个问题，线程" + std::to_string(t)).dump();
                    auto c = server.client();
                    c.set_connection_timeout(2, 0);
                    auto res = post_json(c, "/api/v1/requests", s.body, s.key);
                    std::lock_guard<std::mutex> l(mutex_);
                    if (res && res->status == 201) {
                        auto j = nlohmann::json::parse(res->body);
                        s.id = j["id"];
                        s.token = j["token"];
                        s.number = j["number"];
                        acknowledged_.push_back(std::move(s));
                    } else {
                        if (res) other_status_.push_back(res->status);
                        unanswered_.push_back(std::move(s));
                        return;  // the server is going away
                    }
                }
            });
    }
    ~SubmitLoad() { join(); }
    void join() {
        for (auto& t : threads_)
            if (t.joinable()) t.join();
    }
    size_t acknowledged_count() {
        std::lock_guard<std::mutex> l(mutex_);
        return acknowledged_.size();
    }
    const std::vector<Submission>& acknowledged() const { return acknowledged_; }
    const std::vector<Submission>& unanswered() const { return unanswered_; }
    const std::vector<int>& other_status() const { return other_status_; }

private:
    std::vector<std::thread> threads_;
    std::mutex mutex_;
    std::vector<Submission> acknowledged_, unanswered_;
    std::vector<int> other_status_;
};

}  // namespace testing
