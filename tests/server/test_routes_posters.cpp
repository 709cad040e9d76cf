// Integration tests of the poster endpoints and the --posters CLI: real server, real cairo
// output read back by real decoders (zbarimg) and poppler/librsvg tools.
#include <cairo.h>
#include <doctest/doctest.h>

#include <algorithm>
#include <cstring>
#include <nlohmann/json.hpp>

#include "doorplate.hpp"
#include "poster_tools.hpp"
#include "auth_fixtures.hpp"
#include "server_process.hpp"
#include "url.hpp"

using nlohmann::json;
namespace fs = std::filesystem;

namespace {

const std::string kPublicUrl = "http://192.168.1.20:8080";

// One demo server for the whole file (starting one loads the demo county).
testing::ServerProcess& server() {
    static testing::ServerProcess s({"--demo", "--public-url", kPublicUrl + "/"});
    return s;
}

struct Sample {
    std::string code, area_id, town_id, town, address;
    double lat, lng;
};
Sample sample_doorplate() {
    auto d = json::parse(server().client().Get("/api/v1/doorplates?limit=1")->body)["doorplates"][0];
    return {d["code"], d["area_id"], d["town_id"], d["address"]["town"], d["address"]["full"], d["location"]["lat"], d["location"]["lng"]};
}

struct TempDir {
    fs::path path = testing::make_temp_dir("doorplate-posters-");
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

// Posters are for supervisors: the demo supervisor's bearer token, logged in once.
const httplib::Headers& supervisor() {
    static const httplib::Headers h = [] {
        auto c = server().client();
        return testing::bearer(testing::login(c, testing::kSupervisor, testing::kSupervisorPassword));
    }();
    return h;
}
httplib::Result get(const std::string& path) { return server().client().Get(path.c_str(), supervisor()); }

// Share of non-white pixels in a horizontal band of a PNG (fractions of its height).
double ink_in_band(const std::string& png, double top, double bottom) {
    struct Reader {
        const std::string& data;
        size_t at = 0;
    } reader{png};
    cairo_surface_t* s = cairo_image_surface_create_from_png_stream(
        [](void* closure, unsigned char* out, unsigned int n) {
            auto* r = static_cast<Reader*>(closure);
            if (r->at + n > r->data.size()) return CAIRO_STATUS_READ_ERROR;
            std::memcpy(out, r->data.data() + r->at, n);
            r->at += n;
            return CAIRO_STATUS_SUCCESS;
        },
        &reader);
    double share = 0;
    if (cairo_surface_status(s) == CAIRO_STATUS_SUCCESS) {
        cairo_surface_flush(s);
        const int w = cairo_image_surface_get_width(s), h = cairo_image_surface_get_height(s);
        const int stride = cairo_image_surface_get_stride(s);
        const unsigned char* px = cairo_image_surface_get_data(s);
        long ink = 0, total = 0;
        for (int y = static_cast<int>(top * h); y < static_cast<int>(bottom * h); ++y)
            for (int x = 0; x < w; ++x, ++total) {
                uint32_t v;
                std::memcpy(&v, px + y * stride + x * 4, 4);
                if ((v & 0xffffff) != 0xffffff) ++ink;
            }
        share = total ? double(ink) / double(total) : 0;
    }
    cairo_surface_destroy(s);
    return share;
}

}  // namespace

TEST_CASE("a PNG poster is a 300-dpi A4 page whose QR decodes to exactly the public poster URL") {
    const Sample d = sample_doorplate();
    auto res = get("/api/v1/doorplates/" + d.code + "/poster.png");
    REQUIRE(res);
    REQUIRE(res->status == 200);
    CHECK(res->get_header_value("Content-Type") == "image/png");
    CHECK(testing::png_size(res->body) == std::pair<unsigned, unsigned>{2480, 3508});
    CHECK(testing::png_dpi(res->body) == doctest::Approx(300).epsilon(0.001));
    TempDir tmp;
    testing::write_file(tmp.path / "p.png", res->body);
    CHECK(testing::decode_qr(tmp.path / "p.png") == kPublicUrl + "/d/" + d.code + "?src=poster");
    // The address lines under the QR and the slogan are drawn (not blank), the margins stay white.
    CHECK(ink_in_band(res->body, 0.72, 0.82) > 0.01);
    CHECK(ink_in_band(res->body, 0.86, 0.89) > 0.005);
    CHECK(ink_in_band(res->body, 0.02, 0.05) == 0);
    MESSAGE("PNG poster: " << res->body.size() << " bytes");
}

TEST_CASE("an A5 PNG poster is 1748 by 2480 pixels and still decodes") {
    const Sample d = sample_doorplate();
    auto res = get("/api/v1/doorplates/" + d.code + "/poster.png?size=a5");
    REQUIRE(res);
    CHECK(testing::png_size(res->body) == std::pair<unsigned, unsigned>{1748, 2480});
    TempDir tmp;
    testing::write_file(tmp.path / "p.png", res->body);
    CHECK(testing::decode_qr(tmp.path / "p.png") == kPublicUrl + "/d/" + d.code + "?src=poster");
}

TEST_CASE("a PDF poster is one A4 or A5 page with the QR, the address and the phone in Noto Sans CJK") {
    const Sample d = sample_doorplate();
    // The town's own service centre (溪美街道便民服务中心, not the county hall in the same town)
    // and its phone, as the places API reports them.
    auto places = json::parse(get("/api/v1/places?type=service_centre&limit=50&lat=" + std::to_string(d.lat) +
                                  "&lng=" + std::to_string(d.lng))->body)["places"];
    std::string phone, centre;
    for (const auto& p : places)
        if (p["area_id"] == d.town_id && p["name"].get<std::string>().rfind(d.town, 0) == 0) {
            phone = p["phone"];
            centre = p["name"];
        }
    REQUIRE(!phone.empty());
    TempDir tmp;
    for (auto [size, page_size] : {std::pair<std::string, std::string>{"a4", "595.276 x 841.89 pts"},
                                  {"a5", "419.528 x 595.276 pts"}}) {
        CAPTURE(size);
        auto res = get("/api/v1/doorplates/" + d.code + "/poster.pdf?size=" + size);
        REQUIRE(res);
        REQUIRE(res->status == 200);
        CHECK(res->get_header_value("Content-Type") == "application/pdf");
        const fs::path pdf = tmp.path / (size + ".pdf");
        testing::write_file(pdf, res->body);
        CHECK(testing::pdf_info(pdf, "Pages") == "1");
        CHECK(testing::pdf_info(pdf, "Page size").rfind(page_size, 0) == 0);  // "(A4)" may follow
        CHECK(testing::decode_qr(testing::pdf_page_png(pdf, 1)) == kPublicUrl + "/d/" + d.code + "?src=poster");
        const std::string text = testing::pdf_text(pdf);
        CHECK(text.find(d.address) != std::string::npos);
        CHECK(text.find("扫码办事") != std::string::npos);
        CHECK(text.find("政务门牌先指路，群众办事少跑路") != std::string::npos);
        CHECK(text.find("数字政务门牌·南安市") != std::string::npos);
        CHECK(text.find("服务电话" + phone + centre) != std::string::npos);
        CHECK(text.find(d.code) != std::string::npos);
        CHECK(testing::run_command("pdffonts " + testing::quoted(pdf)).out.find("NotoSansCJK") != std::string::npos);
        MESSAGE(size << " PDF poster: " << res->body.size() << " bytes");
    }
}

TEST_CASE("an SVG poster has the A4 layout, names its code and address, and decodes once rendered") {
    const Sample d = sample_doorplate();
    auto res = get("/api/v1/doorplates/" + d.code + "/poster.svg");
    REQUIRE(res);
    REQUIRE(res->status == 200);
    CHECK(res->get_header_value("Content-Type") == "image/svg+xml");
    CHECK(res->body.find("width=\"595.275591pt\"") != std::string::npos);
    CHECK(res->body.find("<title>门牌码 " + d.code + " · " + d.address + "</title>") != std::string::npos);
    TempDir tmp;
    testing::write_file(tmp.path / "p.svg", res->body);
    CHECK(testing::decode_qr(testing::svg_png(tmp.path / "p.svg")) == kPublicUrl + "/d/" + d.code + "?src=poster");
    auto a5 = get("/api/v1/doorplates/" + d.code + "/poster.svg?size=a5");
    CHECK(a5->body.find("width=\"419.527559pt\"") != std::string::npos);
    MESSAGE("SVG poster: " << res->body.size() << " bytes");
}

TEST_CASE("a poster's file name carries the code and address in UTF-8 with an ASCII fallback") {
    const Sample d = sample_doorplate();
    auto res = get("/api/v1/doorplates/" + d.code + "/poster.pdf?size=a5");
    REQUIRE(res);
    const std::string cd = res->get_header_value("Content-Disposition");
    CHECK(cd.find("filename=\"doorplate-" + d.code + "-a5.pdf\"") != std::string::npos);
    const auto star = cd.find("filename*=UTF-8''");
    REQUIRE(star != std::string::npos);
    CHECK(dp::url_decode(cd.substr(star + 17)) == "门牌码" + d.code + "-" + d.address + "-A5.pdf");
}

TEST_CASE("a village's batch PDF has one page per doorplate of the village, each decoding to its own code") {
    const Sample d = sample_doorplate();
    std::vector<std::string> codes;
    const json listing = json::parse(get("/api/v1/doorplates?limit=500")->body);
    for (const auto& p : listing["doorplates"])
        if (p["area_id"] == d.area_id) codes.push_back(p["code"]);
    REQUIRE(codes.size() > 1);
    auto res = get("/api/v1/areas/" + d.area_id + "/posters.pdf?size=a5");
    REQUIRE(res);
    REQUIRE(res->status == 200);
    TempDir tmp;
    const fs::path pdf = tmp.path / "village.pdf";
    testing::write_file(pdf, res->body);
    CHECK(testing::pdf_info(pdf, "Pages") == std::to_string(codes.size()));
    CHECK(testing::pdf_info(pdf, "Page size").rfind("419.528 x 595.276 pts", 0) == 0);
    const std::string last = testing::decode_qr(testing::pdf_page_png(pdf, static_cast<int>(codes.size())));
    CHECK(last.rfind(kPublicUrl + "/d/", 0) == 0);
    CHECK(std::find(codes.begin(), codes.end(), last.substr(kPublicUrl.size() + 3, 7)) != codes.end());
    CHECK(res->get_header_value("Content-Disposition").find("filename*=UTF-8''") != std::string::npos);
    MESSAGE("village " << d.area_id << ": " << codes.size() << " pages, " << res->body.size() << " bytes");
}

TEST_CASE("bad poster requests get JSON errors: unknown code, damaged check character, bad size, unknown village") {
    const Sample d = sample_doorplate();
    auto error_of = [](const httplib::Result& r) { return json::parse(r->body)["error"]; };
    auto absent = get("/api/v1/doorplates/" + dp::make_doorplate_code(7) + "/poster.pdf");
    CHECK(absent->status == 404);
    CHECK(error_of(absent)["code"] == "doorplate_not_found");
    std::string typo = d.code;
    typo[3] = typo[3] == 'A' ? 'B' : 'A';
    auto damaged = get("/api/v1/doorplates/" + typo + "/poster.png");
    CHECK(damaged->status == 400);
    CHECK(error_of(damaged)["code"] == "bad_check_character");
    CHECK(error_of(damaged)["message"].get<std::string>().find("校验位") != std::string::npos);
    auto malformed = get("/api/v1/doorplates/not-a-code/poster.svg");
    CHECK(malformed->status == 400);
    auto size = get("/api/v1/doorplates/" + d.code + "/poster.pdf?size=a3");
    CHECK(size->status == 400);
    CHECK(error_of(size)["code"] == "bad_size");
    auto batch_size = get("/api/v1/areas/" + d.area_id + "/posters.pdf?size=letter");
    CHECK(batch_size->status == 400);
    auto village = get("/api/v1/areas/350583-999-999/posters.pdf");
    CHECK(village->status == 404);
    CHECK(error_of(village)["code"] == "area_not_found");
    auto town = get("/api/v1/areas/" + d.town_id + "/posters.pdf");
    CHECK(town->status == 400);
    CHECK(error_of(town)["code"] == "not_a_village");
}

TEST_CASE("the --posters command writes the village's print file without serving and names the file and pages") {
    const Sample d = sample_doorplate();
    TempDir tmp;
    const std::string out = (tmp.path / "print.pdf").string();
    auto [status, text] = testing::run_server_command(
        {"--db", (tmp.path / "cli.db").string(), "--demo", "--demo-data", DP_DEMO_DIR, "--assets",
         std::string(DP_SOURCE_DIR) + "/assets", "--log-level", "warn", "--public-url", kPublicUrl, "--posters",
         d.area_id, "--size", "a4", "--out", out});
    CHECK(status == 0);
    CHECK(text.find("Wrote " + out) != std::string::npos);
    const std::string pages = testing::pdf_info(out, "Pages");
    CHECK(text.find(": " + pages + " pages") != std::string::npos);
    CHECK(testing::pdf_info(out, "Page size").rfind("595.276 x 841.89 pts", 0) == 0);
    CHECK(testing::decode_qr(testing::pdf_page_png(out, 1)).rfind(kPublicUrl + "/d/", 0) == 0);

    auto [bad_status, bad_text] = testing::run_server_command(
        {"--db", (tmp.path / "cli.db").string(), "--posters", "350583-999-999", "--out", out});
    CHECK(bad_status == 1);
    CHECK(bad_text.find("没有找到村（社区）350583-999-999") != std::string::npos);
    auto [size_status, size_text] = testing::run_server_command(
        {"--db", (tmp.path / "cli.db").string(), "--posters", d.area_id, "--size", "a3", "--out", out});
    CHECK(size_status == 1);
    CHECK(size_text.find("--size must be a4 or a5") != std::string::npos);
    auto [no_out, no_out_text] = testing::run_server_command({"--posters", d.area_id});
    CHECK(no_out == 2);
    CHECK(no_out_text.find("--posters needs --out") != std::string::npos);
}

TEST_CASE("posters are only for supervisors and admins") {
    const auto d = sample_doorplate();
    const std::string path = "/api/v1/doorplates/" + d.code + "/poster.svg";
    auto c = server().client();
    CHECK(c.Get(path.c_str())->status == 401);
    const auto agent = testing::bearer(testing::login(c, testing::kXimeiAgent, testing::kXimeiPassword));
    CHECK(c.Get(path.c_str(), agent)->status == 403);
    CHECK(c.Get(("/api/v1/areas/" + d.area_id + "/posters.pdf").c_str(), agent)->status == 403);
    CHECK(c.Get(path.c_str(), supervisor())->status == 200);
}
