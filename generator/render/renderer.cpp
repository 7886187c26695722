#include "render/renderer.h"

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <tuple>

#include <unicode/alphaindex.h>

#include "i18n/locale_format.h"
#include "markdown/markdown.h"

namespace lotse {

namespace {

using Data = kainjow::mustache::data;
using Context = kainjow::mustache::context<std::string>;

Data list() { return Data(Data::type::list); }

// Mustache cannot ask whether a list is empty, so every list comes with a has_<name> flag for the
// markup around it (<ul> only when there are items).
void set_list(Data& d, const std::string& key, const Data& items) {
    if (items.is_non_empty_list()) d.set("has_" + key, true);
    d.set(key, items);
}

// "+49 000 1234-56" -> "tel:+49000123456": a tel: URI may not contain spaces.
std::string tel_uri(const std::string& phone) {
    std::string out = "tel:";
    for (char ch : phone)
        if ((ch >= '0' && ch <= '9') || (ch == '+' && out.size() == 4)) out += ch;
    return out;
}

std::string repeat_up(std::string_view path) {
    std::string out;
    for (char c : path)
        if (c == '/') out += "../";
    return out;
}

// The folder URL of a route ("offers/x/index.html" -> "offers/x/"), for canonical links and sitemaps.
std::string pretty(const std::string& route) {
    constexpr std::string_view kIndex = "index.html";
    if (route.size() >= kIndex.size() && route.compare(route.size() - kIndex.size(), kIndex.size(), kIndex) == 0)
        return route.substr(0, route.size() - kIndex.size());
    return route;
}

// Everything about one page language that does not change from page to page.
class LanguageView {
public:
    LanguageView(const RenderInputs& in, std::string language)
        : in_(in), src_(in.content.site.source_language), lang_(std::move(language)), fmt_(lang_), src_fmt_(src_) {
        shared_.set("lang", lang_);
        shared_.set("source_lang", src_);
        shared_.set("dir", std::string(fmt_.dir()));
        shared_.set("t", messages());
        for (const auto& [name, text] : in.templates.partials()) shared_.set(name, text);
        shared_.set("site_title", text(in.content.site.title));
        if (!in.content.site.tagline.empty()) shared_.set("tagline", text(in.content.site.tagline));
        shared_.set("region", in.content.site.region);
        shared_.set("site_email", in.content.site.email);
        shared_.set("site_phone", in.content.site.phone);
        shared_.set("site_phone_uri", tel_uri(in.content.site.phone));
        shared_.set("build_date", fmt_.date(in.today));
    }

    const Data& shared() const { return shared_; }
    const std::string& language() const { return lang_; }
    const LocaleFormat& fmt() const { return fmt_; }

    std::string msg(std::string_view key, MessageArgs args = {}) const { return in_.catalogs.format(lang_, key, args); }

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
    Data markdown(const LocalisedText& t, const std::string& route) const {
        Data d;
        d.set("fallback", false);
        d.set("html", false);
        const std::string* body = t.find(lang_);
        if (!body) {
            body = t.find(src_);
            if (body) mark_fallback(d);
        }
        if (!body) return d;
        d.set("html", render_markdown(*body, route, 2));
        return d;
    }

    std::string render_markdown(const std::string& body, const std::string& route, int heading_offset) const {
        return markdown::to_html(
            body,
            [&](std::string_view kind, std::string_view id) -> std::string {
                const RecordEntry* e = in_.plan.find(std::string(kind), std::string(id));
                return e ? link(route, e->route) : std::string();
            },
            heading_offset);
    }

    void mark_fallback(Data& d) const {
        d.set("fallback", true);
        d.set("lang", src_);
        d.set("dir", std::string(LocaleFormat::is_right_to_left(src_) ? "rtl" : "ltr"));
        d.set("note", msg("fallback.note", {{"language", fmt_.language_name(src_)}}));
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
            out.push_back(row);
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
            d.set("href", link(route, folder + i.value + "/index.html"));
            out.push_back(d);
        }
        return out;
    }

    // The facts a list shows under a record's title.
    Data card(const RecordEntry& e, const std::string& route) const {
        Data d;
        d.set("summary", false);
        d.set("href", link(route, e.route));
        d.set("title", title(e));
        d.set("kind", msg("kind." + e.kind));
        d.set("kind_id", e.kind);
        const Record& r = *e.record;
        Data facts = list();
        if (e.kind == "offer") {
            const Offer& o = static_cast<const Offer&>(r);
            d.set("summary", text(o.summary));
            if (const Provider* p = provider(o.provider.value)) facts.push_back(Data(plain(p->name)));
        } else if (e.kind == "course") {
            const Course& c = static_cast<const Course&>(r);
            facts.push_back(Data(fmt_.date_range(c.start, c.end)));
            facts.push_back(Data(msg("level.label", {{"level", level(c.level)}})));
            if (const Provider* p = provider(c.provider.value)) facts.push_back(Data(plain(p->name)));
        } else if (e.kind == "contact") {
            const Contact& c = static_cast<const Contact&>(r);
            if (const Provider* p = provider(c.organisation.value)) facts.push_back(Data(plain(p->name)));
            if (!c.languages.empty()) facts.push_back(Data(msg("contact.languages_short", {{"languages", languages(c.languages)}})));
        } else if (e.kind == "pathway") {
            const Pathway& p = static_cast<const Pathway&>(r);
            if (!p.summary.empty()) d.set("summary", text(p.summary));
            facts.push_back(Data(msg("pathway.steps", {{"count", static_cast<long long>(p.steps.size())}})));
        } else if (e.kind == "provider") {
            const Provider& p = static_cast<const Provider&>(r);
            if (p.location && !p.location->district.empty()) facts.push_back(Data(p.location->district));
        }
        set_list(d, "facts", facts);
        return d;
    }

    // Cards sorted by their title in this language's collation order.
    Data cards(std::vector<const RecordEntry*> entries, const std::string& route) const {
        std::vector<std::pair<std::string, const RecordEntry*>> keyed;
        for (const RecordEntry* e : entries) keyed.emplace_back(fmt_.sort_key(title_text(*e)) + '\0' + e->record->id, e);
        std::sort(keyed.begin(), keyed.end(),
                  [](const auto& a, const auto& b) { return a.first < b.first; });
        Data out = list();
        for (const auto& [key, e] : keyed) out.push_back(card(*e, route));
        return out;
    }

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
                Data* child = const_cast<Data*>(node->get(part));
                if (!child) {
                    node->set(part, Data());
                    child = const_cast<Data*>(node->get(part));
                }
                if (!child->is_object()) {
                    ok = false;
                    break;
                }
                node = child;
            }
            if (ok) node->set(key.substr(start), msg(key));
        }
        return t;
    }

    const RenderInputs& in_;
    std::string src_, lang_;
    LocaleFormat fmt_, src_fmt_;
    Data shared_;
};

class SiteRenderer {
public:
    SiteRenderer(const RenderInputs& in, Diagnostics& diags) : in_(in), diags_(diags) {}

    std::vector<OutputFile> run() {
        std::vector<OutputFile> files;
        for (const std::string& language : in_.plan.languages) {
            LanguageView view(in_, language);
            for (const PlannedPage& page : in_.plan.pages) files.push_back(render_page(view, page));
        }
        LanguageView source(in_, in_.content.site.source_language);
        files.push_back(chooser(source));
        files.push_back(not_found(source));
        files.push_back(plain("robots", "robots.txt", source));
        if (!in_.content.site.base_url.empty()) files.push_back(sitemap(source));
        for (const auto& [name, bytes] : in_.templates.assets()) files.push_back({name, bytes});
        std::sort(files.begin(), files.end(), [](const OutputFile& a, const OutputFile& b) { return a.path < b.path; });
        return files;
    }

private:
    std::string render(const std::string& name, const Data& shared, const Data& page) {
        kainjow::mustache::mustache* tmpl = in_.templates.find(name);
        if (!tmpl) {
            if (reported_.insert(name).second)
                diags_.error({"templates/" + name + ".mustache", 0, 0}, "this template is missing");
            return {};
        }
        Context ctx(&shared);
        ctx.push(&page);
        std::string out = tmpl->render(ctx);
        if (!tmpl->is_valid() && reported_.insert(name).second)
            diags_.error({"templates/" + name + ".mustache", 0, 0}, "this template failed: " + tmpl->error_message());
        return out;
    }

    std::string base_url() const { return in_.content.site.base_url; }

    // What every page of the site shares: navigation, language switcher, alternates.
    Data frame(const LanguageView& v, const std::string& route, const std::string& title) {
        const std::string& lang = v.language();
        const std::string up = repeat_up(lang + "/" + route);
        Data page;
        page.set("page_title", title);
        page.set("root", up);
        page.set("home", LanguageView::link(route, "index.html"));
        page.set("stylesheet", up + "assets/style.css");
        Data languages = list(), alternates = list();
        for (const std::string& other : in_.plan.languages) {
            Data l;
            l.set("lang", other);
            l.set("dir", std::string(LocaleFormat::is_right_to_left(other) ? "rtl" : "ltr"));
            l.set("name", LocaleFormat::own_name(other));
            l.set("href", up + other + "/" + route);
            if (other == lang) l.set("current", true);
            languages.push_back(l);
            Data a;
            a.set("hreflang", other);
            a.set("href", base_url().empty() ? up + other + "/" + route : base_url() + other + "/" + pretty(route));
            alternates.push_back(a);
        }
        Data x;
        x.set("hreflang", std::string("x-default"));
        x.set("href", base_url().empty() ? up + "index.html" : base_url());
        alternates.push_back(x);
        page.set("languages", languages);
        page.set("alternates", alternates);
        if (!base_url().empty()) page.set("canonical", base_url() + lang + "/" + pretty(route));

        Data nav = list();
        auto item = [&](const std::string& target, const std::string& label) {
            Data d;
            d.set("href", LanguageView::link(route, target));
            d.set("label", label);
            if (target == route) d.set("current", true);
            nav.push_back(d);
        };
        item("index.html", v.msg("nav.home"));
        item("courses/index.html", v.msg("nav.courses"));
        item("counselling/index.html", v.msg("nav.counselling"));
        item("a-z/index.html", v.msg("nav.az"));
        Data footer = list();
        for (const auto& [weight, slug, menu] : menu_pages()) {
            const Page& p = free_page(slug, lang);
            if (menu == "main") item(slug + "/index.html", p.title);
            else {
                Data d;
                d.set("href", LanguageView::link(route, slug + "/index.html"));
                d.set("label", p.title);
                if (p.language != lang) {
                    d.set("fallback", true);
                    d.set("lang", p.language);
                }
                footer.push_back(d);
            }
        }
        page.set("nav", nav);
        page.set("footer_pages", footer);
        return page;
    }

    std::vector<std::tuple<int, std::string, std::string>> menu_pages() const {
        std::vector<std::tuple<int, std::string, std::string>> out;
        for (const auto& [slug, versions] : in_.plan.free_pages) {
            auto src = versions.find(in_.content.site.source_language);
            if (src == versions.end() || src->second->menu == "none") continue;
            out.emplace_back(src->second->weight, slug, src->second->menu);
        }
        std::sort(out.begin(), out.end());
        return out;
    }

    const Page& free_page(const std::string& slug, const std::string& lang) const {
        const auto& versions = in_.plan.free_pages.at(slug);
        auto it = versions.find(lang);
        return it != versions.end() ? *it->second : *versions.at(in_.content.site.source_language);
    }

    OutputFile render_page(const LanguageView& v, const PlannedPage& p) {
        Data body;
        std::string name, title;
        switch (p.kind) {
            case PageKind::home: name = "home", title = v.plain(in_.content.site.title), body = home(v, p); break;
            case PageKind::life_phase:
            case PageKind::topic: name = "term", body = term(v, p, title); break;
            case PageKind::record: name = p.entry->kind, body = record(v, p, title); break;
            case PageKind::courses: name = "courses", title = v.msg("courses.title"), body = courses(v, p); break;
            case PageKind::counselling: name = "counselling", title = v.msg("counselling.title"), body = counselling(v, p); break;
            case PageKind::az: name = "az", title = v.msg("az.title"), body = az(v, p); break;
            case PageKind::free_page: name = "page", body = free(v, p, title); break;
        }
        Data page = frame(v, p.route, title);
        for (const char* key : {"page_title"}) body.set(key, title);
        page.set("body", render(name, v.shared(), body));
        return {v.language() + "/" + p.route, render("layout", v.shared(), page)};
    }

    Data home(const LanguageView& v, const PlannedPage& p) {
        Data d;
        auto terms = [&](const std::vector<Term>& list_of, std::string_view kind, const std::string& folder) {
            Data out = list();
            for (const Term& t : list_of) {
                Data item;
                item.set("id", t.id);
                item.set("label", v.msg(std::string(kind) + "." + t.id));
                item.set("description", v.msg(std::string(kind) + "_description." + t.id));
                item.set("href", LanguageView::link(p.route, folder + "/" + t.id + "/index.html"));
                out.push_back(item);
            }
            return out;
        };
        set_list(d, "life_phases", terms(in_.content.taxonomy.life_phases, "life_phase", "life-phases"));
        set_list(d, "topics", terms(in_.content.taxonomy.topics, "topic", "topics"));
        d.set("courses_href", LanguageView::link(p.route, "courses/index.html"));
        d.set("counselling_href", LanguageView::link(p.route, "counselling/index.html"));
        d.set("az_href", LanguageView::link(p.route, "a-z/index.html"));
        std::size_t courses = 0, contacts = 0;
        for (const RecordEntry& e : in_.plan.entries) {
            courses += e.kind == "course";
            contacts += e.kind == "contact";
        }
        d.set("courses_count", v.msg("courses.count", {{"count", static_cast<long long>(courses)}}));
        d.set("contacts_count", v.msg("counselling.count", {{"count", static_cast<long long>(contacts)}}));
        return d;
    }

    Data term(const LanguageView& v, const PlannedPage& p, std::string& title) {
        const bool phase = p.kind == PageKind::life_phase;
        const std::string kind = phase ? "life_phase" : "topic";
        const std::string other = phase ? "topic" : "life_phase";
        title = v.msg(kind + "." + p.term);
        Data d;
        d.set("description", v.msg(kind + "_description." + p.term));
        d.set("grouped_by", v.msg(phase ? "term.grouped_by_topic" : "term.grouped_by_life_phase"));
        Data groups = list();
        for (const Group& g : p.groups) {
            Data group;
            group.set("id", g.term);
            group.set("heading", v.msg(other + "." + g.term));
            set_list(group, "cards", v.cards(g.entries, p.route));
            groups.push_back(group);
        }
        set_list(d, "groups", groups);
        if (p.groups.empty()) d.set("empty", true);
        if (!p.contacts.empty()) set_list(d, "contacts", v.cards(p.contacts, p.route));
        return d;
    }

    Data common_record(const LanguageView& v, const PlannedPage& p, const Record& r) {
        Data d;
        d.set("id", r.id);
        d.set("description", v.markdown(r.description, p.route));
        if (!r.life_phases.empty()) set_list(d, "life_phases", v.terms(r.life_phases, "life_phase", p.route));
        if (!r.topics.empty()) set_list(d, "topics", v.terms(r.topics, "topic", p.route));
        if (!r.audience.empty()) d.set("audience", v.words(r.audience, "audience."));
        if (r.checked) d.set("checked", v.msg("record.checked", {{"date", v.fmt().date(*r.checked)}}));
        return d;
    }

    Data provider_link(const LanguageView& v, const PlannedPage& p, const std::string& id) {
        const RecordEntry* e = in_.plan.find("provider", id);
        if (!e) return Data(false);
        Data d;
        d.set("href", LanguageView::link(p.route, e->route));
        d.set("name", v.title(*e));
        return d;
    }

    Data record(const LanguageView& v, const PlannedPage& p, std::string& title) {
        const RecordEntry& e = *p.entry;
        title = v.title_text(e);
        Data d = common_record(v, p, *e.record);
        d.set("title", v.title(e));
        d.set("kind", v.msg("kind." + e.kind));
        auto set_if = [&](const char* key, const std::string& value) {
            if (!value.empty()) d.set(key, value);
        };
        auto related = [&](const std::string& kind, auto match) {
            std::vector<const RecordEntry*> out;
            for (const RecordEntry& other : in_.plan.entries)
                if (other.kind == kind && match(*other.record)) out.push_back(&other);
            return out;
        };
        if (e.kind == "provider") {
            const Provider& r = static_cast<const Provider&>(*e.record);
            set_if("short_name", r.short_name);
            if (r.location) {
                d.set("address", v.address(*r.location));
                set_if("district", r.location->district);
            }
            set_if("phone", r.phone);
            if (!r.phone.empty()) d.set("phone_uri", tel_uri(r.phone));
            set_if("email", r.email);
            set_if("url", r.url);
            if (r.accessible.value_or(false)) d.set("accessible", v.msg("provider.accessible"));
            auto by_provider = [&](const std::string& kind) {
                return related(kind, [&](const Record& o) {
                    if (kind == "offer") return static_cast<const Offer&>(o).provider.value == r.id;
                    if (kind == "course") return static_cast<const Course&>(o).provider.value == r.id;
                    return static_cast<const Contact&>(o).organisation.value == r.id;
                });
            };
            for (const char* kind : {"offer", "course", "contact"}) {
                auto found = by_provider(kind);
                if (!found.empty()) set_list(d, std::string(kind) + "s", v.cards(found, p.route));
            }
        } else if (e.kind == "offer") {
            const Offer& r = static_cast<const Offer&>(*e.record);
            d.set("summary", v.text(r.summary));
            d.set("provider", provider_link(v, p, r.provider.value));
            d.set("location", v.location(r.location, r.provider.value));
            if (r.dates.from && r.dates.until) d.set("dates", v.fmt().date_range(*r.dates.from, *r.dates.until));
            else if (r.dates.from) d.set("dates", v.msg("dates.from", {{"date", v.fmt().date(*r.dates.from)}}));
            else if (r.dates.until) d.set("dates", v.msg("dates.until", {{"date", v.fmt().date(*r.dates.until)}}));
            set_if("fee", v.fee(r.fee));
            if (!r.fee_note.empty()) d.set("fee_note", v.text(r.fee_note));
            if (r.childcare.value_or(false)) d.set("childcare", v.msg("childcare.yes"));
            if (!r.languages.empty()) d.set("languages", v.languages(r.languages));
            set_if("url", r.url);
            if (const RecordEntry* c = in_.plan.find("contact", r.contact.value)) d.set("contact", v.card(*c, p.route));
        } else if (e.kind == "course") {
            const Course& r = static_cast<const Course&>(*e.record);
            d.set("type", v.msg("course_type." + r.type.value));
            d.set("level", v.level(r.level));
            d.set("dates", v.fmt().date_range(r.start, r.end));
            set_list(d, "schedule", v.slots(r.schedule));
            if (r.lessons) d.set("lessons", v.msg("course.lessons", {{"count", static_cast<long long>(*r.lessons)}}));
            d.set("mode", v.msg("mode." + r.mode));
            d.set("provider", provider_link(v, p, r.provider.value));
            d.set("location", v.location(r.location, r.provider.value));
            if (r.childcare.value_or(false)) d.set("childcare", v.msg("childcare.yes"));
            if (!r.seats.empty()) {
                d.set("seats", v.msg("seats." + r.seats));
                d.set("seats_id", r.seats);
            }
            set_if("fee", v.fee(r.fee));
            if (!r.fee_note.empty()) d.set("fee_note", v.text(r.fee_note));
            if (r.registration) {
                Data reg;
                if (!r.registration->phone.empty()) {
                    reg.set("phone", r.registration->phone);
                    reg.set("phone_uri", tel_uri(r.registration->phone));
                }
                if (!r.registration->email.empty()) reg.set("email", r.registration->email);
                if (!r.registration->url.empty()) reg.set("url", r.registration->url);
                if (r.registration->deadline)
                    reg.set("deadline", v.msg("registration.deadline", {{"date", v.fmt().date(*r.registration->deadline)}}));
                d.set("registration", reg);
            }
        } else if (e.kind == "contact") {
            const Contact& r = static_cast<const Contact&>(*e.record);
            d.set("provider", provider_link(v, p, r.organisation.value));
            set_if("person", r.person);
            d.set("location", v.location(r.location, r.organisation.value));
            set_if("phone", r.phone);
            if (!r.phone.empty()) d.set("phone_uri", tel_uri(r.phone));
            set_if("email", r.email);
            set_if("url", r.url);
            if (!r.languages.empty()) d.set("languages", v.languages(r.languages));
            if (!r.hours.empty()) set_list(d, "hours", v.slots(r.hours));
            if (!r.appointment.empty()) d.set("appointment", v.msg("appointment." + r.appointment));
        } else if (e.kind == "pathway") {
            const Pathway& r = static_cast<const Pathway&>(*e.record);
            if (!r.summary.empty()) d.set("summary", v.text(r.summary));
            Data steps = list();
            for (const PathwayStep& s : r.steps) {
                Data step;
                step.set("title", v.text(s.title));
                step.set("text", v.markdown(s.text, p.route));
                std::vector<const RecordEntry*> linked;
                for (const RecordRef& l : s.links)
                    if (const RecordEntry* target = in_.plan.find(l.kind, l.id)) linked.push_back(target);
                Data cards = list();
                for (const RecordEntry* target : linked) cards.push_back(v.card(*target, p.route));
                set_list(step, "cards", cards);
                steps.push_back(step);
            }
            set_list(d, "steps", steps);
        }
        return d;
    }

    std::vector<const RecordEntry*> of_kind(const std::string& kind) const {
        std::vector<const RecordEntry*> out;
        for (const RecordEntry& e : in_.plan.entries)
            if (e.kind == kind) out.push_back(&e);
        return out;
    }

    Data courses(const LanguageView& v, const PlannedPage& p) {
        // Grouped by start month, in date order.
        std::vector<const Course*> list_of;
        for (const RecordEntry* e : of_kind("course")) list_of.push_back(static_cast<const Course*>(e->record));
        std::stable_sort(list_of.begin(), list_of.end(), [](const Course* a, const Course* b) {
            return std::tie(a->start, a->id) < std::tie(b->start, b->id);
        });
        Data months = list();
        for (std::size_t i = 0; i < list_of.size();) {
            Data month;
            const Date first = list_of[i]->start;
            month.set("heading", v.fmt().month(first));
            month.set("id", to_iso(first).substr(0, 7));
            Data cards = list();
            for (; i < list_of.size() && list_of[i]->start.year() == first.year() && list_of[i]->start.month() == first.month(); ++i)
                cards.push_back(v.card(*in_.plan.find("course", list_of[i]->id), p.route));
            set_list(month, "cards", cards);
            months.push_back(month);
        }
        Data d;
        set_list(d, "months", months);
        if (list_of.empty()) d.set("empty", true);
        return d;
    }

    Data counselling(const LanguageView& v, const PlannedPage& p) {
        Data groups = list();
        const auto contacts = of_kind("contact");
        for (const Term& t : in_.content.taxonomy.topics) {
            std::vector<const RecordEntry*> in_topic;
            for (const RecordEntry* e : contacts)
                for (const Located& topic : e->record->topics)
                    if (topic.value == t.id) in_topic.push_back(e);
            if (in_topic.empty()) continue;
            Data g;
            g.set("id", t.id);
            g.set("heading", v.msg("topic." + t.id));
            set_list(g, "cards", v.cards(in_topic, p.route));
            groups.push_back(g);
        }
        Data d;
        set_list(d, "groups", groups);
        if (contacts.empty()) d.set("empty", true);
        return d;
    }

    Data az(const LanguageView& v, const PlannedPage& p) {
        UErrorCode status = U_ZERO_ERROR;
        icu::AlphabeticIndex index(icu::Locale(v.language().c_str()), status);
        // Untranslated titles are in the source language's script; give them their letters too.
        index.addLabels(icu::Locale(in_.content.site.source_language.c_str()), status);
        std::vector<const RecordEntry*> entries;
        for (const RecordEntry& e : in_.plan.entries) entries.push_back(&e);
        for (const RecordEntry* e : entries)
            index.addRecord(icu::UnicodeString::fromUTF8(v.title_text(*e)), e, status);
        Data letters = list();
        int n = 0;
        while (index.nextBucket(status) && U_SUCCESS(status)) {
            if (index.getBucketRecordCount() == 0) continue;
            std::string label;
            index.getBucketLabel().toUTF8String(label);
            std::vector<const RecordEntry*> in_bucket;
            while (index.nextRecord(status)) in_bucket.push_back(static_cast<const RecordEntry*>(index.getRecordData()));
            Data letter;
            letter.set("label", label);
            letter.set("anchor", "letter-" + std::to_string(++n));
            Data cards = list();
            for (const RecordEntry* e : in_bucket) cards.push_back(v.card(*e, p.route));
            set_list(letter, "cards", cards);
            letters.push_back(letter);
        }
        Data d;
        set_list(d, "letters", letters);
        return d;
    }

    Data free(const LanguageView& v, const PlannedPage& p, std::string& title) {
        const Page& page = free_page(p.slug, v.language());
        title = page.title;
        Data d;
        d.set("html", v.render_markdown(page.body, p.route, 1));
        if (page.language != v.language()) v.mark_fallback(d);
        return d;
    }

    OutputFile chooser(const LanguageView& v) {
        Data page;
        Data languages = list();
        for (const std::string& lang : in_.plan.languages) {
            LanguageView other(in_, lang);
            Data l;
            l.set("lang", lang);
            l.set("dir", std::string(LocaleFormat::is_right_to_left(lang) ? "rtl" : "ltr"));
            l.set("name", LocaleFormat::own_name(lang));
            l.set("href", lang + "/index.html");
            l.set("site_title", other.plain(in_.content.site.title));
            l.set("choose", other.msg("chooser.choose"));
            languages.push_back(l);
        }
        page.set("languages", languages);
        page.set("root", std::string());
        page.set("page_title", v.plain(in_.content.site.title));
        if (!base_url().empty()) page.set("canonical", base_url());
        Data alternates = list();
        for (const std::string& lang : in_.plan.languages) {
            Data a;
            a.set("hreflang", lang);
            a.set("href", base_url().empty() ? lang + "/index.html" : base_url() + lang + "/");
            alternates.push_back(a);
        }
        page.set("alternates", alternates);
        return {"index.html", render("chooser", v.shared(), page)};
    }

    OutputFile not_found(const LanguageView& v) {
        Data page;
        Data languages = list();
        for (const std::string& lang : in_.plan.languages) {
            LanguageView other(in_, lang);
            Data l;
            l.set("lang", lang);
            l.set("dir", std::string(LocaleFormat::is_right_to_left(lang) ? "rtl" : "ltr"));
            l.set("title", other.msg("not_found.title"));
            l.set("text", other.msg("not_found.text"));
            l.set("home", other.msg("not_found.home"));
            // A 404 page is served at any depth, so links are absolute where the site's address is known.
            l.set("href", base_url().empty() ? lang + "/index.html" : base_url() + lang + "/");
            languages.push_back(l);
        }
        page.set("languages", languages);
        page.set("page_title", v.msg("not_found.title"));
        auto css = in_.templates.assets().find("assets/style.css");
        if (css != in_.templates.assets().end()) page.set("inline_style", css->second);
        return {"404.html", render("404", v.shared(), page)};
    }

    OutputFile plain(const std::string& name, const std::string& path, const LanguageView& v) {
        Data page;
        if (!base_url().empty()) page.set("sitemap", base_url() + "sitemap.xml");
        return {path, render(name, v.shared(), page)};
    }

    OutputFile sitemap(const LanguageView& v) {
        Data urls = list();
        for (const PlannedPage& p : in_.plan.pages) {
            Data alternates = list();
            for (const std::string& lang : in_.plan.languages) {
                Data a;
                a.set("hreflang", lang);
                a.set("href", base_url() + lang + "/" + pretty(p.route));
                alternates.push_back(a);
            }
            for (const std::string& lang : in_.plan.languages) {
                Data u;
                u.set("loc", base_url() + lang + "/" + pretty(p.route));
                u.set("alternates", alternates);
                urls.push_back(u);
            }
        }
        Data page;
        page.set("urls", urls);
        return {"sitemap.xml", render("sitemap", v.shared(), page)};
    }

    const RenderInputs& in_;
    Diagnostics& diags_;
    std::set<std::string> reported_;
};

}  // namespace

std::vector<OutputFile> render_site(const RenderInputs& in, Diagnostics& diags) {
    return SiteRenderer(in, diags).run();
}

}  // namespace lotse
