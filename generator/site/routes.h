// Where every file of the site is written, and how pages link to each other: the one place that
// knows the output's folder and file names.
//
// A route is a path inside a language folder ("courses/index.html"). A section's overview is a
// folder's index.html (courses/index.html, a month's courses at courses/<yyyy-mm>/index.html); a
// record's, a life phase's or a topic's page is a file of its own (offers/<id>.html,
// topics/<id>.html): one file instead of a folder and a file per page, a shorter address, and
// cards that link the same way from every such page.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "content/kinds.h"

namespace lotse::routes {

inline constexpr std::string_view kHome = "index.html";
inline constexpr std::string_view kCourses = "courses/index.html";
inline constexpr std::string_view kCounselling = "counselling/index.html";
inline constexpr std::string_view kAz = "a-z/index.html";
inline constexpr std::string_view kSearch = "search/index.html";
// A language's search index, beside its search page (search/search_index.h).
inline constexpr std::string_view kSearchIndex = "search/index.json";
inline constexpr std::string_view kGlossary = "glossary/index.html";
inline constexpr std::string_view kLifePhases = "life-phases";
inline constexpr std::string_view kTopics = "topics";
inline constexpr std::string_view kAssets = "assets";
inline constexpr std::string_view kStylesheet = "assets/style.css";
// A language's Atom feed of its courses and offers (render/feed.h).
inline constexpr std::string_view kFeed = "feed.xml";
// A language's offline copy (render/offline_copy.h): the list of its files, and the service
// worker that saves them, in the language folder so that its scope is that language alone.
inline constexpr std::string_view kOfflineManifest = "offline.json";
inline constexpr std::string_view kOfflineWorker = "offline-worker.js";
// The home page's script that saves and removes the offline copy.
inline constexpr std::string_view kOfflineScript = "assets/offline.js";

// Files once per site, beside the language folders.
inline constexpr std::string_view kChooser = "index.html";
inline constexpr std::string_view kNotFound = "404.html";
inline constexpr std::string_view kRobots = "robots.txt";
inline constexpr std::string_view kCoursesCsv = "courses.csv";
inline constexpr std::string_view kCoursesIcs = "courses.ics";
inline constexpr std::string_view kCoursesXlsx = "courses.xlsx";
inline constexpr std::string_view kSitemap = "sitemap.xml";
// The open data: the DCAT-AP.de description of the data set, and an HSDS package per language.
inline constexpr std::string_view kOpenData = "open-data/";
inline constexpr std::string_view kDcat = "open-data/dcat.jsonld";
inline constexpr std::string_view kHsds = "open-data/hsds/";
std::string hsds_folder(std::string_view language);  // open-data/hsds/<lang>/
// The file of the sitemap's nth part (from 1): "sitemap-1.xml".
std::string sitemap_part(std::size_t n);

// offers/<id>.html; a glossary term's place on the glossary page: glossary/index.html#<id>
std::string record(RecordKind kind, std::string_view id);
std::string life_phase(std::string_view id);               // life-phases/<id>.html
std::string topic(std::string_view id);                    // topics/<id>.html
std::string course_month(std::string_view month);          // courses/<yyyy-mm>/index.html
std::string free_page(std::string_view slug);              // <slug>/index.html
std::string language_home(std::string_view language);      // <lang>/index.html
std::string feed(std::string_view language);               // <lang>/feed.xml

// Folder names a free page's slug cannot take: every top-level folder of a language.
const std::vector<std::string_view>& reserved_slugs();

// "../" once per folder of `path`: from a file at `path` back to the folder it is relative to.
std::string up(std::string_view path);
// A link from the page at `from` to the page at `to`, both routes in one language.
std::string link(std::string_view from, std::string_view to);
// The folder URL of a route ("courses/index.html" -> "courses/"), for canonical links and sitemaps.
std::string pretty(std::string_view route);

}  // namespace lotse::routes
