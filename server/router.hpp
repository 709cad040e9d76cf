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
    // [0], then the pattern's groups) when a regex route wins, and empties it when an exact route
    // wins (no regex runs for those; nothing uses matches there, the path is req.path).
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
// go into a RouteTable. GET and HEAD (httplib serves HEAD with its GET handlers) are dispatched
// from httplib's pre-routing handler, which Routes therefore owns (set_pre_routing_handler below
// adds a hook that runs first): httplib calls it at the point where it would scan its GET routes
// (GET has no body to read, and there are no mount points), so no regex runs for the dispatch.
// Every other method's routes are installed into httplib as one handler matching every path,
// called after httplib has read the body. When no route matches, httplib answers 404 as before
// (the error handler gives it the JSON body). POST handlers with a ContentReader (streamed uploads)
// go straight to httplib, which tries them before reading the body and before any other route.
class Routes {
public:
    using Handler = httplib::Server::Handler;
    using HandlerWithContentReader = httplib::Server::HandlerWithContentReader;

    explicit Routes(httplib::Server& server);

    Routes& Get(const std::string& pattern, Handler handler);
    Routes& Post(const std::string& pattern, Handler handler);
    Routes& Post(const std::string& pattern, HandlerWithContentReader handler);
    Routes& Put(const std::string& pattern, Handler handler);
    Routes& Patch(const std::string& pattern, Handler handler);
    Routes& Delete(const std::string& pattern, Handler handler);
    Routes& Options(const std::string& pattern, Handler handler);

    // Runs first for every request, before routing (httplib's pre-routing handler, which Routes
    // owns): return Handled to answer the request without routing it.
    Routes& set_pre_routing_handler(httplib::Server::HandlerWithResponse handler);

    // For the other server-wide hooks (error, exception, post-routing handlers); not for
    // set_pre_routing_handler, which would take GET and HEAD routing away from Routes.
    httplib::Server& server() { return server_; }

private:
    enum Method { kGet, kPost, kPut, kPatch, kDelete, kOptions, kMethods };
    Routes& add(Method method, const std::string& pattern, Handler handler);

    httplib::Server& server_;
    // Shared with the handlers installed into the server, which may outlive this object.
    std::shared_ptr<RouteTable> tables_[kMethods];
    std::shared_ptr<httplib::Server::HandlerWithResponse> before_routing_;
};

}  // namespace dp
