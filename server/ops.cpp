// Operations on every response (pre- and post-routing handlers): security headers, request metrics
// by route pattern and status with a latency histogram, and GET /metrics in Prometheus text format.
#include <array>
#include <atomic>
#include <cctype>
#include <chrono>
#include <iterator>
#include <map>
#include <memory>
#include <mutex>
#include <sstream>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "app.hpp"
#include "digest.hpp"
#include "render_html.hpp"
#include "writer.hpp"

namespace dp {
namespace {

// The CSP the wasm apps run under: no inline script, wasm compiled by the page itself; the only
// inline style allowed is the text guide's own sheet, by its hash.
const std::string& content_security_policy() {
    static const std::string csp =
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'sha256-" +
        digest::sha256_base64(render_html_style_sheet()) +
        "'; img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; "
        "form-action 'self'; frame-ancestors 'self'";
    return csp;
}

constexpr std::array<double, 14> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                             0.1,    0.25,  0.5,    1,     2.5,   5,     10};

// Route patterns, so that ids do not multiply the series. Add new route areas here.
constexpr const char* kExactRoutes[] = {
    "/",                  "/healthz",           "/metrics",          "/api/v1/requests",    "/api/v1/items",
    "/api/v1/doorplates", "/api/v1/search-index", "/api/v1/validate", "/api/v1/places",     "/api/v1/route",
    "/api/v1/map",        "/api/v1/auth/login", "/api/v1/auth/logout", "/api/v1/auth/me",   "/api/v1/desk/requests",
    "/api/v1/desk/requests.csv", "/api/v1/admin/users", "/api/v1/admin/audit"};
constexpr std::pair<const char*, const char*> kPrefixRoutes[] = {
    {"/api/v1/bundles/area/", "/api/v1/bundles/area/:id"}, {"/api/v1/requests/", "/api/v1/requests/:id"},
    {"/api/v1/doorplates/", "/api/v1/doorplates/:code"},   {"/api/v1/items/", "/api/v1/items/:id"},
    {"/api/v1/bundles/", "/api/v1/bundles/:id"},           {"/api/v1/guides/", "/api/v1/guides/:id"},
    {"/d/", "/d/:code"},                                   {"/guide/", "/guide/:id"},
    {"/api/v1/places/", "/api/v1/places/:id"},             {"/api/v1/desk/requests/", "/api/v1/desk/requests/:id"},
    {"/api/v1/admin/users/", "/api/v1/admin/users/:id"},   {"/api/v1/uploads/", "/api/v1/uploads/:sha256"}};
constexpr std::size_t kExactCount = std::size(kExactRoutes);
constexpr std::size_t kPrefixCount = std::size(kPrefixRoutes);
// Label ids: the exact routes, then the prefix routes, then "/api/other", then "static".
constexpr std::size_t kApiOther = kExactCount + kPrefixCount;
constexpr std::size_t kStatic = kApiOther + 1;
constexpr std::size_t kLabelCount = kStatic + 1;

const char* label_name(std::size_t id) {
    if (id < kExactCount) return kExactRoutes[id];
    if (id < kApiOther) return kPrefixRoutes[id - kExactCount].second;
    return id == kApiOther ? "/api/other" : "static";
}

// The label id of a path: no strings built, no allocation (this runs for every request).
std::size_t route_label(const std::string& path) {
    static const std::unordered_map<std::string_view, std::size_t> exact = [] {
        std::unordered_map<std::string_view, std::size_t> m;
        for (std::size_t i = 0; i < kExactCount; ++i) m.emplace(kExactRoutes[i], i);
        return m;
    }();
    auto it = exact.find(std::string_view(path));
    if (it != exact.end()) return it->second;
    for (std::size_t i = 0; i < kPrefixCount; ++i)
        if (path.rfind(kPrefixRoutes[i].first, 0) == 0) return kExactCount + i;
    if (path.rfind("/api/", 0) == 0) return kApiOther;
    return kStatic;
}

// The methods httplib accepts, by id; any other method string is counted under its own name.
constexpr const char* kMethods[] = {"GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH", "CONNECT", "TRACE", "PRI"};
constexpr std::size_t kMethodCount = std::size(kMethods);

std::size_t method_id(const std::string& method) {
    for (std::size_t i = 0; i < kMethodCount; ++i)
        if (method == kMethods[i]) return i;
    return kMethodCount;
}

// Request counts and latencies, kept per worker thread (each thread counts in its own shard under
// its own, uncontended lock) and merged when /metrics is rendered: no lock shared by every request.
class Metrics {
public:
    Metrics() : id_(next_id_.fetch_add(1) + 1) {}

    void observe(const std::string& method, const std::string& path, int status, double seconds) {
        Shard& s = local_shard();
        const std::size_t label = route_label(path);
        const std::size_t m = method_id(method);
        std::size_t bucket = 0;
        while (bucket < kBuckets.size() && seconds > kBuckets[bucket]) ++bucket;  // kBuckets.size(): +Inf only
        std::lock_guard<std::mutex> l(s.mutex);
        if (m < kMethodCount && status >= 0 && status < 1000)
            ++s.counts[(m * kLabelCount + label) * 1000 + static_cast<std::size_t>(status)];
        else
            ++s.other_counts[{method, label_name(label), status}];
        Histogram& h = s.latency[label];
        ++h.buckets[bucket];
        ++h.count;
        h.sum += seconds;
    }

    std::string render(const WriterStats& w) const {
        std::ostringstream o;
        // Merged from the shards into the order the series have always been written in.
        std::map<std::tuple<std::string, std::string, int>, int64_t> counts;
        std::map<std::string, Histogram> latency;  // buckets cumulative, as written
        {
            std::lock_guard<std::mutex> l(shards_mutex_);
            for (const auto& shard : shards_) {
                std::lock_guard<std::mutex> sl(shard->mutex);
                for (const auto& [key, n] : shard->counts) {
                    const std::size_t status = key % 1000, ml = key / 1000;
                    counts[{kMethods[ml / kLabelCount], label_name(ml % kLabelCount), static_cast<int>(status)}] += n;
                }
                for (const auto& [key, n] : shard->other_counts) counts[key] += n;
                for (std::size_t label = 0; label < kLabelCount; ++label) {
                    const Histogram& h = shard->latency[label];
                    if (h.count == 0) continue;
                    Histogram& total = latency[label_name(label)];
                    int64_t cumulative = 0;
                    for (size_t i = 0; i < kBuckets.size(); ++i) {
                        cumulative += h.buckets[i];
                        total.buckets[i] += cumulative;
                    }
                    total.count += h.count;
                    total.sum += h.sum;
                }
            }
        }
        o << "# HELP doorplate_http_requests_total HTTP requests by method, route pattern and status.\n"
             "# TYPE doorplate_http_requests_total counter\n";
        for (auto& [k, n] : counts)
            o << "doorplate_http_requests_total{method=\"" << std::get<0>(k) << "\",route=\"" << std::get<1>(k)
              << "\",status=\"" << std::get<2>(k) << "\"} " << n << "\n";
        o << "# HELP doorplate_http_request_duration_seconds Time from routing to the response ready to write.\n"
             "# TYPE doorplate_http_request_duration_seconds histogram\n";
        for (auto& [route, h] : latency) {
            for (size_t i = 0; i < kBuckets.size(); ++i)
                o << "doorplate_http_request_duration_seconds_bucket{route=\"" << route << "\",le=\"" << kBuckets[i]
                  << "\"} " << h.buckets[i] << "\n";
            o << "doorplate_http_request_duration_seconds_bucket{route=\"" << route << "\",le=\"+Inf\"} " << h.count
              << "\n"
              << "doorplate_http_request_duration_seconds_sum{route=\"" << route << "\"} " << h.sum << "\n"
              << "doorplate_http_request_duration_seconds_count{route=\"" << route << "\"} " << h.count << "\n";
        }
        o << "# HELP doorplate_writer_queue_depth Writes waiting for the writer.\n"
             "# TYPE doorplate_writer_queue_depth gauge\n"
             "doorplate_writer_queue_depth " << w.queue_depth << "\n"
             "# HELP doorplate_writes_committed_total Writes committed durably.\n"
             "# TYPE doorplate_writes_committed_total counter\n"
             "doorplate_writes_committed_total " << w.writes_committed << "\n"
             "# HELP doorplate_writes_failed_total Writes rolled back (their request got an error).\n"
             "# TYPE doorplate_writes_failed_total counter\n"
             "doorplate_writes_failed_total " << w.writes_failed << "\n"
             "# HELP doorplate_write_batches_total Group-commit transactions committed.\n"
             "# TYPE doorplate_write_batches_total counter\n"
             "doorplate_write_batches_total " << w.batches_committed << "\n"
             "# HELP doorplate_write_work_seconds_total Time the writer spent running writes inside transactions.\n"
             "# TYPE doorplate_write_work_seconds_total counter\n"
             "doorplate_write_work_seconds_total " << w.work_seconds << "\n"
             "# HELP doorplate_write_commit_seconds_total Time the writer spent committing (WAL append; its fsync too with --max-batch 1).\n"
             "# TYPE doorplate_write_commit_seconds_total counter\n"
             "doorplate_write_commit_seconds_total " << w.commit_seconds << "\n"
             "# HELP doorplate_wal_syncs_total WAL fsyncs done after commits (each covers every commit before it).\n"
             "# TYPE doorplate_wal_syncs_total counter\n"
             "doorplate_wal_syncs_total " << w.syncs << "\n"
             "# HELP doorplate_wal_sync_seconds_total Time spent in those fsyncs (writes wait for them; the writer does not).\n"
             "# TYPE doorplate_wal_sync_seconds_total counter\n"
             "doorplate_wal_sync_seconds_total " << w.sync_seconds << "\n"
             "# HELP doorplate_wal_frames_total Pages written to the WAL by commits.\n"
             "# TYPE doorplate_wal_frames_total counter\n"
             "doorplate_wal_frames_total " << w.wal_frames << "\n"
             "# HELP doorplate_write_batches_redone_total Batches run again write by write because one write failed.\n"
             "# TYPE doorplate_write_batches_redone_total counter\n"
             "doorplate_write_batches_redone_total " << w.batches_redone << "\n";
        return o.str();
    }

private:
    struct Histogram {
        std::array<int64_t, kBuckets.size() + 1> buckets{};  // per shard: in its bucket only (last: +Inf only)
        int64_t count = 0;
        double sum = 0;
    };
    struct Shard {
        std::mutex mutex;
        std::unordered_map<std::size_t, int64_t> counts;  // (method id × label + label) × 1000 + status
        std::map<std::tuple<std::string, std::string, int>, int64_t> other_counts;  // other methods
        std::array<Histogram, kLabelCount> latency{};
    };

    // This thread's shard of this Metrics (ids are never reused, so a thread that outlives one
    // server and serves another starts a new shard).
    Shard& local_shard() {
        thread_local std::vector<std::pair<uint64_t, Shard*>> mine;
        for (auto& [id, shard] : mine)
            if (id == id_) return *shard;
        std::lock_guard<std::mutex> l(shards_mutex_);
        shards_.push_back(std::make_unique<Shard>());
        mine.emplace_back(id_, shards_.back().get());
        return *shards_.back();
    }

    static inline std::atomic<uint64_t> next_id_{0};
    const uint64_t id_;
    mutable std::mutex shards_mutex_;
    std::vector<std::unique_ptr<Shard>> shards_;
};

// Routing and the post-routing handler of one request run on the same worker thread.
thread_local std::chrono::steady_clock::time_point t_request_start{};

// The security headers every response gets unless its route set one of them itself.
struct SecurityHeader {
    std::string name;
    std::string value;
};
const std::array<SecurityHeader, 5>& security_headers() {
    static const std::array<SecurityHeader, 5> headers = {{
        {"Content-Security-Policy", content_security_policy()},
        {"X-Content-Type-Options", "nosniff"},
        {"Referrer-Policy", "strict-origin-when-cross-origin"},
        {"X-Frame-Options", "SAMEORIGIN"},
        {"Permissions-Policy", "camera=(self), microphone=(self), geolocation=(self)"},
    }};
    return headers;
}

bool equal_ignoring_case(const std::string& a, const std::string& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
    return true;
}

// The header entry that carries the security headers a response lacks, for each set of missing
// ones (bit i: headers[i] missing): the first missing header's name, and a value that holds its
// own value followed by the other missing headers as whole lines ("\r\nName: value"). httplib
// writes each entry as "name: value\r\n" (one snprintf and one map node apiece), so the client
// receives the same separate header lines for a fifth of the cost. These are constant strings
// written into res.headers directly (Response::set_header refuses CR/LF, and rightly so for
// anything else); the post-routing handler is the last thing before the headers are written.
struct CombinedHeader {
    std::string name;
    std::string value;
};
const std::array<CombinedHeader, 32>& combined_security_headers() {
    static const std::array<CombinedHeader, 32> combined = [] {
        const auto& headers = security_headers();
        std::array<CombinedHeader, 32> all{};
        for (unsigned missing = 1; missing < 32; ++missing) {
            CombinedHeader& c = all[missing];
            for (std::size_t i = 0; i < headers.size(); ++i) {
                if (!(missing & (1u << i))) continue;
                if (c.name.empty()) {
                    c.name = headers[i].name;
                    c.value = headers[i].value;
                } else {
                    c.value += "\r\n" + headers[i].name + ": " + headers[i].value;
                }
            }
        }
        return all;
    }();
    return combined;
}

// Adds the security headers the response lacks: one pass over the few headers it has (instead of
// a lookup per header name), then one entry for all the missing ones.
void add_security_headers(httplib::Response& res) {
    const auto& headers = security_headers();
    unsigned missing = (1u << headers.size()) - 1;
    for (const auto& entry : res.headers)
        for (std::size_t i = 0; i < headers.size(); ++i)
            if ((missing & (1u << i)) && equal_ignoring_case(entry.first, headers[i].name)) missing &= ~(1u << i);
    if (missing == 0) return;
    const CombinedHeader& c = combined_security_headers()[missing];
    res.headers.emplace(c.name, c.value);
}

}  // namespace

void install_operations(Routes& routes, App& app) {
    httplib::Server& server = routes.server();
    auto metrics = std::make_shared<Metrics>();
    combined_security_headers();  // built now, not by the first request
    routes.set_pre_routing_handler([](const httplib::Request&, httplib::Response&) {
        t_request_start = std::chrono::steady_clock::now();
        return httplib::Server::HandlerResponse::Unhandled;
    });
    // Runs for every response (errors included) just before it is written, so a request is
    // counted before its client can see the answer.
    server.set_post_routing_handler([metrics](const httplib::Request& req, httplib::Response& res) {
        add_security_headers(res);
        const auto now = std::chrono::steady_clock::now();
        const auto start = t_request_start.time_since_epoch().count() == 0 ? now : t_request_start;
        t_request_start = {};
        metrics->observe(req.method, req.path, res.status, std::chrono::duration<double>(now - start).count());
    });
    routes.Get("/metrics", [metrics, &app](const httplib::Request&, httplib::Response& res) {
        res.set_header("Cache-Control", "no-store");
        res.set_content(metrics->render(app.writer ? app.writer->stats() : WriterStats{}),
                        "text/plain; version=0.0.4; charset=utf-8");
    });
}

}  // namespace dp
