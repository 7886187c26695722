#include "site/plan.h"

#include <algorithm>

#include "content/loader.h"

namespace lotse {

bool published(const Course& c, Date today) { return !(c.end < today); }
bool published(const Offer& o, Date today) { return !o.dates.until || !(*o.dates.until < today); }

std::string record_route(std::string_view kind, std::string_view id) {
    for (const KindInfo& k : kRecordKinds)
        if (k.name == kind) return std::string(k.folder) + "/" + std::string(id) + ".html";
    return {};
}

const RecordEntry* SitePlan::find(const std::string& kind, const std::string& id) const {
    auto it = by_ref.find(kind + "/" + id);
    return it == by_ref.end() ? nullptr : it->second;
}

namespace {

bool has_term(const std::vector<Located>& terms, const std::string& id) {
    return std::any_of(terms.begin(), terms.end(), [&](const Located& t) { return t.value == id; });
}

// Courses without their own life phases and topics get them from their type.
std::vector<Located> default_life_phases(const Course& c) {
    if (!c.life_phases.empty()) return c.life_phases;
    if (c.type.value == "integration-youth") return {{"school-to-work", {}}};
    if (c.type.value == "integration-parents") return {{"early-childhood", {}}, {"school", {}}};
    if (c.type.value == "job-language") return {{"work-and-career", {}}};
    return {{"work-and-career", {}}};
}

}  // namespace

SitePlan plan_site(const Content& content, Date today) {
    SitePlan plan;
    for (const Located& l : content.site.languages) plan.languages.push_back(l.value);

    auto add = [&](std::string_view kind, const Record& r) {
        plan.entries.push_back({std::string(kind), &r, record_route(kind, r.id)});
    };
    for (const Provider& p : content.providers) add("provider", p);
    for (const Offer& o : content.offers)
        if (published(o, today)) add("offer", o);
    for (const Course& c : content.courses)
        if (published(c, today)) add("course", c);
    for (const Contact& c : content.contacts) add("contact", c);
    for (const Pathway& p : content.pathways) add("pathway", p);
    for (const RecordEntry& e : plan.entries) plan.by_ref[e.kind + "/" + e.record->id] = &e;

    // Each entry's life phases and topics, as the term pages group them: worked out once, not
    // once per pair of terms.
    std::vector<std::vector<Located>> phases, topics;
    for (const RecordEntry& e : plan.entries) {
        phases.push_back(e.kind == "course" ? default_life_phases(static_cast<const Course&>(*e.record)) : e.record->life_phases);
        topics.push_back(e.kind == "course" && e.record->topics.empty() ? std::vector<Located>{{"german-language", {}}}
                                                                         : e.record->topics);
    }

    plan.pages.push_back({PageKind::home, "index.html"});
    // A term page: everything of the term, grouped by the other dimension in taxonomy order.
    auto term_page = [&](PageKind kind, const std::string& term, std::string folder, const std::vector<Term>& others,
                         bool by_phase) {
        const auto& mine = by_phase ? topics : phases;
        const auto& theirs = by_phase ? phases : topics;
        PlannedPage page{kind, folder + "/" + term + ".html"};
        page.term = term;
        std::vector<std::size_t> in_term;
        for (std::size_t i = 0; i < plan.entries.size(); ++i)
            if (has_term(mine[i], term)) in_term.push_back(i);
        for (const Term& other : others) {
            Group g{other.id, {}};
            for (std::size_t i : in_term) {
                const RecordEntry& e = plan.entries[i];
                if (e.kind != "provider" && e.kind != "contact" && has_term(theirs[i], other.id)) g.entries.push_back(&e);
            }
            if (!g.entries.empty()) page.groups.push_back(std::move(g));
        }
        for (std::size_t i : in_term)
            if (plan.entries[i].kind == "contact") page.contacts.push_back(&plan.entries[i]);
        plan.pages.push_back(std::move(page));
    };
    for (const Term& t : content.taxonomy.life_phases)
        term_page(PageKind::life_phase, t.id, "life-phases", content.taxonomy.topics, false);
    for (const Term& t : content.taxonomy.topics)
        term_page(PageKind::topic, t.id, "topics", content.taxonomy.life_phases, true);

    for (const RecordEntry& e : plan.entries) {
        PlannedPage page{PageKind::record, e.route};
        page.entry = &e;
        plan.pages.push_back(std::move(page));
    }
    for (const RecordEntry& e : plan.entries)
        if (e.kind == "course") plan.courses.push_back(&e);
    std::stable_sort(plan.courses.begin(), plan.courses.end(), [](const RecordEntry* a, const RecordEntry* b) {
        return static_cast<const Course*>(a->record)->start < static_cast<const Course*>(b->record)->start;
    });
    plan.pages.push_back({PageKind::courses, "courses/index.html"});
    // One page per month in which courses start: the page a coordinator prints or mails.
    std::string previous;
    for (const RecordEntry* e : plan.courses) {
        const std::string month = to_iso(static_cast<const Course*>(e->record)->start).substr(0, 7);
        if (month == previous) continue;
        previous = month;
        PlannedPage page{PageKind::course_month, "courses/" + month + "/index.html"};
        page.term = month;
        plan.pages.push_back(std::move(page));
    }
    plan.pages.push_back({PageKind::counselling, "counselling/index.html"});
    plan.pages.push_back({PageKind::az, "a-z/index.html"});

    for (const Page& p : content.pages)
        if (std::find(plan.languages.begin(), plan.languages.end(), p.language) != plan.languages.end())
            plan.free_pages[p.slug][p.language] = &p;
    for (const auto& [slug, versions] : plan.free_pages) {
        // Only pages with a source-language version are published (check reports the others).
        if (!versions.count(content.site.source_language)) continue;
        PlannedPage page{PageKind::free_page, slug + "/index.html"};
        page.slug = slug;
        plan.pages.push_back(std::move(page));
    }
    return plan;
}

}  // namespace lotse
