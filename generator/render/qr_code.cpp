#include "render/qr_code.h"

#include <memory>

#include <qrencode.h>

namespace lotse {

namespace {
constexpr int kQuietZone = 4;  // modules of light margin the standard asks for around a symbol
}  // namespace

QrCode qr_code(std::string_view text) {
    const std::string data(text);
    // Case-sensitive 8-bit mode: a URL's path may not be upper-cased.
    const std::unique_ptr<QRcode, decltype(&QRcode_free)> code(QRcode_encodeString(data.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1),
                                                              &QRcode_free);
    if (!code) return {};
    QrCode out;
    out.modules = code->width;
    out.size = code->width + 2 * kQuietZone;
    // Each run of dark modules in a row is one rectangle: a fraction of the path a square per
    // module would take.
    for (int y = 0; y < code->width; ++y) {
        for (int x = 0; x < code->width;) {
            auto dark = [&](int col) { return (code->data[y * code->width + col] & 1) != 0; };
            if (!dark(x)) {
                ++x;
                continue;
            }
            int run = 0;
            while (x + run < code->width && dark(x + run)) ++run;
            out.path += "M" + std::to_string(x + kQuietZone) + " " + std::to_string(y + kQuietZone) + "h" + std::to_string(run) +
                        "v1h-" + std::to_string(run) + "z";
            x += run;
        }
    }
    return out;
}

}  // namespace lotse
