// /api/v1/doorplates/<code>/poster.{svg,png,pdf} and /api/v1/areas/<village>/posters.pdf: the
// printable QR posters for supervisors, and the same village batch for the --posters CLI.
#include <fstream>

#include "app.hpp"
#include "auth.hpp"
#include "doorplate.hpp"
#include "http_util.hpp"
#include "poster.hpp"
#include "url.hpp"

namespace dp {
namespace {

const char* kPosterColumns = "SELECT code, town_id, county, town, village, road, number, building, lat, lng FROM doorplates ";

PaperSize size_param(const httplib::Request& req) {
    if (!req.has_param("size")) return PaperSize::a4;
    std::string v = req.get_param_value("size");
    for (char& c : v) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    if (auto s = paper_size_from_id(v)) return *s;
    throw HttpError(400, "bad_size", "纸张尺寸只能是 a4 或 a5，不是 " + req.get_param_value("size"));
}

// The doorplate's town service centre (its own 便民服务中心 — named after the town — rather than
// a county hall in the same town), else any centre of the town, else the nearest one.
const ServicePoint* service_centre(const App& app, const std::string& town_id, const std::string& town, LatLng at) {
    const ServicePoint* any_of_town = nullptr;
    for (const auto& p : app.places.points()) {
        if (p.type != ServicePointType::service_centre || p.area_id != town_id) continue;
        if (p.name.rfind(town, 0) == 0) return &p;
        if (!any_of_town) any_of_town = &p;
    }
    if (any_of_town) return any_of_town;
    PlaceQuery q;
    q.type = ServicePointType::service_centre;
    for (const auto& hit : app.places.nearest(at, 1, q)) return &app.places.points()[hit.index];
    return nullptr;
}

PosterContent poster_from_row(const App& app, const Stmt& s) {
    PosterContent p;
    p.code = s.text(0);
    p.county = s.text(2);
    p.locality = s.text(2) + s.text(3) + s.text(4);
    p.street = s.text(5) + s.text(6) + s.text(7);
    p.url = public_base_url(app) + "/d/" + p.code + "?src=poster";
    if (const ServicePoint* centre = service_centre(app, s.text(1), s.text(3), {s.real(8), s.real(9)})) {
        p.centre_name = centre->name;
        p.centre_phone = centre->phone;
    }
    return p;
}

PosterContent doorplate_poster(App& app, const std::string& code) {
    if (!is_plausible_doorplate_code(code))
        throw HttpError(400, "bad_doorplate_code", "门牌码格式不对：应为4到16位大写字母或数字");
    if (!doorplate_code_has_valid_check(code))
        throw HttpError(400, "bad_check_character",
                        "门牌码 " + code + " 的校验位不对：可能抄错或印损了一位，请核对门牌上的号码");
    auto lock = app.db.lock();
    Stmt q(app.db, (std::string(kPosterColumns) + "WHERE code = ?").c_str());
    q.bind(1, code);
    if (!q.step()) throw HttpError(404, "doorplate_not_found", "没有找到门牌码 " + code);
    return poster_from_row(app, q);
}

struct VillagePosters {
    std::string name;  // 溪州社区
    std::vector<PosterContent> posters;
};

VillagePosters village_posters(App& app, const std::string& village_id) {
    auto lock = app.db.lock();
    Stmt a(app.db, "SELECT name, kind FROM areas WHERE id = ?");
    a.bind(1, village_id);
    if (!a.step()) throw HttpError(404, "area_not_found", "没有找到村（社区）" + village_id);
    if (a.text(1) != "village" && a.text(1) != "community")
        throw HttpError(400, "not_a_village", village_id + "（" + a.text(0) + "）不是村或社区：批量海报按村（社区）打印");
    VillagePosters out{a.text(0), {}};
    Stmt q(app.db, (std::string(kPosterColumns) +
                    "WHERE area_id = ? ORDER BY road, CAST(number AS INTEGER), number, building, code")
                       .c_str());
    q.bind(1, village_id);
    while (q.step()) out.posters.push_back(poster_from_row(app, q));
    if (out.posters.empty()) throw HttpError(404, "no_doorplates", out.name + " 还没有门牌");
    return out;
}

// A file name safe on every system: no path separators or reserved characters.
std::string safe_file_name(std::string name) {
    for (char& c : name)
        if (std::string_view("/\\:*?\"<>|").find(c) != std::string_view::npos || static_cast<unsigned char>(c) < 0x20)
            c = '_';
    return name;
}

// Content-Disposition with an ASCII fallback and the UTF-8 name (RFC 6266 / RFC 5987).
void send_file(httplib::Response& res, std::string body, const char* type, const std::string& ascii_name,
               const std::string& utf8_name) {
    res.set_header("Content-Disposition", "inline; filename=\"" + ascii_name + "\"; filename*=UTF-8''" +
                                              url_encode(safe_file_name(utf8_name)));
    res.set_header("Cache-Control", "private, no-cache");
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_content(std::move(body), type);
}

void get_poster(App& app, const httplib::Request& req, httplib::Response& res) {
    const std::string code = req.matches[1], ext = req.matches[2];
    const PaperSize size = size_param(req);
    const PosterContent poster = doorplate_poster(app, code);
    const PosterFormat format = ext == "pdf" ? PosterFormat::pdf : ext == "svg" ? PosterFormat::svg : PosterFormat::png;
    const char* type = ext == "pdf" ? "application/pdf" : ext == "svg" ? "image/svg+xml" : "image/png";
    const std::string suffix = std::string("-") + paper_size_id(size) + "." + ext;
    send_file(res, render_poster(poster, size, format), type, "doorplate-" + code + suffix,
              "门牌码" + code + "-" + poster.address() + "-" + paper_size_label(size) + "." + ext);
}

void get_village_posters(App& app, const httplib::Request& req, httplib::Response& res) {
    const std::string village_id = req.matches[1];
    const PaperSize size = size_param(req);
    VillagePosters v = village_posters(app, village_id);
    send_file(res, render_posters_pdf(v.posters, size), "application/pdf",
              "doorplate-posters-" + safe_file_name(village_id) + "-" + paper_size_id(size) + ".pdf",
              "门牌二维码-" + v.name + "-" + std::to_string(v.posters.size()) + "张-" + paper_size_label(size) + ".pdf");
}

}  // namespace

std::string public_base_url(const App& app) {
    std::string base = app.config.public_base_url.empty()
                           ? "http://" + app.config.host + ":" + std::to_string(app.config.port)
                           : app.config.public_base_url;
    while (!base.empty() && base.back() == '/') base.pop_back();
    return base;
}

int write_village_posters(App& app, const std::string& village_id, const std::string& size, const std::string& out_path) {
    const auto paper = paper_size_from_id(size);
    if (!paper) throw HttpError(400, "bad_size", "--size must be a4 or a5, not " + size);
    VillagePosters v = village_posters(app, village_id);
    const std::string pdf = render_posters_pdf(v.posters, *paper);
    std::ofstream out(out_path, std::ios::binary | std::ios::trunc);
    if (!out.write(pdf.data(), static_cast<std::streamsize>(pdf.size())) || !out.flush())
        throw std::runtime_error("cannot write " + out_path);
    return static_cast<int>(v.posters.size());
}

void register_poster_routes(Routes& server, App& app) {
    server.Get(R"(/api/v1/doorplates/([^/]+)/poster\.(svg|png|pdf))",
               [&app](const httplib::Request& req, httplib::Response& res) {
                   require_user(req, app, {Role::supervisor, Role::admin});  // print files are for supervisors
                   get_poster(app, req, res);
               });
    server.Get(R"(/api/v1/areas/([^/]+)/posters\.pdf)", [&app](const httplib::Request& req, httplib::Response& res) {
        require_user(req, app, {Role::supervisor, Role::admin});
        get_village_posters(app, req, res);
    });
}

}  // namespace dp
