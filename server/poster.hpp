// Printable doorplate posters (门牌二维码海报): the layout drawn with cairo — QR code, address,
// "扫码办事", the slogan and the service-centre phone in Noto Sans CJK SC — as PDF, SVG or PNG.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dp {

enum class PaperSize : std::uint8_t { a4, a5 };  // ISO portrait: 210×297 mm, 148×210 mm
std::optional<PaperSize> paper_size_from_id(std::string_view id);  // "a4" | "a5"
const char* paper_size_id(PaperSize s);                             // "a4" | "a5"
const char* paper_size_label(PaperSize s);                          // "A4" | "A5"

enum class PosterFormat : std::uint8_t { pdf, svg, png };
constexpr double kPosterPngDpi = 300;

// What one poster shows. The address is printed in two lines, locality over street.
struct PosterContent {
    std::string code;          // H5GYFKJ (printed under the QR for typing in by hand)
    std::string county;        // 南安市 (the header: 数字政务门牌 · 南安市)
    std::string locality;      // 南安市溪美街道溪州社区
    std::string street;        // 成功街88号3幢
    std::string centre_name;   // 溪美街道便民服务中心 ("" if none)
    std::string centre_phone;  // 0595-86383000 ("" = the 12345 hotline is printed instead)
    std::string url;           // what the QR code encodes: <public base URL>/d/<code>?src=poster

    std::string address() const { return locality + street; }
};

// One poster in one format: a one-page PDF, an SVG of the same layout (sized in pt, with a
// <title> naming the code and address), or a PNG at 300 dpi. Throws std::runtime_error if
// cairo fails.
std::string render_poster(const PosterContent& poster, PaperSize size, PosterFormat format);
// The print shop's file: one PDF page per poster, in the given order.
std::string render_posters_pdf(const std::vector<PosterContent>& posters, PaperSize size);

}  // namespace dp
