// QR code encoding (libqrcodegencpp) and its SVG drawing (see qr.hpp).
#include "qr.hpp"

#include "render_html.hpp"

namespace dp {

qrcodegen::QrCode make_qr(const std::string& text) {
    return qrcodegen::QrCode::encodeText(text.c_str(), qrcodegen::QrCode::Ecc::HIGH);
}

std::string qr_svg(const qrcodegen::QrCode& qr, int px, const std::string& css_class, const std::string& title) {
    const int n = qr.getSize() + 2 * kQrQuietZone;
    std::string path;
    for (int y = 0; y < qr.getSize(); ++y)
        for (int x = 0; x < qr.getSize();) {
            if (!qr.getModule(x, y)) {
                ++x;
                continue;
            }
            int run = 1;
            while (x + run < qr.getSize() && qr.getModule(x + run, y)) ++run;
            path += "M" + std::to_string(x + kQrQuietZone) + " " + std::to_string(y + kQrQuietZone) + "h" +
                    std::to_string(run) + "v1h-" + std::to_string(run) + "z";
            x += run;
        }
    const std::string size = std::to_string(px), box = std::to_string(n);
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"" + html_escape(css_class) + "\" width=\"" + size +
           "\" height=\"" + size + "\" viewBox=\"0 0 " + box + " " + box +
           "\" shape-rendering=\"crispEdges\" role=\"img\"><title>" + html_escape(title) +
           "</title><rect width=\"" + box + "\" height=\"" + box + "\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path +
           "\"/></svg>";
}

}  // namespace dp
