// Route dispatch by literal prefix and exact path (see router.hpp).
#include "router.hpp"

#include <cstring>
#include <utility>

namespace dp {
namespace {

bool is_meta(char c) { return std::strchr("^$\\.*+?()[]{}|", c) != nullptr && c != '\0'; }
bool is_quantifier(char c) { return c == '*' || c == '+' || c == '?' || c == '{'; }

// Matches every path, newlines (a decoded %0A) included: ".*" would not.
const char* const kEveryPath = R"([\s\S]*)";

// True when the pattern has an '|' outside parentheses and character classes: then no prefix is
// common to all the paths it matches.
bool top_level_alternation(const std::string& p) {
    int depth = 0;
    bool in_class = false;
    for (std::size_t i = 0; i < p.size(); ++i) {
        const char c = p[i];
        if (c == '\\') {
            ++i;
        } else if (in_class) {
            if (c == ']') in_class = false;
        } else if (c == '[') {
            in_class = true;
        } else if (c == '(') {
            ++depth;
        } else if (c == ')') {
            --depth;
        } else if (c == '|' && depth == 0) {
            return true;
        }
    }
    return false;
}

}  // namespace

bool RouteTable::is_literal(const std::string& pattern) {
    for (char c : pattern)
        if (is_meta(c)) return false;
    return true;
}

std::string RouteTable::literal_prefix(const std::string& pattern) {
    if (top_level_alternation(pattern)) return {};
    std::size_t n = 0;
    while (n < pattern.size() && !is_meta(pattern[n])) ++n;
    if (n < pattern.size() && n > 0 && is_quantifier(pattern[n])) --n;
    return pattern.substr(0, n);
}

std::size_t RouteTable::add(const std::string& pattern, httplib::Server::Handler handler) {
    Route r;
    r.pattern = pattern;
    r.exact = is_literal(pattern);
    r.prefix = r.exact ? pattern : literal_prefix(pattern);
    r.regex = std::regex(pattern);  // as httplib compiles it (ECMAScript); also for exact routes
    r.handler = std::move(handler);
    const std::size_t index = routes_.size();
    routes_.push_back(std::move(r));
    if (routes_[index].exact)
        exact_.emplace(pattern, index);  // keeps the first route registered for that path
    else
        regex_routes_.push_back(index);
    return index;
}

std::size_t RouteTable::exact_route(const std::string& path) const {
    if (exact_.empty()) return npos;
    auto it = exact_.find(path);
    return it == exact_.end() ? npos : it->second;
}

std::size_t RouteTable::find(const std::string& path, std::smatch& matches) const {
    const std::size_t winner = exact_route(path);
    // Regex routes registered before the exact one (if any) come first.
    std::smatch m;
    for (std::size_t i : regex_routes_) {
        if (i > winner) break;
        const Route& r = routes_[i];
        if (!r.admits(path)) continue;
        if (std::regex_match(path, m, r.regex)) {
            matches = std::move(m);
            return i;
        }
    }
    if (winner != npos) matches = std::smatch{};  // an exact route has no groups: its path is req.path
    return winner;
}

std::vector<std::size_t> RouteTable::regex_candidates(const std::string& path) const {
    const std::size_t winner = exact_route(path);
    std::vector<std::size_t> out;
    for (std::size_t i : regex_routes_) {
        if (i > winner) break;
        if (routes_[i].admits(path)) out.push_back(i);
    }
    return out;
}

namespace {

// Finds the route for the request and runs it; false when no route of the table matches.
bool dispatch(const RouteTable& table, const httplib::Request& req, httplib::Response& res) {
    // httplib hands its handlers the request as const, but it owns a mutable one and fills
    // req.matches itself before calling them; so do we, for the route that matched.
    auto& matches = const_cast<httplib::Request&>(req).matches;
    const std::size_t i = table.find(req.path, matches);
    if (i == RouteTable::npos) return false;
    table.handler(i)(req, res);
    return true;
}

}  // namespace

Routes::Routes(httplib::Server& server)
    : server_(server), before_routing_(std::make_shared<httplib::Server::HandlerWithResponse>()) {
    tables_[kGet] = std::make_shared<RouteTable>();
    server_.set_pre_routing_handler([get = tables_[kGet], before = before_routing_](const httplib::Request& req,
                                                                                     httplib::Response& res) {
        using R = httplib::Server::HandlerResponse;
        if (*before && (*before)(req, res) == R::Handled) return R::Handled;
        if (req.method != "GET" && req.method != "HEAD") return R::Unhandled;
        // Unhandled: httplib then finds no GET handler of its own and answers 404.
        return dispatch(*get, req, res) ? R::Handled : R::Unhandled;
    });
}

Routes& Routes::set_pre_routing_handler(httplib::Server::HandlerWithResponse handler) {
    *before_routing_ = std::move(handler);
    return *this;
}

Routes& Routes::add(Method method, const std::string& pattern, Handler handler) {
    auto& table = tables_[method];
    if (!table) {
        // The first route of this method: install the one httplib handler that dispatches them.
        table = std::make_shared<RouteTable>();
        Handler dispatcher = [table](const httplib::Request& req, httplib::Response& res) {
            if (!dispatch(*table, req, res)) res.status = 404;  // what httplib answers when no route matches
        };
        switch (method) {
            case kPost: server_.Post(kEveryPath, std::move(dispatcher)); break;
            case kPut: server_.Put(kEveryPath, std::move(dispatcher)); break;
            case kPatch: server_.Patch(kEveryPath, std::move(dispatcher)); break;
            case kDelete: server_.Delete(kEveryPath, std::move(dispatcher)); break;
            case kOptions: server_.Options(kEveryPath, std::move(dispatcher)); break;
            case kGet:  // dispatched from the pre-routing handler; its table exists from the start
            case kMethods: break;
        }
    }
    table->add(pattern, std::move(handler));
    return *this;
}

Routes& Routes::Get(const std::string& pattern, Handler handler) { return add(kGet, pattern, std::move(handler)); }
Routes& Routes::Post(const std::string& pattern, Handler handler) { return add(kPost, pattern, std::move(handler)); }
Routes& Routes::Put(const std::string& pattern, Handler handler) { return add(kPut, pattern, std::move(handler)); }
Routes& Routes::Patch(const std::string& pattern, Handler handler) { return add(kPatch, pattern, std::move(handler)); }
Routes& Routes::Delete(const std::string& pattern, Handler handler) { return add(kDelete, pattern, std::move(handler)); }
Routes& Routes::Options(const std::string& pattern, Handler handler) { return add(kOptions, pattern, std::move(handler)); }

// httplib tries content-reader routes first (before reading the body), whatever the order.
Routes& Routes::Post(const std::string& pattern, HandlerWithContentReader handler) {
    server_.Post(pattern, std::move(handler));
    return *this;
}

}  // namespace dp
