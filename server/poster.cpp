// Poster drawing with cairo (PDF, SVG and PNG surfaces) and the QR code from qr.hpp; the layout
// is designed on A4 in points and scaled for A5 and for 300-dpi PNG.
#include "poster.hpp"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <cairo.h>
#include <zlib.h>

#include <cmath>
#include <memory>
#include <stdexcept>

#include "qr.hpp"
#include "render_html.hpp"

namespace dp {

std::optional<PaperSize> paper_size_from_id(std::string_view id) {
    if (id == "a4") return PaperSize::a4;
    if (id == "a5") return PaperSize::a5;
    return std::nullopt;
}
const char* paper_size_id(PaperSize s) { return s == PaperSize::a4 ? "a4" : "a5"; }
const char* paper_size_label(PaperSize s) { return s == PaperSize::a4 ? "A4" : "A5"; }

namespace {

constexpr double kPtPerMm = 72.0 / 25.4;
constexpr double kDesignW = 210 * kPtPerMm;  // the layout is designed on A4 portrait
constexpr double kDesignH = 297 * kPtPerMm;
const char* kFont = "Noto Sans CJK SC";

struct PageSize {
    double w_pt, h_pt;
};
PageSize page_size(PaperSize s) {
    return s == PaperSize::a4 ? PageSize{210 * kPtPerMm, 297 * kPtPerMm} : PageSize{148 * kPtPerMm, 210 * kPtPerMm};
}

struct Rgb {
    double r, g, b;
};
constexpr Rgb kRed{0xc4 / 255.0, 0x1e / 255.0, 0x3a / 255.0};  // government red #c41e3a
constexpr Rgb kInk{0x1a / 255.0, 0x1a / 255.0, 0x1a / 255.0};
constexpr Rgb kGrey{0x55 / 255.0, 0x5b / 255.0, 0x66 / 255.0};
constexpr Rgb kRule{0xd9 / 255.0, 0xdc / 255.0, 0xe1 / 255.0};

void set_colour(cairo_t* cr, Rgb c) { cairo_set_source_rgb(cr, c.r, c.g, c.b); }

// Text centred on the design width with its baseline at y, shrunk to fit max_w.
void centred_text(cairo_t* cr, const std::string& text, double y, double size, bool bold, Rgb colour,
                  double max_w = kDesignW - 96) {
    cairo_select_font_face(cr, kFont, CAIRO_FONT_SLANT_NORMAL, bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, size);
    cairo_text_extents_t ext;
    cairo_text_extents(cr, text.c_str(), &ext);
    if (ext.x_advance > max_w) {
        cairo_set_font_size(cr, size * max_w / ext.x_advance);
        cairo_text_extents(cr, text.c_str(), &ext);
    }
    set_colour(cr, colour);
    cairo_move_to(cr, (kDesignW - ext.x_advance) / 2, y);
    cairo_show_text(cr, text.c_str());
}

// The QR code with its quiet zone filling the square at (x, y) of side `side`; dark runs of
// each row are one rectangle, filled without antialiasing so raster output stays crisp.
void draw_qr(cairo_t* cr, const qrcodegen::QrCode& qr, double x, double y, double side) {
    const int n = qr.getSize();
    const double m = side / (n + 2 * kQrQuietZone);
    cairo_save(cr);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_rectangle(cr, x, y, side, side);
    cairo_fill(cr);
    cairo_set_antialias(cr, CAIRO_ANTIALIAS_NONE);
    cairo_set_source_rgb(cr, 0, 0, 0);
    for (int row = 0; row < n; ++row)
        for (int col = 0; col < n;) {
            if (!qr.getModule(col, row)) {
                ++col;
                continue;
            }
            int run = 1;
            while (col + run < n && qr.getModule(col + run, row)) ++run;
            cairo_rectangle(cr, x + (col + kQrQuietZone) * m, y + (row + kQrQuietZone) * m, run * m, m);
            col += run;
        }
    cairo_fill(cr);
    cairo_restore(cr);
}

// Red corner marks just outside the QR's quiet zone: they frame the code without entering it.
void draw_corners(cairo_t* cr, double x, double y, double side) {
    const double gap = 10, len = 30;
    set_colour(cr, kRed);
    cairo_set_line_width(cr, 4);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_SQUARE);
    const double l = x - gap, t = y - gap, r = x + side + gap, b = y + side + gap;
    cairo_move_to(cr, l, t + len), cairo_line_to(cr, l, t), cairo_line_to(cr, l + len, t);
    cairo_move_to(cr, r - len, t), cairo_line_to(cr, r, t), cairo_line_to(cr, r, t + len);
    cairo_move_to(cr, r, b - len), cairo_line_to(cr, r, b), cairo_line_to(cr, r - len, b);
    cairo_move_to(cr, l + len, b), cairo_line_to(cr, l, b), cairo_line_to(cr, l, b - len);
    cairo_stroke(cr);
}

// One poster in design units (A4 points); the caller has scaled the context to the page.
void draw_poster(cairo_t* cr, const PosterContent& p) {
    const double W = kDesignW, H = kDesignH;
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    set_colour(cr, kRed);
    cairo_rectangle(cr, 0, 0, W, 14);
    cairo_rectangle(cr, 0, H - 14, W, 14);
    cairo_fill(cr);

    centred_text(cr, "数字政务门牌 · " + p.county, 58, 17, false, kRed);
    centred_text(cr, "扫码办事", 136, 52, true, kInk);

    const double side = 360, qx = (W - side) / 2, qy = 170;
    draw_qr(cr, make_qr(p.url), qx, qy, side);
    draw_corners(cr, qx, qy, side);
    centred_text(cr, "门牌码 " + p.code, qy + side + 38, 15, false, kGrey);

    centred_text(cr, p.locality, 628, 21, false, kGrey);
    centred_text(cr, p.street, 680, 40, true, kInk);

    set_colour(cr, kRed);
    cairo_rectangle(cr, (W - 56) / 2, 704, 56, 3);
    cairo_fill(cr);
    centred_text(cr, "政务门牌先指路，群众办事少跑路", 742, 23, false, kRed);

    set_colour(cr, kRule);
    cairo_set_line_width(cr, 0.8);
    cairo_move_to(cr, 72, 764), cairo_line_to(cr, W - 72, 764);
    cairo_stroke(cr);
    if (p.centre_phone.empty()) {
        centred_text(cr, "政务服务便民热线 12345", 798, 17, true, kInk);
    } else {
        centred_text(cr, "服务电话 " + p.centre_phone, 792, 17, true, kInk);
        centred_text(cr, p.centre_name, 812, 12, false, kGrey);
    }
}

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

using SurfacePtr = std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)>;
using ContextPtr = std::unique_ptr<cairo_t, decltype(&cairo_destroy)>;

void check(cairo_status_t status, const char* what) {
    if (status != CAIRO_STATUS_SUCCESS)
        throw std::runtime_error(std::string("poster ") + what + ": " + cairo_status_to_string(status));
}

// Draws each poster on its own page of `surface` (scaled by `scale` from design units).
void draw_pages(cairo_surface_t* surface, const std::vector<const PosterContent*>& posters, double scale) {
    ContextPtr cr(cairo_create(surface), cairo_destroy);
    for (const PosterContent* p : posters) {
        cairo_save(cr.get());
        cairo_scale(cr.get(), scale, scale);
        draw_poster(cr.get(), *p);
        cairo_restore(cr.get());
        cairo_show_page(cr.get());
        check(cairo_status(cr.get()), "drawing");
    }
}

std::string pdf(const std::vector<const PosterContent*>& posters, PaperSize size, const std::string& title) {
    const PageSize page = page_size(size);
    std::string out;
    SurfacePtr s(cairo_pdf_surface_create_for_stream(append_to_string, &out, page.w_pt, page.h_pt),
                 cairo_surface_destroy);
    cairo_pdf_surface_set_metadata(s.get(), CAIRO_PDF_METADATA_TITLE, title.c_str());
    cairo_pdf_surface_set_metadata(s.get(), CAIRO_PDF_METADATA_CREATOR, "Doorplate 数字政务门牌");
    draw_pages(s.get(), posters, page.w_pt / kDesignW);
    cairo_surface_finish(s.get());
    check(cairo_surface_status(s.get()), "pdf");
    return out;
}

std::string svg(const PosterContent& p, PaperSize size) {
    const PageSize page = page_size(size);
    std::string out;
    {
        SurfacePtr s(cairo_svg_surface_create_for_stream(append_to_string, &out, page.w_pt, page.h_pt),
                     cairo_surface_destroy);
        cairo_svg_surface_set_document_unit(s.get(), CAIRO_SVG_UNIT_PT);
        // Text is drawn as glyph outlines, so the SVG gets a <title> naming code and address.
        ContextPtr cr(cairo_create(s.get()), cairo_destroy);
        cairo_scale(cr.get(), page.w_pt / kDesignW, page.w_pt / kDesignW);
        draw_poster(cr.get(), p);
        check(cairo_status(cr.get()), "drawing");
        cr.reset();
        cairo_surface_finish(s.get());
        check(cairo_surface_status(s.get()), "svg");
    }
    const auto root = out.find("<svg");
    const auto root_end = root == std::string::npos ? root : out.find('>', root);
    if (root_end == std::string::npos) throw std::runtime_error("poster svg: cairo wrote no <svg> element");
    out.insert(root_end + 1, "\n<title>门牌码 " + html_escape(p.code) + " · " + html_escape(p.address()) +
                                 "</title>\n<desc>扫码办事 " + html_escape(p.url) + "</desc>");
    return out;
}

// cairo writes no resolution: insert a pHYs chunk (pixels per metre) after IHDR, so that
// printing and image software size the poster at 300 dpi.
void add_png_resolution(std::string& png, double dpi) {
    const std::size_t after_ihdr = 8 + 4 + 4 + 13 + 4;
    if (png.size() < after_ihdr || png.compare(12, 4, "IHDR") != 0) throw std::runtime_error("poster png: no IHDR");
    const auto ppm = static_cast<uint32_t>(std::lround(dpi / 0.0254));
    std::string chunk;
    auto be32 = [&chunk](uint32_t v) {
        for (int shift = 24; shift >= 0; shift -= 8) chunk += static_cast<char>((v >> shift) & 0xff);
    };
    be32(9);
    chunk += "pHYs";
    be32(ppm);
    be32(ppm);
    chunk += '\1';  // unit: metre
    be32(static_cast<uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(chunk.data() + 4), 13)));
    png.insert(after_ihdr, chunk);
}

std::string png(const PosterContent& p, PaperSize size) {
    const PageSize page = page_size(size);
    const double px_per_pt = kPosterPngDpi / 72.0;
    const int w = static_cast<int>(std::lround(page.w_pt * px_per_pt));
    const int h = static_cast<int>(std::lround(page.h_pt * px_per_pt));
    SurfacePtr s(cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h), cairo_surface_destroy);
    check(cairo_surface_status(s.get()), "png surface");
    draw_pages(s.get(), {&p}, page.w_pt / kDesignW * px_per_pt);
    std::string out;
    check(cairo_surface_write_to_png_stream(s.get(), append_to_string, &out), "png");
    add_png_resolution(out, kPosterPngDpi);
    return out;
}

}  // namespace

std::string render_poster(const PosterContent& poster, PaperSize size, PosterFormat format) {
    switch (format) {
        case PosterFormat::pdf: return pdf({&poster}, size, "门牌码 " + poster.code + " · " + poster.address());
        case PosterFormat::svg: return svg(poster, size);
        case PosterFormat::png: return png(poster, size);
    }
    throw std::logic_error("unknown poster format");
}

std::string render_posters_pdf(const std::vector<PosterContent>& posters, PaperSize size) {
    std::vector<const PosterContent*> pages;
    for (const auto& p : posters) pages.push_back(&p);
    const std::string title = posters.empty() ? "门牌二维码" : "门牌二维码 · " + posters.front().locality;
    return pdf(pages, size, title);
}

}  // namespace dp
