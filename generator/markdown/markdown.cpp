#include "markdown/markdown.h"

#include <cmark.h>

#include <algorithm>
#include <memory>

#include "common/url_policy.h"

namespace lotse::markdown {

namespace {

struct NodeDeleter {
    void operator()(cmark_node* n) const { cmark_node_free(n); }
};
struct IterDeleter {
    void operator()(cmark_iter* i) const { cmark_iter_free(i); }
};
using Document = std::unique_ptr<cmark_node, NodeDeleter>;

Document parse(std::string_view text) {
    return Document(cmark_parse_document(text.data(), text.size(), CMARK_OPT_DEFAULT));
}

bool starts_with_ci(std::string_view s, std::string_view prefix) {
    if (s.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c != prefix[i]) return false;
    }
    return true;
}

// Moves the children of `node` in front of it and removes it, so its text stays.
void unwrap(cmark_node* node) {
    while (cmark_node* child = cmark_node_first_child(node)) cmark_node_insert_before(node, child);
    cmark_node_free(node);
}

template <typename Visit>
void each_node(cmark_node* root, Visit visit) {
    std::unique_ptr<cmark_iter, IterDeleter> iter(cmark_iter_new(root));
    cmark_event_type ev;
    while ((ev = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE)
        if (ev == CMARK_EVENT_ENTER) visit(cmark_iter_get_node(iter.get()));
}

// The text nodes a linker may look at: not inside a link (links cannot nest) or a heading (a
// heading names the section; a link there reads as navigation).
std::vector<cmark_node*> linkable_texts(cmark_node* root) {
    std::vector<cmark_node*> out;
    std::unique_ptr<cmark_iter, IterDeleter> iter(cmark_iter_new(root));
    int shut = 0;  // how many links and headings the walk is inside
    for (cmark_event_type ev; (ev = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE;) {
        cmark_node* n = cmark_iter_get_node(iter.get());
        const cmark_node_type t = cmark_node_get_type(n);
        if (t == CMARK_NODE_LINK || t == CMARK_NODE_HEADING) shut += ev == CMARK_EVENT_ENTER ? 1 : -1;
        else if (t == CMARK_NODE_TEXT && shut == 0) out.push_back(n);
    }
    return out;
}

cmark_node* text_node(std::string_view text) {
    cmark_node* n = cmark_node_new(CMARK_NODE_TEXT);
    cmark_node_set_literal(n, std::string(text).c_str());
    return n;
}

// Splits each text where the linker names a part: before, the part inside a custom inline node
// that carries the link's HTML (cmark escapes the part's text as any other), and the rest, which
// the linker sees again.
void link_texts(cmark_node* root, const TextLinker& link_text) {
    for (cmark_node* n : linkable_texts(root)) {
        while (n) {
            const std::string text = cmark_node_get_literal(n) ? cmark_node_get_literal(n) : "";
            const std::optional<TextLink> link = link_text(text);
            if (!link || link->length == 0 || link->offset + link->length > text.size()) break;
            cmark_node* wrapper = cmark_node_new(CMARK_NODE_CUSTOM_INLINE);
            cmark_node_set_on_enter(wrapper, link->open.c_str());
            cmark_node_set_on_exit(wrapper, link->close.c_str());
            cmark_node_append_child(wrapper, text_node(std::string_view(text).substr(link->offset, link->length)));
            cmark_node* rest = text_node(std::string_view(text).substr(link->offset + link->length));
            cmark_node_set_literal(n, text.substr(0, link->offset).c_str());
            cmark_node_insert_after(n, wrapper);
            cmark_node_insert_after(wrapper, rest);
            n = rest;
        }
    }
}

}  // namespace

LinkKind classify(std::string_view url) {
    if (starts_with_ci(url, "ref:")) return LinkKind::ref;
    return address_problem("", url, AddressUse::link) ? LinkKind::rejected : LinkKind::web;
}

std::vector<Link> links(std::string_view text) {
    std::vector<Link> out;
    // Every CommonMark link or image needs a "]" (inline and reference links) or a "<" (autolinks);
    // most texts have neither and need no parse to know they link nowhere.
    if (text.find_first_of("]<") == std::string_view::npos) return out;
    Document doc = parse(text);
    each_node(doc.get(), [&](cmark_node* n) {
        const cmark_node_type t = cmark_node_get_type(n);
        if (t == CMARK_NODE_LINK || t == CMARK_NODE_IMAGE) {
            const char* url = cmark_node_get_url(n);
            out.push_back({url ? url : "", cmark_node_get_start_line(n)});
        }
    });
    return out;
}

std::string to_html(std::string_view text, const RefResolver& resolve, int top_level, const TextLinker* link_text) {
    Document doc = parse(text);
    int highest = 7;
    each_node(doc.get(), [&](cmark_node* n) {
        if (cmark_node_get_type(n) == CMARK_NODE_HEADING) highest = std::min(highest, cmark_node_get_heading_level(n));
    });
    const int heading_offset = highest == 7 ? 0 : top_level - highest;
    std::vector<cmark_node*> remove, unwrap_later;
    each_node(doc.get(), [&](cmark_node* n) {
        switch (cmark_node_get_type(n)) {
            case CMARK_NODE_HTML_BLOCK:
            case CMARK_NODE_HTML_INLINE:
                remove.push_back(n);
                break;
            case CMARK_NODE_IMAGE:  // no images from elsewhere; the description stays as text
                unwrap_later.push_back(n);
                break;
            case CMARK_NODE_HEADING:
                cmark_node_set_heading_level(n, std::clamp(cmark_node_get_heading_level(n) + heading_offset, 1, 6));
                break;
            case CMARK_NODE_LINK: {
                const std::string url = cmark_node_get_url(n) ? cmark_node_get_url(n) : "";
                switch (classify(url)) {
                    case LinkKind::web: break;
                    case LinkKind::rejected: unwrap_later.push_back(n); break;
                    case LinkKind::ref: {
                        const std::string_view target = std::string_view(url).substr(4);
                        const auto slash = target.find('/');
                        std::string resolved;
                        if (slash != std::string_view::npos)
                            resolved = resolve(target.substr(0, slash), target.substr(slash + 1));
                        if (resolved.empty()) unwrap_later.push_back(n);
                        else cmark_node_set_url(n, resolved.c_str());
                        break;
                    }
                }
                break;
            }
            default: break;
        }
    });
    for (cmark_node* n : remove) cmark_node_free(n);
    // Innermost first is not needed: links cannot nest, and images inside links unwrap in place.
    for (cmark_node* n : unwrap_later) unwrap(n);
    if (link_text && *link_text) link_texts(doc.get(), *link_text);
    char* html = cmark_render_html(doc.get(), CMARK_OPT_DEFAULT);
    std::string out(html);
    free(html);
    return out;
}

std::string to_text(std::string_view text) {
    std::string out;
    Document doc = parse(text);
    each_node(doc.get(), [&](cmark_node* n) {
        switch (cmark_node_get_type(n)) {
            case CMARK_NODE_PARAGRAPH:
            case CMARK_NODE_HEADING:
            case CMARK_NODE_CODE_BLOCK:
                if (!out.empty() && out.back() != '\n') out += '\n';
                if (cmark_node_get_type(n) == CMARK_NODE_CODE_BLOCK) out += cmark_node_get_literal(n);
                break;
            case CMARK_NODE_TEXT:
            case CMARK_NODE_CODE: out += cmark_node_get_literal(n); break;
            case CMARK_NODE_SOFTBREAK:
            case CMARK_NODE_LINEBREAK: out += ' '; break;
            default: break;
        }
    });
    while (!out.empty() && out.back() == '\n') out.pop_back();
    return out;
}

}  // namespace lotse::markdown
