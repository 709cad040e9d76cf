// "start" right after "claim" (a helper once saw a 500 there): claim and start racing from two
// connections, start repeated and double-clicked (same and fresh Idempotency-Keys), start after a
// transfer by the old and the new agent, start on the console's page path. Never a 5xx.
#include <doctest/doctest.h>

#include <thread>

#include "help_fixtures.hpp"

using nlohmann::json;
using namespace testing;

namespace {

// One answer, kept after its connection is gone (httplib::Result cannot be made empty).
struct Answer {
    int status = 0;  // 0 = no answer at all
    std::string body;
    bool replay = false;
    const Answer* operator->() const { return this; }
    explicit operator bool() const { return status != 0; }
};
Answer keep(const httplib::Result& r) {
    if (!r) return {};
    return {r->status, r->body, r->get_header_value("Idempotent-Replay") == "true"};
}
std::string code_of(const Answer& a) {
    const json j = json::parse(a.body, nullptr, false);
    return j.is_object() && j.contains("error") ? j["error"].value("code", "") : "";
}

// Every answer is one the lifecycle can give: 200, or 409 with a lifecycle code and a message.
void check_clean(const Answer& r, const char* what) {
    REQUIRE_MESSAGE(r, what);
    CHECK_MESSAGE(r.status < 500, what, " ", r.status, " ", r.body);
    if (r.status == 200) return;
    CHECK_MESSAGE(r.status == 409, what, " ", r.body);
    const json j = json::parse(r.body, nullptr, false);
    REQUIRE_MESSAGE(!j.is_discarded(), r.body);
    CHECK(j["error"]["message"].get<std::string>().size() > 0);
}
void check_clean(const httplib::Result& r, const char* what) { check_clean(keep(r), what); }

}  // namespace

TEST_CASE("claim and start racing on two connections: never a 5xx, and the request ends in progress") {
    HelpServer s;
    Desk d(s);
    for (int round = 0; round < 12; ++round) {
        const Created q = create_question(s);
        Answer claim, start;
        std::thread a([&] {
            auto c = s.client();
            claim = keep(post(c, dpath(q, "/claim"), json::object(), bearer(d.ximei), "race-claim-" + std::to_string(round)));
        });
        std::thread b([&] {
            auto c = s.client();
            start = keep(post(c, dpath(q, "/start"), json::object(), bearer(d.ximei), "race-start-" + std::to_string(round)));
        });
        a.join();
        b.join();
        check_clean(claim, "claim");
        check_clean(start, "start");
        CHECK(claim->status == 200);
        auto c = s.client();
        if (start->status != 200) {  // start came first: refused (not yet assigned); the console offers it again
            CHECK(code_of(start) == "lifecycle.state");
            auto again = post(c, dpath(q, "/start"), json::object(), bearer(d.ximei));
            check_clean(again, "start again");
            CHECK(again->status == 200);
        }
        CHECK(desk_view(c, q, d.ximei)["status"] == "in_progress");
    }
}

TEST_CASE("start repeated: the same key replays, a fresh key is a 409, concurrent double clicks too") {
    HelpServer s;
    Desk d(s);
    auto c = s.client();
    const Created q = create_question(s);
    REQUIRE(post(c, dpath(q, "/claim"), json::object(), bearer(d.ximei))->status == 200);
    auto first = post(c, dpath(q, "/start"), json::object(), bearer(d.ximei), "start-1");
    check_clean(first, "start");
    CHECK(first->status == 200);
    auto replay = post(c, dpath(q, "/start"), json::object(), bearer(d.ximei), "start-1");
    CHECK(replay->status == 200);
    CHECK(replay->body == first->body);
    auto fresh = post(c, dpath(q, "/start"), json::object(), bearer(d.ximei), "start-2");
    check_clean(fresh, "start with a fresh key");
    CHECK(fresh->status == 409);

    // A double click on 开始办理 right after 受理: eight starts at once, half of them with one key.
    const Created r = create_question(s);
    REQUIRE(post(c, dpath(r, "/claim"), json::object(), bearer(d.ximei))->status == 200);
    std::vector<Answer> results(8);
    std::vector<std::thread> threads;
    for (int i = 0; i < 8; ++i)
        threads.emplace_back([&, i] {
            auto c2 = s.client();
            results[i] = keep(post(c2, dpath(r, "/start"), json::object(), bearer(d.ximei),
                                   i % 2 ? "double-click" : "click-" + std::to_string(i)));
        });
    for (auto& t : threads) t.join();
    int ok = 0;
    for (auto& res : results) {
        check_clean(res, "concurrent start");
        if (res.status == 200 && !res.replay) ++ok;
    }
    CHECK(ok == 1);  // written once
    CHECK(count_rows(s, "SELECT COUNT(*) FROM request_events WHERE request_id = ? AND status = 'in_progress'",
                     std::to_string(r.id)) == 1);
}

TEST_CASE("start after a transfer: the old agent is refused (409), the new one starts") {
    HelpServer s;
    Desk d(s);
    auto c = s.client();
    auto made = post(c, "/api/v1/admin/users",
                     {{"username", "agent_ximei2"}, {"password", "ximei2-password-1"}, {"role", "agent"},
                      {"area_id", kXimeiTown}, {"display_name", "溪美街道帮办员二"}},
                     bearer(d.admin));
    REQUIRE_MESSAGE(made->status == 201, made->body);
    const std::string second_id = std::to_string(body_of(made)["user"]["id"].get<int64_t>());
    const std::string second = login(c, "agent_ximei2", "ximei2-password-1");
    REQUIRE(!second.empty());

    const Created q = create_question(s);
    REQUIRE(post(c, dpath(q, "/claim"), json::object(), bearer(d.ximei))->status == 200);
    auto t = post(c, dpath(q, "/transfer"), {{"agent_id", second_id}, {"reason", "换班"}}, bearer(d.ximei));
    REQUIRE_MESSAGE(t->status == 200, t->body);
    auto old_start = post(c, dpath(q, "/start"), json::object(), bearer(d.ximei));
    check_clean(old_start, "old agent's start");
    CHECK(old_start->status == 409);
    auto new_start = post(c, dpath(q, "/start"), json::object(), bearer(second));
    check_clean(new_start, "new agent's start");
    CHECK(new_start->status == 200);

    // Transfer and start racing: the old agent's start and the transfer away from them.
    for (int round = 0; round < 6; ++round) {
        const Created r = create_question(s);
        REQUIRE(post(c, dpath(r, "/claim"), json::object(), bearer(d.ximei))->status == 200);
        Answer transfer, start;
        std::thread a([&] {
            auto c2 = s.client();
            transfer = keep(post(c2, dpath(r, "/transfer"), {{"agent_id", second_id}}, bearer(d.ximei)));
        });
        std::thread b([&] {
            auto c2 = s.client();
            start = keep(post(c2, dpath(r, "/start"), json::object(), bearer(d.ximei)));
        });
        a.join();
        b.join();
        check_clean(transfer, "transfer");
        check_clean(start, "start");
    }
}

TEST_CASE("a supervisor's start of an unassigned request, and the console's page path, are not 5xx") {
    HelpServer s;
    Desk d(s);
    auto c = s.client();
    const Created q = create_question(s);
    auto r = post(c, dpath(q, "/start"), json::object(), bearer(d.supervisor));
    check_clean(r, "supervisor start");
    // Odd bodies and types after a claim: clear 4xx answers.
    REQUIRE(post(c, dpath(q, "/claim"), json::object(), bearer(d.ximei))->status == 200);
    for (const char* body : {"null", "[]", "1", "\"start\"", "{\"note\":1}", "{", ""}) {
        auto odd = c.Post(dpath(q, "/start").c_str(), bearer(d.ximei), body, "application/json");
        REQUIRE(odd);
        CHECK_MESSAGE(odd->status < 500, body, " ", odd->body);
    }
    auto plain = c.Post(dpath(q, "/start").c_str(), bearer(d.ximei), "{}", "text/plain");
    REQUIRE(plain);
    CHECK(plain->status == 415);
    // The console's own URL (/desk/requests/<id>) is a page, not an API: a POST there is no 5xx.
    auto page = c.Post(("/desk/requests/" + std::to_string(q.id) + "/start").c_str(), bearer(d.ximei), "{}",
                       "application/json");
    REQUIRE(page);
    CHECK_MESSAGE(page->status < 500, page->body);
    CHECK(page->status >= 400);
}

TEST_CASE("every demo request: claim, then start, by its area's agent and by the supervisor: never a 5xx") {
    HelpServer s({"--demo-help"});
    Desk d(s);
    auto c = s.client();
    auto list = body_of(c.Get("/api/v1/desk/requests?limit=200", bearer(d.supervisor)))["requests"];
    REQUIRE(list.size() >= 5);
    int started = 0;
    for (auto& row : list) {
        const std::string base = "/api/v1/desk/requests/" + std::to_string(row["id"].get<int64_t>());
        const std::string& agent = row["town_id"] == kXimeiTown ? d.ximei : d.shuitou;
        for (const std::string* who : std::vector<const std::string*>{&agent, &d.supervisor}) {
            auto claim = post(c, base + "/claim", json::object(), bearer(*who));
            CHECK_MESSAGE(claim->status < 500, row["number"], " claim ", claim->body);
            auto start = post(c, base + "/start", json::object(), bearer(*who));
            CHECK_MESSAGE(start->status < 500, row["number"], " start ", start->body);
            if (start->status == 200) ++started;
        }
    }
    CHECK(started >= 1);
}
