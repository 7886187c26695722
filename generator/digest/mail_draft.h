// An e-mail as a file a mail program opens as a draft (.eml, RFC 5322 and MIME, RFC 2045–2047):
// a plain-text and an HTML version of one message and, if given, a file attached to it, UTF-8,
// base64-encoded so that any line length and any script survives every mail server. No From or
// To: the sender's mail program fills them.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "content/calendar.h"

namespace lotse {

struct MailDraft {
    std::string subject;   // UTF-8; written as RFC 2047 encoded-words
    Date date{};           // the Date header, at 00:00 UTC
    std::string language;  // Content-Language
    std::string text;      // the text/plain part, lines ending in \n
    std::string html;      // the text/html part
    // An attachment: the message is then multipart/mixed, the two versions first. No attachment
    // if `filename` is empty.
    std::string filename;
    std::string attachment_type;  // e.g. "text/csv; charset=UTF-8"
    std::string attachment;       // its bytes, as they are
};

// The message with CRLF line ends. X-Unsent: 1 makes Outlook open it as a draft to send;
// Thunderbird opens it as a message to send again ("Edit as New Message").
std::string write_mail_draft(const MailDraft& mail);

// Pieces of the message, for tests and other writers.
std::string base64(std::string_view bytes);  // without line breaks
// The bytes of base64 text; characters outside the alphabet (line breaks, padding) are skipped.
std::string unbase64(std::string_view text);
// The bytes of the attached file of a message write_mail_draft wrote (or a mail program saved
// again, with CRLF or LF line ends); nullopt if it has no part with "Content-Disposition: attachment".
std::optional<std::string> attached_file(std::string_view eml);
// "Subject: =?UTF-8?B?…?=" folded into encoded-words of at most 75 characters that never split a
// UTF-8 character.
std::string encoded_header(std::string_view name, std::string_view text);
std::string mail_date(Date d);  // "Fri, 01 Jan 2027 00:00:00 +0000"
inline constexpr std::string_view kMailBoundary = "=_lotse-digest_=";
inline constexpr std::string_view kMixedBoundary = "=_lotse-digest-mixed_=";

}  // namespace lotse
