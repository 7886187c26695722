#include "i18n/patch_text.h"

#include <algorithm>

namespace lotse::patch {

std::string_view line_end_of(std::string_view text) {
    const auto lf = text.find('\n');
    return lf != std::string_view::npos && lf > 0 && text[lf - 1] == '\r' ? "\r\n" : "\n";
}

std::string with_line_end(std::string_view text, std::string_view line_end) {
    if (line_end == "\n") return std::string(text);
    std::string out;
    out.reserve(text.size() + text.size() / 16);
    for (char c : text) {
        if (c == '\n')
            out += line_end;
        else
            out += c;
    }
    return out;
}

PatchError error_at(std::string_view text, std::size_t offset, std::string message, int line_offset) {
    offset = std::min(offset, text.size());
    const std::string_view before = text.substr(0, offset);
    const auto line_start = before.rfind('\n') == std::string_view::npos ? 0 : before.rfind('\n') + 1;
    // A character is counted at its first byte; UTF-8's continuation bytes are 10xxxxxx.
    const auto characters = std::count_if(before.begin() + static_cast<std::ptrdiff_t>(line_start), before.end(),
                                          [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
    return {std::move(message), static_cast<int>(std::count(before.begin(), before.end(), '\n')) + 1 + line_offset,
            static_cast<int>(characters) + 1};
}

std::string spliced(std::string_view text, std::size_t begin, std::size_t end, std::string_view insert) {
    std::string out;
    out.reserve(text.size() - (end - begin) + insert.size());
    out.append(text.substr(0, begin)).append(insert).append(text.substr(end));
    return out;
}

std::string in_quotes(std::string_view text) {
    std::string out = "\"";
    out.append(text).append("\"");
    return out;
}

}  // namespace lotse::patch
