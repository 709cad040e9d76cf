// Operations on every response (pre- and post-routing handlers): security headers, request metrics
// by route pattern and status with a latency histogram, and GET /metrics in Prometheus text format.
#include <array>
#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <sstream>

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
std::string route_label(const std::string& path) {
    static const std::pair<const char*, const char*> prefixes[] = {
        {"/api/v1/bundles/area/", "/api/v1/bundles/area/:id"}, {"/api/v1/requests/", "/api/v1/requests/:id"},
        {"/api/v1/doorplates/", "/api/v1/doorplates/:code"},   {"/api/v1/items/", "/api/v1/items/:id"},
        {"/api/v1/bundles/", "/api/v1/bundles/:id"},           {"/api/v1/guides/", "/api/v1/guides/:id"},
        {"/d/", "/d/:code"},                                   {"/guide/", "/guide/:id"},
        {"/api/v1/places/", "/api/v1/places/:id"},             {"/api/v1/desk/requests/", "/api/v1/desk/requests/:id"},
        {"/api/v1/admin/users/", "/api/v1/admin/users/:id"},   {"/api/v1/uploads/", "/api/v1/uploads/:sha256"}};
    static const char* exact[] = {"/",         "/healthz",          "/metrics",           "/api/v1/requests",
                                  "/api/v1/items", "/api/v1/doorplates", "/api/v1/search-index", "/api/v1/validate",
                                  "/api/v1/places", "/api/v1/route", "/api/v1/map", "/api/v1/auth/login",
                                  "/api/v1/auth/logout", "/api/v1/auth/me", "/api/v1/desk/requests",
                                  "/api/v1/desk/requests.csv", "/api/v1/admin/users", "/api/v1/admin/audit"};
    for (const char* e : exact)
        if (path == e) return e;
    for (auto& [prefix, label] : prefixes)
        if (path.rfind(prefix, 0) == 0) return label;
    if (path.rfind("/api/", 0) == 0) return "/api/other";
    return "static";
}

class Metrics {
public:
    void observe(const std::string& method, const std::string& route, int status, double seconds) {
        std::lock_guard<std::mutex> l(mutex_);
        ++counts_[{method, route, status}];
        Histogram& h = latency_[route];
        for (size_t i = 0; i < kBuckets.size(); ++i)
            if (seconds <= kBuckets[i]) ++h.buckets[i];
        ++h.count;
        h.sum += seconds;
    }

    std::string render(const WriterStats& w) const {
        std::ostringstream o;
        o << "# HELP doorplate_http_requests_total HTTP requests by method, route pattern and status.\n"
             "# TYPE doorplate_http_requests_total counter\n";
        std::lock_guard<std::mutex> l(mutex_);
        for (auto& [k, n] : counts_)
            o << "doorplate_http_requests_total{method=\"" << std::get<0>(k) << "\",route=\"" << std::get<1>(k)
              << "\",status=\"" << std::get<2>(k) << "\"} " << n << "\n";
        o << "# HELP doorplate_http_request_duration_seconds Time from routing to the response ready to write.\n"
             "# TYPE doorplate_http_request_duration_seconds histogram\n";
        for (auto& [route, h] : latency_) {
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
        std::array<int64_t, kBuckets.size()> buckets{};
        int64_t count = 0;
        double sum = 0;
    };
    mutable std::mutex mutex_;
    std::map<std::tuple<std::string, std::string, int>, int64_t> counts_;
    std::map<std::string, Histogram> latency_;
};

// Routing and the post-routing handler of one request run on the same worker thread.
thread_local std::chrono::steady_clock::time_point t_request_start{};

}  // namespace

void install_operations(httplib::Server& server, App& app) {
    auto metrics = std::make_shared<Metrics>();
    server.set_pre_routing_handler([](const httplib::Request&, httplib::Response&) {
        t_request_start = std::chrono::steady_clock::now();
        return httplib::Server::HandlerResponse::Unhandled;
    });
    // Runs for every response (errors included) just before it is written, so a request is
    // counted before its client can see the answer.
    server.set_post_routing_handler([metrics](const httplib::Request& req, httplib::Response& res) {
        auto set = [&](const char* name, const char* value) {
            if (!res.has_header(name)) res.set_header(name, value);
        };
        set("Content-Security-Policy", content_security_policy().c_str());
        set("X-Content-Type-Options", "nosniff");
        set("Referrer-Policy", "strict-origin-when-cross-origin");
        set("X-Frame-Options", "SAMEORIGIN");
        set("Permissions-Policy", "camera=(self), microphone=(self), geolocation=(self)");
        const auto now = std::chrono::steady_clock::now();
        const auto start = t_request_start.time_since_epoch().count() == 0 ? now : t_request_start;
        t_request_start = {};
        metrics->observe(req.method, route_label(req.path), res.status,
                         std::chrono::duration<double>(now - start).count());
    });
    server.Get("/metrics", [metrics, &app](const httplib::Request&, httplib::Response& res) {
        res.set_header("Cache-Control", "no-store");
        res.set_content(metrics->render(app.writer ? app.writer->stats() : WriterStats{}),
                        "text/plain; version=0.0.4; charset=utf-8");
    });
}

}  // namespace dp
