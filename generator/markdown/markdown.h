// CommonMark through cmark with Lotse's link policy: raw HTML never passes, only links that
// common/url_policy.h allows are kept, and `ref:<kind>/<id>` links become links to other records.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lotse::markdown {

// A link target as cmark read it (entities decoded): a record (ref:), an address the URL policy
// allows (web), or one it does not (rejected; address_problem says why).
enum class LinkKind { web, ref, rejected };
LinkKind classify(std::string_view url);

struct Link {
    std::string url;
    int line = 0;  // 1-based line inside the Markdown text
};
// Every link and image destination, in document order.
std::vector<Link> links(std::string_view text);

// Resolves `ref:<kind>/<id>` to a URL relative to the page being written; "" drops the link.
using RefResolver = std::function<std::string(std::string_view kind, std::string_view id)>;

// A part of a text node to wrap in a link: its place in the node's text (bytes) and the link's
// opening and closing HTML.
struct TextLink {
    std::size_t offset = 0, length = 0;
    std::string open, close;
};
// Called with each text outside links and headings, in document order, and again with the rest
// of a text after a part it linked; nullopt links nothing there.
using TextLinker = std::function<std::optional<TextLink>(std::string_view text)>;

// Headings are moved so that the body's highest heading gets level `top_level` (2 under the page's
// own <h1>), keeping their steps: no level is skipped, whatever the author started with.
// Links that may not stay and images are replaced by their text.
// With `link_text`, parts of the text it names become links (the glossary's terms).
std::string to_html(std::string_view text, const RefResolver& resolve, int top_level = 2,
                    const TextLinker* link_text = nullptr);

// The text a reader sees, without markup or link targets: each paragraph, heading, list item and
// code block on a line of its own, a line break inside a paragraph as a space. For machine readers
// (JSON-LD, feeds) that take plain text.
std::string to_text(std::string_view text);

}  // namespace lotse::markdown
