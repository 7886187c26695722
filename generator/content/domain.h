// Facts of the domain that several stages need: the words a record may use for its course type,
// level, audience and so on. The loader accepts exactly these; the renderer lists filter choices
// in this order; the catalogs have a label for each ("course_type.integration").
#pragma once

#include <span>
#include <string_view>
#include <vector>

namespace lotse::domain {

// BAMF course types, in the order the course filter offers them.
inline constexpr std::string_view kCourseTypes[] = {
    "integration", "integration-youth", "integration-parents", "integration-women", "literacy",
    "support",     "intensive",         "second-script",       "job-language",      "other"};

// The Common European Framework's levels, lowest first.
inline constexpr std::string_view kCefrLevels[] = {"A1", "A2", "B1", "B2", "C1", "C2"};

inline constexpr std::string_view kAudiences[] = {"newcomers", "women",  "parents", "children",
                                                  "youth",     "adults", "seniors", "professionals"};

inline constexpr std::string_view kCourseModes[] = {"in-person", "online", "hybrid"};
inline constexpr std::string_view kSeats[] = {"open", "few", "waitlist", "full"};
inline constexpr std::string_view kAppointments[] = {"required", "recommended", "none"};
inline constexpr std::string_view kWeekdays[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
// When a course starts in the day, as the course filter offers it: before 12:00, before 17:00, later.
inline constexpr std::string_view kTimesOfDay[] = {"morning", "afternoon", "evening"};

// Days after which a record's "checked" date asks for a review, unless site.yaml says otherwise.
inline constexpr int kReviewAfterDays = 180;

// Pages a public body's site must have (content/pages/<slug>.<lang>.md).
inline constexpr std::string_view kRequiredPages[] = {"imprint", "privacy", "accessibility"};

// The licences the open data can be published under (site.yaml open_data.licence), as GovData
// names them; the first is the default, the licence German public bodies publish under.
inline constexpr std::string_view kLicences[] = {"dl-de/by-2-0", "dl-de/zero-2-0", "CC-BY-4.0", "CC0-1.0"};

// The life phases a course is listed under when it names none: those its type is for.
std::vector<std::string_view> course_life_phases(std::string_view type);
// The topic a course is listed under when it names none.
inline constexpr std::string_view kCourseTopic = "german-language";
// The life phase a course with childcare is listed under besides its own.
inline constexpr std::string_view kChildcareLifePhase = "early-childhood";

// The levels from `from` to `to`, both included: A1, B1 -> A1, A2, B1.
std::vector<std::string_view> levels_between(std::string_view from, std::string_view to);

// A glossary term without its article, as it is sorted and found in texts: "der Jobcenter" ->
// "Jobcenter". Only the German articles count: terms are German words.
std::string_view without_article(std::string_view term);

}  // namespace lotse::domain
