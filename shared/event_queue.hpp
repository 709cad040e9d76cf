// The apps' queue of usage events (statistics) before they reach POST /api/v1/events: bounded,
// saved as text (the app keeps it in localStorage), cut into batches that keep their
// Idempotency-Key until the server answers, and a search debouncer (one search event when the
// resident opens a result or pauses typing, never one per keystroke). Pure: times are passed in.
#pragma once
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace dp {

class EventQueue {
public:
    static constexpr std::size_t kCapacity = 500;  // oldest dropped beyond this (a week offline)
    static constexpr std::size_t kBatchSize = 50;  // the server takes up to 100 per batch

    // Adds one event object ({"type": …, "at": …, …}); drops the oldest unsent event when full.
    void push(nlohmann::json event);
    std::size_t size() const { return events_.size(); }
    bool empty() const { return events_.empty(); }

    struct Batch {
        std::string key;   // Idempotency-Key: the same for every retry of this batch
        std::string body;  // JSON array text
        std::size_t count = 0;
    };
    // The batch to send now (the oldest events), or nullopt when empty or one is in flight.
    // `key_seed` makes the key unique across phones (e.g. a random id chosen once per install).
    std::optional<Batch> next_batch(const std::string& key_seed);
    // The server's answer to the batch in flight: 2xx → sent (removed); 400/413/422 → it can never
    // pass (removed, so one bad event cannot block the queue); anything else (0 = offline, 429,
    // 5xx) → kept, sent again later with the same key.
    void on_result(int status);
    bool in_flight() const { return in_flight_ > 0; }

    // Text for storage (pending events, the batch in flight and its key included) and back;
    // unreadable text gives an empty queue.
    std::string save() const;
    static EventQueue restore(const std::string& text);

private:
    std::vector<nlohmann::json> events_;
    std::size_t in_flight_ = 0;  // the first in_flight_ events are the batch being sent
    std::string key_;            // its key
    std::uint64_t serial_ = 0;   // batches cut so far (part of the key)
};

// Typing in the search box: one "search" event per search, not per keystroke.
class SearchDebounce {
public:
    static constexpr std::int64_t kPauseSeconds = 3;
    // The query changed; `results` = hits shown. Returns the previous search's event when the
    // resident had paused on it (≥ kPauseSeconds) before typing on.
    std::optional<nlohmann::json> typed(const std::string& query, int results, std::int64_t now);
    // A result was opened: the search event with that item.
    std::optional<nlohmann::json> opened(const std::string& item, std::int64_t now);
    // Time passes (a timer tick, leaving the page): the pending search once paused long enough;
    // `force` (the page is hidden) emits it regardless.
    std::optional<nlohmann::json> tick(std::int64_t now, bool force = false);

private:
    struct Pending {
        std::string query;
        int results = 0;
        std::int64_t at = 0;
    };
    std::optional<Pending> pending_;
    static nlohmann::json event(const Pending& p, const std::string& item);
};

}  // namespace dp
