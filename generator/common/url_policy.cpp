#include "common/url_policy.h"

#include <algorithm>
#include <cstdio>

namespace lotse {

namespace {

bool is_ascii_alnum(unsigned char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

// Columns in messages count characters, not bytes, as editors do.
std::string character_at(std::string_view s, std::size_t byte) {
    const auto n = std::count_if(s.begin(), s.begin() + static_cast<std::ptrdiff_t>(byte),
                                 [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
    return "character " + std::to_string(n + 1);
}

// The whole character (all its UTF-8 bytes) that starts at `byte`.
std::string_view character(std::string_view s, std::size_t byte) {
    std::size_t end = byte + 1;
    while (end < s.size() && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) ++end;
    return s.substr(byte, end - byte);
}

std::string cannot_hold(std::string_view s, std::size_t byte) {
    return "cannot hold the " + std::string(character(s, byte)) + " at " + character_at(s, byte);
}

// The value in quotes, with invisible characters written out so that the message shows them.
std::string shown(std::string_view s) {
    std::string out = "\"";
    for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == '\t') out += "\\t";
        else if (c == '\n') out += "\\n";
        else if (c == '\r') out += "\\r";
        else if (c < 0x20 || c == 0x7F) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04X", c);
            out += buf;
        } else {
            out += ch;
        }
    }
    return out + '"';
}

// Browsers drop tabs and line breaks inside an address and skip leading control characters, so
// "java\tscript:" runs as "javascript:"; none of them belongs in an address anyway.
std::optional<std::string> invisible(std::string_view s, bool spaces_allowed) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c == ' ' && !spaces_allowed) return "has a space at " + character_at(s, i);
        if (c == '\t') return "has a tab at " + character_at(s, i);
        if (c == '\n' || c == '\r') return "has a line break at " + character_at(s, i);
        if (c < 0x20 || c == 0x7F) {
            char code[8];
            std::snprintf(code, sizeof code, "U+%04X", c);
            return "has a control character (" + std::string(code) + ") at " + character_at(s, i);
        }
    }
    return std::nullopt;
}

// Characters that end an HTML attribute or a URL in some reader (", <, >, `), and the backslash
// that browsers read as a slash.
std::optional<std::string> breaking(std::string_view s, std::size_t from) {
    const std::size_t at = s.find_first_of("\"<>`\\", from);
    if (at == std::string_view::npos) return std::nullopt;
    return cannot_hold(s, at);
}

// The scheme as written, with its colon ("javascript:"); empty if the value does not start with one.
std::string_view scheme_of(std::string_view s) {
    const std::size_t colon = s.find(':');
    if (colon == 0 || colon == std::string_view::npos) return {};
    if (s.substr(0, colon).find_first_of("/?#") != std::string_view::npos) return {};
    return s.substr(0, colon + 1);
}

std::optional<std::string> web(std::string_view s) {
    const std::string_view scheme = scheme_of(s);
    if (scheme.empty()) return "does not start with https:// or http://";
    const std::string name = lower(scheme);
    if (name != "https:" && name != "http:") return "starts with \"" + std::string(scheme) + "\"";
    if (auto problem = breaking(s, 0)) return problem;
    const std::string_view rest = s.substr(scheme.size());
    const std::string_view authority = rest.starts_with("//") ? rest.substr(2, rest.find_first_of("/?#", 2) - 2) : "";
    if (authority.empty()) return "has no server name after \"" + name + "//\"";
    // https://bank.example@evil.example/ leads to evil.example.
    if (const std::size_t at = authority.rfind('@'); at != std::string_view::npos)
        return "names a user before the server (\"" + std::string(authority.substr(0, at + 1)) +
               "\"), which disguises where the link leads";
    return std::nullopt;
}

// Letters, digits, . _ + - and @ (and any letter beyond ASCII): enough for the addresses people
// have, and nothing that reads as a mailto: parameter (?cc=, &body=) or ends the attribute.
std::optional<std::string> email(std::string_view s, std::size_t from, bool parameters_allowed) {
    std::string_view address = s.substr(0, parameters_allowed ? s.find('?', from) : std::string_view::npos);
    for (std::size_t i = from; i < address.size(); ++i) {
        const auto c = static_cast<unsigned char>(address[i]);
        if (!is_ascii_alnum(c) && c < 0x80 && c != '.' && c != '_' && c != '+' && c != '-' && c != '@')
            return cannot_hold(s, i);
    }
    if (auto problem = breaking(s, address.size())) return problem;
    address.remove_prefix(from);
    const std::size_t at = address.find('@');
    if (at == std::string_view::npos) return "has no @";
    if (address.find('@', at + 1) != std::string_view::npos) return "has more than one @";
    if (at == 0) return "has nothing before the @";
    const std::string_view domain = address.substr(at + 1);
    if (domain.find('.') == std::string_view::npos || domain.front() == '.' || domain.back() == '.' ||
        domain.find("..") != std::string_view::npos)
        return "has no domain such as example.org after the @";
    return std::nullopt;
}

// As people write numbers: digits, spaces, a leading + and - / ( ) . between them.
std::optional<std::string> phone(std::string_view s, std::size_t from) {
    bool digits = false;
    for (std::size_t i = from; i < s.size(); ++i) {
        const char c = s[i];
        if (c >= '0' && c <= '9') digits = true;
        else if (!(c == ' ' || c == '-' || c == '/' || c == '(' || c == ')' || c == '.' || (c == '+' && i == from)))
            return cannot_hold(s, i);
    }
    if (!digits) return "has no digits";
    return std::nullopt;
}

std::optional<std::string> reason(std::string_view s, AddressUse use) {
    const std::string scheme = lower(scheme_of(s));
    const bool spaces_allowed = use == AddressUse::phone || (use == AddressUse::link && scheme == "tel:");
    if (auto problem = invisible(s, spaces_allowed)) return problem;
    switch (use) {
        case AddressUse::web: return web(s);
        case AddressUse::email: return email(s, 0, false);
        case AddressUse::phone: return phone(s, 0);
        case AddressUse::link:
            if (scheme == "mailto:") return email(s, scheme.size(), true);
            if (scheme == "tel:") return phone(s, scheme.size());
            return web(s);
    }
    return std::nullopt;
}

std::string_view expected(AddressUse use) {
    switch (use) {
        case AddressUse::web: return "a web address starting with https:// or http://";
        case AddressUse::email: return "an e-mail address such as name@example.org";
        case AddressUse::phone: return "a phone number such as +49 391 1234-56";
        case AddressUse::link: return "an address starting with https://, http://, mailto: or tel:, or ref:<kind>/<id>";
    }
    return {};
}

}  // namespace

std::optional<std::string> address_problem(std::string_view subject, std::string_view value, AddressUse use) {
    const std::optional<std::string> why = reason(value, use);
    if (!why) return std::nullopt;
    return std::string(subject) + " must be " + std::string(expected(use)) + "; " + shown(value) + " " + *why;
}

}  // namespace lotse
