// A QR code of a web address, for printed pages: a reader's phone camera opens the page from the
// paper. Drawn as one SVG path, so the page needs no image file and prints sharp at any size.
#pragma once

#include <string>
#include <string_view>

namespace lotse {

struct QrCode {
    int modules = 0;   // modules per side of the symbol (21 for version 1, 4 more per version)
    int size = 0;      // the SVG's viewBox side: the modules and a quiet zone of 4 on each side
    std::string path;  // the dark modules as an SVG path in viewBox units, a rectangle per run in a row
};

// The smallest symbol that holds `text` with error correction level M (libqrencode); an empty
// QrCode if libqrencode cannot encode it (too long).
QrCode qr_code(std::string_view text);

}  // namespace lotse
