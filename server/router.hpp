// Route dispatch for the httplib::Server: the route files register on Routes with httplib's own
// calls (Get/Post/Put/Patch/Delete/Options), and Routes finds the handler without trying every
// route's regex (httplib 0.11 runs std::regex_match against each registered route in turn).
#pragma once
#include <httplib.h>

#include <cstddef>
#include <memory>
#include <regex>
#include <string>
#include <unordered_map>
#include <vector>

namespace dp {

// One method's routes in registration order. A route whose pattern has no regex metacharacter is
// an exact path (looked up by string); any other is tried with std::regex_match only when the path
// starts with the pattern's literal prefix. The first route in registration order that matches
// wins, as in httplib. Not thread-safe while routes are being added (add all before listening).
class RouteTable {
public:
    static constexpr std::size_t npos = static_cast<std::size_t>(-1);

    // Returns the route's index (its position in registration order).
    std::size_t add(const std::string& pattern, httplib::Server::Handler handler);
    // The first route that matches path, or npos; fills matches as httplib would (whole path in
    // [0], then the pattern's groups) when a regex route wins; leaves it alone for an exact path.
    std::size_t find(const std::string& path, std::smatch& matches) const;
    // The regex routes find() would run std::regex_match for on path (those before the exact
    // route, if any, whose literal prefix starts path), in order: for tests and diagnostics.
    std::vector<std::size_t> regex_candidates(const std::string& path) const;
    const httplib::Server::Handler& handler(std::size_t index) const { return routes_[index].handler; }
    const std::string& pattern(std::size_t index) const { return routes_[index].pattern; }
    std::size_t size() const { return routes_.size(); }

    // The characters of a pattern before its first regex metacharacter (one fewer when that
    // metacharacter is a quantifier, which makes the character before it optional); the empty
    // string when the pattern has an alternation '|' outside parentheses.
    static std::string literal_prefix(const std::string& pattern);
    static bool is_literal(const std::string& pattern);

private:
    std::size_t exact_route(const std::string& path) const;
    struct Route {
        std::string pattern;
        std::string prefix;  // literal prefix (the whole pattern for an exact route)
        bool exact = false;
        std::regex regex;
        httplib::Server::Handler handler;
        bool admits(const std::string& path) const {
            return path.size() >= prefix.size() && path.compare(0, prefix.size(), prefix) == 0;
        }
    };
    std::vector<Route> routes_;
    std::unordered_map<std::string, std::size_t> exact_;  // path → first exact route with it
    std::vector<std::size_t> regex_routes_;               // the other routes, in order
};

// The registration surface the route files use instead of httplib::Server. Each method's routes
// go into a RouteTable, installed into httplib as one handler per method matching every path;
// when no route matches, that handler answers 404 (the error handler gives it the JSON body), as
// httplib does. HEAD is served by the GET routes (httplib sends HEAD to its GET handlers).
// Handlers with a ContentReader (streamed uploads) go straight to httplib, which tries them
// before reading the body and before any other route, as it always has.
class Routes {
public:
    using Handler = httplib::Server::Handler;
    using HandlerWithContentReader = httplib::Server::HandlerWithContentReader;

    explicit Routes(httplib::Server& server);

    Routes& Get(const std::string& pattern, Handler handler);
    Routes& Post(const std::string& pattern, Handler handler);
    Routes& Post(const std::string& pattern, HandlerWithContentReader handler);
    Routes& Put(const std::string& pattern, Handler handler);
    Routes& Put(const std::string& pattern, HandlerWithContentReader handler);
    Routes& Patch(const std::string& pattern, Handler handler);
    Routes& Patch(const std::string& pattern, HandlerWithContentReader handler);
    Routes& Delete(const std::string& pattern, Handler handler);
    Routes& Delete(const std::string& pattern, HandlerWithContentReader handler);
    Routes& Options(const std::string& pattern, Handler handler);

    // For the server-wide hooks (error, exception, pre- and post-routing handlers).
    httplib::Server& server() { return server_; }

private:
    enum Method { kGet, kPost, kPut, kPatch, kDelete, kOptions, kMethods };
    Routes& add(Method method, const std::string& pattern, Handler handler);

    httplib::Server& server_;
    // Shared with the handlers installed into the server, which may outlive this object.
    std::shared_ptr<RouteTable> tables_[kMethods];
};

}  // namespace dp
