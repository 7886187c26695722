#include "site/plan.h"

#include <algorithm>
#include <set>

#include "content/domain.h"
#include "site/routes.h"

namespace lotse {

bool published(const Course& c, Date today) { return !(c.end < today); }
bool published(const Offer& o, Date today) { return !o.dates.until || !(*o.dates.until < today); }
std::string start_month(const Course& c) { return to_iso(c.start).substr(0, 7); }

const RecordEntry* SitePlan::find(RecordKind kind, const std::string& id) const {
    auto it = by_ref_.find({kind, id});
    return it == by_ref_.end() ? nullptr : it->second;
}

const RecordEntry* SitePlan::find(std::string_view kind, const std::string& id) const {
    const std::optional<RecordKind> k = kind_named(kind);
    return k ? find(*k, id) : nullptr;
}

std::vector<const RecordEntry*> SitePlan::of_kind(RecordKind kind) const {
    std::vector<const RecordEntry*> out;
    for (const RecordEntry& e : entries)
        if (e.kind == kind) out.push_back(&e);
    return out;
}

namespace {

bool has_term(const std::vector<Located>& terms, std::string_view id) {
    return std::any_of(terms.begin(), terms.end(), [&](const Located& t) { return t.value == id; });
}

std::vector<Located> located(const std::vector<std::string_view>& words) {
    std::vector<Located> out;
    for (std::string_view w : words) out.push_back({std::string(w), {}});
    return out;
}

// The life phases and topics a record is listed under on term pages. A course that names none
// gets them from its type; a course with childcare is also for parents of small children.
std::vector<Located> life_phases_of(const Record& r) { return r.life_phases; }
std::vector<Located> life_phases_of(const Course& c) {
    std::vector<Located> out = c.life_phases.empty() ? located(domain::course_life_phases(c.type.value)) : c.life_phases;
    if (c.childcare.value_or(false) && !has_term(out, domain::kChildcareLifePhase))
        out.push_back({std::string(domain::kChildcareLifePhase), {}});
    return out;
}
std::vector<Located> topics_of(const Record& r) { return r.topics; }
std::vector<Located> topics_of(const Course& c) {
    return c.topics.empty() ? located({domain::kCourseTopic}) : c.topics;
}

// What a record's own page shows besides the record: the contact it names, if it is published,
// unless an overload for its kind says more.
template <typename R>
std::vector<Group> related(const SitePlan& plan, const R& r, const std::vector<const RecordEntry*>&) {
    if (const Located* ref = contact_ref(r))
        if (const RecordEntry* c = plan.find(RecordKind::contact, ref->value)) return {{"contact", {c}}};
    return {};
}
std::vector<Group> related(const SitePlan& plan, const Pathway& p, const std::vector<const RecordEntry*>&) {
    std::vector<Group> steps;
    for (const PathwayStep& s : p.steps) {
        Group g;
        for (const RecordRef& l : s.links)
            if (const RecordEntry* target = plan.find(l.kind, l.id)) g.entries.push_back(target);
        steps.push_back(std::move(g));
    }
    return steps;
}
// A provider's page lists what it runs, by kind.
std::vector<Group> related(const SitePlan&, const Provider&, const std::vector<const RecordEntry*>& runs) {
    std::vector<Group> out;
    for (const KindInfo& k : kRecordKinds) {
        Group g{std::string(k.folder), {}};
        for (const RecordEntry* e : runs)
            if (e->kind == k.kind) g.entries.push_back(e);
        if (!g.entries.empty()) out.push_back(std::move(g));
    }
    return out;
}

void add_entries(SitePlan& plan, const Content& content, Date today) {
    for_each_kind(content, [&](const auto& records) {
        for (const auto& r : records) {
            if constexpr (requires { published(r, today); })
                if (!published(r, today)) continue;
            constexpr RecordKind kind = KindOf<std::remove_cvref_t<decltype(r)>>::value;
            plan.entries.push_back({kind, &r, routes::record(kind, r.id)});
        }
    });
}

// The group a record is listed in where a list is grouped by terms: its first term the taxonomy
// has, the one its author named first. One card per record per list: a record under each of its
// terms would show a reader the same card again and again.
std::string_view first_term(const std::vector<Located>& terms, const std::vector<Term>& taxonomy) {
    for (const Located& t : terms)
        if (std::any_of(taxonomy.begin(), taxonomy.end(), [&](const Term& known) { return known.id == t.value; }))
            return t.value;
    return {};
}

// A term page: everything of the term, grouped by the other dimension in taxonomy order, and the
// contacts of the term.
PlannedPage term_page(const SitePlan& plan, PageKind kind, const std::string& term, const std::vector<Term>& others,
                      const std::vector<std::vector<Located>>& mine, const std::vector<std::vector<Located>>& theirs) {
    PlannedPage page{kind, kind == PageKind::life_phase ? routes::life_phase(term) : routes::topic(term)};
    page.term = term;
    std::vector<std::size_t> in_term;
    for (std::size_t i = 0; i < plan.entries.size(); ++i)
        if (has_term(mine[i], term)) in_term.push_back(i);
    for (const Term& other : others) {
        Group g{other.id, {}};
        for (std::size_t i : in_term) {
            const RecordEntry& e = plan.entries[i];
            if (info(e.kind).listing == Listing::grouped && first_term(theirs[i], others) == other.id) g.entries.push_back(&e);
        }
        if (!g.entries.empty()) page.groups.push_back(std::move(g));
    }
    for (std::size_t i : in_term)
        if (info(plan.entries[i].kind).listing == Listing::advice) page.contacts.push_back(&plan.entries[i]);
    return page;
}

void add_term_pages(SitePlan& plan, const Taxonomy& taxonomy) {
    // Each entry's life phases and topics: worked out once, not once per pair of terms.
    std::vector<std::vector<Located>> phases, topics;
    for (const RecordEntry& e : plan.entries) {
        phases.push_back(e.visit([](const auto& r) { return life_phases_of(r); }));
        topics.push_back(e.visit([](const auto& r) { return topics_of(r); }));
    }
    for (const Term& t : taxonomy.life_phases)
        plan.pages.push_back(term_page(plan, PageKind::life_phase, t.id, taxonomy.topics, phases, topics));
    for (const Term& t : taxonomy.topics)
        plan.pages.push_back(term_page(plan, PageKind::topic, t.id, taxonomy.life_phases, topics, phases));
}

void add_record_pages(SitePlan& plan) {
    std::map<std::string, std::vector<const RecordEntry*>> runs;  // provider id -> what it runs
    for (const RecordEntry& e : plan.entries)
        if (const Located* p = provider_ref(e.kind, *e.record); p && !p->value.empty()) runs[p->value].push_back(&e);
    for (const RecordEntry& e : plan.entries) {
        if (info(e.kind).listing == Listing::glossary) continue;  // on the glossary page
        PlannedPage page{PageKind::record, e.route};
        page.entry = &e;
        const auto& mine = e.kind == RecordKind::provider ? runs[e.record->id] : std::vector<const RecordEntry*>{};
        page.groups = e.visit([&](const auto& r) { return related(plan, r, mine); });
        plan.pages.push_back(std::move(page));
    }
}

// The months that have a page: every month in which a published course starts, and the current
// month and the next three even without a course, so that a link mailed early never leads nowhere.
std::vector<std::string> course_months(const std::vector<const RecordEntry*>& courses, Date today) {
    std::set<std::string> months;
    for (const RecordEntry* e : courses) months.insert(start_month(e->as<Course>()));
    const std::chrono::year_month now{today.year(), today.month()};
    for (int i = 0; i < kMonthsAhead; ++i) months.insert(to_iso((now + std::chrono::months(i)) / 1).substr(0, 7));
    return {months.begin(), months.end()};
}

// The course overview, grouped by start month, and one page per month (course_months): the page a
// coordinator prints or mails.
void add_course_pages(SitePlan& plan, Date today) {
    for (const RecordEntry& e : plan.entries)
        if (e.kind == RecordKind::course) plan.courses.push_back(&e);
    std::stable_sort(plan.courses.begin(), plan.courses.end(), [](const RecordEntry* a, const RecordEntry* b) {
        return a->as<Course>().start < b->as<Course>().start;
    });
    std::vector<Group> months;
    for (const RecordEntry* e : plan.courses) {
        const std::string month = start_month(e->as<Course>());
        if (months.empty() || months.back().term != month) months.push_back({month, {}});
        months.back().entries.push_back(e);
    }
    PlannedPage overview{PageKind::courses, std::string(routes::kCourses)};
    overview.groups = months;
    plan.pages.push_back(std::move(overview));
    plan.months = course_months(plan.courses, today);
    for (const std::string& month : plan.months) {
        PlannedPage page{PageKind::course_month, routes::course_month(month)};
        page.term = month;
        const auto with_courses = std::find_if(months.begin(), months.end(), [&](const Group& g) { return g.term == month; });
        if (with_courses != months.end()) page.groups.push_back(std::move(*with_courses));
        plan.pages.push_back(std::move(page));
    }
}

// Contacts by topic, in taxonomy order; a contact under its first topic (its card names the others
// and the filter finds it by any of them).
void add_counselling_page(SitePlan& plan, const Taxonomy& taxonomy) {
    PlannedPage page{PageKind::counselling, std::string(routes::kCounselling)};
    page.contacts = plan.of_kind(RecordKind::contact);
    for (const Term& t : taxonomy.topics) {
        Group g{t.id, {}};
        for (const RecordEntry* e : page.contacts)
            if (first_term(e->record->topics, taxonomy.topics) == t.id) g.entries.push_back(e);
        if (!g.entries.empty()) page.groups.push_back(std::move(g));
    }
    plan.pages.push_back(std::move(page));
}

void add_az_page(SitePlan& plan) {
    PlannedPage page{PageKind::az, std::string(routes::kAz)};
    Group all;
    for (const RecordEntry& e : plan.entries) all.entries.push_back(&e);
    page.groups.push_back(std::move(all));
    plan.pages.push_back(std::move(page));
}

// Every term, then per term the published records it relates to; no page for a site without terms.
void add_glossary_page(SitePlan& plan) {
    PlannedPage page{PageKind::glossary, std::string(routes::kGlossary)};
    Group all{"", plan.of_kind(RecordKind::glossary)};
    if (all.entries.empty()) return;
    page.groups.push_back(all);
    for (const RecordEntry* e : all.entries) {
        Group see{e->record->id, {}};
        for (const RecordRef& ref : e->as<GlossaryTerm>().see)
            if (const RecordEntry* target = plan.find(ref.kind, ref.id)) see.entries.push_back(target);
        page.groups.push_back(std::move(see));
    }
    plan.pages.push_back(std::move(page));
}

// Only pages with a source-language version are published (check reports the others).
void add_free_pages(SitePlan& plan, const Content& content) {
    for (const Page& p : content.pages)
        if (std::find(plan.languages.begin(), plan.languages.end(), p.language) != plan.languages.end())
            plan.free_pages[p.slug][p.language] = &p;
    for (const auto& [slug, versions] : plan.free_pages) {
        if (!versions.count(content.site.source_language)) continue;
        PlannedPage page{PageKind::free_page, routes::free_page(slug)};
        page.slug = slug;
        plan.pages.push_back(std::move(page));
    }
}

}  // namespace

SitePlan plan_site(const Content& content, Date today) {
    SitePlan plan;
    for (const Located& l : content.site.languages) plan.languages.push_back(l.value);
    add_entries(plan, content, today);
    for (const RecordEntry& e : plan.entries) plan.by_ref_[{e.kind, e.record->id}] = &e;
    plan.pages.push_back({PageKind::home, std::string(routes::kHome)});
    add_term_pages(plan, content.taxonomy);
    add_record_pages(plan);
    add_course_pages(plan, today);
    add_counselling_page(plan, content.taxonomy);
    add_az_page(plan);
    // The search page shows no record of its own: its script reads the language's search index.
    plan.pages.push_back({PageKind::search, std::string(routes::kSearch)});
    add_glossary_page(plan);
    add_free_pages(plan, content);
    return plan;
}

}  // namespace lotse
