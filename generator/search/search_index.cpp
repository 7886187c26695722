#include "search/search_index.h"

#include <algorithm>
#include <memory>

#include <cmark.h>
#include <unicode/utf8.h>

#include "content/record_fields.h"
#include "search/fold.h"
#include "site/routes.h"

namespace lotse::search {

namespace {

// Every text of a record as the page language shows it (its own, else the source language's).
class Texts : public ReadingWalk<Texts> {
public:
    using ReadingWalk<Texts>::operator();
    explicit Texts(const LanguageView& v) : v_(v) {}

    void operator()(std::string_view) {}
    void operator()(std::uint64_t) {}
    void operator()(int) {}
    void operator()(bool) {}
    void operator()(double) {}
    void operator()(const SourcePos&) {}
    void operator()(const Date&) {}
    void operator()(const LocalisedText& t) {
        if (t.find(v_.language())) own.push_back(v_.plain(t));
        else if (!t.empty()) borrowed.push_back(v_.plain(t));
    }

    // The page language's texts, and those it shows in the source language instead.
    std::vector<std::string> own, borrowed;

private:
    const LanguageView& v_;
};

// `text` cut to at most kLineLetters letters, at a space where there is one, with "…".
std::string one_line(std::string_view text) {
    const auto* p = reinterpret_cast<const uint8_t*>(text.data());
    const auto n = static_cast<int32_t>(text.size());
    int32_t i = 0;
    std::size_t letters = 0, last_space = 0;
    while (i < n && letters < kLineLetters) {
        if (p[i] == ' ') last_space = static_cast<std::size_t>(i);
        U8_FWD_1(p, i, n);
        ++letters;
    }
    if (i >= n) return std::string(text);
    const std::size_t cut = last_space > 0 ? last_space : static_cast<std::size_t>(i);
    return std::string(text.substr(0, cut)) + "…";
}

std::string joined(const std::vector<std::string>& words) {
    std::string out;
    for (const std::string& w : words) out.append(out.empty() ? "" : " ").append(w);
    return out;
}

// The folded words of `texts` that are not in `shown`, at most kBodyWords of them.
std::string body_words(const std::vector<std::string>& texts, const std::vector<std::string>& shown) {
    std::vector<std::string> words;
    for (const std::string& t : texts) {
        for (std::string& w : fold_rules().words(markdown_text(t))) {
            if (words.size() == kBodyWords) return joined(words);
            if (std::find(shown.begin(), shown.end(), w) == shown.end() &&
                std::find(words.begin(), words.end(), w) == words.end())
                words.push_back(std::move(w));
        }
    }
    return joined(words);
}

// The words of `other` that are not in `shown`: what the index adds to the words the browser
// reads from the title or line it shows.
std::vector<std::string> words_besides(std::string_view other, const std::vector<std::string>& shown) {
    std::vector<std::string> out;
    for (std::string& w : fold_rules().words(other))
        if (std::find(shown.begin(), shown.end(), w) == shown.end()) out.push_back(std::move(w));
    return out;
}

// An item: [kind, route, title, line, the source-language title's other words, the texts' other words].
nlohmann::json item(int kind, const std::string& route, const std::string& title, const std::string& source_title,
                    const std::string& line, const std::vector<std::string>& texts) {
    const std::string shown_line = one_line(markdown_text(line, true));
    std::vector<std::string> shown = fold_rules().words(title);
    const std::vector<std::string> more_title = words_besides(source_title, shown);
    shown.insert(shown.end(), more_title.begin(), more_title.end());
    for (std::string& w : fold_rules().words(shown_line)) shown.push_back(std::move(w));
    return nlohmann::json::array({kind, route, title, shown_line, joined(more_title), body_words(texts, shown)});
}

nlohmann::json record_item(const LanguageView& v, const LanguageView& source, const RecordEntry& e) {
    const std::string title = v.title_text(e);
    Texts texts(v);
    std::string line;
    e.visit([&](const auto& r) {
        texts(r);
        // The line under the result: a kind's summary where it has one, else its description.
        if constexpr (requires { r.summary; }) line = v.plain(r.summary);
        if (line.empty()) line = v.plain(r.description);
    });
    // The words kept are the line's first, then the page language's, then the borrowed texts'.
    std::vector<std::string> body{line};
    body.insert(body.end(), texts.own.begin(), texts.own.end());
    body.insert(body.end(), texts.borrowed.begin(), texts.borrowed.end());
    return item(static_cast<int>(e.kind), e.route, title, source.title_text(e), line, body);
}

}  // namespace

std::string markdown_text(std::string_view text, bool first_block) {
    std::unique_ptr<cmark_node, void (*)(cmark_node*)> doc(cmark_parse_document(text.data(), text.size(), CMARK_OPT_DEFAULT),
                                                          cmark_node_free);
    std::unique_ptr<cmark_iter, void (*)(cmark_iter*)> iter(cmark_iter_new(doc.get()), cmark_iter_free);
    std::string out;
    cmark_event_type ev;
    while ((ev = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) {
        cmark_node* n = cmark_iter_get_node(iter.get());
        const cmark_node_type type = cmark_node_get_type(n);
        const bool block = type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING;
        if (ev == CMARK_EVENT_EXIT && block) {
            if (first_block && !out.empty()) break;
            out += ' ';
        }
        if (ev != CMARK_EVENT_ENTER) continue;
        if (type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE) out += cmark_node_get_literal(n);
        else if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK) out += ' ';
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

std::string search_index(const LanguageView& v, const LanguageView& source) {
    const RenderInputs& in = v.inputs();
    nlohmann::json kinds = nlohmann::json::array();
    for (const KindInfo& k : kRecordKinds) kinds.push_back(v.msg("kind." + std::string(k.name)));
    const int page_kind = static_cast<int>(kinds.size());
    kinds.push_back(v.msg("search.page"));
    nlohmann::json items = nlohmann::json::array();
    for (const RecordEntry& e : in.plan.entries) items.push_back(record_item(v, source, e));
    for (const auto& [slug, versions] : in.plan.free_pages) {
        auto own = versions.find(v.language());
        auto src = versions.find(source.language());
        if (src == versions.end()) continue;  // not published
        const Page& p = own != versions.end() ? *own->second : *src->second;
        items.push_back(item(page_kind, routes::free_page(slug), p.title, src->second->title, p.body, {p.body}));
    }
    const nlohmann::json index = {{"rules", fold_rules().to_json()}, {"kinds", std::move(kinds)}, {"items", std::move(items)}};
    return index.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace lotse::search
