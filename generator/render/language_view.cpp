#include "render/language_view.h"

#include <algorithm>
#include <memory>

#include <nlohmann/json.hpp>
#include <unicode/plurrule.h>

#include "content/domain.h"
#include "markdown/markdown.h"
#include "render/content_policy.h"
#include "render/kinds/kinds.h"
#include "site/routes.h"

namespace lotse {

std::string tel_uri(const std::string& phone) {
    std::string out = "tel:";
    for (char ch : phone)
        if ((ch >= '0' && ch <= '9') || (ch == '+' && out.size() == 4)) out += ch;
    return out;
}

std::string tokens(const std::vector<std::string>& values) {
    std::string out = "|";
    for (const std::string& v : values) out += v + "|";
    return out;
}

std::string tokens(const std::vector<Located>& values) {
    std::vector<std::string> plain;
    for (const Located& v : values) plain.push_back(v.value);
    return tokens(plain);
}

std::vector<std::string> times_of_day(const std::vector<TimeSlot>& slots) {
    std::vector<std::string> out;
    for (const TimeSlot& s : slots) {
        const std::string_view t = domain::kTimesOfDay[s.from < 12 * 60 ? 0 : s.from < 17 * 60 ? 1 : 2];
        if (std::find(out.begin(), out.end(), t) == out.end()) out.emplace_back(t);
    }
    return out;
}

LanguageView::LanguageView(const RenderInputs& in, std::string language, FormatMemo* memo)
    : in_(in), src_(in.content.site.source_language), lang_(std::move(language)),
      ui_(in.catalogs.has_catalog(lang_) ? lang_ : src_),
      number_(static_cast<std::size_t>(std::find(in.plan.languages.begin(), in.plan.languages.end(), lang_) -
                                       in.plan.languages.begin())),
      fmt_(ui_), glossary_(in.plan, lang_, src_) {
    fmt_.remember_in(memo);
    shared_.set("lang", lang_);
    shared_.set("source_lang", src_);
    // A language without a catalog shows the interface in the source language: <body> says so,
    // and the page language's own texts inside it say theirs.
    shared_.set("ui_foreign", ui_ != lang_);
    shared_.set("ui_lang", ui_);
    shared_.set("ui_dir", std::string(LocaleFormat::direction(ui_)));
    // The filter script counts with the same digits as the rest of the interface.
    shared_.set("numbering", fmt_.numbering_system());
    shared_.set("dir", std::string(LocaleFormat::direction(lang_)));
    shared_.set("content_policy", content_policy());
    shared_.set("referrer_policy", std::string(kReferrerPolicy));
    put(shared_, "t", messages());
    put(shared_, "tl", message_languages());
    shared_.set("site_title", proper_name(in.content.site.title));
    if (!in.content.site.tagline.empty()) shared_.set("tagline", proper_name(in.content.site.tagline));
    shared_.set("region", in.content.site.region);
    shared_.set("site_email", text_or_false(in.content.site.email));
    shared_.set("site_phone", text_or_false(in.content.site.phone));
    shared_.set("site_phone_uri", tel_uri(in.content.site.phone));
    shared_.set("build_date", fmt_.date(in.today));
    // Shown by the offline copy's service worker in each page it serves from its cache: the date
    // is the build's, so old course dates are not taken for current ones.
    shared_.set("offline_note", msg("offline.note", {{"date", fmt_.date(in.today)}}));
    shared_.set("base_url", in.content.site.base_url);
    shared_.set("has_base_url", !in.content.site.base_url.empty());
    shared_.set("site_languages", site_languages());
}

Data LanguageView::site_languages() const {
    Data languages = list();
    for (const std::string& other : in_.plan.languages) {
        Data l;
        l.set("lang", other);
        l.set("dir", std::string(LocaleFormat::direction(other)));
        l.set("name", fmt_.native_name(other));
        l.set("current", other == lang_);
        append(languages, std::move(l));
    }
    return languages;
}

std::string LanguageView::msg(std::string_view key, MessageArgs args) const {
    if (args.size() != 0) return in_.catalogs.format(lang_, key, args);
    auto it = labels_.find(key);
    if (it == labels_.end()) it = labels_.emplace(std::string(key), in_.catalogs.format(lang_, key)).first;
    return it->second;
}

std::string LanguageView::msg_language(std::string_view key) const {
    std::string language = in_.catalogs.language_of(lang_, key);
    return language.empty() ? ui_ : language;
}

Data LanguageView::language_marks(const std::string& language) const {
    Data d;
    d.set("lang", language == ui_ ? Data(false) : Data(language));
    d.set("dir", std::string(LocaleFormat::direction(language)));
    return d;
}

Data LanguageView::said(std::string_view key, MessageArgs args) const {
    Data d = language_marks(msg_language(key));
    d.set("label", msg(key, args));
    return d;
}

Data LanguageView::text(const LocalisedText& t) const {
    // Every key a partial reads is set, so that mustache never finds an outer page's value.
    Data d;
    if (const std::string* own = t.find(lang_)) {
        d.set("text", *own);
        mark_fallback(d, lang_);
    } else if (const std::string* fallback = t.find(src_)) {
        d.set("text", *fallback);
        mark_fallback(d, src_);
    } else if (!t.empty()) {
        d.set("text", t.by_language.begin()->second);
        mark_fallback(d, t.by_language.begin()->first);
    } else {
        d.set("text", std::string());
        mark_fallback(d, lang_);
    }
    return d;
}

Data LanguageView::proper_name(const LocalisedText& t) const {
    const std::size_t counted = untranslated_;
    Data d = text(t);
    untranslated_ = counted;
    d.set("fallback", false);
    return d;
}

Data LanguageView::markdown(const LocalisedText& t, const std::string& route, int top_level, bool link_terms) const {
    Data d;
    d.set("html", false);
    const std::string* body = t.find(lang_);
    const std::string& language = body ? lang_ : src_;
    if (!body) body = t.find(src_);
    if (!body) {
        d.set("fallback", false);
        d.set("lang", false);
        return d;
    }
    mark_fallback(d, language);
    d.set("html", render_markdown(*body, route, top_level, link_terms ? &language : nullptr));
    return d;
}

std::string LanguageView::render_markdown(const std::string& body, const std::string& route, int top_level,
                                          const std::string* terms_in) const {
    const markdown::TextLinker terms = terms_in ? glossary_.linker(route, *terms_in, linked_terms_) : markdown::TextLinker();
    return markdown::to_html(
        body,
        [&](std::string_view kind, std::string_view id) -> std::string {
            const RecordEntry* e = in_.plan.find(kind, std::string(id));
            return e ? routes::link(route, e->route) : std::string();
        },
        top_level, &terms);
}

void LanguageView::mark_fallback(Data& d, const std::string& language) const {
    const bool untranslated = language != lang_;
    if (untranslated) ++untranslated_;
    d.set("fallback", untranslated);
    d.set("lang", language == ui_ ? Data(false) : Data(language));
    d.set("dir", std::string(LocaleFormat::direction(language)));
}

Data LanguageView::fallback_note() const {
    if (!has_fallback_note_) {
        // The source language named in the note's own language: "Deutsch" in a German note.
        const std::string language = msg_language("fallback.page");
        const std::string source_name = language == ui_ ? fmt_.language_name(src_) : LocaleFormat::own_name(src_);
        fallback_note_ = said("fallback.page", {{"language", source_name}});
        has_fallback_note_ = true;
    }
    return fallback_note_;
}

Data LanguageView::fact(std::string text) {
    Data d;
    d.set("text", moved(std::move(text)));
    d.set("lang", false);
    return d;
}

Data LanguageView::outdated_notice(const std::vector<SourceText>& texts, const std::string& route) const {
    if (texts.empty()) return Data(false);
    // The source language named in the note's own language, as in fallback_note().
    const std::string source_name = msg_language("outdated.note") == ui_ ? fmt_.language_name(src_) : LocaleFormat::own_name(src_);
    Data d;
    d.set("note", said("outdated.note", {{"language", source_name}}));
    d.set("source_label", said("outdated.source", {{"language", source_name}}));
    d.set("lang", src_);
    d.set("dir", std::string(LocaleFormat::direction(src_)));
    Data items = list();
    for (const SourceText& t : texts) {
        Data item;
        item.set("text", *t.text);
        item.set("html", t.markdown ? Data(render_markdown(*t.text, route, 3)) : Data(false));
        append(items, std::move(item));
    }
    d.set("items", std::move(items));
    return d;
}

std::string LanguageView::plain(const LocalisedText& t) const {
    if (const std::string* s = t.find(lang_)) return *s;
    if (const std::string* s = t.find(src_)) return *s;
    return t.empty() ? std::string() : t.by_language.begin()->second;
}

Data LanguageView::title(const RecordEntry& e) const {
    return e.visit([&](const auto& r) { return lotse::title(*this, r); });
}

std::string LanguageView::title_text(const RecordEntry& e) const {
    return e.visit([&](const auto& r) { return lotse::title_text(*this, r); });
}

Data LanguageView::source_title(const RecordEntry& e) const {
    if (lang_ == src_ || !source_view_ || source_view_ == this) return Data(false);
    std::string source = source_view_->title_text(e);
    if (source.empty() || source == title_text(e)) return Data(false);
    Data d;
    d.set("text", moved(std::move(source)));
    d.set("lang", src_);
    d.set("dir", std::string(LocaleFormat::direction(src_)));
    return d;
}

bool LanguageView::official(const RecordEntry& e) const {
    if (in_.content.glossary.empty()) return false;  // and no title needs making for it
    const LanguageView& source = source_view_ ? *source_view_ : *this;
    return glossary_.official(e, source.title_text(e));
}

const Provider* LanguageView::provider(const std::string& id) const {
    const RecordEntry* e = in_.plan.find(RecordKind::provider, id);
    return e ? &e->as<Provider>() : nullptr;
}

Data LanguageView::provider_link(const std::string& id, const std::string& route) const {
    const RecordEntry* e = in_.plan.find(RecordKind::provider, id);
    if (!e) return Data(false);
    Data d;
    d.set("href", routes::link(route, e->route));
    d.set("name", title(*e));
    return d;
}

std::string LanguageView::level(const Level& l) const {
    if (l.from == l.to) return l.from;
    return msg("range", {{"from", l.from}, {"to", l.to}});
}

std::string LanguageView::days(const std::vector<Weekday>& days) const {
    std::vector<int> sorted;
    for (Weekday d : days) sorted.push_back(static_cast<int>(d));
    std::sort(sorted.begin(), sorted.end());
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
    std::vector<std::string> parts;
    for (std::size_t i = 0; i < sorted.size();) {
        std::size_t j = i;
        while (j + 1 < sorted.size() && sorted[j + 1] == sorted[j] + 1) ++j;
        if (j - i >= 2) {
            parts.push_back(msg("range", {{"from", fmt_.weekday(static_cast<Weekday>(sorted[i]))},
                                          {"to", fmt_.weekday(static_cast<Weekday>(sorted[j]))}}));
        } else {
            for (std::size_t k = i; k <= j; ++k) parts.push_back(fmt_.weekday(static_cast<Weekday>(sorted[k])));
        }
        i = j + 1;
    }
    return fmt_.list(parts);
}

Data LanguageView::slots(const std::vector<TimeSlot>& slots) const {
    Data out = list();
    for (const TimeSlot& s : slots) {
        Data row;
        row.set("days", days(s.days));
        row.set("time", fmt_.time_range(s.from, s.to));
        row.set("note", s.note.empty() ? Data(false) : text(s.note));
        append(out, std::move(row));
    }
    return out;
}

std::string LanguageView::address(const Address& a) const {
    std::string out = a.street;
    const std::string place = a.postcode + (a.postcode.empty() || a.city.empty() ? "" : " ") + a.city;
    if (!place.empty()) out += (out.empty() ? "" : ", ") + place;
    return out;
}

Data LanguageView::location(const Location& loc, const std::string& provider_id) const {
    Data d;
    d.set("online", false);
    d.set("address", false);
    d.set("district", false);
    if (loc.kind == Location::Kind::online) {
        d.set("online", msg("location.online"));
        return d;
    }
    const Address* a = nullptr;
    if (loc.kind == Location::Kind::address) a = &loc.address;
    else if (const Provider* p = provider(provider_id); p && p->location) a = &*p->location;
    if (!a) return Data(false);
    d.set("address", address(*a));
    if (!a->district.empty()) d.set("district", a->district);
    return d;
}

std::string LanguageView::district(const Location& loc, const std::string& provider_id) const {
    if (loc.kind == Location::Kind::address) return loc.address.district;
    if (loc.kind == Location::Kind::online) return {};
    const Provider* p = provider(provider_id);
    return p && p->location ? p->location->district : std::string();
}

std::string LanguageView::fee(const std::optional<Fee>& fee) const {
    if (!fee) return {};
    if (fee->free) return msg("fee.free");
    return fmt_.money(fee->amount, fee->currency);
}

std::string LanguageView::words(const std::vector<Located>& items, std::string_view prefix) const {
    std::vector<std::string> labels;
    for (const Located& i : items) labels.push_back(msg(std::string(prefix) + i.value));
    return fmt_.list(labels);
}

std::string LanguageView::languages(const std::vector<Located>& items) const {
    std::vector<std::string> names;
    for (const Located& i : items) names.push_back(fmt_.language_name(i.value));
    return fmt_.list(names);
}

Data LanguageView::terms(const std::vector<Located>& items, std::string_view kind, const std::string& route) const {
    Data out = list();
    for (const Located& i : items) {
        Data d;
        d.set("label", msg(std::string(kind) + "." + i.value));
        d.set("href", routes::link(route, kind == "life_phase" ? routes::life_phase(i.value) : routes::topic(i.value)));
        append(out, std::move(d));
    }
    return out;
}

Data LanguageView::card(const RecordEntry& e, const std::string& route) const {
    Data d;
    d.set("summary", false);
    d.set("filter", false);
    d.set("id", e.record->id);
    d.set("href", routes::link(route, e.route));
    d.set("title", title(e));
    d.set("title_de", e.kind != RecordKind::glossary && official(e) ? source_title(e) : Data(false));
    d.set("kind", msg("kind." + std::string(name(e.kind))));
    d.set("kind_id", std::string(name(e.kind)));
    Data facts = list();
    e.visit([&](const auto& r) { card_facts(*this, r, d, facts); });
    set_list(d, "facts", facts);
    return d;
}

Data LanguageView::index_entry(const RecordEntry& e, const std::string& route) const {
    Data d;
    d.set("href", routes::link(route, e.route));
    d.set("title", title(e));
    d.set("title_de", e.kind != RecordKind::glossary && official(e) ? source_title(e) : Data(false));
    d.set("kind", msg("kind." + std::string(name(e.kind))));
    Data details = list();
    e.visit([&](const auto& r) { index_details(*this, r, details); });
    set_list(d, "details", details);
    return d;
}

std::string LanguageView::plural_json(std::string_view key) const {
    nlohmann::ordered_json out;
    UErrorCode status = U_ZERO_ERROR;
    // The message's own grammar: a message borrowed from the source language counts in its plurals.
    const std::string language = msg_language(key);
    std::unique_ptr<icu::PluralRules> rules(icu::PluralRules::forLocale(icu::Locale(language.c_str()), status));
    if (U_FAILURE(status)) return "{}";
    std::unique_ptr<icu::StringEnumeration> keywords(rules->getKeywords(status));
    while (const char* keyword = keywords ? keywords->next(nullptr, status) : nullptr) {
        double samples[32];
        const int32_t n = rules->getSamples(icu::UnicodeString(keyword), samples, 32, status);
        // A whole number of the form to write it out with: one over 1 if there is one, else 1, and
        // 0 only for a form that has no other number. The messages say 0 in a case of its own
        // ("=0 {no course matches}"), and 0 is also a sample of "one" in some languages (fa, ti).
        std::optional<long long> pick;
        for (const double least : {2.0, 1.0, 0.0})
            for (int32_t i = 0; i < n && !pick; ++i)
                if (samples[i] >= least && samples[i] == static_cast<long long>(samples[i]))
                    pick = static_cast<long long>(samples[i]);
        if (!pick) continue;
        std::string text = msg(key, {{"count", *pick}});
        const std::string number = fmt_.number(*pick);
        if (const auto at = text.find(number); at != std::string::npos) text.replace(at, number.size(), 1, '#');
        out[keyword] = text;
    }
    out["0"] = msg(key, {{"count", 0LL}});
    return out.dump();
}

// Every catalog message that needs no argument, as nested data: "nav.courses" -> t.nav.courses.
Data LanguageView::messages() const {
    Data t;
    for (const std::string& key : in_.catalogs.keys()) {
        Data* node = &t;
        std::size_t start = 0;
        for (std::size_t dot; node && (dot = key.find('.', start)) != std::string::npos; start = dot + 1)
            node = child_object(*node, key.substr(start, dot - start));
        if (node) put(*node, key.substr(start), moved(msg(key)));
    }
    return t;
}

// For each message in another language than the interface around it, the attributes that say so,
// for the element that holds it: "nav.az" -> tl.nav.az = ` lang="de" dir="ltr"`. Others are absent.
Data LanguageView::message_languages() const {
    Data tl;
    for (const std::string& key : in_.catalogs.keys()) {
        const std::string language = msg_language(key);
        if (language == ui_) continue;
        Data* node = &tl;
        std::size_t start = 0;
        for (std::size_t dot; node && (dot = key.find('.', start)) != std::string::npos; start = dot + 1)
            node = child_object(*node, key.substr(start, dot - start));
        if (node)
            put(*node, key.substr(start),
                moved(" lang=\"" + language + "\" dir=\"" + std::string(LocaleFormat::direction(language)) + "\""));
    }
    return tl;
}

}  // namespace lotse
