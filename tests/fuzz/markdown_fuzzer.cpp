// Fuzz target: a Markdown body through the link policy and the renderer, as a record's
// description or a free page's body. Besides not crashing, the HTML must keep the policy: no raw
// HTML, no image, and every link either a web link (http, https, mailto, tel) or a resolved ref.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "content/ids.h"
#include "markdown/markdown.h"
#include "scratch.h"

namespace {

using namespace lotse;

// Resolved refs start with this; no web link can.
constexpr std::string_view kResolved = "../";

bool starts_with_ci(std::string_view s, std::string_view prefix) {
    if (s.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
        if ((s[i] >= 'A' && s[i] <= 'Z' ? s[i] - 'A' + 'a' : s[i]) != prefix[i]) return false;
    return true;
}

[[noreturn]] void broken(const char* what, const std::string& html) {
    std::fprintf(stderr, "link policy broken (%s) in:\n%s\n", what, html.c_str());
    std::abort();
}

void check_policy(const std::string& html) {
    for (const char* tag : {"<img", "<script", "<iframe", "<style", " src=\"", "<a href=\"javascript"})
        if (html.find(tag) != std::string::npos) broken(tag, html);
    for (std::size_t at = 0; (at = html.find(" href=\"", at)) != std::string::npos;) {
        at += 7;
        const std::string_view url = std::string_view(html).substr(at, html.find('"', at) - at);
        if (url.starts_with(kResolved)) continue;
        bool web = false;
        for (std::string_view scheme : {"https://", "http://", "mailto:", "tel:"}) web = web || starts_with_ci(url, scheme);
        if (!web) broken("href", html);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = fuzz::as_text(data, size);
    for (const markdown::Link& link : markdown::links(text)) {
        if (link.line < 0) std::abort();
        (void)markdown::classify(link.url);
    }
    const std::string html = markdown::to_html(text, [](std::string_view kind, std::string_view id) -> std::string {
        for (std::string_view known : {"provider", "offer", "course", "contact", "pathway"})
            if (kind == known && is_valid_id(id)) return std::string(kResolved) + std::string(kind) + "s/" + std::string(id) + ".html";
        return "";
    });
    check_policy(html);
    return 0;
}
