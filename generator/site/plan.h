// The site plan: which pages exist, where they are written, and which records each one shows.
// It is the same for every language; render/ turns each planned page into HTML per language, and
// the rebuild fingerprints (render/fingerprint.h) hash exactly the records the plan names for a
// page, so the two cannot disagree about what a page depends on.
#pragma once

#include <cassert>
#include <map>
#include <string>
#include <vector>

#include "content/calendar.h"
#include "content/kinds.h"
#include "content/records.h"

namespace lotse {

// Any published record, as lists and cards see it.
struct RecordEntry {
    RecordKind kind;
    const Record* record = nullptr;
    std::string route;  // offers/<id>.html

    template <typename R>
    const R& as() const {
        assert(kind == KindOf<R>::value);
        return static_cast<const R&>(*record);
    }
    // Calls f with the record as its own type.
    template <typename F>
    decltype(auto) visit(F&& f) const {
        return visit_record(kind, *record, std::forward<F>(f));
    }
};

enum class PageKind { home, life_phase, topic, record, courses, course_month, counselling, az, search, glossary, free_page };

// Records a page shows together, under a heading the renderer words.
struct Group {
    std::string term;  // a topic or life phase on term and counselling pages; a month (YYYY-MM) on
                       // course pages; a kind's folder ("offers") on a provider's page
    std::vector<const RecordEntry*> entries;
};

struct PlannedPage {
    PlannedPage(PageKind k, std::string r) : kind(k), route(std::move(r)) {}

    PageKind kind;
    std::string route;  // relative to a language folder: "index.html", "courses/index.html" …
    const RecordEntry* entry = nullptr;  // record pages
    std::string term;                    // life-phase and topic pages; YYYY-MM on month pages
    std::string slug;                    // free pages
    // Every record the page shows besides its own: in groups (term pages: by the other dimension;
    // course pages: by month; counselling: by topic; a provider's page: what it runs; an offer's:
    // its contact; a pathway's: one group per step; the A–Z: one group of all), and `contacts`
    // ("advice and help" on term pages; on the counselling page every contact, whose languages
    // its filter offers; the glossary: one group of all terms, then one per term, named by its id,
    // of the records it relates to).
    std::vector<Group> groups;
    std::vector<const RecordEntry*> contacts;

    // Calls f with every record whose card, row or entry the page shows, its own first.
    template <typename F>
    void for_each_shown(F&& f) const {
        if (entry) f(*entry);
        for (const Group& g : groups)
            for (const RecordEntry* e : g.entries) f(*e);
        for (const RecordEntry* e : contacts) f(*e);
    }
};

struct SitePlan {
    std::vector<std::string> languages;
    std::vector<RecordEntry> entries;  // every published record, in kRecordKinds order, then by id
    std::vector<const RecordEntry*> courses;  // published courses by start date
    std::vector<PlannedPage> pages;
    std::vector<std::string> months;  // YYYY-MM of every month page, in order
    // slug -> language -> page
    std::map<std::string, std::map<std::string, const Page*>> free_pages;

    const RecordEntry* find(RecordKind kind, const std::string& id) const;
    // `kind` as written in a link ("course"); nullptr for a kind that is not one.
    const RecordEntry* find(std::string_view kind, const std::string& id) const;
    std::size_t index(const RecordEntry& e) const { return static_cast<std::size_t>(&e - entries.data()); }
    // The entries of one kind, in plan order.
    std::vector<const RecordEntry*> of_kind(RecordKind kind) const;

private:
    friend SitePlan plan_site(const Content&, Date);
    std::map<std::pair<RecordKind, std::string>, const RecordEntry*> by_ref_;
};

bool published(const Course& c, Date today);
bool published(const Offer& o, Date today);
// The month a course starts in, as YYYY-MM.
std::string start_month(const Course& c);
// How many months from the current one on have a page even without a course.
inline constexpr int kMonthsAhead = 4;

// Entries keep pointers into `content`, which must outlive the plan.
SitePlan plan_site(const Content& content, Date today);

}  // namespace lotse
