// The view of one page language: ICU formatters, catalog messages and the view-model pieces
// (localised text with fallback marking, dates, times, places, cards, course rows) that every
// page of that language uses. What a piece shows of each record kind is in render/kinds/.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "i18n/locale_format.h"
#include "render/glossary_terms.h"
#include "render/mustache_data.h"
#include "render/renderer.h"

namespace lotse {

// "+49 000 1234-56" -> "tel:+49000123456": a tel: URI may not contain spaces.
std::string tel_uri(const std::string& phone);
// "|a|b|": the form the filter script matches whole values in.
std::string tokens(const std::vector<std::string>& values);
std::string tokens(const std::vector<Located>& values);
// Morning, afternoon or evening, from when a course's slots start.
std::vector<std::string> times_of_day(const std::vector<TimeSlot>& slots);

// Everything about one page language that does not change from page to page.
class LanguageView {
public:
    // `memo`: where the language's dates, numbers and names formatted on an earlier run are kept
    // (nullptr: none).
    LanguageView(const RenderInputs& in, std::string language, FormatMemo* memo = nullptr);

    const Data& shared() const { return shared_; }
    const std::string& language() const { return lang_; }
    const std::string& source_language() const { return src_; }
    // The language's number in the plan's languages; their count if it is not one of them.
    std::size_t number() const { return number_; }
    const LocaleFormat& fmt() const { return fmt_; }
    const RenderInputs& inputs() const { return in_; }

    // The language the interface (catalog messages, and the dates and numbers inside them) is in:
    // the page language if it has a catalog, else the source language. Pages say so on <body>.
    const std::string& ui_language() const { return ui_; }

    // Messages without arguments are formatted once per language (labels are asked for on every page).
    std::string msg(std::string_view key, MessageArgs args = {}) const;
    // The language message `key` is really in (the page language, or the source language it borrows).
    std::string msg_language(std::string_view key) const;
    // A catalog message as templates mark it: {label, lang, dir}, with lang false unless the message
    // is in another language than the interface around it.
    Data said(std::string_view key, MessageArgs args = {}) const;
    // {lang, dir} of a text in `language`, lang false where the interface is in that language.
    Data language_marks(const std::string& language) const;

    // Localised text in the page language, or in the source language when untranslated: {text,
    // fallback, lang, dir}. `lang` is set where the text's language differs from the interface's,
    // `fallback` where it is not the page language's; the page then says once that parts of it are
    // not translated yet (untranslated()).
    Data text(const LocalisedText& t) const;
    // A name (of an organisation, a site): marked with its language like text(), but never counted
    // as untranslated, since names are not translated.
    Data proper_name(const LocalisedText& t) const;
    // Markdown rendered for a page at `route`, marked like text() when untranslated. With
    // `link_terms` (a record's own texts), the first mention of a glossary term on the page links
    // to its explanation.
    Data markdown(const LocalisedText& t, const std::string& route, int top_level = 2, bool link_terms = false) const;
    // `terms_in`: the language of the text, whose glossary terms are linked; nullptr links none.
    std::string render_markdown(const std::string& body, const std::string& route, int top_level,
                                const std::string* terms_in = nullptr) const;
    // A new page begins: no glossary term is linked on it yet.
    void begin_page() const { linked_terms_.clear(); }
    // Marks `d` as shown in `language` (lang/dir where that is not the interface's language), and as
    // untranslated where it is not the page language.
    void mark_fallback(Data& d, const std::string& language) const;
    // How many texts shown so far were untranslated; a page compares the count before and after
    // building its body. counted_untranslated() adds one found in a kept list item.
    std::size_t untranslated() const { return untranslated_; }
    void counted_untranslated() const { ++untranslated_; }
    // The note a page with untranslated texts shows once, in the note's own language: {text, lang, dir}.
    Data fallback_note() const;
    // "This translation may be out of date", with the source language's present texts (`texts`:
    // plain, or Markdown rendered for the page at `route`); false if there are none.
    struct SourceText {
        const std::string* text;
        bool markdown;
    };
    Data outdated_notice(const std::vector<SourceText>& texts, const std::string& route) const;
    // Plain text of a localised field in this language (or the source language), for sorting.
    std::string plain(const LocalisedText& t) const;
    // A plain text as a fact of a card or an index entry: {text, lang: false}.
    static Data fact(std::string text);

    // A record's title as lists show it, and as plain text (for sorting and the page's <title>).
    Data title(const RecordEntry& e) const;
    std::string title_text(const RecordEntry& e) const;
    // The view of the source language, for the titles as written there (set by the renderer; this
    // view itself when unset).
    void set_source_view(const LanguageView* source) { source_view_ = source; }
    // The record's title in the source language as {text, lang, dir}, where it differs from the
    // one this language shows; false where it does not.
    Data source_title(const RecordEntry& e) const;
    // Whether the record bears an official name (GlossaryTerms::official): its cards and A–Z entry
    // keep the German name visible.
    bool official(const RecordEntry& e) const;
    // The provider of that id, if it is published.
    const Provider* provider(const std::string& id) const;
    // The provider a record names, as a link from the page at `route`; false if there is none.
    Data provider_link(const std::string& id, const std::string& route) const;

    std::string level(const Level& l) const;
    // "Mo–Fr", "Mo, Mi und Fr": runs of three or more days become a range.
    std::string days(const std::vector<Weekday>& days) const;
    Data slots(const std::vector<TimeSlot>& slots) const;
    std::string address(const Address& a) const;
    // Where something takes place: its own address, its provider's, or online.
    Data location(const Location& loc, const std::string& provider_id) const;
    std::string district(const Location& loc, const std::string& provider_id) const;
    std::string fee(const std::optional<Fee>& fee) const;
    std::string words(const std::vector<Located>& items, std::string_view prefix) const;
    std::string languages(const std::vector<Located>& items) const;
    // Links to the life-phase (`kind` "life_phase") or topic pages of `items`.
    Data terms(const std::vector<Located>& items, std::string_view kind, const std::string& route) const;

    // The facts a list shows under a record's title.
    Data card(const RecordEntry& e, const std::string& route) const;
    // An entry of the A–Z index: the title as a link, what kind of record it is, and what tells
    // records of the same name apart (the course's dates, the provider, the district).
    Data index_entry(const RecordEntry& e, const std::string& route) const;

    // A plural message as {"one": "# course shown", …, "0": "…"} for the filter script, which picks
    // the form with Intl.PluralRules and puts the count where "#" is.
    std::string plural_json(std::string_view key) const;
    // A key that sorts records by their titles as this language shows them (ICU's collation key).
    std::string collation_key(const RecordEntry& e) const { return fmt_.sort_key(title_text(e)); }

private:
    Data messages() const;
    Data message_languages() const;
    Data site_languages() const;

    const RenderInputs& in_;
    std::string src_, lang_, ui_;
    std::size_t number_;
    LocaleFormat fmt_;
    Data shared_;
    mutable Data fallback_note_;
    mutable bool has_fallback_note_ = false;
    mutable std::size_t untranslated_ = 0;
    mutable std::map<std::string, std::string, std::less<>> labels_;
    GlossaryTerms glossary_;
    const LanguageView* source_view_ = nullptr;
    mutable std::set<const RecordEntry*> linked_terms_;  // on the page being built
};

}  // namespace lotse
