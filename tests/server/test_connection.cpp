// The server's own connection loop (server/connection.*) over raw sockets: pipelined requests,
// "100 Continue" before the body, the keep-alive limit, and idle connections at shutdown.
#include <doctest/doctest.h>

#include <chrono>
#include <memory>
#include <vector>

#include "raw_client.hpp"
#include "server_process.hpp"

namespace {
const std::string healthz = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
}

TEST_CASE("two requests sent in one write get two whole responses, in order") {
    testing::ServerProcess server;
    testing::RawClient c(server.port());
    REQUIRE(c.ok());
    REQUIRE(c.send_all(healthz + "GET /api/v1/doorplates?limit=1 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
    const std::string first = c.read_response(5000), second = c.read_response(5000);
    CHECK(first.rfind("HTTP/1.1 200", 0) == 0);
    CHECK(first.find("{\"status\":\"ok\"}") != std::string::npos);
    CHECK(second.rfind("HTTP/1.1 200", 0) == 0);
    CHECK(second.find("\"doorplates\"") != std::string::npos);
}

TEST_CASE("a client that asks for 100 Continue gets it before it sends the body, then the answer") {
    testing::ServerProcess server;
    testing::RawClient c(server.port());
    REQUIRE(c.ok());
    const std::string body = "{\"kind\":\"question\"}";
    REQUIRE(c.send_all("POST /api/v1/requests HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                       "Expect: 100-continue\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n"));
    const std::string interim = c.read_bytes(25, 5000);
    CHECK(interim == "HTTP/1.1 100 Continue\r\n\r\n");
    REQUIRE(c.send_all(body));
    const std::string answer = c.read_response(5000);
    CHECK(answer.rfind("HTTP/1.1 400", 0) == 0);  // the body lacks the required fields
    CHECK(answer.find("\"error\"") != std::string::npos);
}

TEST_CASE("a keep-alive connection serves 1,000 requests, says Connection: close on the last and closes") {
    testing::ServerProcess server;
    testing::RawClient c(server.port());
    REQUIRE(c.ok());
    std::string last;
    int ok = 0;
    for (int i = 0; i < 1000; ++i) {
        REQUIRE(c.send_all(healthz));
        last = c.read_response(5000);
        ok += last.rfind("HTTP/1.1 200", 0) == 0;
    }
    CHECK(ok == 1000);
    CHECK(last.find("Connection: close") != std::string::npos);
    CHECK(c.closed_by_peer(5000));
}

TEST_CASE("SIGTERM closes idle keep-alive connections at once instead of waiting out their timeout") {
    testing::ServerProcess server;
    std::vector<std::unique_ptr<testing::RawClient>> idle;
    for (int i = 0; i < 3; ++i) {
        idle.push_back(std::make_unique<testing::RawClient>(server.port()));
        REQUIRE(idle.back()->send_all(healthz));
        REQUIRE(idle.back()->read_response(5000).rfind("HTTP/1.1 200", 0) == 0);
    }
    const auto t0 = std::chrono::steady_clock::now();
    CHECK(server.stop() == 0);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    // The keep-alive timeout is 5 s; httplib's own loop kept the process alive that long.
    CHECK_MESSAGE(seconds < 2.5, "took " << seconds << " s");
    for (auto& c : idle) CHECK(c->closed_by_peer(1000));
}
