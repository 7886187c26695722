// The texts a translator translates, each with a stable id (PRODUCT.md "Translations and their
// currency"): every localised field of a record (`offer/kita-sprechstunde/title`,
// `pathway/ankommen/steps/2/text`) and of site.yaml (`site/title`), the title and body of every
// free page (`page/imprint/title`, `page/imprint/body`) and every message of the site's own
// catalogs (`catalog/nav.courses`). Dates, times, prices, levels and the other structured fields
// are not texts: they are formatted for each language and never go out of date.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "content/calendar.h"
#include "content/kinds.h"
#include "content/records.h"

namespace lotse {

enum class TextSyntax : std::uint8_t { plain, markdown, icu };

struct TextUnit {
    struct Translation {
        std::string text;
        SourcePos pos;
        bool tracked = true;  // false for a built-in catalog's message: Lotse's own, always current
    };
    std::string id;
    std::string what;  // for people: "offer kita-sprechstunde, title"
    TextSyntax syntax = TextSyntax::plain;
    std::string source;
    SourcePos source_pos;
    std::map<std::string, Translation> translations;  // by language, never the source language
    bool published = true;  // shown on the site on the day (a course that has ended is not)
};

// A message of one of the site's own catalogs (i18n/<lang>.txt), as the catalog module reads it.
struct CatalogText {
    std::string language, key, text;
    SourcePos pos;
    bool own = true;  // from the site's own catalog, not a built-in one
};

// Every text of the site, in a stable order: site.yaml, the records by kind and id, the free
// pages, the catalog messages. `catalog` holds the messages of the site's catalogs in every
// language (the source language's included: they are the source of the others).
std::vector<TextUnit> text_units(const Content& content, Date today, const std::vector<CatalogText>& catalog = {});
// Its three parts, for a caller that keeps what it found of each record between builds (the
// preview): site.yaml's texts; one record's (R: a record kind); the free pages' and the catalogs'.
std::vector<TextUnit> site_text_units(const Content& content);
template <typename R>
std::vector<TextUnit> record_text_units(const R& r, Date today, const std::string& source_language);
std::vector<TextUnit> page_text_units(const Content& content, const std::vector<CatalogText>& catalog);

// Whether a REF (`offer/kita-sprechstunde`, `offer/kita-sprechstunde/title`, `page/imprint`)
// names the text with this id: the id itself or one of its parents.
bool names(std::string_view ref, std::string_view id);

// Calls visit(path, text, syntax) for each localised field of a record, with the field's path as
// unit ids write it ("title", "steps/2/text"). R may be const.
template <typename R, typename V>
void each_localised(R& r, V&& visit) {
    using T = std::remove_const_t<R>;
    constexpr TextSyntax plain = TextSyntax::plain, markdown = TextSyntax::markdown;
    auto notes = [&](std::string_view list, auto& slots) {
        for (std::size_t i = 0; i < slots.size(); ++i) {
            std::string path(list);
            path += '/';
            path += std::to_string(i);
            path += "/note";
            visit(std::string_view(path), slots[i].note, plain);
        }
    };
    if constexpr (std::is_same_v<T, Provider> || std::is_same_v<T, Contact>) visit(std::string_view("name"), r.name, plain);
    if constexpr (requires { r.title; }) visit(std::string_view("title"), r.title, plain);
    if constexpr (requires { r.summary; }) visit(std::string_view("summary"), r.summary, plain);
    visit(std::string_view("description"), r.description, markdown);
    if constexpr (std::is_same_v<T, GlossaryTerm>) visit(std::string_view("explanation"), r.explanation, markdown);
    if constexpr (requires { r.fee_note; }) visit(std::string_view("fee_note"), r.fee_note, plain);
    if constexpr (std::is_same_v<T, Course>) notes("schedule", r.schedule);
    if constexpr (std::is_same_v<T, Contact>) notes("hours", r.hours);
    if constexpr (std::is_same_v<T, Pathway>)
        for (std::size_t i = 0; i < r.steps.size(); ++i) {
            const std::string step = "steps/" + std::to_string(i);
            visit(std::string_view(step + "/title"), r.steps[i].title, plain);
            visit(std::string_view(step + "/text"), r.steps[i].text, markdown);
        }
}

}  // namespace lotse
