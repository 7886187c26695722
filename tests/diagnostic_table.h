// Diagnostics tests as tables: a row writes one file into a TestSite, runs `lotse check` and
// expects exactly the diagnostics it lists, in order. The row's name is the test's name, so a
// failure says which case broke.
#pragma once

#include <algorithm>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "test_site.h"

namespace lotse::test {

struct DiagnosticCase {
    std::string name;                   // what the row shows, in CamelCase: the test's name
    std::string file, text;             // the one file written into the TestSite
    std::vector<std::string> expected;  // every diagnostic, as TestSite::diagnostics() gives them
};

inline void PrintTo(const DiagnosticCase& c, std::ostream* os) { *os << c.name; }

inline std::string case_name(const testing::TestParamInfo<DiagnosticCase>& info) { return info.param.name; }

// `lotse check` exits 1 when any expected line is an error and 0 when all are warnings.
inline void expect_diagnostics(const DiagnosticCase& c) {
    TestSite site;
    site.file(c.file, c.text);
    const bool errors = std::any_of(c.expected.begin(), c.expected.end(),
                                    [](const std::string& line) { return line.find(": error: ") != std::string::npos; });
    EXPECT_EQ(site.check(), errors ? 1 : 0) << site.err();
    EXPECT_THAT(site.diagnostics(), testing::ElementsAreArray(c.expected));
}

// `text` with the first `from` of each edit replaced by its `to`.
inline std::string edited(std::string text, std::initializer_list<std::pair<std::string_view, std::string_view>> edits) {
    for (const auto& [from, to] : edits) text.replace(text.find(from), from.size(), to);
    return text;
}

// Valid records that rows start from: each is clean on the TestSite's 2026-11-22.
inline std::string offer(const std::string& extra = "", const std::string& provider = "vhs") {
    return "title: {de: \"Computerkurs\", en: \"Computer course\"}\n"
           "summary: {de: \"Einstieg\", en: \"Basics\"}\n"
           "provider: " + provider + "\n"
           "life_phases: [work-and-career]\n"
           "topics: [work]\n"
           "checked: 2026-11-02\n" + extra;
}

inline std::string course(const std::string& start = "2027-01-11", const std::string& end = "2027-07-16",
                          const std::string& level = "{from: A1, to: B1}") {
    return "type: integration\n"
           "provider: vhs\n"
           "level: " + level + "\n"
           "start: " + start + "\n"
           "end: " + end + "\n"
           "schedule:\n"
           "  - {days: [mon, tue], from: \"08:30\", to: \"12:45\"}\n"
           "checked: 2026-11-10\n";
}

inline const char* const kContact =
    "name: {de: \"Migrationsberatung\", en: \"Migration counselling\"}\n"
    "organisation: vhs\n"
    "topics: [work]\n"
    "life_phases: [work-and-career]\n"
    "hours:\n"
    "  - {days: [mon, wed], from: \"09:00\", to: \"12:00\"}\n"
    "checked: 2026-10-20\n";

}  // namespace lotse::test
