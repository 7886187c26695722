// The view of one page language: ICU formatters, catalog messages and the view-model pieces
// (localised text with fallback marking, cards, course rows) that every page of that language uses.
#pragma once

#include <algorithm>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include <kainjow/mustache.hpp>
#include <nlohmann/json.hpp>
#include <unicode/plurrule.h>

#include "i18n/locale_format.h"
#include "markdown/markdown.h"
#include "render/renderer.h"

namespace lotse {

using Data = kainjow::mustache::data;

inline Data list() { return Data(Data::type::list); }

// Mustache sections treat "" as true; an absent value must be false to hide its markup.
inline Data text_or_false(const std::string& s) { return s.empty() ? Data(false) : Data(s); }

// kainjow sets and appends data by copying it, which for a page's lists of cards copies every
// card's HTML again at every level. These move instead. The data behind the const references that
// kainjow hands out is its own, created non-const, so changing it through const_cast is defined.
inline void put(Data& object, const std::string& key, Data&& value) {
    object.set(key, Data(false));
    const_cast<Data&>(*object.get(key)) = std::move(value);
}
inline void append(Data& list, Data&& item) {
    auto& items = const_cast<kainjow::mustache::list&>(list.list_value());
    if (items.size() == items.capacity()) {
        // kainjow's move constructor is not noexcept, so a vector that grows copies every item it
        // holds (each card's HTML, at every doubling). Grown here, they are moved.
        kainjow::mustache::list bigger;
        bigger.reserve(std::max<std::size_t>(8, 2 * items.size()));
        for (Data& d : items) bigger.push_back(std::move(d));
        items.swap(bigger);
    }
    items.push_back(std::move(item));
}
inline Data moved(std::string&& s) {
    Data d(Data::type::string);
    const_cast<std::string&>(d.string_value()) = std::move(s);
    return d;
}

// Mustache cannot ask whether a list is empty, so every list comes with a has_<name> flag for the
// markup around it (<ul> only when there are items).
inline void set_list(Data& d, const std::string& key, Data items) {
    if (items.is_non_empty_list()) d.set("has_" + key, true);
    put(d, key, std::move(items));
}

// "+49 000 1234-56" -> "tel:+49000123456": a tel: URI may not contain spaces.
inline std::string tel_uri(const std::string& phone) {
    std::string out = "tel:";
    for (char ch : phone)
        if ((ch >= '0' && ch <= '9') || (ch == '+' && out.size() == 4)) out += ch;
    return out;
}

inline std::string repeat_up(std::string_view path) {
    std::string out;
    for (char c : path)
        if (c == '/') out += "../";
    return out;
}

// The folder URL of a route ("offers/x/index.html" -> "offers/x/"), for canonical links and sitemaps.
inline std::string pretty(const std::string& route) {
    constexpr std::string_view kIndex = "index.html";
    if (route.size() >= kIndex.size() && route.compare(route.size() - kIndex.size(), kIndex.size(), kIndex) == 0)
        return route.substr(0, route.size() - kIndex.size());
    return route;
}

// Everything about one page language that does not change from page to page.
class LanguageView {
public:
    // `memo`: where the language's dates, numbers and names formatted on an earlier run are kept
    // (nullptr: none).
    LanguageView(const RenderInputs& in, std::string language, FormatMemo* memo = nullptr)
        : in_(in), src_(in.content.site.source_language), lang_(std::move(language)),
          number_(static_cast<std::size_t>(std::find(in.plan.languages.begin(), in.plan.languages.end(), lang_) -
                                           in.plan.languages.begin())),
          fmt_(lang_), src_fmt_(src_) {
        fmt_.remember_in(memo);
        shared_.set("lang", lang_);
        shared_.set("source_lang", src_);
        // The filter script counts with the same digits as the rest of the page.
        shared_.set("numbering", fmt_.numbering_system());
        shared_.set("dir", std::string(fmt_.dir()));
        put(shared_, "t", messages());
        shared_.set("site_title", text(in.content.site.title));
        if (!in.content.site.tagline.empty()) shared_.set("tagline", text(in.content.site.tagline));
        shared_.set("region", in.content.site.region);
        shared_.set("site_email", text_or_false(in.content.site.email));
        shared_.set("site_phone", text_or_false(in.content.site.phone));
        shared_.set("site_phone_uri", tel_uri(in.content.site.phone));
        shared_.set("build_date", fmt_.date(in.today));
        shared_.set("base_url", in.content.site.base_url);
        shared_.set("has_base_url", !in.content.site.base_url.empty());
        Data languages = list();
        for (const std::string& other : in.plan.languages) {
            Data l;
            l.set("lang", other);
            l.set("dir", std::string(LocaleFormat::is_right_to_left(other) ? "rtl" : "ltr"));
            l.set("name", fmt_.native_name(other));
            l.set("current", other == lang_);
            append(languages, std::move(l));
        }
        shared_.set("site_languages", languages);
    }

    const Data& shared() const { return shared_; }
    const std::string& language() const { return lang_; }
    // The language's number in the plan's languages; their count if it is not one of them.
    std::size_t number() const { return number_; }
    const LocaleFormat& fmt() const { return fmt_; }

    // Messages without arguments are formatted once per language (labels are asked for on every page).
    std::string msg(std::string_view key, MessageArgs args = {}) const {
        if (args.size() != 0) return in_.catalogs.format(lang_, key, args);
        auto it = labels_.find(key);
        if (it == labels_.end()) it = labels_.emplace(std::string(key), in_.catalogs.format(lang_, key)).first;
        return it->second;
    }

    // Localised text in the page language, or marked as the source language's when untranslated.
    Data text(const LocalisedText& t) const {
        // Every key a partial reads is set, so that mustache never finds an outer page's value.
        Data d;
        d.set("fallback", false);
        if (const std::string* own = t.find(lang_)) {
            d.set("text", *own);
            return d;
        }
        const std::string* fallback = t.find(src_);
        if (!fallback) {
            d.set("text", t.empty() ? std::string() : t.by_language.begin()->second);
            return d;
        }
        mark_fallback(d);
        d.set("text", *fallback);
        return d;
    }

    // Markdown rendered for a page at `route`, marked like text() when untranslated.
    Data markdown(const LocalisedText& t, const std::string& route, int top_level = 2) const {
        Data d;
        d.set("fallback", false);
        d.set("html", false);
        const std::string* body = t.find(lang_);
        if (!body) {
            body = t.find(src_);
            if (body) mark_fallback(d);
        }
        if (!body) return d;
        d.set("html", render_markdown(*body, route, top_level));
        return d;
    }

    std::string render_markdown(const std::string& body, const std::string& route, int top_level) const {
        return markdown::to_html(
            body,
            [&](std::string_view kind, std::string_view id) -> std::string {
                const RecordEntry* e = in_.plan.find(std::string(kind), std::string(id));
                return e ? link(route, e->route) : std::string();
            },
            top_level);
    }

    void mark_fallback(Data& d) const {
        if (fallback_note_.empty()) fallback_note_ = msg("fallback.note", {{"language", fmt_.language_name(src_)}});
        d.set("fallback", true);
        d.set("lang", src_);
        d.set("dir", std::string(LocaleFormat::is_right_to_left(src_) ? "rtl" : "ltr"));
        d.set("note", fallback_note_);
    }

    // Plain text of a localised field in this language (or the source language), for sorting.
    std::string plain(const LocalisedText& t) const {
        if (const std::string* s = t.find(lang_)) return *s;
        if (const std::string* s = t.find(src_)) return *s;
        return t.empty() ? std::string() : t.by_language.begin()->second;
    }

    // A link from the page at `from` to the page at `to`, both routes inside this language.
    static std::string link(const std::string& from, const std::string& to) { return repeat_up(from) + to; }

    std::string level(const Level& l) const {
        if (l.from == l.to) return l.from;
        return msg("range", {{"from", l.from}, {"to", l.to}});
    }

    std::string course_title(const Course& c) const {
        if (!c.title.empty()) return plain(c.title);
        return msg("course.default_title", {{"type", msg("course_type." + c.type.value)}, {"level", level(c.level)}});
    }

    Data title(const RecordEntry& e) const {  // NOLINT: one branch per kind
        const Record& r = *e.record;
        if (e.kind == "provider") return text(static_cast<const Provider&>(r).name);
        if (e.kind == "offer") return text(static_cast<const Offer&>(r).title);
        if (e.kind == "contact") return text(static_cast<const Contact&>(r).name);
        if (e.kind == "pathway") return text(static_cast<const Pathway&>(r).title);
        const Course& c = static_cast<const Course&>(r);
        if (!c.title.empty()) return text(c.title);
        Data d;
        d.set("fallback", false);
        d.set("text", course_title(c));
        return d;
    }

    std::string title_text(const RecordEntry& e) const {
        const Record& r = *e.record;
        if (e.kind == "provider") return plain(static_cast<const Provider&>(r).name);
        if (e.kind == "offer") return plain(static_cast<const Offer&>(r).title);
        if (e.kind == "contact") return plain(static_cast<const Contact&>(r).name);
        if (e.kind == "pathway") return plain(static_cast<const Pathway&>(r).title);
        return course_title(static_cast<const Course&>(r));
    }

    const Provider* provider(const std::string& id) const {
        const RecordEntry* e = in_.plan.find("provider", id);
        return e ? static_cast<const Provider*>(e->record) : nullptr;
    }

    // "Mo–Fr", "Mo, Mi und Fr": runs of three or more days become a range.
    std::string days(const std::vector<Weekday>& days) const {
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

    Data slots(const std::vector<TimeSlot>& slots) const {
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

    std::string address(const Address& a) const {
        std::string out = a.street;
        const std::string place = a.postcode + (a.postcode.empty() || a.city.empty() ? "" : " ") + a.city;
        if (!place.empty()) out += (out.empty() ? "" : ", ") + place;
        return out;
    }

    // Where something takes place: its own address, its provider's, or online.
    Data location(const Location& loc, const std::string& provider_id) const {
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

    std::string fee(const std::optional<Fee>& fee) const {
        if (!fee) return {};
        if (fee->free) return msg("fee.free");
        return fmt_.money(fee->amount, fee->currency);
    }

    std::string words(const std::vector<Located>& items, std::string_view prefix) const {
        std::vector<std::string> labels;
        for (const Located& i : items) labels.push_back(msg(std::string(prefix) + i.value));
        return fmt_.list(labels);
    }

    std::string languages(const std::vector<Located>& items) const {
        std::vector<std::string> names;
        for (const Located& i : items) names.push_back(fmt_.language_name(i.value));
        return fmt_.list(names);
    }

    Data terms(const std::vector<Located>& items, std::string_view kind, const std::string& route) const {
        Data out = list();
        const std::string folder = kind == "life_phase" ? "life-phases/" : "topics/";
        for (const Located& i : items) {
            Data d;
            d.set("label", msg(std::string(kind) + "." + i.value));
            d.set("href", link(route, folder + i.value + ".html"));
            append(out, std::move(d));
        }
        return out;
    }

    // The facts a list shows under a record's title.
    Data card(const RecordEntry& e, const std::string& route) const {
        Data d;
        d.set("summary", false);
        d.set("filter", false);
        d.set("id", e.record->id);
        d.set("href", link(route, e.route));
        d.set("title", title(e));
        d.set("kind", msg("kind." + e.kind));
        d.set("kind_id", e.kind);
        const Record& r = *e.record;
        Data facts = list();
        if (e.kind == "offer") {
            const Offer& o = static_cast<const Offer&>(r);
            d.set("summary", text(o.summary));
            if (const Provider* p = provider(o.provider.value)) append(facts, Data(plain(p->name)));
        } else if (e.kind == "course") {
            const Course& c = static_cast<const Course&>(r);
            append(facts, Data(fmt_.date_range(c.start, c.end)));
            append(facts, Data(msg("level.label", {{"level", level(c.level)}})));
            if (const Provider* p = provider(c.provider.value)) append(facts, Data(plain(p->name)));
        } else if (e.kind == "contact") {
            const Contact& c = static_cast<const Contact&>(r);
            if (const Provider* p = provider(c.organisation.value)) append(facts, Data(plain(p->name)));
            if (!c.languages.empty()) append(facts, Data(msg("contact.languages_short", {{"languages", languages(c.languages)}})));
            if (!c.hours.empty())
                append(facts, Data(days(c.hours.front().days) + " " + fmt_.time_range(c.hours.front().from, c.hours.front().to)));
            Data filter;
            filter.set("topic", tokens(c.topics));
            filter.set("life_phase", tokens(c.life_phases));
            filter.set("language", tokens(c.languages));
            d.set("filter", filter);
        } else if (e.kind == "pathway") {
            const Pathway& p = static_cast<const Pathway&>(r);
            if (!p.summary.empty()) d.set("summary", text(p.summary));
            append(facts, Data(msg("pathway.steps", {{"count", static_cast<long long>(p.steps.size())}})));
        } else if (e.kind == "provider") {
            const Provider& p = static_cast<const Provider&>(r);
            if (p.location && !p.location->district.empty()) append(facts, Data(p.location->district));
        }
        set_list(d, "facts", facts);
        return d;
    }

    // An entry of the A–Z index: the title as a link, what kind of record it is, and what tells
    // records of the same name apart (the course's dates, the provider, the district).
    Data index_entry(const RecordEntry& e, const std::string& route) const {
        Data d;
        d.set("href", link(route, e.route));
        d.set("title", title(e));
        d.set("kind", msg("kind." + e.kind));
        const Record& r = *e.record;
        Data details = list();
        auto by = [&](const std::string& id) {
            if (const Provider* p = provider(id)) append(details, Data(plain(p->name)));
        };
        if (e.kind == "offer") by(static_cast<const Offer&>(r).provider.value);
        else if (e.kind == "contact") by(static_cast<const Contact&>(r).organisation.value);
        else if (e.kind == "course") {
            const Course& c = static_cast<const Course&>(r);
            append(details, Data(fmt_.date_range(c.start, c.end)));
            by(c.provider.value);
        } else if (e.kind == "provider") {
            const Provider& p = static_cast<const Provider&>(r);
            if (p.location && !p.location->district.empty()) append(details, Data(p.location->district));
        }
        set_list(d, "details", details);
        return d;
    }

    // CEFR levels a course covers: A1–B1 -> A1, A2, B1.
    static std::vector<std::string> levels_between(const Level& l) {
        static const std::vector<std::string> kCefr = {"A1", "A2", "B1", "B2", "C1", "C2"};
        std::vector<std::string> out;
        bool inside = false;
        for (const std::string& level : kCefr) {
            inside = inside || level == l.from;
            if (inside) out.push_back(level);
            if (level == l.to) break;
        }
        return out;
    }

    // Morning, afternoon or evening, from when a course's slots start.
    static std::vector<std::string> times_of_day(const std::vector<TimeSlot>& slots) {
        std::vector<std::string> out;
        auto add = [&](const char* t) {
            if (std::find(out.begin(), out.end(), t) == out.end()) out.push_back(t);
        };
        for (const TimeSlot& s : slots) add(s.from < 12 * 60 ? "morning" : s.from < 17 * 60 ? "afternoon" : "evening");
        return out;
    }

    // "|a|b|": the form the filter script matches whole values in.
    static std::string tokens(const std::vector<std::string>& values) {
        std::string out = "|";
        for (const std::string& v : values) out += v + "|";
        return out;
    }
    static std::string tokens(const std::vector<Located>& values) {
        std::vector<std::string> plain;
        for (const Located& v : values) plain.push_back(v.value);
        return tokens(plain);
    }

    std::string district(const Location& loc, const std::string& provider_id) const {
        if (loc.kind == Location::Kind::address) return loc.address.district;
        if (loc.kind == Location::Kind::online) return {};
        const Provider* p = provider(provider_id);
        return p && p->location ? p->location->district : std::string();
    }

    // One course as a row of the overview: every fact a newcomer or a partner needs at a glance.
    Data course_row(const RecordEntry& e, const std::string& route) const {
        const Course& c = static_cast<const Course&>(*e.record);
        Data d;
        d.set("id", c.id);
        d.set("href", link(route, e.route));
        d.set("title", title(e));
        d.set("type", msg("course_type." + c.type.value));
        d.set("level", level(c.level));
        d.set("dates", fmt_.date_range(c.start, c.end));
        set_list(d, "schedule", slots(c.schedule));
        d.set("lessons", text_or_false(c.lessons ? msg("course.lessons", {{"count", static_cast<long long>(*c.lessons)}}) : ""));
        d.set("mode", msg("mode." + c.mode));
        const std::string where = district(c.location, c.provider.value);
        d.set("district", text_or_false(c.location.kind == Location::Kind::online ? msg("location.online") : where));
        if (const RecordEntry* p = in_.plan.find("provider", c.provider.value)) {
            d.set("provider", title(*p));
            d.set("provider_href", link(route, p->route));
        } else {
            d.set("provider", false);
        }
        d.set("childcare", text_or_false(c.childcare.value_or(false) ? msg("childcare.yes") : ""));
        d.set("seats", text_or_false(c.seats.empty() ? "" : msg("seats." + c.seats)));
        d.set("seats_id", c.seats);
        d.set("fee", text_or_false(fee(c.fee)));
        Data reg;
        reg.set("deadline", false);
        reg.set("phone", false);
        reg.set("email", false);
        reg.set("url", false);
        if (c.registration) {
            const Registration& r = *c.registration;
            if (r.deadline) reg.set("deadline", msg("registration.deadline", {{"date", fmt_.date(*r.deadline)}}));
            if (!r.phone.empty()) {
                reg.set("phone", r.phone);
                reg.set("phone_uri", tel_uri(r.phone));
            }
            if (!r.email.empty()) reg.set("email", r.email);
            if (!r.url.empty()) reg.set("url", r.url);
        }
        d.set("registration", reg);
        // What the filters match on.
        d.set("f_type", tokens(std::vector<std::string>{c.type.value}));
        d.set("f_level", tokens(levels_between(c.level)));
        d.set("f_district", tokens(std::vector<std::string>{where}));
        d.set("f_time", tokens(times_of_day(c.schedule)));
        d.set("f_childcare", c.childcare.value_or(false) ? "|yes|" : "|no|");
        d.set("f_seats", c.seats == "open" || c.seats == "few" ? "|available|" : "|" + c.seats + "|");
        return d;
    }

    // A plural message as {"one": "# course shown", …, "0": "…"} for the filter script, which picks
    // the form with Intl.PluralRules and puts the count where "#" is.
    std::string plural_json(std::string_view key) const {
        nlohmann::ordered_json out;
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::PluralRules> rules(icu::PluralRules::forLocale(icu::Locale(lang_.c_str()), status));
        if (U_FAILURE(status)) return "{}";
        std::unique_ptr<icu::StringEnumeration> keywords(rules->getKeywords(status));
        while (const char* keyword = keywords ? keywords->next(nullptr, status) : nullptr) {
            double samples[32];
            const int32_t n = rules->getSamples(icu::UnicodeString(keyword), samples, 32, status);
            std::optional<long long> pick;
            for (int32_t i = 0; i < n && !pick; ++i)
                if (samples[i] > 1 && samples[i] == static_cast<long long>(samples[i])) pick = static_cast<long long>(samples[i]);
            for (int32_t i = 0; i < n && !pick; ++i)
                if (samples[i] == static_cast<long long>(samples[i])) pick = static_cast<long long>(samples[i]);
            if (!pick) continue;
            std::string text = msg(key, {{"count", *pick}});
            const std::string number = fmt_.number(*pick);
            if (const auto at = text.find(number); at != std::string::npos) text.replace(at, number.size(), "#");
            out[keyword] = text;
        }
        out["0"] = msg(key, {{"count", 0LL}});
        return out.dump();
    }

    // A key that sorts records by their titles as this language shows them (ICU's collation key).
    std::string collation_key(const RecordEntry& e) const { return fmt_.sort_key(title_text(e)); }

private:
    // Every catalog message that needs no argument, as nested data: "nav.courses" -> t.nav.courses.
    Data messages() const {
        Data t;
        for (const std::string& key : in_.catalogs.keys()) {
            Data* node = &t;
            std::size_t start = 0;
            bool ok = true;
            for (std::size_t dot; (dot = key.find('.', start)) != std::string::npos; start = dot + 1) {
                const std::string part = key.substr(start, dot - start);
                const Data* child = node->get(part);
                if (!child) {
                    put(*node, part, Data());
                    child = node->get(part);
                }
                if (!child->is_object()) {
                    ok = false;
                    break;
                }
                node = const_cast<Data*>(child);
            }
            if (ok) put(*node, key.substr(start), moved(msg(key)));
        }
        return t;
    }

    const RenderInputs& in_;
    std::string src_, lang_;
    std::size_t number_;
    LocaleFormat fmt_, src_fmt_;
    Data shared_;
    mutable std::string fallback_note_;
    mutable std::map<std::string, std::string, std::less<>> labels_;
};

}  // namespace lotse
