// The items of lists: a record's card, course row and A–Z entry as HTML, and the order of
// records in a language. Each item is rendered once per language and page depth (its links are
// relative) and reused on every page that lists it; one made by an earlier build from the same
// inputs (render/fragment_cache.h) is taken instead. Collation keys and a language's formatted
// dates and names are kept the same way. One per rendering thread.
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "render/compiled_templates.h"
#include "render/fingerprint.h"
#include "render/fragment_cache.h"
#include "render/language_view.h"

namespace lotse {

class ListItems {
public:
    ListItems(const RenderInputs& in, const Fingerprints& fingerprints, FragmentCache& kept, CompiledTemplates& templates);
    ~ListItems();
    ListItems(const ListItems&) = delete;
    ListItems& operator=(const ListItems&) = delete;

    // Where the formats of language number `language` are kept between builds (nullptr: not a
    // page language, nothing is kept).
    FormatMemo* memo(std::size_t language);

    Data card(const LanguageView& v, const RecordEntry& e, const std::string& route) {
        return fragment(v, Partial::card, e, route);
    }
    Data course_row(const LanguageView& v, const RecordEntry& e, const std::string& route) {
        return fragment(v, Partial::course_row, e, route);
    }
    Data az_entry(const LanguageView& v, const RecordEntry& e, const std::string& route) {
        return fragment(v, Partial::az_entry, e, route);
    }
    // Cards in the page language's collation order.
    Data cards(const LanguageView& v, const std::vector<const RecordEntry*>& entries, const std::string& route);
    // Entries in the collation order of their titles in `v`'s language; the id breaks ties.
    std::vector<const RecordEntry*> sorted(const LanguageView& v, std::vector<const RecordEntry*> entries);
    // Every plan entry's collation key in `v`'s language, by plan index.
    const std::vector<std::string_view>& collation_keys(const LanguageView& v);

    // Something about a record that `v`'s language shows, made by `make` unless an earlier build
    // kept it made from the same inputs (the record and its provider as the language shows them,
    // and everything every page shares).
    template <typename Make>
    std::string kept_or_made(const LanguageView& v, const RecordEntry& e, const std::string& what, Make make) {
        if (v.number() >= in_.plan.languages.size()) return make();  // not a page language: nothing kept
        const std::uint64_t id = fragment_id(e, what), fingerprint = fingerprints_.card(e, v.number());
        if (const std::optional<std::string_view> kept = kept_.find(v.number(), id, fingerprint)) return std::string(*kept);
        std::string made = make();
        if (kept_.enabled()) rendered_[v.number()].push_back({id, fingerprint, made});
        return made;
    }

    // The pages of a language are done: what was made for it is not needed again, and keeping it
    // would make memory grow with the number of languages. The fragments rendered anew go to the
    // cache for the next build.
    void end_language();

private:
    enum class Partial : std::uint8_t { card, course_row, az_entry };
    struct Key {
        std::size_t entry, language, depth;
        Partial partial;
        bool operator==(const Key&) const = default;
    };
    struct KeyHash {
        std::size_t operator()(const Key& k) const {
            return std::hash<std::size_t>{}(((k.entry * 31 + k.language) * 31 + k.depth) * 3 + static_cast<std::size_t>(k.partial));
        }
    };
    class KeptFormats;

    Data fragment(const LanguageView& v, Partial partial, const RecordEntry& e, const std::string& route);
    // Which of a record's fragments, the same from build to build.
    static std::uint64_t fragment_id(const RecordEntry& e, std::string_view what);

    const RenderInputs& in_;
    const Fingerprints& fingerprints_;
    FragmentCache& kept_;
    CompiledTemplates& templates_;
    std::map<std::size_t, std::unique_ptr<KeptFormats>> memos_;
    // Made for the language being rendered (and, rarely, another one a page needs), dropped when
    // the renderer moves on to the next language.
    std::unordered_map<Key, std::string, KeyHash> fragments_;
    std::map<std::string, std::vector<std::string_view>> keys_;  // per language: collation keys by plan entry
    std::deque<std::string> made_keys_;  // the keys not kept, which keys_ point into
    std::map<std::string, std::vector<std::size_t>> ranks_;  // per language: places in its collation order
    std::map<std::size_t, std::vector<Fragment>> rendered_;  // per language number: not found in the cache
};

// A page being built: its language, where it is in the plan, and the list items of its thread.
struct PageContext {
    const LanguageView& v;
    const PlannedPage& p;
    ListItems& items;

    const RenderInputs& in() const { return v.inputs(); }
};

}  // namespace lotse
