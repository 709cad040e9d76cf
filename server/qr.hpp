// QR codes for doorplate links (libqrcodegencpp): the code itself at error correction level H,
// and its SVG drawing with the 4-module quiet zone (demo page; the posters draw it with cairo).
#pragma once
#include <qrcodegen/qrcodegen.hpp>

#include <string>

namespace dp {

// Modules of white around the symbol that scanners need (ISO/IEC 18004).
constexpr int kQrQuietZone = 4;

// The QR code of `text` at error correction level H (about 30% damage tolerated), which
// keeps doorplate links small enough for a version 5–7 symbol.
qrcodegen::QrCode make_qr(const std::string& text);

// A standalone <svg> (with xmlns, so it also works as a file) drawing `qr` with its quiet
// zone: one path of dark runs, viewBox in modules, crisp edges. `px` sets width and height;
// `title` (escaped) becomes its <title> for screen readers.
std::string qr_svg(const qrcodegen::QrCode& qr, int px, const std::string& css_class, const std::string& title);

}  // namespace dp
