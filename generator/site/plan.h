// The site plan: which pages exist, where they are written, and which records each one lists.
// It is the same for every language; render/ turns each planned page into HTML per language.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "content/calendar.h"
#include "content/records.h"

namespace lotse {

// Any published record, as lists and cards see it.
struct RecordEntry {
    std::string kind;  // offer, course, contact, provider, pathway
    const Record* record = nullptr;
    std::string route;  // offers/<id>.html
};

enum class PageKind { home, life_phase, topic, record, courses, course_month, counselling, az, free_page };

struct Group {
    std::string term;  // the topic (on life-phase pages) or life phase (on topic pages)
    std::vector<const RecordEntry*> entries;
};

struct PlannedPage {
    PlannedPage(PageKind k, std::string r) : kind(k), route(std::move(r)) {}

    PageKind kind;
    std::string route;  // relative to a language folder: "index.html", "courses/index.html" …
    const RecordEntry* entry = nullptr;  // record pages
    std::string term;                    // life-phase and topic pages; YYYY-MM on month pages
    std::vector<Group> groups;           // offers, courses and pathways by the other dimension
    std::vector<const RecordEntry*> contacts;  // "advice and help" on term pages
    std::string slug;                    // free pages
};

struct SitePlan {
    std::vector<std::string> languages;
    std::vector<RecordEntry> entries;  // every published record
    std::vector<const RecordEntry*> courses;  // published courses by start date
    std::map<std::string, const RecordEntry*> by_ref;  // "course/vhs-ik" -> entry
    std::vector<PlannedPage> pages;
    // slug -> language -> page
    std::map<std::string, std::map<std::string, const Page*>> free_pages;

    const RecordEntry* find(const std::string& kind, const std::string& id) const;
};

bool published(const Course& c, Date today);
bool published(const Offer& o, Date today);
// A section's overview is a folder's index.html (courses/index.html, and a month's courses at
// courses/<yyyy-mm>/index.html); a record's or a life phase's or topic's page is a file of its own
// (offers/<id>.html, topics/<id>.html): one file instead of a folder and a file per page, a shorter
// address, and cards that link the same way from every such page.
std::string record_route(std::string_view kind, std::string_view id);

// Entries keep pointers into `content`, which must outlive the plan.
SitePlan plan_site(const Content& content, Date today);

}  // namespace lotse
