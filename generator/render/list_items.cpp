#include "render/list_items.h"

#include <algorithm>
#include <numeric>
#include <tuple>

#include "render/kinds/kinds.h"

namespace lotse {

namespace {
constexpr char kUntranslated = 'u', kTranslated = 't';
}  // namespace

// A page language's formatted dates, numbers and names, kept with its fragments: they depend only
// on the language and ICU (part of Lotse, so of the shared hash), and each is made once per run.
class ListItems::KeptFormats : public FormatMemo {
public:
    KeptFormats(ListItems& items, std::size_t language) : items_(items), language_(language) {}
    std::optional<std::string_view> find(std::string_view key) override {
        if (auto it = made_.find(key); it != made_.end()) return it->second;
        return items_.kept_.find(language_, id(key), 0);
    }
    void keep(std::string_view key, const std::string& text) override {
        made_.emplace(std::string(key), text);
        if (items_.kept_.enabled()) items_.rendered_[language_].push_back({id(key), 0, text});
    }

private:
    // An id no record's fragment has: those start with the record's kind.
    static std::uint64_t id(std::string_view key) { return std::hash<std::string>{}("/format/" + std::string(key)); }
    ListItems& items_;
    std::size_t language_;
    std::map<std::string, std::string, std::less<>> made_;
};

ListItems::ListItems(const RenderInputs& in, const Fingerprints& fingerprints, FragmentCache& kept,
                     CompiledTemplates& templates)
    : in_(in), fingerprints_(fingerprints), kept_(kept), templates_(templates) {}
ListItems::~ListItems() = default;

FormatMemo* ListItems::memo(std::size_t language) {
    if (language >= in_.plan.languages.size()) return nullptr;
    auto& memo = memos_[language];
    if (!memo) memo = std::make_unique<KeptFormats>(*this, language);
    return memo.get();
}

std::uint64_t ListItems::fragment_id(const RecordEntry& e, std::string_view what) {
    return std::hash<std::string>{}(std::string(name(e.kind)) + '/' + e.record->id + '/' + std::string(what));
}

Data ListItems::fragment(const LanguageView& v, Partial partial, const RecordEntry& e, const std::string& route) {
    const auto depth = static_cast<std::size_t>(std::count(route.begin(), route.end(), '/'));
    const Key key{in_.plan.index(e), v.number(), depth, partial};
    auto it = fragments_.find(key);
    if (it == fragments_.end()) {
        static constexpr const char* kNames[] = {"partials/card", "partials/course_row", "partials/az_entry"};
        const char* name = kNames[static_cast<std::size_t>(partial)];
        // A fragment starts with one character that says whether it shows an untranslated text, so
        // that a page made of kept fragments still knows it needs the note that says so.
        it = fragments_.emplace(key, kept_or_made(v, e, std::string(name) + '/' + std::to_string(depth), [&] {
            const std::size_t untranslated = v.untranslated();
            const Data d = partial == Partial::course_row ? lotse::course_row(v, e, route)
                           : partial == Partial::az_entry ? v.index_entry(e, route)
                                                          : v.card(e, route);
            return (v.untranslated() != untranslated ? kUntranslated : kTranslated) + templates_.render(name, v.shared(), d);
        })).first;
    }
    if (it->second.starts_with(kUntranslated)) v.counted_untranslated();
    return Data("html", it->second.substr(1));
}

Data ListItems::cards(const LanguageView& v, const std::vector<const RecordEntry*>& entries, const std::string& route) {
    Data out = list();
    for (const RecordEntry* e : sorted(v, entries)) append(out, card(v, *e, route));
    return out;
}

// A kept key is read where the cache file is mapped.
const std::vector<std::string_view>& ListItems::collation_keys(const LanguageView& v) {
    const std::vector<RecordEntry>& all = in_.plan.entries;
    std::vector<std::string_view>& keys = keys_[v.language()];
    if (keys.size() == all.size()) return keys;
    keys.clear();
    keys.reserve(all.size());
    const bool page_language = v.number() < in_.plan.languages.size();  // else nothing is kept
    for (const RecordEntry& e : all) {
        const std::uint64_t id = fragment_id(e, "collation-key");
        const std::uint64_t fingerprint = page_language ? fingerprints_.card(e, v.number()) : 0;
        if (const auto kept = page_language ? kept_.find(v.number(), id, fingerprint) : std::nullopt) {
            keys.push_back(*kept);
            continue;
        }
        const std::string& made = made_keys_.emplace_back(v.collation_key(e));
        if (page_language && kept_.enabled()) rendered_[v.number()].push_back({id, fingerprint, made});
        keys.push_back(made);
    }
    return keys;
}

// Every entry's place is found once per language, so sorting a list compares numbers, not texts.
std::vector<const RecordEntry*> ListItems::sorted(const LanguageView& v, std::vector<const RecordEntry*> entries) {
    const std::vector<RecordEntry>& all = in_.plan.entries;
    std::vector<std::size_t>& ranks = ranks_[v.language()];
    if (ranks.size() != all.size()) {
        const std::vector<std::string_view>& keys = collation_keys(v);
        std::vector<std::size_t> order(all.size());
        std::iota(order.begin(), order.end(), std::size_t{0});
        std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            return std::tie(keys[a], all[a].record->id) < std::tie(keys[b], all[b].record->id);
        });
        ranks.resize(all.size());
        for (std::size_t r = 0; r < order.size(); ++r) ranks[order[r]] = r;
    }
    auto rank = [&](const RecordEntry* e) { return ranks[in_.plan.index(*e)]; };
    std::sort(entries.begin(), entries.end(), [&](const RecordEntry* a, const RecordEntry* b) { return rank(a) < rank(b); });
    return entries;
}

void ListItems::end_language() {
    for (auto& [language, fragments] : rendered_) kept_.add(language, std::move(fragments));
    rendered_.clear();
    fragments_.clear();
    keys_.clear();
    made_keys_.clear();
    ranks_.clear();
}

}  // namespace lotse
