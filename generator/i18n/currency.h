// Whether each translation was made from the source text that is there now (PRODUCT.md
// "Translations and their currency"): current, outdated (made from another source text),
// unrecorded (no record says what it was made from: taken as current) or missing.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "content/diagnostics.h"
#include "content/records.h"
#include "i18n/texts.h"
#include "i18n/translation_record.h"

namespace lotse {

enum class TextState : std::uint8_t { current, unrecorded, outdated, missing };
std::string_view state_name(TextState s);  // "current", "unrecorded", "outdated", "missing"

struct TextStatus {
    const TextUnit* unit;
    std::string language;
    TextState state;
    const std::string* was = nullptr;  // outdated: the source text the translation was made from
};

// The state of every published text in each of `languages` but the source language, by unit,
// then in the order of `languages`.
std::vector<TextStatus> text_states(const std::vector<TextUnit>& units, const TranslationRecord& record,
                                    const std::vector<std::string>& languages, const std::string& source_language);

// For `lotse check`: a warning at each outdated translation, saying what changed in the source and
// how to renew or confirm it; one warning for all unrecorded translations together.
void report_currency(const std::vector<TextStatus>& states, const TranslationRecord& record,
                     const std::string& source_language, Diagnostics& diags);

// The same in parts: what some of the texts' states say, found apart from the others' (the preview
// keeps it per record), then the warnings and the note of all the parts, in their order.
struct CurrencyFindings {
    Diagnostics outdated;                       // a warning at each outdated translation
    std::size_t unrecorded = 0;                 // how many translations are unrecorded
    std::vector<std::string> first_unrecorded;  // the first few of them: "offer/x/title (ar)"
};
CurrencyFindings currency_findings(const std::vector<TextStatus>& states, const std::string& source_language);
void report_currency(const std::vector<const CurrencyFindings*>& parts, const TranslationRecord& record,
                     Diagnostics& diags);

// Both, for the site's texts on `today`: what `lotse check` (and every build) reports.
void check_currency(const Content& content, Date today, const std::vector<CatalogText>& catalog,
                    const TranslationRecord& record, Diagnostics& diags);
std::vector<std::string> site_languages(const Content& content);

// Marks the outdated translations of records, site.yaml and free pages, for the site to show.
void mark_outdated(Content& content, const TranslationRecord& record);
// Its parts: site.yaml's texts and the free pages; one record (R: a record kind).
void mark_outdated_pages(Content& content, const TranslationRecord& record);
template <typename R>
void mark_outdated(R& r, const TranslationRecord& record, const std::string& source_language);

// The part of two texts around where they differ, each at most about `width` characters, with
// "…" where text is left out: ("…ohne Termin", "…nur mit Termin").
std::pair<std::string, std::string> changed_parts(std::string_view before, std::string_view after, std::size_t width = 60);

}  // namespace lotse
