#include "search/search_index.h"

#include <algorithm>
#include <memory>
#include <unordered_map>

#include <cmark.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include "common/hash.h"
#include "content/record_fields.h"
#include "search/fold.h"
#include "site/routes.h"

namespace lotse::search {

namespace {

std::string dump(const nlohmann::json& j) { return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); }

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

// Where a word of an item is, best first (the numbers the word lists carry).
enum class Where : std::uint32_t { title = 0, in_title = 1, text = 2, in_text = 3 };

// A language's words and infixes, each with the items it is found in and where.
class Postings {
public:
    void add(const std::vector<std::string>& words, std::uint32_t item, bool title) {
        for (const std::string& w : words) {
            put(words_, w, item, title ? Where::title : Where::text);
            // Every end of the word from its second letter on, at least three letters long.
            const auto* p = reinterpret_cast<const uint8_t*>(w.data());
            const auto n = static_cast<int32_t>(w.size());
            std::vector<int32_t> starts;
            for (int32_t i = 0; i < n;) {
                starts.push_back(i);
                U8_FWD_1(p, i, n);
            }
            for (std::size_t s = 1; s + 3 <= starts.size(); ++s)
                put(infixes_, w.substr(static_cast<std::size_t>(starts[s])), item, title ? Where::in_title : Where::in_text);
        }
    }
    // (word, its list) in the order JavaScript compares strings: by UTF-16 code units.
    using Sorted = std::vector<std::pair<std::string, nlohmann::json>>;
    Sorted words() const { return sorted(words_); }
    Sorted infixes() const { return sorted(infixes_); }

private:
    using Map = std::unordered_map<std::string, std::vector<std::uint32_t>>;  // word -> item·4 + where
    static void put(Map& map, const std::string& word, std::uint32_t item, Where where) {
        std::vector<std::uint32_t>& list = map[word];
        const std::uint32_t entry = item * 4 + static_cast<std::uint32_t>(where);
        // Items come in increasing order: an item already listed keeps where the word counts most.
        if (!list.empty() && list.back() / 4 == item) list.back() = std::min(list.back(), entry);
        else list.push_back(entry);
    }
    static Sorted sorted(const Map& map) {
        std::vector<std::pair<std::u16string, const Map::value_type*>> keys;
        keys.reserve(map.size());
        for (const auto& kv : map) {
            const icu::UnicodeString u = icu::UnicodeString::fromUTF8(kv.first);
            keys.emplace_back(std::u16string(u.getBuffer(), static_cast<std::size_t>(u.length())), &kv);
        }
        std::sort(keys.begin(), keys.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        Sorted out;
        out.reserve(keys.size());
        for (const auto& [key, kv] : keys) {
            nlohmann::json list = nlohmann::json::array();
            std::uint32_t previous = 0;
            for (std::uint32_t e : kv->second) {
                list.push_back(e - previous);
                previous = e;
            }
            out.emplace_back(kv->first, std::move(list));
        }
        return out;
    }
    Map words_, infixes_;
};

// The shortest beginning of `word` that sorts after `before` (in UTF-16 code units, as JavaScript
// compares), so the entry names each shard by a few letters.
std::string separator(const std::string& before, const std::string& word) {
    const icu::UnicodeString b = icu::UnicodeString::fromUTF8(before);
    const auto* p = reinterpret_cast<const uint8_t*>(word.data());
    const auto n = static_cast<int32_t>(word.size());
    for (int32_t i = 0; i < n;) {
        U8_FWD_1(p, i, n);
        std::string prefix = word.substr(0, static_cast<std::size_t>(i));
        if (icu::UnicodeString::fromUTF8(prefix).compare(b) > 0) return prefix;
    }
    return word;
}

// `sorted` cut into shards of about kShardBytes: a file per shard, and its first word's separator
// in `firsts` (the first shard's is "").
void shards(const Postings::Sorted& sorted, std::string_view part, const std::string& version,
            nlohmann::json& firsts, std::vector<SearchFile>& files) {
    nlohmann::json shard = nlohmann::json::object();
    std::size_t bytes = 0;
    auto flush = [&] {
        const nlohmann::json file = {{"v", version}, {"words", std::move(shard)}};
        files.push_back({search_file(part, firsts.size() - 1), dump(file)});
        shard = nlohmann::json::object();
        bytes = 0;
    };
    firsts.push_back("");
    for (std::size_t i = 0; i < sorted.size(); ++i) {
        const auto& [word, list] = sorted[i];
        const std::size_t size = word.size() + list.dump().size() + 4;  // "word":[…],
        if (bytes > 0 && bytes + size > kShardBytes) {
            flush();
            firsts.push_back(separator(sorted[i - 1].first, word));
        }
        shard[word] = list;
        bytes += size;
    }
    flush();
}

// A language's items in index order and the words they are found by.
class Index {
public:
    // `texts`: the line's text first, then the others, the page language's before borrowed ones.
    void add(int kind, const std::string& route, const std::string& title, const std::string& source_title,
             const std::string& line, const std::vector<std::string>& texts) {
        const auto number = static_cast<std::uint32_t>(items_.size());
        const std::string shown_line = one_line(markdown_text(line, true));
        std::vector<std::string> title_words = fold_rules().words(title);
        for (std::string& w : fold_rules().words(source_title))
            if (!contains(title_words, w)) title_words.push_back(std::move(w));
        std::vector<std::string> text_words = fold_rules().words(shown_line);
        std::size_t more = 0;
        for (const std::string& t : texts) {
            for (std::string& w : fold_rules().words(markdown_text(t))) {
                if (more == kBodyWords) break;
                if (contains(title_words, w) || contains(text_words, w)) continue;
                text_words.push_back(std::move(w));
                ++more;
            }
        }
        postings_.add(title_words, number, true);
        postings_.add(text_words, number, false);
        items_.push_back(nlohmann::json::array({kind, route, title, shown_line}));
    }

    std::vector<SearchFile> files(nlohmann::json kinds) const {
        const Postings::Sorted words = postings_.words(), infixes = postings_.infixes();
        // The same in every file of this build, and different when any of them changes.
        std::uint64_t h = hash_of(dump(items_));
        for (const auto* sorted : {&words, &infixes})
            for (const auto& [word, list] : *sorted) h = mix(mix(h, word), list.dump());
        const std::string version = hex16(h);
        std::vector<SearchFile> out(1);
        nlohmann::json word_firsts = nlohmann::json::array(), infix_firsts = nlohmann::json::array();
        shards(words, "words", version, word_firsts, out);
        shards(infixes, "infix", version, infix_firsts, out);
        for (std::size_t from = 0, n = 0; from < items_.size(); from += kChunkItems, ++n) {
            nlohmann::json chunk = nlohmann::json::array();
            for (std::size_t i = from; i < std::min(items_.size(), from + kChunkItems); ++i) chunk.push_back(items_[i]);
            out.push_back({search_file("items", n), dump({{"v", version}, {"items", std::move(chunk)}})});
        }
        const nlohmann::json entry = {{"v", version},
                                      {"rules", fold_rules().to_json()},
                                      {"kinds", std::move(kinds)},
                                      {"items", items_.size()},
                                      {"chunk", kChunkItems},
                                      {"words", std::move(word_firsts)},
                                      {"infix", std::move(infix_firsts)}};
        out[0] = {std::string(routes::kSearchIndex), dump(entry)};
        return out;
    }

private:
    static bool contains(const std::vector<std::string>& words, const std::string& w) {
        return std::find(words.begin(), words.end(), w) != words.end();
    }
    nlohmann::json items_ = nlohmann::json::array();
    Postings postings_;
};

void add_record(Index& index, const LanguageView& v, const LanguageView& source, const RecordEntry& e) {
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
    index.add(static_cast<int>(e.kind), e.route, title, source.title_text(e), line, body);
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

std::string search_file(std::string_view part, std::size_t n) {
    return std::string(kSearchFolder).append(part).append("-").append(std::to_string(n)).append(".json");
}

std::vector<SearchFile> search_files(const LanguageView& v, const LanguageView& source) {
    const RenderInputs& in = v.inputs();
    nlohmann::json kinds = nlohmann::json::array();
    for (const KindInfo& k : kRecordKinds) kinds.push_back(v.msg("kind." + std::string(k.name)));
    const int page_kind = static_cast<int>(kinds.size());
    kinds.push_back(v.msg("search.page"));
    Index index;
    for (const RecordEntry& e : in.plan.entries) add_record(index, v, source, e);
    for (const auto& [slug, versions] : in.plan.free_pages) {
        auto own = versions.find(v.language());
        auto src = versions.find(source.language());
        if (src == versions.end()) continue;  // not published
        const Page& p = own != versions.end() ? *own->second : *src->second;
        index.add(page_kind, routes::free_page(slug), p.title, src->second->title, p.body, {p.body});
    }
    return index.files(std::move(kinds));
}

}  // namespace lotse::search
