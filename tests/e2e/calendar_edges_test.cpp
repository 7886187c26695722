// Dates and times at the edges of what the content format accepts, as the check reports them and
// as the pages, courses.csv and courses.ics show them.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "test_site.h"

namespace lotse::test {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::string course(const std::string& start, const std::string& end, const std::string& schedule) {
    return "type: integration\nprovider: vhs\nlevel: {from: A1, to: B1}\nstart: " + start + "\nend: " + end +
           "\nschedule:\n  - {days: [mon], from: \"" + schedule + "\"}\nchecked: 2026-11-10\n";
}

TEST(CalendarEdges, DatesOutsideTheRangeAreErrorsAtTheirValue) {
    TestSite site;
    site.file("content/courses/alt.yaml", course("0000-01-01", "9999-12-31", "08:00\", to: \"12:00"));
    site.file("content/courses/knapp.yaml", course("1899-12-31", "2200-01-01", "08:00\", to: \"12:00"));
    EXPECT_EQ(site.check(), 1);
    EXPECT_THAT(site.diagnostics(),
                ElementsAre("content/courses/alt.yaml:4:8: error: \"start\" is 0000-01-01, outside the dates Lotse "
                            "accepts (1900-01-01 to 2199-12-31)",
                            "content/courses/alt.yaml:5:6: error: \"end\" is 9999-12-31, outside the dates Lotse "
                            "accepts (1900-01-01 to 2199-12-31)",
                            "content/courses/knapp.yaml:4:8: error: \"start\" is 1899-12-31, outside the dates Lotse "
                            "accepts (1900-01-01 to 2199-12-31)",
                            "content/courses/knapp.yaml:5:6: error: \"end\" is 2200-01-01, outside the dates Lotse "
                            "accepts (1900-01-01 to 2199-12-31)"));
}

TEST(CalendarEdges, MidnightOnlyEndsASlot) {
    TestSite site;
    site.file("content/courses/nacht.yaml", course("2027-01-11", "2027-07-16", "24:00\", to: \"24:00"));
    EXPECT_EQ(site.check(), 1);
    EXPECT_THAT(site.diagnostics(),
                ElementsAre("content/courses/nacht.yaml:7:25: error: \"from\" is 24:00, the end of a day; a time slot "
                            "can end at 24:00 but begins at 00:00 at the earliest"));
}

class EdgeSite : public ::testing::Test {
protected:
    void SetUp() override {
        site.file("content/site.yaml",
                  "title: {de: \"Bildung Teststadt\"}\nsource_language: de\nlanguages: [de, en, ar, fa]\n"
                  "base_url: https://bildung.teststadt.example/\n");
        site.file("content/courses/lang.yaml", course("1900-01-01", "2199-12-31", "23:00\", to: \"24:00"));
        ASSERT_EQ(site.build(), 0) << site.err();
    }
    TestSite site;
};

TEST_F(EdgeSite, PagesShowTheEdgesInEveryLanguage) {
    const std::string de = site.page("de/courses/lang.html");
    EXPECT_THAT(de, HasSubstr("1. Jan. 1900\u2009\u2013\u200931. Dez. 2199"));
    EXPECT_THAT(de, HasSubstr("<bdi>23:00\u201324:00 Uhr</bdi>"));
    const std::string ar = site.page("ar/courses/lang.html");
    EXPECT_THAT(ar, HasSubstr("\u0661 \u064a\u0646\u0627\u064a\u0631\u060c \u0661\u0669\u0660\u0660 \u2013 "
                              "\u0663\u0661 \u062f\u064a\u0633\u0645\u0628\u0631\u060c \u0662\u0661\u0669\u0669"));
    EXPECT_THAT(ar, HasSubstr("<bdi>\u0661\u0661:\u0660\u0660 \u0645 \u2013 \u0661\u0662:\u0660\u0660 \u0635</bdi>"));
    const std::string fa = site.page("fa/courses/lang.html");
    EXPECT_THAT(fa, HasSubstr("<bdi>\u06f2\u06f3:\u06f0\u06f0 \u062a\u0627 \u06f2\u06f4:\u06f0\u06f0</bdi>"));
    const std::string en = site.page("en/courses/lang.html");
    EXPECT_THAT(en, HasSubstr("Jan 1, 1900\u2009\u2013\u2009Dec 31, 2199"));
    EXPECT_THAT(en, HasSubstr("<bdi>11:00\u202fPM\u2009\u2013\u200912:00\u202fAM</bdi>"));
}

TEST_F(EdgeSite, CsvCellsAtTheEdges) {
    const std::string csv = site.page("courses.csv");
    EXPECT_THAT(csv, HasSubstr(",1900-01-01,2199-12-31,Mo 23:00\u201324:00 Uhr,"));
}

TEST_F(EdgeSite, CalendarEventsAtTheEdges) {
    // Long lines are folded (RFC 5545: CRLF and a space); a calendar program unfolds them.
    std::string ics = site.page("courses.ics");
    for (std::size_t at; (at = ics.find("\r\n ")) != std::string::npos;) ics.erase(at, 3);
    EXPECT_THAT(ics, HasSubstr("DTSTART;VALUE=DATE:19000101\r\n"));
    EXPECT_THAT(ics, HasSubstr("DTEND;VALUE=DATE:22000101\r\n"));
    EXPECT_THAT(ics, HasSubstr("Mo 23:00\u201324:00 Uhr"));
}

}  // namespace
}  // namespace lotse::test
