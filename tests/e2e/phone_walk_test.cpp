// The defects of the phone walk (issue 22), read back from the built pages as a newcomer meets
// them: a card's opening hours, one card per record per list, a course with childcare under early
// childhood, the folded filters, and interface words in the page's language.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "test_site.h"

namespace lotse::test {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

std::size_t count_of(const std::string& page, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = page.find(what); at != std::string::npos; at = page.find(what, at + what.size())) ++n;
    return n;
}

class PhoneWalk : public ::testing::Test {
protected:
    void SetUp() override {
        site.file("content/taxonomy.yaml",
                  "life_phases: [early-childhood, school, work-and-career]\n"
                  "topics: [german-language, school, work]\n");
        site.file("content/contacts/jmd.yaml",
                  "name: {de: \"Jugendmigrationsdienst\"}\norganisation: vhs\n"
                  "topics: [school, work]\nlife_phases: [school, work-and-career]\nphone: \"+49 000 5678-30\"\n"
                  "email: jmd@awo-teststadt.example\nurl: https://awo-teststadt.example/jmd/beratung\n"
                  "hours:\n  - {days: [mon, tue, thu], from: \"10:00\", to: \"16:00\"}\n"
                  "  - {days: [wed], from: \"14:00\", to: \"18:00\"}\n"
                  "  - {days: [fri], from: \"10:00\", to: \"16:00\"}\n"
                  "checked: 2026-10-20\n");
        site.file("content/pathways/arbeit.yaml",
                  "title: {de: \"Weg in die Arbeit\"}\nlife_phases: [work-and-career]\ntopics: [work, german-language]\n"
                  "steps:\n  - title: {de: \"Beraten lassen\"}\n    text: {de: \"Zum [JMD](ref:contact/jmd).\"}\n"
                  "checked: 2026-11-02\n");
        site.file("content/courses/frauen.yaml",
                  "type: integration-women\nprovider: vhs\nlevel: {from: A1, to: B1}\nstart: 2027-01-11\n"
                  "end: 2027-12-17\nchildcare: true\nchecked: 2026-11-10\n");
        site.file("content/courses/online.yaml",
                  "type: job-language\nprovider: vhs\nlevel: {from: B1, to: B2}\nstart: 2027-01-25\nend: 2027-06-30\n"
                  "mode: online\nlocation: online\nchecked: 2026-11-10\n");
        ASSERT_EQ(site.build(), 0) << site.err();
    }
    TestSite site;
};

TEST_F(PhoneWalk, AContactCardShowsEveryOpeningDayWithTheSameHoursTogether) {
    const std::string page = site.page("de/counselling/index.html");
    EXPECT_THAT(page, HasSubstr("<li><bdi>Mo, Di, Do und Fr 10:00–16:00 Uhr · Mi 14:00–18:00 Uhr</bdi></li>")) << page;
}

TEST_F(PhoneWalk, TheCounsellingDirectoryShowsAContactOnceWithItsTopics) {
    const std::string page = site.page("de/counselling/index.html");
    EXPECT_EQ(count_of(page, "data-filter-item=\"jmd\""), 1u) << page;
    EXPECT_THAT(page, HasSubstr("<li><bdi>Themen: Schule und Arbeit</bdi></li>"));
    // Under its first topic; the filter finds it by either.
    EXPECT_THAT(page, HasSubstr("<h2 id=\"topic-school\">Schule</h2>"));
    EXPECT_THAT(page, Not(HasSubstr("<h2 id=\"topic-work\">")));
    EXPECT_THAT(page, HasSubstr("data-filter-item=\"jmd\" data-topic=\"|school|work|\""));
}

TEST_F(PhoneWalk, ALifePhasePageListsAPathwayOnce) {
    const std::string page = site.page("de/life-phases/work-and-career.html");
    EXPECT_EQ(count_of(page, "href=\"../pathways/arbeit.html\""), 1u) << page;
}

TEST_F(PhoneWalk, ACourseWithChildcareIsFoundFromEarlyChildhood) {
    const std::string early = site.page("de/life-phases/early-childhood.html");
    EXPECT_EQ(count_of(early, "href=\"../courses/frauen.html\""), 1u) << early;
    EXPECT_THAT(early, Not(HasSubstr("href=\"../courses/online.html\"")));
    const std::string work = site.page("de/life-phases/work-and-career.html");
    EXPECT_EQ(count_of(work, "href=\"../courses/frauen.html\""), 1u) << "still under its type's life phase";
}

TEST_F(PhoneWalk, TheFiltersAreFoldedUnderASummaryThatCountsThem) {
    const std::string de = site.page("de/courses/index.html");
    EXPECT_THAT(de, HasSubstr("<form class=\"filters\" data-filter=\"course-list\" hidden>\n<details>\n"
                              "<summary><span class=\"filter-count\" data-plural=\""));
    EXPECT_THAT(de, HasSubstr("&quot;other&quot;:&quot;# Filter aktiv&quot;"));
    EXPECT_THAT(de, HasSubstr("\">Filter</span></summary>"));
    const std::string en = site.page("en/counselling/index.html");
    EXPECT_THAT(en, HasSubstr("&quot;one&quot;:&quot;# filter active&quot;,&quot;other&quot;:&quot;# filters active&quot;"));
    EXPECT_THAT(en, HasSubstr("\">Filters</span></summary>"));
    // The list comes right after the fold and the count.
    const auto fold = de.find("</details>\n</form>");
    const auto list = de.find("<div id=\"course-list\">");
    ASSERT_NE(fold, std::string::npos);
    EXPECT_LT(fold, list);
    EXPECT_LT(de.find("id=\"course-list-status\""), list);
}

// On a phone an address breaks at its parts, not after "awo-"; it reads left to right in Arabic.
TEST_F(PhoneWalk, AddressesBreakAtTheirPartsAndPhoneNumbersStayWhole) {
    const std::string ar = site.page("ar/contacts/jmd.html");
    EXPECT_THAT(ar, HasSubstr("<a href=\"https://awo-teststadt.example/jmd/beratung\" dir=\"ltr\">"
                              "https://<wbr>awo-teststadt<wbr>.example/<wbr>jmd/<wbr>beratung</a>"));
    EXPECT_THAT(ar, HasSubstr("<a href=\"mailto:jmd@awo-teststadt.example\" dir=\"ltr\">jmd<wbr>@awo-teststadt<wbr>.example</a>"));
    EXPECT_THAT(ar, HasSubstr("<a href=\"tel:+49000567830\" dir=\"ltr\">+49 000 5678-30</a>"));
    const std::string css = read(site.out() / "assets/style.css");
    EXPECT_THAT(css, HasSubstr("a[href^=\"tel:\"] { white-space: nowrap; }"));
}

TEST_F(PhoneWalk, OnlineIsAWordOfThePageLanguage) {
    const std::string ar = site.page("ar/courses/index.html");
    EXPECT_THAT(ar, HasSubstr("<bdi>عبر الإنترنت</bdi>")) << ar;
    EXPECT_THAT(ar, Not(HasSubstr("lang=\"de\" dir=\"ltr\">عبر الإنترنت")));
}

}  // namespace
}  // namespace lotse::test
