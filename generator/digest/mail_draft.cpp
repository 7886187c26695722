#include "digest/mail_draft.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <cstdio>

namespace lotse {

namespace {

constexpr std::string_view kCrlf = "\r\n";
// Bytes per encoded-word: 39 bytes are 52 base64 characters, so "Subject: " and one word stay
// within the 76 characters RFC 2047 allows on a line.
constexpr std::size_t kWordBytes = 39;
constexpr std::size_t kLineChars = 76;  // base64 body lines, RFC 2045

// Canonical form of a text part (RFC 2045 6.8): every line ends in CRLF.
std::string crlf(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == '\n') out += kCrlf;
        else if (c != '\r') out += c;
    }
    return out;
}

std::string base64_body(std::string_view bytes) {
    const std::string encoded = base64(bytes);
    std::string out;
    for (std::size_t i = 0; i < encoded.size(); i += kLineChars) out.append(encoded, i, kLineChars).append(kCrlf);
    return out;
}

// The length of the longest prefix of `text` of at most `max` bytes that ends between characters.
std::size_t whole_characters(std::string_view text, std::size_t max) {
    if (text.size() <= max) return text.size();
    std::size_t n = max;
    while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;  // a continuation byte
    return n;
}

std::string part(std::string_view type, std::string_view body) {
    std::string out = "--" + std::string(kMailBoundary) + "\r\n";
    out += "Content-Type: " + std::string(type) + "; charset=UTF-8\r\n";
    out += "Content-Transfer-Encoding: base64\r\n\r\n";
    return out + base64_body(crlf(body));
}

// The two versions of the message as one multipart/alternative entity, without headers before it.
std::string alternatives(const MailDraft& mail) {
    // Plain text first: RFC 2046 orders the alternatives from the simplest to the richest.
    return part("text/plain", mail.text) + part("text/html", mail.html) + "--" + std::string(kMailBoundary) + "--\r\n";
}

std::string alternative_type() {
    return "Content-Type: multipart/alternative; boundary=\"" + std::string(kMailBoundary) + "\"\r\n";
}

// The attachment's bytes go unchanged (no CRLF conversion): the file must come back byte for byte.
std::string attachment_part(const MailDraft& mail) {
    std::string out = "--" + std::string(kMixedBoundary) + "\r\n";
    out += "Content-Type: " + mail.attachment_type + "; name=\"" + mail.filename + "\"\r\n";
    out += "Content-Disposition: attachment; filename=\"" + mail.filename + "\"\r\n";
    out += "Content-Transfer-Encoding: base64\r\n\r\n";
    return out + base64_body(mail.attachment);
}

std::string lowercase(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

}  // namespace

std::string base64(std::string_view bytes) {
    static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    for (std::size_t i = 0; i < bytes.size(); i += 3) {
        const std::size_t n = std::min<std::size_t>(3, bytes.size() - i);
        std::uint32_t v = 0;
        for (std::size_t k = 0; k < 3; ++k) v = v << 8 | (k < n ? static_cast<unsigned char>(bytes[i + k]) : 0u);
        for (std::size_t k = 0; k < 4; ++k) out += k <= n ? kAlphabet[(v >> (18 - 6 * k)) & 0x3F] : '=';
    }
    return out;
}

std::string unbase64(std::string_view text) {
    static constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    std::uint32_t value = 0;
    int bits = 0;
    for (char c : text) {
        const std::size_t i = kAlphabet.find(c);
        if (i == std::string_view::npos) continue;
        value = (value << 6 | static_cast<std::uint32_t>(i)) & 0xFFFFFF;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += static_cast<char>((value >> bits) & 0xFF);
        }
    }
    return out;
}

std::optional<std::string> attached_file(std::string_view eml) {
    const std::string lower = lowercase(eml);
    const std::size_t disposition = lower.find("content-disposition: attachment");
    if (disposition == std::string::npos) return std::nullopt;
    std::size_t body = lower.find("\n\r\n", disposition), skip = 3;
    if (const std::size_t lf = lower.find("\n\n", disposition); lf < body) body = lf, skip = 2;
    if (body == std::string::npos) return std::nullopt;
    body += skip;
    const std::size_t end = lower.find("\n--", body);  // the next boundary line
    return unbase64(eml.substr(body, end == std::string::npos ? std::string_view::npos : end - body));
}

std::string encoded_header(std::string_view name, std::string_view text) {
    std::string out = std::string(name) + ":";
    while (!text.empty()) {
        const std::size_t n = whole_characters(text, kWordBytes);
        if (out.size() > name.size() + 1) out += kCrlf;  // each further word on a folded line
        out += " =?UTF-8?B?" + base64(text.substr(0, n)) + "?=";
        text.remove_prefix(n);
    }
    return out + std::string(kCrlf);
}

std::string mail_date(Date d) {
    static constexpr std::array<const char*, 7> kDays = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static constexpr std::array<const char*, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const std::chrono::weekday wd{std::chrono::sys_days(d)};
    char buf[40];
    std::snprintf(buf, sizeof buf, "%s, %02u %s %04d 00:00:00 +0000", kDays[wd.c_encoding()], static_cast<unsigned>(d.day()),
                  kMonths[static_cast<unsigned>(d.month()) - 1], static_cast<int>(d.year()));
    return buf;
}

std::string write_mail_draft(const MailDraft& mail) {
    std::string out = "MIME-Version: 1.0\r\n";
    out += "Date: " + mail_date(mail.date) + "\r\n";
    out += encoded_header("Subject", mail.subject);
    out += "X-Unsent: 1\r\n";
    out += "Content-Language: " + mail.language + "\r\n";
    if (mail.filename.empty()) return out + alternative_type() + "\r\n" + alternatives(mail);
    out += "Content-Type: multipart/mixed; boundary=\"" + std::string(kMixedBoundary) + "\"\r\n\r\n";
    out += "--" + std::string(kMixedBoundary) + "\r\n" + alternative_type() + "\r\n" + alternatives(mail);
    out += attachment_part(mail);
    return out + "--" + std::string(kMixedBoundary) + "--\r\n";
}

}  // namespace lotse
