#include "render/renderer.h"

#include <algorithm>
#include <atomic>
#include <charconv>
#include <deque>
#include <numeric>
#include <thread>
#include <map>
#include <memory>
#include <unordered_map>
#include <optional>
#include <set>
#include <tuple>

#include <nlohmann/json.hpp>
#include <unicode/alphaindex.h>
#include <unicode/plurrule.h>

#include "common/crew.h"
#include "render/exports.h"
#include "render/fingerprint.h"
#include "render/fragment_cache.h"
#include "render/language_view.h"

namespace lotse {

namespace {

using Context = kainjow::mustache::context<std::string>;

// Renders pages on one thread: it has its own compiled templates and its own ICU formatters per
// language, because neither kainjow's templates nor ICU's formatters may be shared while in use.
class SiteRenderer {
public:
    SiteRenderer(const RenderInputs& in, const Fingerprints& fingerprints, FragmentCache& kept, Diagnostics& diags)
        : in_(in), fingerprints_(fingerprints), kept_(kept), diags_(diags) {}

    // A page in the plan's language number `language`.
    OutputFile page(std::size_t language, const PlannedPage& page) {
        const std::string& tag = in_.plan.languages[language];
        if (tag != current_language_) {
            end_language();
            if (!current_language_.empty() && current_language_ != in_.content.site.source_language)
                views_.erase(current_language_);
            current_language_ = tag;
        }
        return render_page(view(tag), page);
    }

    // Pages come in runs of one language: what was made for it is not needed again, and keeping
    // it would make memory grow with the number of languages. The fragments rendered anew go to
    // the cache for the next build.
    void end_language() {
        for (auto& [language, fragments] : rendered_) kept_.add(language, std::move(fragments));
        rendered_.clear();
        fragments_.clear();
        keys_.clear();
        made_keys_.clear();
        ranks_.clear();
    }

    // The files that exist once per site, not once per language; those `wanted` names.
    std::vector<OutputFile> site_files(const std::function<bool(const std::string& path)>& wanted) {
        // The source language's formatters and collator are set up only if a file needs them: a
        // rebuild that keeps every site file does without.
        const LanguageView* view_of_source = nullptr;
        std::vector<OutputFile> files;
        auto add = [&](const std::string& path, auto make) {
            if (!wanted(path)) return;
            if (!view_of_source) view_of_source = &view(in_.content.site.source_language);
            files.push_back(make(path));
        };
        auto source = [&]() -> const LanguageView& { return *view_of_source; };
        add("index.html", [&](const std::string&) { return chooser(source()); });
        add("404.html", [&](const std::string&) { return not_found(source()); });
        add("robots.txt", [&](const std::string& path) { return plain("robots", path, source()); });
        add("courses.csv", [&](const std::string& path) { return OutputFile{path, courses_csv(in_, source())}; });
        add("courses.ics", [&](const std::string& path) { return OutputFile{path, courses_ics(in_, source())}; });
        if (!in_.content.site.base_url.empty()) {
            std::vector<std::string> paths;
            for (const PlannedPage& p : in_.plan.pages) paths.push_back(pretty(p.route));
            const auto parts = sitemap_parts(paths, in_.plan.languages, in_.content.site.base_url, in_.sitemap);
            if (parts.size() == 1) add("sitemap.xml", [&](const std::string& path) { return sitemap(source(), path, paths); });
            else {
                add("sitemap.xml", [&](const std::string&) { return sitemap_index(source(), parts.size()); });
                for (std::size_t n = 0; n < parts.size(); ++n) {
                    const std::vector<std::string> part(paths.begin() + static_cast<std::ptrdiff_t>(parts[n].first),
                                                        paths.begin() + static_cast<std::ptrdiff_t>(parts[n].second));
                    add(sitemap_part_name(n + 1), [&](const std::string& path) { return sitemap(source(), path, part); });
                }
            }
        }
        // Not a structured binding: clang before 16 (the fuzz build's) cannot capture one.
        for (const auto& asset : in_.templates.assets())
            add(asset.first, [&](const std::string& path) { return OutputFile{path, asset.second}; });
        return files;
    }

private:
    const LanguageView& view(const std::string& language) {
        auto& v = views_[language];
        if (!v) {
            const auto number = static_cast<std::size_t>(
                std::find(in_.plan.languages.begin(), in_.plan.languages.end(), language) - in_.plan.languages.begin());
            auto& memo = memos_[language];
            if (!memo && number < in_.plan.languages.size()) memo = std::make_unique<KeptFormats>(*this, number);
            v = std::make_unique<LanguageView>(in_, language, memo.get());
        }
        return *v;
    }

    // A page language's formatted dates, numbers and names, kept with its fragments: they depend
    // only on the language and ICU (part of Lotse, so of the shared hash), and each is made once
    // per run.
    class KeptFormats : public FormatMemo {
    public:
        KeptFormats(SiteRenderer& r, std::size_t language) : r_(r), language_(language) {}
        std::optional<std::string_view> find(std::string_view key) override {
            if (auto it = made_.find(key); it != made_.end()) return it->second;
            return r_.kept_.find(language_, id(key), 0);
        }
        void keep(std::string_view key, const std::string& text) override {
            made_.emplace(std::string(key), text);
            if (r_.kept_.enabled()) r_.rendered_[language_].push_back({id(key), 0, text});
        }

    private:
        // An id no record's fragment has: those start with the record's kind.
        static std::uint64_t id(std::string_view key) { return std::hash<std::string>{}("/format/" + std::string(key)); }
        SiteRenderer& r_;
        std::size_t language_;
        std::map<std::string, std::string, std::less<>> made_;
    };

    // `expected`: about how many bytes the output will have, so it is not grown (and copied) step
    // by step.
    std::string render(const std::string& name, const Data& shared, const Data& page, std::size_t expected = 0) {
        // Compiled when first used (a rebuild that renders a few pages needs only a few), unless
        // this is the first renderer to ask for the copy compiled to check the template.
        auto it = templates_.find(name);
        if (it == templates_.end()) {
            auto text = in_.templates.sources().find(name);
            if (text == in_.templates.sources().end()) {
                if (reported_.insert(name).second)
                    diags_.error({"templates/" + name + ".mustache", 0, 0}, "this template is missing");
                return {};
            }
            std::unique_ptr<kainjow::mustache::mustache> compiled = in_.templates.take(name);
            if (!compiled) compiled = std::make_unique<kainjow::mustache::mustache>(text->second);
            it = templates_.emplace(name, std::move(compiled)).first;
        }
        kainjow::mustache::mustache& tmpl = *it->second;
        Context ctx(&shared);
        ctx.push(&page);
        // kainjow writes to any stream with <<; appending to a string skips an ostringstream's
        // buffer and its final copy.
        struct Appender {
            std::string& out;
            Appender& operator<<(const std::string& s) {
                out += s;
                return *this;
            }
        };
        std::string out;
        out.reserve(expected);
        Appender appender{out};
        tmpl.render(ctx, appender);
        if (!tmpl.is_valid() && reported_.insert(name).second)
            diags_.error({"templates/" + name + ".mustache", 0, 0}, "this template failed: " + tmpl.error_message());
        return out;
    }

    // Which of a record's fragments, the same from build to build.
    static std::uint64_t fragment_id(const RecordEntry& e, std::string_view what) {
        return std::hash<std::string>{}(e.kind + '/' + e.record->id + '/' + std::string(what));
    }

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

    // Every record's collation key in `v`'s language (of its title as the language shows it):
    // computing them is most of sorting a list. A kept key is read where the cache file is mapped.
    const std::vector<std::string_view>& collation_keys(const LanguageView& v) {
        const std::vector<RecordEntry>& all = in_.plan.entries;
        std::vector<std::string_view>& keys = keys_[v.language()];
        if (keys.size() != all.size()) {
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
        }
        return keys;
    }

    // Entries (of the plan) in the collation order of their titles in `v`'s language; the id
    // breaks ties. Every entry's place is found once per language, so sorting a list compares
    // numbers, not texts.
    std::vector<const RecordEntry*> sorted(const LanguageView& v, std::vector<const RecordEntry*> entries) {
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
        auto rank = [&](const RecordEntry* e) { return ranks[static_cast<std::size_t>(e - all.data())]; };
        std::sort(entries.begin(), entries.end(), [&](const RecordEntry* a, const RecordEntry* b) { return rank(a) < rank(b); });
        return entries;
    }

    // A card, course row or index entry as HTML, rendered once per language and page depth (its
    // links are relative) and reused on every page that lists it: {html: "<li …>"}. One made by
    // an earlier build from the same inputs is taken from the cache instead.
    enum class Partial : std::uint64_t { card, course_row, az_entry };
    Data fragment(const LanguageView& v, Partial partial, const RecordEntry& e, const std::string& route) {
        const auto depth = static_cast<std::uint64_t>(std::count(route.begin(), route.end(), '/'));
        const auto index = static_cast<std::uint64_t>(&e - in_.plan.entries.data());
        const std::uint64_t key = (index << 24) | (v.number() << 8) | (static_cast<std::uint64_t>(partial) << 6) | depth;
        auto it = fragments_.find(key);
        if (it == fragments_.end()) {
            static constexpr const char* kNames[] = {"partials/card", "partials/course_row", "partials/az_entry"};
            const char* name = kNames[static_cast<std::size_t>(partial)];
            it = fragments_.emplace(key, kept_or_made(v, e, std::string(name) + '/' + std::to_string(depth), [&] {
                const Data d = partial == Partial::course_row ? v.course_row(e, route)
                               : partial == Partial::az_entry ? v.index_entry(e, route)
                                                              : v.card(e, route);
                return render(name, v.shared(), d);
            })).first;
        }
        return Data("html", it->second);
    }
    Data card(const LanguageView& v, const RecordEntry& e, const std::string& route) {
        return fragment(v, Partial::card, e, route);
    }
    // Cards in the page language's collation order.
    Data cards(const LanguageView& v, const std::vector<const RecordEntry*>& entries, const std::string& route) {
        Data out = list();
        for (const RecordEntry* e : sorted(v, entries)) append(out, card(v, *e, route));
        return out;
    }

    std::string base_url() const { return in_.content.site.base_url; }

    static std::string direction(const std::string& tag) {
        return LocaleFormat::is_right_to_left(tag) ? "rtl" : "ltr";
    }

    // What every page of the site shares: navigation, language switcher, alternates.
    Data frame(const LanguageView& v, const std::string& route, const std::string& title) {
        const std::string& lang = v.language();
        const std::string up = repeat_up(lang + "/" + route);
        Data page;
        page.set("page_title", title);
        page.set("root", up);
        page.set("home", LanguageView::link(route, "index.html"));
        page.set("stylesheet", up + "assets/style.css");
        // The language switcher and alternates come from the language's shared data; the page only
        // says where it is (their links are root + language + route).
        page.set("route", route);
        page.set("pretty_route", pretty(route));
        page.set("x_default", base_url().empty() ? up + "index.html" : base_url());
        if (!base_url().empty()) page.set("canonical", base_url() + lang + "/" + pretty(route));

        Data nav = list();
        auto item = [&](const std::string& target, const std::string& label) {
            Data d;
            d.set("href", LanguageView::link(route, target));
            d.set("label", label);
            if (target == route) d.set("current", true);
            append(nav, std::move(d));
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
                append(footer, std::move(d));
            }
        }
        put(page, "nav", std::move(nav));
        put(page, "footer_pages", std::move(footer));
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
            case PageKind::course_month:
                name = "courses";
                title = v.msg("courses.month_title", {{"month", v.fmt().month(parse_date(p.term + "-01").date)}});
                body = courses(v, p);
                break;
            case PageKind::counselling: name = "counselling", title = v.msg("counselling.title"), body = counselling(v, p); break;
            case PageKind::az: name = "az", title = v.msg("az.title"), body = az(v, p); break;
            case PageKind::free_page: name = "page", body = free(v, p, title); break;
        }
        Data page = frame(v, p.route, title);
        body.set("page_title", title);
        body.set("root", repeat_up(v.language() + "/" + p.route));
        std::string html = render(name, v.shared(), body);
        const std::size_t expected = html.size() + 16 * 1024;  // the frame: head, navigation, footer
        put(page, "body", moved(std::move(html)));
        return {v.language() + "/" + p.route, render("layout", v.shared(), page, expected)};
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
                item.set("href", LanguageView::link(p.route, folder + "/" + t.id + ".html"));
                append(out, std::move(item));
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
            set_list(group, "cards", cards(v, g.entries, p.route));
            append(groups, std::move(group));
        }
        set_list(d, "groups", std::move(groups));
        if (p.groups.empty()) d.set("empty", true);
        if (!p.contacts.empty()) set_list(d, "contacts", cards(v, p.contacts, p.route));
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
                if (!found.empty()) set_list(d, std::string(kind) + "s", cards(v, found, p.route));
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
            if (const RecordEntry* c = in_.plan.find("contact", r.contact.value)) d.set("contact", card(v, *c, p.route));
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
                step.set("text", v.markdown(s.text, p.route, 3));  // under the step's <h2>
                std::vector<const RecordEntry*> linked;
                for (const RecordRef& l : s.links)
                    if (const RecordEntry* target = in_.plan.find(l.kind, l.id)) linked.push_back(target);
                Data cards = list();
                for (const RecordEntry* target : linked) append(cards, card(v, *target, p.route));
                set_list(step, "cards", std::move(cards));
                append(steps, std::move(step));
            }
            set_list(d, "steps", std::move(steps));
        }
        return d;
    }

    std::vector<const RecordEntry*> of_kind(const std::string& kind) const {
        std::vector<const RecordEntry*> out;
        for (const RecordEntry& e : in_.plan.entries)
            if (e.kind == kind) out.push_back(&e);
        return out;
    }

    // The course overview and the month pages: courses by start month, with the filter form.
    Data courses(const LanguageView& v, const PlannedPage& p) {
        std::vector<const RecordEntry*> shown;
        for (const RecordEntry* e : in_.plan.courses)
            if (p.kind == PageKind::courses || month_of(*e) == p.term) shown.push_back(e);
        Data d;
        struct Month {
            std::string id;
            Data heading, rows;
        };
        std::vector<Month> months;
        for (const RecordEntry* e : shown) {
            const std::string month = month_of(*e);
            if (months.empty() || months.back().id != month) {
                Data m;
                m.set("id", month);
                m.set("heading", v.fmt().month(static_cast<const Course*>(e->record)->start));
                m.set("href", LanguageView::link(p.route, "courses/" + month + "/index.html"));
                months.push_back({month, std::move(m), list()});
            }
            append(months.back().rows, fragment(v, Partial::course_row, *e, p.route));
        }
        Data month_list = list();
        for (Month& m : months) {
            put(m.heading, "rows", std::move(m.rows));
            append(month_list, std::move(m.heading));
        }
        set_list(d, "months", std::move(month_list));
        if (shown.empty()) d.set("empty", true);
        d.set("csv_href", repeat_up(v.language() + "/" + p.route) + "courses.csv");
        d.set("ics_href", repeat_up(v.language() + "/" + p.route) + "courses.ics");
        if (p.kind == PageKind::course_month) {
            d.set("month_page", true);
            d.set("overview_href", LanguageView::link(p.route, "courses/index.html"));
        }
        d.set("filters", course_filters(v, shown));
        d.set("status_plural", v.plural_json("courses.shown"));
        return d;
    }

    static std::string month_of(const RecordEntry& e) {
        return to_iso(static_cast<const Course*>(e.record)->start).substr(0, 7);
    }

    static Data option(const std::string& value, const std::string& label) {
        Data o;
        o.set("value", value);
        o.set("label", label);
        return o;
    }

    // The choices of each filter, limited to what the listed courses have.
    Data course_filters(const LanguageView& v, const std::vector<const RecordEntry*>& shown) {
        std::set<std::string> types, levels, districts, times;
        for (const RecordEntry* e : shown) {
            const Course& c = *static_cast<const Course*>(e->record);
            types.insert(c.type.value);
            for (const std::string& l : LanguageView::levels_between(c.level)) levels.insert(l);
            if (const std::string d = v.district(c.location, c.provider.value); !d.empty()) districts.insert(d);
            for (const std::string& t : LanguageView::times_of_day(c.schedule)) times.insert(t);
        }
        Data f;
        Data type_options = list(), level_options = list(), district_options = list(), time_options = list();
        for (const char* t : {"integration", "integration-youth", "integration-parents", "integration-women", "literacy",
                              "support", "intensive", "second-script", "job-language", "other"})
            if (types.count(t)) append(type_options, option(t, v.msg(std::string("course_type.") + t)));
        for (const std::string& l : levels) append(level_options, option(l, l));
        std::vector<std::string> sorted(districts.begin(), districts.end());
        std::sort(sorted.begin(), sorted.end(), [&](const std::string& a, const std::string& b) { return v.fmt().less(a, b); });
        for (const std::string& d : sorted) append(district_options, option(d, d));
        for (const char* t : {"morning", "afternoon", "evening"})
            if (times.count(t)) append(time_options, option(t, v.msg(std::string("time_of_day.") + t)));
        f.set("types", type_options);
        f.set("levels", level_options);
        f.set("districts", district_options);
        f.set("times", time_options);
        return f;
    }

    Data counselling(const LanguageView& v, const PlannedPage& p) {
        Data groups = list();
        const auto contacts = of_kind("contact");
        std::set<std::string> languages;
        for (const RecordEntry* e : contacts)
            for (const Located& l : static_cast<const Contact*>(e->record)->languages) languages.insert(l.value);
        for (const Term& t : in_.content.taxonomy.topics) {
            std::vector<const RecordEntry*> in_topic;
            for (const RecordEntry* e : contacts)
                for (const Located& topic : e->record->topics)
                    if (topic.value == t.id) in_topic.push_back(e);
            if (in_topic.empty()) continue;
            Data g;
            g.set("id", t.id);
            g.set("heading", v.msg("topic." + t.id));
            set_list(g, "cards", cards(v, in_topic, p.route));
            append(groups, std::move(g));
        }
        Data d;
        set_list(d, "groups", std::move(groups));
        if (contacts.empty()) d.set("empty", true);
        Data f, topics = list(), phases = list(), langs = list();
        for (const Term& t : in_.content.taxonomy.topics) append(topics, option(t.id, v.msg("topic." + t.id)));
        for (const Term& t : in_.content.taxonomy.life_phases) append(phases, option(t.id, v.msg("life_phase." + t.id)));
        std::vector<std::pair<std::string, std::string>> named;
        for (const std::string& l : languages) named.emplace_back(v.fmt().language_name(l), l);
        std::sort(named.begin(), named.end(), [&](const auto& a, const auto& b) { return v.fmt().less(a.first, b.first); });
        for (const auto& [name, tag] : named) append(langs, option(tag, name));
        f.set("topics", topics);
        f.set("life_phases", phases);
        f.set("languages", langs);
        d.set("filters", f);
        d.set("status_plural", v.plural_json("counselling.shown"));
        return d;
    }

    // The A–Z page: records under the letters of ICU's alphabetic index for the page language
    // (with the source language's letters too: untranslated titles are in its script). Which
    // letter a record goes under, and the order under a letter, are those ICU's index gives (by
    // collation, records of the same title in plan order); each record's letter is kept between
    // builds like its collation key.
    Data az(const LanguageView& v, const PlannedPage& p) {
        UErrorCode status = U_ZERO_ERROR;
        icu::AlphabeticIndex index(icu::Locale(v.language().c_str()), status);
        index.addLabels(icu::Locale(in_.content.site.source_language.c_str()), status);
        std::unique_ptr<icu::AlphabeticIndex::ImmutableIndex> buckets(index.buildImmutableIndex(status));
        Data letters = list(), d;
        if (U_FAILURE(status) || !buckets) return d;
        const std::vector<RecordEntry>& all = in_.plan.entries;
        const std::vector<std::string_view>& keys = collation_keys(v);
        std::vector<std::size_t> order(all.size());
        std::iota(order.begin(), order.end(), std::size_t{0});
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return keys[a] < keys[b]; });
        const std::size_t count = static_cast<std::size_t>(buckets->getBucketCount());
        std::vector<std::vector<const RecordEntry*>> in_bucket(count);
        for (std::size_t i : order) {
            const RecordEntry& e = all[i];
            const std::string bucket = kept_or_made(v, e, "az-letter", [&] {
                UErrorCode found = U_ZERO_ERROR;
                return std::to_string(buckets->getBucketIndex(icu::UnicodeString::fromUTF8(v.title_text(e)), found));
            });
            std::size_t b = count;
            std::from_chars(bucket.data(), bucket.data() + bucket.size(), b);
            if (b < count) in_bucket[b].push_back(&e);
        }
        int n = 0;
        for (std::size_t b = 0; b < count; ++b) {
            if (in_bucket[b].empty()) continue;
            std::string label;
            buckets->getBucket(static_cast<int32_t>(b))->getLabel().toUTF8String(label);
            Data letter;
            letter.set("label", label);
            letter.set("anchor", "letter-" + std::to_string(++n));
            Data entries = list();
            for (const RecordEntry* e : in_bucket[b]) append(entries, fragment(v, Partial::az_entry, *e, p.route));
            set_list(letter, "entries", std::move(entries));
            append(letters, std::move(letter));
        }
        set_list(d, "letters", std::move(letters));
        return d;
    }

    Data free(const LanguageView& v, const PlannedPage& p, std::string& title) {
        const Page& page = free_page(p.slug, v.language());
        title = page.title;
        Data d;
        d.set("html", v.render_markdown(page.body, p.route, 2));
        if (page.language != v.language()) v.mark_fallback(d);
        return d;
    }

    OutputFile chooser(const LanguageView& v) {
        Data page;
        Data languages = list();
        for (const std::string& lang : in_.plan.languages) {
            const LanguageView& other = view(lang);
            Data l;
            l.set("lang", lang);
            l.set("dir", direction(lang));
            l.set("name", v.fmt().native_name(lang));
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
            const LanguageView& other = view(lang);
            Data l;
            l.set("lang", lang);
            l.set("dir", direction(lang));
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

    // A sitemap of the pages at `paths`: one entry per page, which the template repeats for every
    // language (with the others as alternates), so the data stays small even for many pages.
    OutputFile sitemap(const LanguageView& v, const std::string& file, const std::vector<std::string>& paths) {
        Data routes = list();
        for (const std::string& path : paths) append(routes, Data("path", path));
        Data page;
        put(page, "routes", std::move(routes));
        return {file, render("sitemap", v.shared(), page)};
    }
    // sitemap.xml of a site too large for one sitemap: the list of its parts.
    OutputFile sitemap_index(const LanguageView& v, std::size_t parts) {
        Data list_of = list();
        for (std::size_t n = 1; n <= parts; ++n) append(list_of, Data("file", sitemap_part_name(n)));
        Data page;
        put(page, "parts", std::move(list_of));
        return {"sitemap.xml", render("sitemap_index", v.shared(), page)};
    }

    const RenderInputs& in_;
    const Fingerprints& fingerprints_;
    FragmentCache& kept_;
    Diagnostics& diags_;
    std::set<std::string> reported_;
    std::map<std::string, std::unique_ptr<kainjow::mustache::mustache>> templates_;
    std::map<std::string, std::unique_ptr<KeptFormats>> memos_;  // before views_, which use them
    std::map<std::string, std::unique_ptr<LanguageView>> views_;
    // Made for the language being rendered (and, rarely, another one a page needs), dropped when
    // the renderer moves on to the next language.
    std::unordered_map<std::uint64_t, std::string> fragments_;
    std::map<std::string, std::vector<std::string_view>> keys_;  // per language: collation keys by plan entry
    std::deque<std::string> made_keys_;  // the keys not kept, which keys_ point into
    std::map<std::string, std::vector<std::size_t>> ranks_;  // per language: places in its collation order
    std::map<std::size_t, std::vector<Fragment>> rendered_;  // per language number: not found in the cache
    std::string current_language_;
};

}  // namespace

void render_site(const RenderInputs& in, Diagnostics& diags, const FileSink& sink) {
    const std::size_t languages = in.plan.languages.size(), pages = in.plan.pages.size();
    const std::size_t total = languages * pages;
    const unsigned threads = std::max(1u, std::min<unsigned>(in.jobs > 0 ? static_cast<unsigned>(in.jobs)
                                                                          : std::thread::hardware_concurrency(),
                                                            static_cast<unsigned>(total / 64 + 1)));
    // Each thread takes a language of its own and renders its pages in runs; a thread that finds
    // every language taken helps with the one that has the most pages left. So a thread stays with
    // the formatters and fragments it has built, and threads mostly create files in different
    // folders (creating files in one folder is serialised by the file system). Each page goes to
    // the sink as soon as it is rendered, so memory does not grow with the size of the site.
    constexpr std::size_t kRun = 32;
    const Fingerprints fingerprints(in.plan, in.content.site.source_language, in.inputs_hash, in.sitemap, threads);
    std::vector<std::atomic<std::size_t>> next_page(languages);  // per language
    std::vector<std::atomic<unsigned>> working_on(languages);  // threads rendering the language
    FragmentCache kept(in.fragment_cache, in.inputs_hash, in.plan.languages);
    std::atomic<std::size_t> next_language{0};
    auto pick_language = [&]() -> std::optional<std::size_t> {
        if (const std::size_t l = next_language.fetch_add(1); l < languages) return l;
        std::optional<std::size_t> most;
        std::size_t most_left = 0;
        for (std::size_t l = 0; l < languages; ++l)
            if (const std::size_t done = next_page[l].load(); done < pages && pages - done > most_left)
                most = l, most_left = pages - done;
        return most;
    };
    std::vector<Diagnostics> found(threads);
    auto work = [&](unsigned t) {
        SiteRenderer renderer(in, fingerprints, kept, found[t]);
        std::string path;  // of the page asked about; one buffer, not a new string per page
        while (const std::optional<std::size_t> l = pick_language()) {
            const std::string& language = in.plan.languages[*l];
            ++working_on[*l];
            for (std::size_t start; (start = next_page[*l].fetch_add(kRun)) < pages;)
                for (std::size_t p = start; p < std::min(pages, start + kRun); ++p) {
                    const PlannedPage& page = in.plan.pages[p];
                    const std::uint64_t fingerprint = fingerprints.page(page, *l);
                    path.assign(language).append(1, '/').append(page.route);
                    if (in.reuse && in.reuse(path, fingerprint)) continue;
                    OutputFile file = renderer.page(*l, page);
                    file.fingerprint = fingerprint;
                    sink(std::move(file));
                }
            // Every page of the language handed out and the last thread on it done: its fragments
            // are saved (and their memory freed) before the next language's are made.
            renderer.end_language();
            if (--working_on[*l] == 0 && next_page[*l].load() >= pages) kept.save(*l);
        }
        if (t == 0) {
            auto fingerprint = [&](const std::string& path) { return fingerprints.site_file(path); };
            auto wanted = [&](const std::string& path) { return !(in.reuse && in.reuse(path, fingerprint(path))); };
            for (OutputFile& f : renderer.site_files(wanted)) {
                f.fingerprint = fingerprint(f.path);
                sink(std::move(f));
            }
        }
    };
    run_together(threads, work);
    // The same problem found by several threads is reported once.
    std::set<std::string> seen;
    for (const Diagnostics& d : found)
        for (const Diagnostic& item : d.items())
            if (seen.insert(format(item)).second) {
                if (item.severity == Severity::error) diags.error(item.pos, item.message);
                else diags.warning(item.pos, item.message);
            }
}

}  // namespace lotse
