#include "render/break_points.h"

namespace lotse {

std::string address_html(std::string_view address) {
    std::string out;
    out.reserve(address.size() * 2);
    for (std::size_t i = 0; i < address.size(); ++i) {
        const char c = address[i];
        const bool first = i == 0;
        if (!first && std::string_view(".@?#&=").find(c) != std::string_view::npos) out += "<wbr>";
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
        const bool last = i + 1 == address.size();
        if (c == '/' && !last && address[i + 1] != '/') out += "<wbr>";
    }
    return out;
}

}  // namespace lotse
