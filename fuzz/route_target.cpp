// The route fuzz target (see route_target.hpp): one in-process server on a loopback port with the
// demo county, demo accounts and one help request of each kind; each input goes to one endpoint
// as its body, query string or path segment, as the resident, an agent or a supervisor.
#include "route_target.hpp"

#include <httplib.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <ctime>
#include <functional>
#include <iterator>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <thread>

#include "app.hpp"
#include "connection.hpp"
#include "db.hpp"
#include "log.hpp"
#include "validate.hpp"
#include "writer.hpp"

namespace dp_fuzz {
namespace {

using nlohmann::json;

[[noreturn]] void broken(const std::string& what) {
    std::fprintf(stderr, "fuzz invariant broken: %s\n", what.c_str());
    std::abort();
}

enum class Who { nobody, resident, agent, supervisor };
enum class Input { json_body, multipart_body, query, segment };
// The help request an endpoint acts on: its id goes into the path, its token authenticates the resident.
enum class On { none, question, prereview, proxy, video, spare };

struct Endpoint {
    const char* name;
    const char* method;  // "POST" or "GET"
    const char* path;    // "{id}" = the request's id; "{plate}" = the demo doorplate's code
    On on;
    Who who;
    Input input;
};

// Every POST of the API except those that hash passwords (login and new accounts: their bodies
// have their own targets, and each argon2id call would cost the fuzzer ~0.1 s) and logout and
// disable (which would end the fuzzer's own sessions); the GETs that read query parameters or a
// path segment. Long polls (…/events) are left out: they wait.
constexpr Endpoint kEndpoints[] = {
    {"submit", "POST", "/api/v1/requests", On::none, Who::nobody, Input::json_body},
    {"events", "POST", "/api/v1/events", On::none, Who::nobody, Input::json_body},
    {"message", "POST", "/api/v1/requests/{id}/messages", On::question, Who::resident, Input::json_body},
    {"read", "POST", "/api/v1/requests/{id}/read", On::question, Who::resident, Input::json_body},
    {"typing", "POST", "/api/v1/requests/{id}/typing", On::question, Who::resident, Input::json_body},
    {"supplement", "POST", "/api/v1/requests/{id}/supplement", On::prereview, Who::resident, Input::json_body},
    {"withdraw", "POST", "/api/v1/requests/{id}/withdraw", On::spare, Who::resident, Input::json_body},
    {"rate", "POST", "/api/v1/requests/{id}/rate", On::spare, Who::resident, Input::json_body},
    {"material", "POST", "/api/v1/requests/{id}/materials/photo", On::prereview, Who::resident, Input::json_body},
    {"upload", "POST", "/api/v1/requests/{id}/uploads", On::prereview, Who::resident, Input::multipart_body},
    {"proxy_preview", "POST", "/api/v1/requests/{id}/proxy/preview", On::proxy, Who::resident, Input::json_body},
    {"proxy_sign", "POST", "/api/v1/requests/{id}/proxy/sign", On::proxy, Who::resident, Input::json_body},
    {"video_slot", "POST", "/api/v1/requests/{id}/video/slot", On::video, Who::resident, Input::json_body},
    {"batch_proxy", "POST", "/api/v1/desk/batch-proxy", On::none, Who::agent, Input::json_body},
    {"follow_up_close", "POST", "/api/v1/desk/follow-ups/1/close", On::none, Who::supervisor, Input::json_body},
    {"claim", "POST", "/api/v1/desk/requests/{id}/claim", On::question, Who::agent, Input::json_body},
    {"assign", "POST", "/api/v1/desk/requests/{id}/assign", On::question, Who::supervisor, Input::json_body},
    {"transfer", "POST", "/api/v1/desk/requests/{id}/transfer", On::question, Who::agent, Input::json_body},
    {"start", "POST", "/api/v1/desk/requests/{id}/start", On::prereview, Who::agent, Input::json_body},
    {"request_supplement", "POST", "/api/v1/desk/requests/{id}/request_supplement", On::prereview, Who::agent,
     Input::json_body},
    {"complete", "POST", "/api/v1/desk/requests/{id}/complete", On::video, Who::agent, Input::json_body},
    {"review", "POST", "/api/v1/desk/requests/{id}/materials/photo/review", On::prereview, Who::agent, Input::json_body},
    {"desk_message", "POST", "/api/v1/desk/requests/{id}/messages", On::question, Who::agent, Input::json_body},
    {"desk_read", "POST", "/api/v1/desk/requests/{id}/read", On::question, Who::agent, Input::json_body},
    {"desk_typing", "POST", "/api/v1/desk/requests/{id}/typing", On::question, Who::agent, Input::json_body},
    {"proxy_step", "POST", "/api/v1/desk/requests/{id}/proxy/step", On::proxy, Who::agent, Input::json_body},
    {"reveal", "POST", "/api/v1/desk/requests/{id}/reveal", On::proxy, Who::agent, Input::json_body},
    {"video_confirm", "POST", "/api/v1/desk/requests/{id}/video/confirm", On::video, Who::agent, Input::json_body},
    {"validate", "GET", "/api/v1/validate", On::none, Who::nobody, Input::query},
    {"places", "GET", "/api/v1/places", On::none, Who::nobody, Input::query},
    {"route", "GET", "/api/v1/route", On::none, Who::nobody, Input::query},
    {"items", "GET", "/api/v1/items", On::none, Who::nobody, Input::query},
    {"doorplates", "GET", "/api/v1/doorplates", On::none, Who::nobody, Input::query},
    {"map", "GET", "/api/v1/map", On::none, Who::nobody, Input::query},
    {"video_slots", "GET", "/api/v1/help/video-slots", On::none, Who::nobody, Input::query},
    {"stats", "GET", "/api/v1/stats", On::none, Who::supervisor, Input::query},
    {"stats_csv", "GET", "/api/v1/stats.csv", On::none, Who::supervisor, Input::query},
    {"desk_requests", "GET", "/api/v1/desk/requests", On::none, Who::agent, Input::query},
    {"desk_queue", "GET", "/api/v1/desk/queue", On::none, Who::supervisor, Input::query},
    {"request", "GET", "/api/v1/requests/{id}", On::question, Who::resident, Input::query},
    {"poster", "GET", "/api/v1/doorplates/{plate}/poster.svg", On::none, Who::supervisor, Input::query},
    {"guide_html", "GET", "/guide/id-card-renewal", On::none, Who::nobody, Input::query},
    {"doorplate", "GET", "/api/v1/doorplates/", On::none, Who::nobody, Input::segment},
    {"item", "GET", "/api/v1/items/", On::none, Who::nobody, Input::segment},
    {"guide", "GET", "/api/v1/guides/", On::none, Who::nobody, Input::segment},
    {"area_bundle", "GET", "/api/v1/bundles/area/", On::none, Who::nobody, Input::segment},
    {"place", "GET", "/api/v1/places/", On::none, Who::nobody, Input::segment},
    {"upload_file", "GET", "/api/v1/uploads/", On::none, Who::supervisor, Input::segment},
    {"static", "GET", "/", On::none, Who::nobody, Input::segment},
};

struct HelpRequest {
    std::int64_t id = 0;
    std::string token;
};

// The server and what the fuzzer needs of it; made once, never destroyed (the server thread
// runs until the process ends).
struct World {
    dp::ServerConfig config;
    std::unique_ptr<dp::Db> db;
    std::unique_ptr<dp::App> app;
    std::unique_ptr<dp::Writer> writer;
    dp::HttpServer server;  // as the real server runs it (connection.hpp)
    int port = 0;
    std::string plate;  // a doorplate of 溪美街道 (agent_ximei's area)
    std::string agent, supervisor;
    HelpRequest requests[6];  // by On
    std::unique_ptr<httplib::Client> client;  // one keep-alive connection for the inputs
};

std::string temp_dir() {
    std::string base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
    std::string t = base + "/dp-fuzz-routes-XXXXXX";
    if (!mkdtemp(t.data())) broken("mkdtemp");
    return t;
}

std::unique_ptr<httplib::Client> client_for(int port) {
    auto c = std::make_unique<httplib::Client>("127.0.0.1", port);
    c->set_connection_timeout(5);
    c->set_read_timeout(20);
    c->set_write_timeout(5);
    c->set_keep_alive(true);
    return c;
}

std::string login(int port, const char* user, const char* password) {
    auto res = client_for(port)->Post("/api/v1/auth/login", json{{"username", user}, {"password", password}}.dump(), "application/json");
    if (!res || res->status != 200) broken(std::string("demo login ") + user);
    return json::parse(res->body).at("token").get<std::string>();
}

HelpRequest create(World& w, const char* kind, json payload, bool with_id) {
    json body = {{"kind", kind},
                 {"item_id", "border-travel-pass"},
                 {"doorplate", w.plate},
                 {"contact", {{"name", "林秀英"}, {"phone", "13905951234"}}},
                 {"payload", std::move(payload)}};
    if (with_id) {
        const std::string first17 = "35058319800101123";
        body["id_number"] = first17 + dp::id_card_check_char(first17);
    }
    auto res = w.client->Post("/api/v1/requests", body.dump(), "application/json");
    if (!res || res->status != 201) broken(std::string("demo request ") + kind + ": " + (res ? res->body : "no answer"));
    const json j = json::parse(res->body);
    return {j.at("id").get<std::int64_t>(), j.at("token").get<std::string>()};
}

World& world() {
    static World* w = [] {
        signal(SIGPIPE, SIG_IGN);
        dp::log::set_level("error");
        auto* w = new World;
        const std::string dir = temp_dir();
        w->config.db_path = dir + "/fuzz.db";
        w->config.www_dir = dir + "/www";  // the app shells only (the static routes need them)
        std::filesystem::create_directories(w->config.www_dir + "/assets");
        for (const char* shell : {"index.html", "desk.html"})
            std::ofstream(w->config.www_dir + "/" + shell) << "<!doctype html><title>Doorplate</title>\n";
        w->config.assets_dir = std::string(DP_SOURCE_DIR) + "/assets";
        w->config.catalogue_path = dir + "/no-catalogue.json";  // the guides are read from assets/guides
        w->config.rate_limit = 0;
        w->db = std::make_unique<dp::Db>(w->config.db_path);
        dp::seed_demo_county(*w->db, DP_DEMO_DIR);
        dp::seed_demo_accounts(*w->db);
        w->app.reset(new dp::App{w->config, *w->db, {}});
        w->app->places.load(*w->db);
        w->app->catalogue.load(w->config.catalogue_path, w->config.assets_dir + "/guides");
        w->app->help.set_max_waiters(4);
        w->writer = std::make_unique<dp::Writer>(w->config.db_path);
        w->app->writer = w->writer.get();
        {
            auto lock = w->db->lock();
            dp::Stmt q(*w->db, "SELECT code FROM doorplates WHERE town_id = '350583-101' ORDER BY code LIMIT 1");
            if (!q.step()) broken("a demo doorplate in 溪美街道");
            w->plate = q.text(0);
        }
        w->server.new_task_queue = [] { return new httplib::ThreadPool(4); };
        w->server.set_payload_max_length(16 * 1024 * 1024);
        dp::install_routes(w->server, *w->app);
        w->port = w->server.bind_to_any_port("127.0.0.1");
        if (w->port <= 0) broken("bind a loopback port");
        w->server.widen_backlog();
        std::thread([w] { w->server.listen_after_bind(); }).detach();
        while (!w->server.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
        w->client = client_for(w->port);
        w->agent = login(w->port, "agent_ximei", "ximei-demo-2025");
        w->supervisor = login(w->port, "supervisor", "supervisor-demo-2025");
        const std::int64_t now = static_cast<std::int64_t>(std::time(nullptr));
        w->requests[static_cast<int>(On::question)] = create(*w, "question", {{"text", "能代办吗？"}}, false);
        w->requests[static_cast<int>(On::prereview)] =
            create(*w, "prereview", {{"materials", {"photo", "application"}}}, false);
        w->requests[static_cast<int>(On::proxy)] = create(*w, "proxy", {{"address", "溪美街道"}, {"agree", true}}, true);
        w->requests[static_cast<int>(On::video)] = create(*w, "video", {{"slot_at", now + 3600}}, false);
        w->requests[static_cast<int>(On::spare)] = create(*w, "question", {{"text", "还想问一下"}}, false);
        return w;
    }();
    return *w;
}

// Percent-encodes what may not stand raw in a request line (controls, space, non-ASCII, '#', '%'
// that does not start an escape is left: a bad escape is part of what is fuzzed).
std::string url_safe(std::string_view s, bool segment) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        if (c <= 0x20 || c >= 0x7f || c == '#' || (segment && c == '?')) {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

const Endpoint& pick(std::string_view name) {
    for (const auto& e : kEndpoints)
        if (name == e.name) return e;
    return kEndpoints[std::hash<std::string_view>{}(name) % std::size(kEndpoints)];
}

}  // namespace

int routes(const std::uint8_t* data, std::size_t size) {
    World& w = world();
    const std::string_view in(reinterpret_cast<const char*>(data), size);
    const std::size_t nl = in.find('\n');
    const Endpoint& e = pick(in.substr(0, nl == std::string_view::npos ? in.size() : nl));
    const std::string_view rest = nl == std::string_view::npos ? std::string_view() : in.substr(nl + 1);

    std::string path = e.path;
    const HelpRequest& r = w.requests[static_cast<int>(e.on)];
    if (auto at = path.find("{id}"); at != std::string::npos) path.replace(at, 4, std::to_string(r.id));
    if (auto at = path.find("{plate}"); at != std::string::npos) path.replace(at, 7, w.plate);
    if (e.input == Input::query && !rest.empty()) path += "?" + url_safe(rest, false);
    if (e.input == Input::segment) path += url_safe(rest, true);

    httplib::Headers headers;
    if (e.who == Who::resident) headers.emplace("Authorization", "Bearer " + r.token);
    if (e.who == Who::agent) headers.emplace("Authorization", "Bearer " + w.agent);
    if (e.who == Who::supervisor) headers.emplace("Authorization", "Bearer " + w.supervisor);

    auto send = [&] {
        if (std::string_view(e.method) == "GET") return w.client->Get(path, headers);
        const char* type = e.input == Input::multipart_body ? "multipart/form-data; boundary=fuzzboundary"
                                                            : "application/json";
        return w.client->Post(path, headers, std::string(rest), type);
    };
    auto res = send();
    if (!res) {  // the server may end a keep-alive connection (e.g. after its 100th request): once more
        w.client = client_for(w.port);
        res = send();
    }
    if (!res) broken(std::string(e.name) + ": no answer (" + httplib::to_string(res.error()) + ") for " + path);
    static const bool verbose = std::getenv("DP_FUZZ_VERBOSE") != nullptr;  // for writing seeds
    if (verbose) std::fprintf(stderr, "%s %s → %d %s\n", e.method, path.c_str(), res->status, res->body.substr(0, 160).c_str());
    if (res->status >= 500)
        broken(std::string(e.name) + ": " + std::to_string(res->status) + " " + res->body.substr(0, 300));
    if (res->status >= 400 && path.rfind("/api/", 0) == 0) {
        const json err = json::parse(res->body, nullptr, false);
        if (err.is_discarded() || !err.contains("error") || !err["error"].is_object() ||
            !err["error"].value("code", json()).is_string() || !err["error"].value("message", json()).is_string())
            broken(std::string(e.name) + ": an error without {\"error\":{\"code\",\"message\"}}: " + res->body.substr(0, 300));
    }
    return 0;
}

}  // namespace dp_fuzz
