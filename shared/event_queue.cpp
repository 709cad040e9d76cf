// Usage-event queue and search debouncing (see event_queue.hpp).
#include "event_queue.hpp"

namespace dp {

void EventQueue::push(nlohmann::json event) {
    if (events_.size() >= kCapacity) {
        // Drop the oldest event that is not part of the batch in flight.
        if (in_flight_ < events_.size()) events_.erase(events_.begin() + static_cast<std::ptrdiff_t>(in_flight_));
        else return;
    }
    events_.push_back(std::move(event));
}

std::optional<EventQueue::Batch> EventQueue::next_batch(const std::string& key_seed) {
    if (events_.empty()) return std::nullopt;
    if (in_flight_ == 0) {
        in_flight_ = std::min(kBatchSize, events_.size());
        key_ = "ev-" + key_seed + "-" + std::to_string(++serial_);
    }
    nlohmann::json body = nlohmann::json::array();
    for (std::size_t i = 0; i < in_flight_; ++i) body.push_back(events_[i]);
    return Batch{key_, body.dump(), in_flight_};
}

void EventQueue::on_result(int status) {
    if (in_flight_ == 0) return;
    const bool sent = status >= 200 && status < 300;
    const bool hopeless = status == 400 || status == 413 || status == 422;
    if (sent || hopeless) {
        events_.erase(events_.begin(), events_.begin() + static_cast<std::ptrdiff_t>(in_flight_));
        in_flight_ = 0;
        key_.clear();
    }
    // Otherwise keep the batch and its key: the retry is the same request (idempotent).
}

std::string EventQueue::save() const {
    return nlohmann::json{{"events", events_}, {"in_flight", in_flight_}, {"key", key_}, {"serial", serial_}}.dump();
}

EventQueue EventQueue::restore(const std::string& text) {
    EventQueue q;
    const auto j = nlohmann::json::parse(text, nullptr, false);
    if (!j.is_object() || !j.contains("events") || !j["events"].is_array()) return q;
    for (const auto& e : j["events"])
        if (e.is_object() && q.events_.size() < kCapacity) q.events_.push_back(e);
    if (j.value("in_flight", 0) > 0 && j.value("in_flight", 0) <= static_cast<int>(q.events_.size()) &&
        j.contains("key") && j["key"].is_string() && !j["key"].get<std::string>().empty()) {
        q.in_flight_ = static_cast<std::size_t>(j.value("in_flight", 0));
        q.key_ = j["key"].get<std::string>();
    }
    if (j.contains("serial") && j["serial"].is_number_unsigned()) q.serial_ = j["serial"].get<std::uint64_t>();
    return q;
}

nlohmann::json SearchDebounce::event(const Pending& p, const std::string& item) {
    nlohmann::json e = {{"type", "search"}, {"at", p.at}, {"results", p.results}};
    if (!item.empty()) e["item"] = item;
    return e;  // the query text itself is never sent (it could hold anything the resident typed)
}

std::optional<nlohmann::json> SearchDebounce::typed(const std::string& query, int results, std::int64_t now) {
    std::optional<nlohmann::json> out;
    if (pending_ && pending_->query == query) return out;
    if (pending_ && now - pending_->at >= kPauseSeconds) out = event(*pending_, "");
    if (query.empty()) pending_.reset();
    else pending_ = Pending{query, results, now};
    return out;
}

std::optional<nlohmann::json> SearchDebounce::opened(const std::string& item, std::int64_t now) {
    Pending p = pending_.value_or(Pending{"", 0, now});
    pending_.reset();
    return event(p, item);
}

std::optional<nlohmann::json> SearchDebounce::tick(std::int64_t now, bool force) {
    if (!pending_ || (!force && now - pending_->at < kPauseSeconds)) return std::nullopt;
    auto e = event(*pending_, "");
    pending_.reset();
    return e;
}

}  // namespace dp
