#include "check/check.h"

#include <algorithm>
#include <array>
#include <map>
#include <set>

#include "check/course_checks.h"
#include "common/url_policy.h"
#include "content/domain.h"
#include "content/ids.h"
#include "content/kinds.h"
#include "content/yaml_reader.h"
#include "markdown/markdown.h"
#include "site/routes.h"

namespace lotse {

namespace {

std::string q(std::string_view s) { return '"' + std::string(s) + '"'; }

// "provider, offer, course, contact or pathway"
std::string kind_names() {
    std::string out;
    for (std::size_t i = 0; i < std::size(kRecordKinds); ++i) {
        if (i > 0) out += i + 1 == std::size(kRecordKinds) ? " or " : ", ";
        out += kRecordKinds[i].name;
    }
    return out;
}

class Checker {
public:
    Checker(const Content& content, const Catalogs& catalogs, Date today, Diagnostics& diags)
        : c_(content), catalogs_(catalogs), today_(today), diags_(diags) {
        for (const Term& t : c_.taxonomy.life_phases) life_phases_.push_back(t.id);
        for (const Term& t : c_.taxonomy.topics) topics_.push_back(t.id);
        for_each_kind(c_, [&](const auto& records) {
            for (const auto& r : records) ids(kind_of(r)).insert(r.id);
        });
    }

    void run() {
        site();
        // Labels and messages are looked up in the source catalog: without it (reported once, in
        // site() or by the catalog itself) every lookup would repeat that.
        if (catalogs_.has_source()) taxonomy();
        for_each_kind(c_, [&](const auto& records) {
            for (const auto& r : records) record(r);
        });
        glossary_terms();
        if (!c_.site.source_language.empty()) pages();
        if (catalogs_.has_source()) catalogs();
    }

private:
    template <typename Rec>
    static RecordKind kind_of(const Rec&) {
        return KindOf<Rec>::value;
    }
    std::set<std::string>& ids(RecordKind kind) { return ids_[static_cast<std::size_t>(kind)]; }

    void site() {
        const SiteConfig& s = c_.site;
        if (s.source_language.empty()) return;
        std::set<std::string> seen;
        for (const Located& l : s.languages)  // only tags: the loader reported the others
            if (!seen.insert(l.value).second) diags_.error(l.pos, q(l.value) + " is listed twice in \"languages\"");
        if (!catalogs_.has_source() && !catalogs_.source_reported())
            diags_.error(s.source_language_pos, "there is no catalog for the source language " + q(s.source_language) +
                                                    " (i18n/" + s.source_language + ".txt); every interface text comes from it");
        if (!s.languages.empty() && !seen.count(s.source_language)) {
            diags_.error(s.languages.front().pos,
                         "\"languages\" must include the source language " + q(s.source_language));
        }
    }

    void taxonomy() {
        const std::string& src = c_.site.source_language;
        auto labels = [&](const std::vector<Term>& terms, std::string_view prefix, std::string_view what) {
            for (const Term& t : terms) {
                const std::string key = std::string(prefix) + "." + t.id;
                if (!catalogs_.has(src, key))
                    diags_.error(t.pos, std::string(what) + " " + q(t.id) + " has no label; add the message " + q(key) +
                                            " to the catalog i18n/" + src + ".txt");
            }
        };
        labels(c_.taxonomy.life_phases, "life_phase", "life phase");
        labels(c_.taxonomy.topics, "topic", "topic");
    }

    void terms(const std::vector<Located>& used, const std::vector<std::string>& known, std::string_view what) {
        std::vector<std::string_view> options(known.begin(), known.end());
        for (const Located& t : used) {
            if (std::find(known.begin(), known.end(), t.value) != known.end()) continue;
            std::string msg = q(t.value) + " is not a " + std::string(what) + " of content/taxonomy.yaml";
            if (auto guess = closest(t.value, options)) msg += "; did you mean " + q(*guess) + "?";
            else msg += "; allowed: " + joined(options);
            diags_.error(t.pos, msg);
        }
    }

    // "; did you mean "vhs"?": the existing ids of `kind` closest to `id`.
    std::string meant_id(RecordKind kind, std::string_view id) {
        const std::vector<std::string_view> existing(ids(kind).begin(), ids(kind).end());
        return did_you_mean(closest_ids(id, existing));
    }

    // Whether the file `id` of `kind` would have is there but could not be read: its own error is
    // reported, and saying the record does not exist would send the coordinator looking for a file
    // that is right there.
    bool has_broken_file(RecordKind kind, std::string_view id) const {
        std::string tail = "/";
        tail.append(info(kind).folder).append("/").append(id).append(".yaml");
        for (const Diagnostic& d : diags_.items())
            if (d.severity == Severity::error && d.pos.file.str().ends_with(tail)) return true;
        return false;
    }

    void reference(const Located& ref, RecordKind kind, std::string_view field) {
        if (ref.value.empty()) return;
        if (ids(kind).count(ref.value) || has_broken_file(kind, ref.value)) return;
        std::string msg = q(field) + " refers to " + std::string(name(kind)) + " " + q(ref.value) + ", which does not exist";
        msg += " (no file content/" + std::string(info(kind).folder) + "/" + ref.value + ".yaml)";
        diags_.error(ref.pos, msg + meant_id(kind, ref.value));
    }

    void record_link(const std::string& kind_name, const std::string& id, const SourcePos& pos, std::string_view shown) {
        const std::optional<RecordKind> kind = kind_named(kind_name);
        if (!kind) {
            diags_.error(pos, "link " + q(shown) + " names the kind " + q(kind_name) + "; use " + kind_names());
            return;
        }
        if (!ids(*kind).count(id) && !has_broken_file(*kind, id))
            diags_.error(pos, "link " + q(shown) + " points to a " + kind_name + " that does not exist (no file content/" +
                                  std::string(info(*kind).folder) + "/" + id + ".yaml)" + meant_id(*kind, id));
    }

    void markdown_links(const std::vector<Located>& links) {
        for (const Located& link : links) {
            switch (markdown::classify(link.value)) {
                case markdown::LinkKind::web: break;
                case markdown::LinkKind::ref: {
                    const std::string target = link.value.substr(4);
                    const auto slash = target.find('/');
                    if (slash == std::string::npos) {
                        diags_.error(link.pos, "link " + q(link.value) + " must name a kind and an id, such as ref:contact/mbe-caritas");
                        break;
                    }
                    record_link(target.substr(0, slash), target.substr(slash + 1), link.pos, link.value);
                    break;
                }
                case markdown::LinkKind::rejected:
                    diags_.error(link.pos, address_problem("this link", link.value, AddressUse::link).value_or(""));
                    break;
            }
        }
    }

    // What every kind of record is checked for; `what` names the kind in messages.
    // Without `review`, the record's age was reported in a warning of its own kind.
    void common(const Record& r, std::string_view what, bool review = true) {
        terms(r.life_phases, life_phases_, "life phase");
        terms(r.topics, topics_, "topic");
        markdown_links(r.markdown_links);
        if (!r.checked) return;
        const auto age = (std::chrono::sys_days{today_} - std::chrono::sys_days{*r.checked}).count();
        if (age > c_.site.review_after_days) {
            if (!review) return;
            diags_.warning(r.checked_pos, "this " + std::string(what) + " was last checked on " + to_iso(*r.checked) + ", " +
                                              std::to_string(age) + " days ago (more than review_after_days: " +
                                              std::to_string(c_.site.review_after_days) +
                                              "); verify it and set \"checked\" to the day you did");
        } else if (age < 0) {
            diags_.warning(r.checked_pos, "\"checked\" is " + to_iso(*r.checked) + ", a day still in the future");
        }
    }

    void slots(const std::vector<TimeSlot>& slots) {
        for (const TimeSlot& s : slots)
            if (s.to <= s.from)
                diags_.error(s.pos, "this time slot ends before it starts (\"to\" must be later than \"from\")");
    }

    void record(const Provider& p) { common(p, name(RecordKind::provider)); }

    void record(const Offer& o) {
        common(o, name(RecordKind::offer));
        reference(o.provider, RecordKind::provider, "provider");
        reference(o.contact, RecordKind::contact, "contact");
        if (o.dates.from && o.dates.until && *o.dates.until < *o.dates.from)
            diags_.error(o.dates.pos, "\"until\" (" + to_iso(*o.dates.until) + ") is before \"from\" (" + to_iso(*o.dates.from) + ")");
        else if (o.dates.until && *o.dates.until < today_)
            diags_.warning(o.dates.pos, "this offer ended on " + to_iso(*o.dates.until) +
                                            " (dates.until) and is not published; update or remove it");
    }

    void record(const Course& c) {
        common(c, name(RecordKind::course), !report_full_course(c, today_, c_.site.review_after_days, diags_));
        reference(c.provider, RecordKind::provider, "provider");
        if (!c.level.from.empty() && !c.level.to.empty() && c.level.to < c.level.from)
            diags_.error(c.level.pos, "the level runs backwards: \"to\" (" + c.level.to + ") is below \"from\" (" + c.level.from + ")");
        slots(c.schedule);
        check_course_dates(c, today_, diags_);
    }

    void record(const Contact& c) {
        common(c, name(RecordKind::contact));
        reference(c.organisation, RecordKind::provider, "organisation");
        slots(c.hours);
    }

    void record(const Pathway& p) {
        common(p, name(RecordKind::pathway));
        for (const PathwayStep& step : p.steps)
            for (const RecordRef& link : step.links) record_link(link.kind, link.id, link.pos, link.kind + "/" + link.id);
    }

    void record(const GlossaryTerm& g) {
        common(g, "glossary term");
        for (const RecordRef& ref : g.see) {
            const std::string shown = ref.kind + "/" + ref.id;
            if (!kind_named(ref.kind))
                diags_.error(ref.pos, "\"see\" names the kind " + q(ref.kind) + " in " + q(shown) + "; use " + kind_names());
            else
                record_link(ref.kind, ref.id, ref.pos, shown);
        }
    }

    // A term explained twice would be linked to one of its explanations at random.
    void glossary_terms() {
        std::map<std::string_view, const GlossaryTerm*> seen;
        for (const GlossaryTerm& g : c_.glossary) {
            const std::string_view word = domain::without_article(g.term.value);
            if (word.empty()) continue;
            auto [it, added] = seen.emplace(word, &g);
            if (!added)
                diags_.error(g.term.pos, "the term " + q(word) + " is already explained in content/" +
                                             std::string(info(RecordKind::glossary).folder) + "/" + it->second->id +
                                             ".yaml; explain each term in one file");
        }
    }

    void pages() {
        const std::vector<std::string_view>& reserved = routes::reserved_slugs();
        std::set<std::string> languages;
        for (const Located& l : c_.site.languages) languages.insert(l.value);
        std::set<std::string> source_pages;
        for (const Page& p : c_.pages) {
            if (std::find(reserved.begin(), reserved.end(), p.slug) != reserved.end())
                diags_.error(p.pos, "the page name " + q(p.slug) + " is taken by a part of the site; rename the file");
            if (!languages.count(p.language))
                diags_.warning(p.pos, "this page is in " + q(p.language) + ", which is not one of the site's languages; it is not published");
            if (p.language == c_.site.source_language) source_pages.insert(p.slug);
            markdown_links(p.markdown_links);
        }
        for (const Page& p : c_.pages)
            if (p.language != c_.site.source_language && !source_pages.count(p.slug))
                diags_.error(p.pos, "this page has no version in the source language; add content/pages/" + p.slug + "." +
                                        c_.site.source_language + ".md");
        for (std::string_view required : domain::kRequiredPages) {
            const std::string slug(required);
            if (!source_pages.count(slug))
                diags_.warning({"content/pages", 0, 0},
                               "the site has no " + slug + " page; a public body's site needs one (content/pages/" + slug + "." +
                                   c_.site.source_language + ".md)");
        }
    }

    void catalogs() {
        for (const std::string& language : catalogs_.uncatalogued()) {
            // Where the language is listed in site.yaml, which is where it can be changed.
            SourcePos pos = c_.site.path.empty() ? SourcePos{"content/site.yaml", 0, 0} : SourcePos{c_.site.path, 0, 0};
            for (const Located& l : c_.site.languages)
                if (l.value == language) pos = l.pos;
            diags_.warning(pos, "there is no catalog for " + q(language) + " (i18n/" + language +
                                    ".txt); its pages show the interface in " + q(c_.site.source_language));
        }
        for (const Catalogs::Gap& gap : catalogs_.gaps()) {
            const std::string path = catalogs_.catalog_path(gap.language);
            diags_.warning({path.empty() ? "i18n/" + gap.language + ".txt" : path, 0, 0},
                           "message " + q(gap.key) + " is not translated; " + q(c_.site.source_language) + " is shown");
        }
    }

    const Content& c_;
    const Catalogs& catalogs_;
    Date today_;
    Diagnostics& diags_;
    std::vector<std::string> life_phases_, topics_;
    std::array<std::set<std::string>, std::size(kRecordKinds)> ids_;  // by RecordKind
};

}  // namespace

void check_content(const Content& content, const Catalogs& catalogs, Date today, Diagnostics& diags) {
    Checker(content, catalogs, today, diags).run();
}

}  // namespace lotse
