// Test helpers for QR codes and posters: real decoders and renderers from Debian — zbarimg
// (zbar-tools), pdftoppm/pdftotext/pdfinfo/pdffonts (poppler-utils), rsvg-convert (librsvg2-bin).
#pragma once
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

namespace testing {

struct CommandResult {
    int status;
    std::string out;  // stdout only
};

// Runs `cmd` through sh; paths passed in must not contain single quotes.
inline CommandResult run_command(const std::string& cmd) {
    std::string out;
    FILE* p = popen((cmd + " 2>/dev/null").c_str(), "r");
    if (!p) return {-1, ""};
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
    int st = pclose(p);
    return {WIFEXITED(st) ? WEXITSTATUS(st) : -1, out};
}

inline std::string quoted(const std::filesystem::path& p) { return "'" + p.string() + "'"; }

inline void write_file(const std::filesystem::path& p, const std::string& body) {
    std::ofstream(p, std::ios::binary) << body;
}

// What zbarimg reads from an image: each symbol's text on its own line (trailing newline
// removed); "" when it finds nothing.
inline std::string decode_qr(const std::filesystem::path& image) {
    auto r = run_command("zbarimg --raw -q " + quoted(image));
    while (!r.out.empty() && (r.out.back() == '\n' || r.out.back() == '\r')) r.out.pop_back();
    return r.out;
}

// One page of a PDF rendered to PNG (poppler) at `dpi`.
inline std::filesystem::path pdf_page_png(const std::filesystem::path& pdf, int page, int dpi = 100) {
    const auto stem = pdf.parent_path() / (pdf.stem().string() + "-p" + std::to_string(page));
    run_command("pdftoppm -png -singlefile -r " + std::to_string(dpi) + " -f " + std::to_string(page) + " -l " +
                std::to_string(page) + " " + quoted(pdf) + " " + quoted(stem));
    return stem.string() + ".png";
}

// An SVG file rendered to PNG (librsvg).
inline std::filesystem::path svg_png(const std::filesystem::path& svg) {
    auto png = svg;
    png.replace_extension(".svg.png");
    run_command("rsvg-convert --background-color=white -o " + quoted(png) + " " + quoted(svg));
    return png;
}

// The text of a PDF (poppler's pdftotext) with all white space removed, so that text drawn
// on several lines can be searched as one string.
inline std::string pdf_text(const std::filesystem::path& pdf) {
    std::string text = run_command("pdftotext -enc UTF-8 " + quoted(pdf) + " -").out, compact;
    for (char c : text)
        if (c != ' ' && c != '\n' && c != '\r' && c != '\t' && c != '\f') compact += c;
    return compact;
}

// A line of `pdfinfo` output, e.g. pdf_info(p, "Pages") == "3"; "" if absent.
inline std::string pdf_info(const std::filesystem::path& pdf, const std::string& key) {
    const std::string out = run_command("pdfinfo " + quoted(pdf)).out;
    const auto at = out.find("\n" + key + ":");
    const auto start = at == std::string::npos ? (out.rfind(key + ":", 0) == 0 ? 0 : std::string::npos) : at + 1;
    if (start == std::string::npos) return "";
    auto value = out.find_first_not_of(' ', start + key.size() + 1);
    return out.substr(value, out.find('\n', value) - value);
}

// Width and height of a PNG from its IHDR chunk; {0, 0} if it is not a PNG.
inline std::pair<unsigned, unsigned> png_size(const std::string& png) {
    if (png.size() < 24 || png.compare(1, 3, "PNG") != 0) return {0, 0};
    auto be32 = [&](size_t at) {
        return (unsigned(static_cast<unsigned char>(png[at])) << 24) | (unsigned(static_cast<unsigned char>(png[at + 1])) << 16) |
               (unsigned(static_cast<unsigned char>(png[at + 2])) << 8) | unsigned(static_cast<unsigned char>(png[at + 3]));
    };
    return {be32(16), be32(20)};
}

// The resolution a PNG declares in its pHYs chunk, in dots per inch (0 if none).
inline double png_dpi(const std::string& png) {
    const auto at = png.find("pHYs");
    if (at == std::string::npos || at + 13 > png.size() || png[at + 12] != 1) return 0;
    unsigned ppm = 0;
    for (size_t i = 0; i < 4; ++i) ppm = (ppm << 8) | static_cast<unsigned char>(png[at + 4 + i]);
    return ppm * 0.0254;
}

}  // namespace testing
