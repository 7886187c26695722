// The A–Z page: records under the letters of ICU's alphabetic index for the page language (with
// the source language's letters too: untranslated titles are in its script). Which letter a
// record goes under, and the order under a letter, are those ICU's index gives (by collation,
// records of the same title in plan order); each record's letter is kept between builds like its
// collation key.
#include <charconv>
#include <memory>
#include <numeric>

#include <unicode/alphaindex.h>

#include "render/pages/pages.h"
#include "site/routes.h"

namespace lotse {

namespace {

// The entries of the page under each of the index's buckets.
std::vector<std::vector<const RecordEntry*>> by_bucket(const PageContext& c,
                                                       const icu::AlphabeticIndex::ImmutableIndex& buckets) {
    const LanguageView& v = c.v;
    const std::vector<const RecordEntry*>& shown = c.p.groups.front().entries;
    const std::vector<std::string_view>& keys = c.items.collation_keys(v);
    auto key = [&](const RecordEntry* e) { return keys[c.in().plan.index(*e)]; };
    std::vector<const RecordEntry*> order = shown;
    std::stable_sort(order.begin(), order.end(), [&](const RecordEntry* a, const RecordEntry* b) { return key(a) < key(b); });
    const std::size_t count = static_cast<std::size_t>(buckets.getBucketCount());
    std::vector<std::vector<const RecordEntry*>> in_bucket(count);
    const bool glossary = !c.in().content.glossary.empty();
    auto bucket_of = [&](const std::string& title) {
        UErrorCode found = U_ZERO_ERROR;
        return std::to_string(buckets.getBucketIndex(icu::UnicodeString::fromUTF8(title), found));
    };
    for (const RecordEntry* e : order) {
        const std::string bucket = c.items.kept_or_made(v, *e, "az-letter", [&] { return bucket_of(v.title_text(*e)); });
        // An official name is looked for under its German letter too: people know it from letters.
        const std::string german = !glossary ? std::string() : c.items.kept_or_made(v, *e, "az-letter-de", [&] {
            const Data title = v.official(*e) ? v.source_title(*e) : Data(false);
            return title.is_object() ? bucket_of(title.get("text")->string_value()) : std::string();
        });
        for (const std::string* letter : {&bucket, &german}) {
            std::size_t b = count;
            std::from_chars(letter->data(), letter->data() + letter->size(), b);
            if (b < count && (letter == &bucket || german != bucket)) in_bucket[b].push_back(e);
        }
    }
    return in_bucket;
}

}  // namespace

PageBody az_page(const PageContext& c) {
    const LanguageView& v = c.v;
    PageBody page{"az", v.msg("az.title"), Data()};
    UErrorCode status = U_ZERO_ERROR;
    icu::AlphabeticIndex index(icu::Locale(v.language().c_str()), status);
    index.addLabels(icu::Locale(v.source_language().c_str()), status);
    std::unique_ptr<icu::AlphabeticIndex::ImmutableIndex> buckets(index.buildImmutableIndex(status));
    if (U_FAILURE(status) || !buckets) return page;
    const std::vector<std::vector<const RecordEntry*>> in_bucket = by_bucket(c, *buckets);
    Data letters = list();
    int n = 0;
    for (std::size_t b = 0; b < in_bucket.size(); ++b) {
        if (in_bucket[b].empty()) continue;
        std::string label;
        buckets->getBucket(static_cast<int32_t>(b))->getLabel().toUTF8String(label);
        Data letter;
        letter.set("label", label);
        letter.set("anchor", "letter-" + std::to_string(++n));
        Data entries = list();
        for (const RecordEntry* e : in_bucket[b]) append(entries, c.items.az_entry(v, *e, c.p.route));
        set_list(letter, "entries", std::move(entries));
        append(letters, std::move(letter));
    }
    set_list(page.data, "letters", std::move(letters));
    if (!c.in().content.glossary.empty()) page.data.set("glossary_href", routes::link(c.p.route, routes::kGlossary));
    return page;
}

}  // namespace lotse
