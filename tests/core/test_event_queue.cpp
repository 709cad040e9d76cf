// Tests of shared/event_queue: batches keep their Idempotency-Key until answered, hopeless
// batches are dropped, the queue survives save/restore and stays bounded; search debouncing.
#include <doctest/doctest.h>

#include "event_queue.hpp"

using nlohmann::json;

namespace {
json ev(int i) { return {{"type", "guide_viewed"}, {"item", "item-" + std::to_string(i)}, {"at", 1000 + i}}; }
}  // namespace

TEST_CASE("batches: oldest first, the same key on retry, removed once sent") {
    dp::EventQueue q;
    CHECK_FALSE(q.next_batch("p").has_value());
    for (int i = 0; i < 60; ++i) q.push(ev(i));
    auto b = q.next_batch("p");
    REQUIRE(b.has_value());
    CHECK(b->count == 50);
    CHECK(json::parse(b->body)[0]["item"] == "item-0");
    CHECK(q.in_flight());
    q.push(ev(60));
    q.on_result(0);  // offline: kept
    auto again = q.next_batch("p");
    CHECK(again->key == b->key);
    CHECK(again->body == b->body);
    q.on_result(503);
    CHECK(q.next_batch("p")->key == b->key);
    q.on_result(200);
    CHECK(q.size() == 11);
    auto next = q.next_batch("p");
    CHECK(next->key != b->key);
    CHECK(next->count == 11);
    CHECK(json::parse(next->body)[0]["item"] == "item-50");
    q.on_result(400);  // can never pass: dropped so that it does not block the queue
    CHECK(q.empty());
}

TEST_CASE("the queue survives save and restore, in-flight batch and key included, and stays bounded") {
    dp::EventQueue q;
    for (int i = 0; i < 3; ++i) q.push(ev(i));
    auto b = q.next_batch("x");
    q.push(ev(3));
    auto r = dp::EventQueue::restore(q.save());
    CHECK(r.size() == 4);
    CHECK(r.in_flight());
    CHECK(r.next_batch("x")->key == b->key);
    r.on_result(200);
    CHECK(r.size() == 1);
    CHECK(r.next_batch("x")->key != b->key);  // the serial survived too
    CHECK(dp::EventQueue::restore("not json").empty());
    CHECK(dp::EventQueue::restore(R"({"events":[1,2,{"type":"search"}]})").size() == 1);

    dp::EventQueue full;
    for (int i = 0; i < 600; ++i) full.push(ev(i));
    CHECK(full.size() == dp::EventQueue::kCapacity);
    CHECK(json::parse(full.next_batch("f")->body)[0]["item"] == "item-100");
}

TEST_CASE("search debounce: one event per search, on opening a result or after a pause") {
    dp::SearchDebounce d;
    CHECK_FALSE(d.typed("s", 9, 100).has_value());
    CHECK_FALSE(d.typed("sh", 5, 101).has_value());
    CHECK_FALSE(d.typed("身份", 3, 102).has_value());
    CHECK_FALSE(d.tick(103).has_value());
    auto opened = d.opened("id-card", 104);
    REQUIRE(opened.has_value());
    CHECK((*opened)["type"] == "search");
    CHECK((*opened)["item"] == "id-card");
    CHECK((*opened)["results"] == 3);
    CHECK_FALSE(opened->contains("query"));  // the typed text is never sent
    CHECK_FALSE(d.tick(200).has_value());

    CHECK_FALSE(d.typed("户口", 2, 300).has_value());
    auto paused = d.typed("户口迁移", 1, 310);  // typed on after a pause: the first search counts
    REQUIRE(paused.has_value());
    CHECK((*paused)["results"] == 2);
    CHECK_FALSE(paused->contains("item"));
    auto later = d.tick(314);
    REQUIRE(later.has_value());
    CHECK((*later)["results"] == 1);
    CHECK_FALSE(d.typed("社保", 4, 400).has_value());
    CHECK(d.tick(401, true).has_value());  // the page is hidden: sent now
}
