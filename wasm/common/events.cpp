// Usage-event batcher of the browser apps (see events.hpp): shared/event_queue + the platform.
#include "events.hpp"

#include <nlohmann/json.hpp>
#include <cstdio>
#include <optional>
#include <random>

#include "event_queue.hpp"
#include "platform.hpp"

namespace usage {
namespace {

constexpr int kTickSeconds = 30;
const char* kStoreKey = "usage/queue";

struct State {
    bool started = false;
    dp::EventQueue queue;
    dp::SearchDebounce search;
    std::string install_id;  // random, per phone: makes batch keys unique
    std::string doorplate, channel;
    std::int64_t sent = 0;
};
State& st() {
    static State s;
    return s;
}

void save() { platform::storage_set(kStoreKey, st().queue.save()); }

void publish() {
    platform::publish_test_state("dpUsage", nlohmann::json{{"pending", st().queue.size()}, {"sent", st().sent}}.dump());
}

void send() {
    auto& s = st();
    if (!s.started || s.queue.in_flight() || !platform::online()) return;
    auto batch = s.queue.next_batch(s.install_id);
    if (!batch) return;
    save();  // the in-flight batch and its key survive a reload
    const std::size_t count = batch->count;
    platform::post_json_keepalive("/api/v1/events", batch->body, batch->key, [count](int status, const std::string&) {
        auto& s = st();
        s.queue.on_result(status);
        if (status >= 200 && status < 300) s.sent += static_cast<std::int64_t>(count);
        save();
        publish();
        if (status >= 200 && status < 300 && s.queue.size() >= dp::EventQueue::kBatchSize) send();
    });
}

void push(nlohmann::json e) {
    auto& s = st();
    if (!e.contains("at")) e["at"] = platform::unix_time();
    if (!s.doorplate.empty() && !e.contains("doorplate")) e["doorplate"] = s.doorplate;
    if (!s.channel.empty() && !e.contains("channel")) e["channel"] = s.channel;
    s.queue.push(std::move(e));
    save();
    publish();
    if (s.queue.size() >= dp::EventQueue::kBatchSize) send();
}

void push_if(std::optional<nlohmann::json> e) {
    if (e) push(std::move(*e));
}

}  // namespace

void start() {
    auto& s = st();
    if (s.started) return;
    s.started = true;
    s.queue = dp::EventQueue::restore(platform::storage_get(kStoreKey));
    s.install_id = platform::storage_get("usage/install");
    if (s.install_id.empty()) {
        std::random_device rd;
        char id[24];
        std::snprintf(id, sizeof id, "%08x%08x", rd(), rd());
        s.install_id = id;
        platform::storage_set("usage/install", s.install_id);
    }
    platform::set_usage_hooks(
        kTickSeconds,
        [] {
            push_if(st().search.tick(platform::unix_time()));
            send();
        },
        [] {
            push_if(st().search.tick(platform::unix_time(), true));
            send();
        });
    publish();
}

void set_context(const std::string& doorplate, const std::string& channel) {
    st().doorplate = doorplate;
    st().channel = channel;
}

void doorplate_opened() { push({{"type", "doorplate_opened"}}); }
void guide_viewed(const std::string& item) { push({{"type", "guide_viewed"}, {"item", item}}); }
void search_typed(const std::string& query, int results) {
    push_if(st().search.typed(query, results, platform::unix_time()));
}
void search_result_opened(const std::string& item) { push_if(st().search.opened(item, platform::unix_time())); }
void navigation_tapped(const std::string& place, const std::string& map_app) {
    push({{"type", "navigation_tapped"}, {"place", place}, {"app", map_app}});
}
void phone_help(const std::string& item) {
    nlohmann::json e = {{"type", "help_requested"}, {"kind", "phone"}};
    if (!item.empty()) e["item"] = item;
    push(e);
}
void flush() { send(); }
std::size_t pending() { return st().queue.size(); }

}  // namespace usage
