// Tests of route dispatch (server/router.*): the same route wins as with httplib's scan of every
// route's regex in registration order (first match, groups in req.matches), literal prefixes
// skip the rest, and over real HTTP: HEAD by the GET routes, 404 when nothing matches, streamed uploads.
#include <doctest/doctest.h>

#include <httplib.h>

#include <chrono>
#include <regex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "router.hpp"

namespace {

using dp::RouteTable;

// httplib 0.11's own dispatch: every route's regex in registration order, the first match wins.
std::size_t scan_every_route(const std::vector<std::string>& patterns, const std::string& path, std::smatch& m) {
    for (std::size_t i = 0; i < patterns.size(); ++i)
        if (std::regex_match(path, m, std::regex(patterns[i]))) return i;
    return RouteTable::npos;
}

RouteTable table_of(const std::vector<std::string>& patterns) {
    RouteTable t;
    for (const auto& p : patterns) t.add(p, [](const httplib::Request&, httplib::Response&) {});
    return t;
}

}  // namespace

TEST_CASE("a pattern's literal prefix stops before its first metacharacter and before a quantified character") {
    CHECK(RouteTable::literal_prefix(R"(/api/v1/guides/([^/]+))") == "/api/v1/guides/");
    CHECK(RouteTable::literal_prefix(R"(/api/v1/doorplates/([^/]+)/poster\.(svg|png|pdf))") == "/api/v1/doorplates/");
    CHECK(RouteTable::literal_prefix(R"(/desk(/.*)?)") == "/desk");
    CHECK(RouteTable::literal_prefix(R"(/(.+))") == "/");
    CHECK(RouteTable::literal_prefix("/api/v1/stats.csv") == "/api/v1/stats");
    CHECK(RouteTable::literal_prefix("/abc?") == "/ab");
    CHECK(RouteTable::literal_prefix("/ab*c") == "/a");
    CHECK(RouteTable::literal_prefix("/a{2}") == "/");
    CHECK(RouteTable::literal_prefix("/a|/b") == "");  // alternation at the top: no common prefix
    CHECK(RouteTable::literal_prefix("^/x") == "");
    CHECK(RouteTable::is_literal("/api/v1/requests"));
    CHECK_FALSE(RouteTable::is_literal("/api/v1/stats.csv"));  // '.' is any character, as in httplib
}

TEST_CASE("the first route in registration order wins, exactly as when every regex is tried in turn") {
    const std::vector<std::string> patterns = {
        "/healthz",
        R"(/api/v1/requests/(\d+)/(supplement|withdraw|rate))",
        R"(/api/v1/requests/(\d+)/messages)",
        "/api/v1/requests",
        R"(/api/v1/requests/([^/]+))",
        "/api/v1/stats.csv",
        "/api/v1/stats",
        R"(/api/v1/doorplates/([^/]+)/poster\.(svg|png|pdf))",
        R"(/api/v1/doorplates/([^/]+))",
        "/abc?",
        "/x|/y",
        R"(/d/([^/]+)(/.*)?)",
        R"(/desk(/.*)?)",
        "/healthz",  // a second route for the same path never wins
        "/",
        R"(/(.+))",  // the catch-all, last
    };
    const RouteTable t = table_of(patterns);
    const std::vector<std::string> paths = {
        "/healthz", "/healthz/", "/api/v1/requests", "/api/v1/requests/", "/api/v1/requests/12",
        "/api/v1/requests/12/rate", "/api/v1/requests/12/messages", "/api/v1/requests/ab/messages",
        "/api/v1/requests/12/rate/x", "/api/v1/stats.csv", "/api/v1/statsXcsv", "/api/v1/stats",
        "/api/v1/doorplates/A-1/poster.svg", "/api/v1/doorplates/A-1/posterXsvg", "/api/v1/doorplates/A-1",
        "/ab", "/abc", "/abcc", "/x", "/y", "/d/A-1", "/d/A-1/help/2", "/d/", "/desk", "/desk/x", "/deskx",
        "/", "", "//", "/a\nb", "/api/v1/requests/1\n2", "/index.html", "/api/unknown", "x/healthz"};
    for (const auto& path : paths) {
        CAPTURE(path);
        std::smatch expected, got;
        const std::size_t want = scan_every_route(patterns, path, expected);
        const std::size_t found = t.find(path, got);
        CHECK(found == want);
        if (found != RouteTable::npos && !RouteTable::is_literal(patterns[found])) {
            REQUIRE(got.size() == expected.size());
            for (std::size_t i = 0; i < got.size(); ++i) CHECK(got[i].str() == expected[i].str());
        }
    }
}

TEST_CASE("routes whose literal prefix does not start the path are never tried") {
    const RouteTable t = table_of({R"(/api/v1/guides/([^/]+))", R"(/api/v1/items/([^/]+))", "/healthz",
                                   R"(/api/v1/items/(\d+))", "/api/v1/items", R"(/(.+))"});
    using Indices = std::vector<std::size_t>;
    CHECK(t.regex_candidates("/healthz") == Indices{});  // the exact route comes before any that could match
    CHECK(t.regex_candidates("/api/v1/items/7") == Indices{1, 3, 5});
    CHECK(t.regex_candidates("/api/v1/items") == Indices{});
    CHECK(t.regex_candidates("/api/v1/guides/g") == Indices{0, 5});
    CHECK(t.regex_candidates("/index.html") == Indices{5});
    CHECK(t.regex_candidates("index.html") == Indices{});
    std::smatch m;
    CHECK(t.find("/healthz", m) == 2);
    CHECK(m.empty());  // an exact route runs no regex and has no groups
    CHECK(t.find("/api/v1/items/x", m) == 1);
    REQUIRE(m.size() == 2);
    CHECK(m[1].str() == "x");
    CHECK(t.find("/api/v1/places/x", m) == 5);
    CHECK(t.find("x", m) == RouteTable::npos);
}

TEST_CASE("over HTTP: routes by method and order, HEAD by GET routes, 404 when nothing matches, streamed uploads") {
    httplib::Server server;
    {
        dp::Routes routes(server);  // the handlers it installs keep the tables alive
        routes.Get(R"(/items/(\d+))", [](const httplib::Request& req, httplib::Response& res) {
            res.set_content("number " + req.matches[1].str(), "text/plain");
        });
        routes.Get(R"(/items/([^/]+))", [](const httplib::Request& req, httplib::Response& res) {
            res.set_content("name " + req.matches[1].str(), "text/plain");
        });
        routes.Get("/items", [](const httplib::Request& req, httplib::Response& res) {
            res.set_content("list " + std::to_string(req.matches.size()), "text/plain");
        });
        routes.Post("/items", [](const httplib::Request& req, httplib::Response& res) {
            res.status = 201;
            res.set_content("posted " + req.body, "text/plain");
        });
        routes.Post(R"(/items/(\d+)/upload)",
                    [](const httplib::Request& req, httplib::Response& res, const httplib::ContentReader& reader) {
                        std::string body;
                        reader([&](const char* data, size_t n) {
                            body.append(data, n);
                            return true;
                        });
                        res.set_content("streamed " + req.matches[1].str() + " " + body, "text/plain");
                    });
        routes.Delete(R"(/items/(\d+))", [](const httplib::Request& req, httplib::Response& res) {
            res.set_content("deleted " + req.matches[1].str(), "text/plain");
        });
    }
    server.set_error_handler([](const httplib::Request&, httplib::Response& res) {
        if (res.body.empty()) res.set_content("error " + std::to_string(res.status), "text/plain");
    });
    const int port = server.bind_to_any_port("127.0.0.1");
    REQUIRE(port > 0);
    std::thread listener([&] { server.listen_after_bind(); });
    while (!server.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));

    httplib::Client c("127.0.0.1", port);
    auto get = [&](const char* path) {
        auto r = c.Get(path);
        REQUIRE(r);
        return std::make_pair(r->status, r->body);
    };
    CHECK(get("/items/42") == std::make_pair(200, std::string("number 42")));
    CHECK(get("/items/abc") == std::make_pair(200, std::string("name abc")));
    CHECK(get("/items") == std::make_pair(200, std::string("list 0")));  // exact: no regex, no matches
    CHECK(get("/items/42/more") == std::make_pair(404, std::string("error 404")));
    CHECK(get("/nothing") == std::make_pair(404, std::string("error 404")));

    auto head = c.Head("/items/42");
    REQUIRE(head);
    CHECK(head->status == 200);
    CHECK(head->body.empty());
    CHECK(head->get_header_value("Content-Length") == "9");
    auto head_missing = c.Head("/nothing");
    REQUIRE(head_missing);
    CHECK(head_missing->status == 404);

    auto post = c.Post("/items", "hello", "text/plain");
    REQUIRE(post);
    CHECK(post->status == 201);
    CHECK(post->body == "posted hello");
    auto upload = c.Post("/items/7/upload", "file bytes", "application/octet-stream");
    REQUIRE(upload);
    CHECK(upload->status == 200);
    CHECK(upload->body == "streamed 7 file bytes");
    auto post_missing = c.Post("/items/7", "x", "text/plain");  // a GET route, not a POST one
    REQUIRE(post_missing);
    CHECK(post_missing->status == 404);

    auto del = c.Delete("/items/9");
    REQUIRE(del);
    CHECK(del->body == "deleted 9");
    auto put = c.Put("/items/9", "x", "text/plain");  // no PUT routes at all: httplib's own 404
    REQUIRE(put);
    CHECK(put->status == 404);

    server.stop();
    listener.join();
}
