// Static web files (the app shell, wasm, scripts) from the web root, the doorplate page
// /d/<code>, the agent console /desk, the demo index page / (sample doorplates with their QR
// codes), and /healthz.
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <cctype>

#include "app.hpp"
#include "http_util.hpp"
#include "qr.hpp"
#include "render_html.hpp"
#include "url.hpp"

namespace dp {
namespace fs = std::filesystem;
namespace {

const std::map<std::string, std::string>& mime_types() {
    static const std::map<std::string, std::string> m = {
        {".html", "text/html; charset=utf-8"},      {".js", "text/javascript; charset=utf-8"},
        {".mjs", "text/javascript; charset=utf-8"}, {".wasm", "application/wasm"},
        {".css", "text/css; charset=utf-8"},        {".json", "application/json; charset=utf-8"},
        {".svg", "image/svg+xml"},                  {".png", "image/png"},
        {".jpg", "image/jpeg"},                     {".webp", "image/webp"},
        {".ico", "image/x-icon"},                   {".otf", "font/otf"},
        {".woff2", "font/woff2"},                   {".txt", "text/plain; charset=utf-8"},
        {".webmanifest", "application/manifest+json"}};
    return m;
}

bool read_file(const fs::path& p, std::string& out) {
    std::ifstream in(p, std::ios::binary);
    if (!in) return false;
    std::ostringstream ss;
    ss << in.rdbuf();
    out = ss.str();
    return true;
}

// Resolves a request path (already %-decoded by cpp-httplib) inside the web root; empty if it
// climbs (..), has a backslash, NUL or a hidden segment, escapes the root through a symlink
// (the canonical path must stay under the canonical root), or is not a regular file.
fs::path resolve_in_root(const fs::path& root, const std::string& url_path) {
    if (url_path.find("..") != std::string::npos || url_path.find('\\') != std::string::npos ||
        url_path.find('\0') != std::string::npos || url_path.find("/.") != std::string::npos ||
        url_path.find('%') != std::string::npos)
        return {};
    std::error_code ec;
    fs::path real_root = fs::canonical(root, ec);
    if (ec) return {};
    fs::path candidate = fs::weakly_canonical(real_root / fs::path(url_path).relative_path(), ec);
    if (ec) return {};
    auto rel = candidate.lexically_relative(real_root);
    if (rel.empty() || *rel.begin() == "..") return {};
    if (!fs::is_regular_file(candidate, ec)) return {};
    return candidate;
}

// Hashed names (<stem>.<8 or more hex digits>.<ext>, e.g. app.3f9a0c1d.wasm) never change content.
bool is_hashed_name(const std::string& name) {
    const auto last = name.rfind('.');
    if (last == std::string::npos || last == 0) return false;
    const auto prev = name.rfind('.', last - 1);
    if (prev == std::string::npos || prev == 0) return false;
    const std::string hash = name.substr(prev + 1, last - prev - 1);
    if (hash.size() < 8) return false;
    for (char c : hash)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

// Serves `file`, or its precompressed .br / .gz sibling (made by scripts/assemble-www.sh for the
// wasm and the hashed scripts) when the client accepts that encoding. Other text is compressed on
// the fly by cpp-httplib, which never touches a body given as a sized content provider: the
// precompressed copies go out that way, as they are.
void serve_file(const fs::path& file, const httplib::Request& req, httplib::Response& res) {
    std::string body;
    const char* encoding = nullptr;
    const std::string accept = req.get_header_value("Accept-Encoding");
    const std::pair<const char*, const char*> encodings[] = {{"br", ".br"}, {"gzip", ".gz"}};
    for (auto& [name, ext] : encodings) {
        fs::path packed = file.string() + ext;
        std::error_code ec;
        if (accept.find(name) != std::string::npos && fs::is_regular_file(packed, ec) && read_file(packed, body) &&
            !body.empty()) {
            encoding = name;
            break;
        }
    }
    res.set_header("Vary", "Accept-Encoding");
    if (!encoding && !read_file(file, body)) throw HttpError(404, "not_found", "找不到文件");
    auto it = mime_types().find(file.extension().string());
    const std::string type = it != mime_types().end() ? it->second : "application/octet-stream";
    res.set_header("Cache-Control", file.extension() != ".html" && is_hashed_name(file.filename().string())
                                        ? "public, max-age=31536000, immutable"
                                        : "no-cache");
    res.set_header("X-Content-Type-Options", "nosniff");
    if (!encoding) {
        res.set_content(std::move(body), type.c_str());
        return;
    }
    res.set_header("Content-Encoding", encoding);
    auto packed = std::make_shared<const std::string>(std::move(body));
    res.set_content_provider(packed->size(), type.c_str(),
                             [packed](size_t offset, size_t length, httplib::DataSink& sink) {
                                 return sink.write(packed->data() + offset, length);
                             });
}

// The demo index: sample doorplates of the demo county, each with its QR code on screen (the
// poster's URL, big enough for a phone camera to read off a laptop screen), the link and posters.
void demo_index(App& app, httplib::Response& res) {
    const std::string base = public_base_url(app);
    std::string rows;
    {
        auto lock = app.db.lock();
        Stmt q(app.db,
               "SELECT d.code, d.town || d.village || d.road || d.number || d.building FROM doorplates d "
               "JOIN (SELECT area_id, MIN(code) AS code FROM doorplates GROUP BY area_id) f ON f.code = d.code "
               "ORDER BY d.area_id LIMIT 24");
        while (q.step()) {
            const std::string code = html_escape(q.text(0)), address = html_escape(q.text(1));
            const std::string url = base + "/d/" + q.text(0) + "?src=poster";
            const auto qr = make_qr(url);
            const std::string poster = "/api/v1/doorplates/" + code + "/poster.pdf";
            rows += "<li class=\"plate\">" +
                    qr_svg(qr, (qr.getSize() + 2 * kQrQuietZone) * 5, "qr", "门牌码 " + q.text(0) + " 的二维码") +
                    "<div><a href=\"/d/" + code + "\">" + address + "</a><br><code>" + html_escape(url) +
                    "</code><br>门牌码 <code>" + code + "</code> · 海报 <a href=\"" + poster + "\">A4 PDF</a> · <a href=\"" +
                    poster + "?size=a5\">A5 PDF</a></div></li>\n";
        }
    }
    const bool local_only = base.find("://127.") != std::string::npos || base.find("://localhost") != std::string::npos ||
                            base.find("://0.0.0.0") != std::string::npos;
    const std::string hint =
        local_only ? "<p class=\"hint\">二维码指向 <code>" + html_escape(base) +
                         "</code>，手机扫不开。让同一 Wi-Fi 下的手机扫码：<code>make run HOST=0.0.0.0 "
                         "PUBLIC_URL=http://本机局域网地址:8080</code></p>"
                   : "";
    res.set_header("Cache-Control", "no-cache");
    res.set_content(
        "<!doctype html><html lang=\"zh-Hans\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        "<title>数字政务门牌 · 演示</title><link rel=\"stylesheet\" href=\"/site.css\"></head><body><main class=\"wide\">"
        "<h1>数字政务门牌 · 演示县</h1><p>政务门牌先指路，群众办事少跑路。用手机扫屏幕上的门牌二维码，或点开一个门牌，"
        "看看扫码后居民手机上显示什么。坐席人员请进 <a href=\"/desk\">坐席控制台</a>。</p>" +
            hint + "<ul class=\"plates\">" + rows + "</ul></main></body></html>",
        "text/html; charset=utf-8");
}

// The page's doorplate answer, asked for with the page itself (a Link preload header): the app
// shell asks for exactly this URL (www/app-shell.js) while the wasm downloads. Asked for only by
// the shell's script, it queued behind the wasm on a slow network and came after the app's first
// frame, which then showed "loading" instead of the landing. Codes as the shell accepts them.
void preload_doorplate(const std::string& code, const httplib::Request& req, httplib::Response& res) {
    if (code.size() < 4 || code.size() > 16) return;
    for (char c : code)
        if (!std::isalnum(static_cast<unsigned char>(c))) return;
    std::string url = "/api/v1/doorplates/" + code;
    if (req.has_param("src")) url += "?src=" + url_encode(req.get_param_value("src"));
    res.set_header("Link", "<" + url + ">; rel=preload; as=fetch; crossorigin");
}

}  // namespace

void register_static_routes(Routes& server, App& app) {
    server.Get("/healthz", [](const httplib::Request&, httplib::Response& res) {
        send_json(res, {{"status", "ok"}});
    });
    server.Get("/", [&app](const httplib::Request&, httplib::Response& res) { demo_index(app, res); });
    // The resident app's shell for every page under a doorplate; the app reads the route from the URL.
    // The help pages (/d/<code>/help…, /d/<code>/requests…) are the help app: its own shell
    // (help.html, which preloads that app) when the web root has one.
    server.Get(R"(/d/([^/]+)(/.*)?)", [&app](const httplib::Request& req, httplib::Response& res) {
        const std::string rest = req.matches.size() > 2 ? req.matches[2].str() : "";
        auto under = [&rest](const std::string& dir) { return rest == dir || rest.rfind(dir + "/", 0) == 0; };
        fs::path file;
        if (under("/help") || under("/requests")) file = resolve_in_root(app.config.www_dir, "help.html");
        if (file.empty()) file = resolve_in_root(app.config.www_dir, "index.html");
        if (file.empty()) throw HttpError(500, "missing_web_root", "web root has no index.html: run make build");
        serve_file(file, req, res);
        preload_doorplate(req.matches[1].str(), req, res);
    });
    // The agent console's shell for /desk and every page under it (the app reads its route from the URL).
    server.Get(R"(/desk(/.*)?)", [&app](const httplib::Request& req, httplib::Response& res) {
        auto file = resolve_in_root(app.config.www_dir, "desk.html");
        if (file.empty()) throw HttpError(500, "missing_web_root", "web root has no desk.html: run make build");
        serve_file(file, req, res);
    });
    server.Get(R"(/(.+))", [&app](const httplib::Request& req, httplib::Response& res) {
        if (req.path.rfind("/api/", 0) == 0) throw HttpError(404, "not_found", "没有这个接口：" + req.path);
        auto file = resolve_in_root(app.config.www_dir, req.path);
        if (file.empty()) throw HttpError(404, "not_found", "找不到这个地址：" + req.path);
        serve_file(file, req, res);
    });
}

}  // namespace dp
