// The month pages a coordinator prints or mails: one for the current month and the next three even
// without courses, the month navigation, the printed table's header row and the page's address
// and QR code for the paper copy.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "render/qr_code.h"
#include "test_site.h"

namespace lotse::test {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;

std::string course(const std::string& start, const std::string& end, const std::string& extra = "") {
    return "type: integration\nprovider: vhs\nlevel: {from: A1, to: B1}\nstart: " + start + "\nend: " + end +
           "\nchecked: 2026-11-10\n" + extra;
}

class MonthSite : public ::testing::Test {
protected:
    void SetUp() override {
        site.file("content/site.yaml",
                  "title: {de: \"Bildung Teststadt\", en: \"Education Teststadt\", ar: \"التعليم\"}\n"
                  "source_language: de\nlanguages: [de, en, ar]\nbase_url: https://bildung.teststadt.example/\n");
        site.file("content/courses/laufend.yaml", course("2026-10-05", "2027-03-01"));
        site.file("content/courses/januar.yaml",
                  course("2027-01-11", "2027-06-30",
                         "title: {de: \"Januarkurs\"}\nseats: few\n"
                         "registration: {phone: \"+49 000 12\", email: kurse@vhs.example}\n"));
        site.file("content/courses/fruehling.yaml", course("2027-04-12", "2027-09-30"));
    }
    TestSite site;
};

TEST_F(MonthSite, TheCurrentMonthAndTheNextThreeHaveAPageInEveryLanguage) {
    ASSERT_EQ(site.build(day("2026-11-22")), 0) << site.err();
    for (const char* lang : {"de", "en", "ar"})
        for (const char* month : {"2026-10", "2026-11", "2026-12", "2027-01", "2027-02", "2027-04"})
            EXPECT_TRUE(fs::exists(site.out() / lang / "courses" / month / "index.html")) << lang << " " << month;
    EXPECT_FALSE(fs::exists(site.out() / "de/courses/2027-03/index.html"));  // no course, more than three ahead
    EXPECT_FALSE(fs::exists(site.out() / "de/courses/2026-09/index.html"));
}

TEST_F(MonthSite, AMonthWithoutCoursesSaysSoInItsLanguage) {
    ASSERT_EQ(site.build(day("2026-11-22")), 0) << site.err();
    const std::string de = site.page("de/courses/2026-12/index.html");
    EXPECT_THAT(de, HasSubstr("<title>Deutschkurse mit Beginn im Dezember 2026 · Bildung Teststadt</title>"));
    EXPECT_THAT(de, HasSubstr("<p class=\"month-empty\">Für Dezember 2026 sind noch keine Deutschkurse eingetragen.</p>"));
    EXPECT_THAT(de, Not(HasSubstr("<table class=\"course-table\">")));
    EXPECT_THAT(de, Not(HasSubstr("<form class=\"filters\"")));  // nothing to filter
    const std::string ar = site.page("ar/courses/2026-12/index.html");
    EXPECT_THAT(ar, HasSubstr("<p class=\"month-empty\">لم تُسجَّل بعد أي دورات لغة ألمانية لشهر ديسمبر ٢٠٢٦.</p>"));
    // A month with courses shows no such sentence.
    EXPECT_THAT(site.page("de/courses/2027-01/index.html"), Not(HasSubstr("month-empty")));
}

TEST_F(MonthSite, TheOverviewAndEveryMonthPageNavigateToEveryMonth) {
    ASSERT_EQ(site.build(day("2026-11-22")), 0) << site.err();
    const std::string overview = site.page("de/courses/index.html");
    EXPECT_THAT(overview, HasSubstr("<nav class=\"month-nav\" aria-label=\"Monate\">\n<ul>\n"
                                    "<li><a href=\"../courses/2026-10/index.html\">Oktober 2026</a></li>\n"
                                    "<li><a href=\"../courses/2026-11/index.html\">November 2026</a></li>\n"
                                    "<li><a href=\"../courses/2026-12/index.html\">Dezember 2026</a></li>\n"
                                    "<li><a href=\"../courses/2027-01/index.html\">Januar 2027</a></li>\n"
                                    "<li><a href=\"../courses/2027-02/index.html\">Februar 2027</a></li>\n"
                                    "<li><a href=\"../courses/2027-04/index.html\">April 2027</a></li>\n"
                                    "</ul>\n</nav>"));
    // The overview's sections are the months with courses.
    EXPECT_THAT(overview, Not(HasSubstr("id=\"month-2026-12\"")));
    const std::string month = site.page("de/courses/2027-01/index.html");
    EXPECT_THAT(month, HasSubstr("<li><a href=\"../../courses/2027-01/index.html\" aria-current=\"page\">Januar 2027</a></li>"));
    EXPECT_THAT(month, HasSubstr("<li><a href=\"../../courses/2026-12/index.html\">Dezember 2026</a></li>"));
}

TEST_F(MonthSite, TheTableHasAHeaderRowThatPrintsOnEverySheet) {
    ASSERT_EQ(site.build(day("2026-11-22")), 0) << site.err();
    const std::string page = site.page("de/courses/2027-01/index.html");
    EXPECT_THAT(page, HasSubstr("<table class=\"course-table\">\n<thead><tr><th scope=\"col\">Kurs</th>"
                                "<th scope=\"col\">Niveau</th><th scope=\"col\">Zeitraum</th>"));
    EXPECT_THAT(page, HasSubstr("</tr></thead>\n<tbody>\n<tr class=\"course-row\" data-filter-item=\"januar\""));
    EXPECT_THAT(page, HasSubstr("<td class=\"c-register\">"));
    const std::string css = read(site.out() / "assets/style.css");
    EXPECT_THAT(css, HasSubstr("display: table-header-group"));
    EXPECT_THAT(css, Not(HasSubstr("anywhere")));  // words and addresses break only where they may
}

TEST_F(MonthSite, ThePrintedPageEndsWithItsAddressAndAQrCode) {
    ASSERT_EQ(site.build(day("2026-11-22")), 0) << site.err();
    const std::string url = "https://bildung.teststadt.example/de/courses/2027-01/";
    const QrCode qr = qr_code(url);
    ASSERT_EQ(qr.modules, 33);  // 51 bytes at level M need version 4
    const std::string side = std::to_string(qr.modules + 8);
    const std::string page = site.page("de/courses/2027-01/index.html");
    EXPECT_THAT(page, HasSubstr("<div class=\"printed-address\">\n<svg class=\"qr-code\" viewBox=\"0 0 " + side + " " + side +
                                "\" width=\"" + side + "\" height=\"" + side + "\" aria-hidden=\"true\" focusable=\"false\">"
                                "<rect width=\"" + side + "\" height=\"" + side + "\" fill=\"#fff\"/><path d=\"" + qr.path +
                                "\" fill=\"#000\"/></svg>\n<p dir=\"ltr\">" + url + "</p>\n</div>"));
    // The overview prints its own address.
    EXPECT_THAT(site.page("ar/courses/index.html"), HasSubstr("<p dir=\"ltr\">https://bildung.teststadt.example/ar/courses/</p>"));
}

TEST_F(MonthSite, WithoutBaseUrlThereIsNoAddressToPrint) {
    site.file("content/site.yaml", "title: {de: \"Bildung Teststadt\"}\nsource_language: de\nlanguages: [de]\n");
    ASSERT_EQ(site.build(day("2026-11-22")), 0) << site.err();
    EXPECT_THAT(site.page("de/courses/2027-01/index.html"), Not(HasSubstr("printed-address")));
}

TEST(QrCode, ModulesAreLibqrencodesAndTheFinderPatternIsDrawn) {
    // Version 1 (21 modules) holds 14 bytes at level M, version 2 (25) 26.
    EXPECT_EQ(qr_code("https://a.ex/").modules, 21);
    const QrCode qr = qr_code("https://bildung.ex/de/");
    EXPECT_EQ(qr.modules, 25);
    EXPECT_EQ(qr.size, 33);
    // The top-left finder pattern's first row: seven dark modules inside the quiet zone of four.
    EXPECT_EQ(qr.path.rfind("M4 4h7v1h-7z", 0), 0u) << qr.path;
    EXPECT_EQ(qr_code(std::string(3000, 'x')).modules, 0);  // more than a symbol holds
}

}  // namespace
}  // namespace lotse::test
