// Rules across records and against the calendar (check/check.cpp): each case asserts the exact
// diagnostics and their positions.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "diagnostic_table.h"

namespace lotse::test {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

// One file each, and everything `lotse check` says about it.
const DiagnosticCase kCases[] = {
    {"CourseEndingBeforeItStarts", "content/courses/ik.yaml", course("2027-07-16", "2027-01-11"),
     {"content/courses/ik.yaml:5:6: error: the course ends (2027-01-11) before it starts (2027-07-16)"}},
    {"LevelRunningBackwards", "content/courses/ik.yaml", course("2027-01-11", "2027-07-16", "{from: B2, to: A2}"),
     {"content/courses/ik.yaml:3:8: error: the level runs backwards: \"to\" (A2) is below \"from\" (B2)"}},
    {"OfferDatesRunningBackwards", "content/offers/a.yaml", offer("dates: {from: 2027-03-01, until: 2027-01-31}\n"),
     {"content/offers/a.yaml:7:8: error: \"until\" (2027-01-31) is before \"from\" (2027-03-01)"}},
    {"UnknownTaxonomyTerm", "content/offers/a.yaml", edited(offer(), {{"topics: [work]", "topics: [wrok, health]"}}),
     {"content/offers/a.yaml:5:10: error: \"wrok\" is not a topic of content/taxonomy.yaml; did you mean \"work\"?",
      "content/offers/a.yaml:5:16: error: \"health\" is not a topic of content/taxonomy.yaml; allowed: "
      "german-language, school, work"}},
    {"LinksWithOtherSchemesAreErrors", "content/offers/a.yaml", offer("description: \"[klick](javascript:alert(1))\"\n"),
     {"content/offers/a.yaml:7:23: error: this link must be an address starting with https://, http://, mailto: or "
      "tel:, or ref:<kind>/<id>; \"javascript:alert(1)\" starts with \"javascript:\""}},
    {"PathwayLinksMustExist", "content/pathways/weg.yaml",
     "title: {de: \"Weg\", en: \"Way\"}\nlife_phases: [school]\ntopics: [school]\nsteps:\n"
     "  - title: {de: \"Schritt\", en: \"Step\"}\n    links: [provider/vhs, course/ik, vhs]\nchecked: 2026-11-01\n",
     {"content/pathways/weg.yaml:6:27: error: link \"course/ik\" points to a course that does not exist (no file "
      "content/courses/ik.yaml)",
      "content/pathways/weg.yaml:6:38: error: link \"vhs\" must name a kind and an id, such as "
      "course/vhs-ik-vormittag"}},
    {"StaleRecordsAreWarnedAbout", "content/offers/a.yaml", edited(offer(), {{"2026-11-02", "2026-03-01"}}),
     {"content/offers/a.yaml:6:10: warning: this offer was last checked on 2026-03-01, 266 days ago (more than "
      "review_after_days: 180); verify it and set \"checked\" to the day you did"}},
    {"CheckedInTheFutureIsWarnedAbout", "content/providers/vhs.yaml", "name: VHS\nchecked: 2026-12-24\n",
     {"content/providers/vhs.yaml:2:10: warning: \"checked\" is 2026-12-24, a day still in the future"}},
    {"TranslatedPageWithoutSourceVersion", "content/pages/help.en.md", "---\ntitle: Help\n---\nText\n",
     {"content/pages/help.en.md:1:1: error: this page has no version in the source language; add "
      "content/pages/help.de.md"}},
    {"PageNamesThatThePortalUsesAreRefused", "content/pages/courses.de.md", "---\ntitle: Kurse\n---\n",
     {"content/pages/courses.de.md:1:1: error: the page name \"courses\" is taken by a part of the site; rename the "
      "file"}},
    {"LevelWrittenWithAHyphen", "content/courses/ik.yaml", course("2027-01-11", "2027-07-16", "A1-B1"),
     {"content/courses/ik.yaml:3:8: error: \"level\" must be written {from: A1, to: B1}, not \"A1-B1\""}},
    {"LevelWrittenWithAnEnDash", "content/courses/ik.yaml", course("2027-01-11", "2027-07-16", "A2 – B1"),
     {"content/courses/ik.yaml:3:8: error: \"level\" must be written {from: A2, to: B1}, not \"A2 – B1\""}},
    {"SingleLevelWrittenAlone", "content/courses/ik.yaml", course("2027-01-11", "2027-07-16", "B2"),
     {"content/courses/ik.yaml:3:8: error: \"level\" must be written {from: B2, to: B2}, not \"B2\""}},
    {"LevelThatIsNoLevel", "content/courses/ik.yaml", course("2027-01-11", "2027-07-16", "Anfänger"),
     {"content/courses/ik.yaml:3:8: error: \"level\" must be written {from: A1, to: B1} with CEFR levels A1, A2, B1, "
      "B2, C1, C2; found \"Anfänger\""}},
    {"GermanWeekdaysAreTaken", "content/courses/ik.yaml",
     edited(course(), {{"[mon, tue]", "[Mo, Di, Mittwoch, do, Fr., samstag, So]"}}), {}},
    {"WeekdayNotWrittenAsAKey", "content/courses/ik.yaml", edited(course(), {{"[mon, tue]", "[Mo, Dienstg, tues]"}}),
     {"content/courses/ik.yaml:7:17: error: \"days\" cannot contain \"Dienstg\"; did you mean \"tue\"? Allowed: mon, "
      "tue, wed, thu, fri, sat, sun",
      "content/courses/ik.yaml:7:26: error: \"days\" cannot contain \"tues\"; did you mean \"tue\"? Allowed: mon, tue, "
      "wed, thu, fri, sat, sun"}},
    {"RegistrationDeadlineAfterTheStart", "content/courses/ik.yaml",
     course() + "registration: {phone: \"+49 000 1\", deadline: 2027-01-20}\n",
     {"content/courses/ik.yaml:9:46: error: the registration deadline (2027-01-20) is after the course starts "
      "(2027-01-11); move \"deadline\" to the start or earlier"}},
    {"RegistrationDeadlineOnTheFirstDay", "content/courses/ik.yaml",
     course() + "registration: {phone: \"+49 000 1\", deadline: 2027-01-11}\n", {}},
    {"CourseLongerThanAYearEndYearMistyped", "content/courses/ik.yaml", course("2027-01-11", "2028-07-16"),
     {"content/courses/ik.yaml:5:6: warning: the course runs 552 days (2027-01-11 to 2028-07-16), more than a year; "
      "check the year of \"end\" (if both dates are right, give \"lessons\" so that the length can be checked)"}},
    {"CourseLongerThanAYearStartYearMistyped", "content/courses/ik.yaml", course("2026-01-12", "2027-07-16"),
     {"content/courses/ik.yaml:4:8: warning: the course runs 550 days (2026-01-12 to 2027-07-16), more than a year; "
      "check the year of \"start\" (if both dates are right, give \"lessons\" so that the length can be checked)"}},
    {"CourseLongerThanItsLessonsNeed", "content/courses/ik.yaml", course("2027-01-11", "2028-07-16") + "lessons: 300\n",
     {"content/courses/ik.yaml:5:6: warning: the course runs 552 days (2027-01-11 to 2028-07-16), far longer than its "
      "300 lessons take at 8.5 hours a week; check the year of \"end\""}},
    {"LongCourseThatItsLessonsExplain", "content/courses/ik.yaml", course("2027-01-11", "2028-03-24") + "lessons: 1300\n",
     {}},
    {"CourseStartedMoreThanAYearAgoStillRunning", "content/courses/ik.yaml", course("2025-09-01", "2027-01-29"),
     {"content/courses/ik.yaml:4:8: warning: \"start\" is 2025-09-01, more than a year before today (2026-11-22), "
      "and the course still runs until 2027-01-29; check the year of \"start\""}},
    {"FullCourseNotCheckedForLong", "content/courses/ik.yaml",
     edited(course(), {{"2026-11-10", "2026-03-01"}}) + "seats: full\n",
     {"content/courses/ik.yaml:9:8: warning: this course was marked full on 2026-03-01 (\"checked\"), 266 days ago "
      "(more than review_after_days: 180); seats may have opened; check with the provider and update \"seats\" and "
      "\"checked\""}},
    {"FullCourseCheckedRecently", "content/courses/ik.yaml", course() + "seats: full\n", {}},
    {"TaxonomyTermWithoutLabel", "content/taxonomy.yaml", "life_phases: [school, retirement]\ntopics: [school]\n",
     {"content/taxonomy.yaml:1:23: error: life phase \"retirement\" has no label; add the message "
      "\"life_phase.retirement\" to the catalog i18n/de.txt"}},
};

class CheckRule : public testing::TestWithParam<DiagnosticCase> {};

TEST_P(CheckRule, Reports) { expect_diagnostics(GetParam()); }

INSTANTIATE_TEST_SUITE_P(Check, CheckRule, testing::ValuesIn(kCases), case_name);

TEST(Check, TimeSlotEndingBeforeItStarts) {
    TestSite site;
    site.file("content/contacts/mbe.yaml", edited(kContact, {{"\"12:00\"", "\"08:00\""}}));
    site.file("content/courses/ik.yaml", edited(course(), {{"\"12:45\"", "\"08:30\""}}));
    EXPECT_EQ(site.check(), 1);
    EXPECT_THAT(site.diagnostics(),
                ElementsAre("content/contacts/mbe.yaml:6:5: error: this time slot ends before it starts (\"to\" must "
                            "be later than \"from\")",
                            "content/courses/ik.yaml:7:5: error: this time slot ends before it starts (\"to\" must be "
                            "later than \"from\")"));
}

TEST(Check, ReferencesToMissingRecords) {
    TestSite site;
    site.file("content/offers/a.yaml", offer("contact: nobody\n", "vhs-nord"));
    site.file("content/contacts/mbe.yaml", edited(kContact, {{"organisation: vhs", "organisation: caritas"}}));
    EXPECT_EQ(site.check(), 1);
    EXPECT_THAT(site.diagnostics(),
                ElementsAre("content/contacts/mbe.yaml:2:15: error: \"organisation\" refers to provider \"caritas\", "
                            "which does not exist (no file content/providers/caritas.yaml)",
                            "content/offers/a.yaml:3:11: error: \"provider\" refers to provider \"vhs-nord\", which does "
                            "not exist (no file content/providers/vhs-nord.yaml); did you mean \"vhs\"?",
                            "content/offers/a.yaml:7:10: error: \"contact\" refers to contact \"nobody\", which does not "
                            "exist (no file content/contacts/nobody.yaml)"));
}

// A record whose own file has a mistake is not "missing": its file's error is the one to fix, and
// the records that refer to it are not reported as well.
TEST(Check, AReferenceToARecordWithAnErrorInItsFileIsNotReportedAsMissing) {
    TestSite site;
    site.file("content/providers/caritas.yaml", "name:Caritas\nchecked: 2026-11-01\n");
    site.file("content/contacts/mbe.yaml", edited(kContact, {{"organisation: vhs", "organisation: caritas"}}));
    site.file("content/pathways/weg.yaml",
              "title: {de: \"Weg\", en: \"Way\"}\nlife_phases: [school]\ntopics: [school]\nsteps:\n"
              "  - title: {de: \"Schritt\", en: \"Step\"}\n    links: [provider/caritas]\nchecked: 2026-11-01\n");
    EXPECT_EQ(site.check(), 1);
    EXPECT_THAT(site.diagnostics(),
                ElementsAre("content/providers/caritas.yaml:1:5: error: put a space after the colon: name: Caritas"));
}

TEST(Check, MissingRecordsAreAnsweredWithTheClosestIds) {
    TestSite site;
    for (const char* id : {"vhs-nord", "vhs-sued", "vhs-ost", "vhs-west", "caritas"})
        site.file(std::string("content/providers/") + id + ".yaml", "name: VHS\nchecked: 2026-11-01\n");
    site.file("content/contacts/mbe.yaml", edited(kContact, {{"organisation: vhs", "organisation: vhs-nrd"}}));
    site.file("content/offers/a.yaml", offer("description: \"[Beratung](ref:contact/mbe-caritas)\"\n", "vhs-sud"));
    site.file("content/pathways/weg.yaml",
              "title: {de: \"Weg\", en: \"Way\"}\nlife_phases: [school]\ntopics: [school]\nsteps:\n"
              "  - title: {de: \"Schritt\", en: \"Step\"}\n    links: [provider/carritas]\nchecked: 2026-11-01\n");
    EXPECT_EQ(site.check(), 1);
    EXPECT_THAT(site.diagnostics(),
                ElementsAre("content/contacts/mbe.yaml:2:15: error: \"organisation\" refers to provider \"vhs-nrd\", "
                            "which does not exist (no file content/providers/vhs-nrd.yaml); did you mean \"vhs-nord\", "
                            "\"vhs-ost\" or \"vhs-sued\"?",
                            "content/offers/a.yaml:3:11: error: \"provider\" refers to provider \"vhs-sud\", which does "
                            "not exist (no file content/providers/vhs-sud.yaml); did you mean \"vhs-sued\", \"vhs-nord\" "
                            "or \"vhs-ost\"?",
                            "content/offers/a.yaml:7:26: error: link \"ref:contact/mbe-caritas\" points to a contact that "
                            "does not exist (no file content/contacts/mbe-caritas.yaml); did you mean \"mbe\"?",
                            "content/pathways/weg.yaml:6:13: error: link \"provider/carritas\" points to a provider that "
                            "does not exist (no file content/providers/carritas.yaml); did you mean \"caritas\"?"));
}

TEST(Check, RefLinksInMarkdownMustExist) {
    TestSite site;
    site.file("content/contacts/mbe.yaml", kContact);
    site.file("content/offers/a.yaml",
              offer("description:\n  de: |\n    Fragen? Die [Beratung](ref:contact/mbe) hilft,\n"
                    "    auch [hier](ref:contact/jmd) und [dort](ref:kurs/x).\n  en: \"[Advice](ref:contact/mbe)\"\n"));
    EXPECT_EQ(site.check(), 1);
    EXPECT_THAT(site.diagnostics(),
                ElementsAre("content/offers/a.yaml:10:17: error: link \"ref:contact/jmd\" points to a contact that "
                            "does not exist (no file content/contacts/jmd.yaml)",
                            "content/offers/a.yaml:10:45: error: link \"ref:kurs/x\" names the kind \"kurs\"; use "
                            "provider, offer, course, contact, pathway or glossary"));
}

TEST(Check, EndedCourseAndExpiredOfferAreWarnedAbout) {
    TestSite site;
    site.file("content/courses/old.yaml", course("2026-01-12", "2026-07-17"));
    site.file("content/offers/old.yaml", offer("dates: {from: 2026-01-01, until: 2026-06-30}\n"));
    EXPECT_EQ(site.check(), 0);
    EXPECT_THAT(site.diagnostics(),
                ElementsAre("content/courses/old.yaml:5:6: warning: this course ended on 2026-07-17 and is not "
                            "published; update or remove it",
                            "content/offers/old.yaml:7:8: warning: this offer ended on 2026-06-30 (dates.until) and is "
                            "not published; update or remove it"));
}

TEST(Check, DateOptionMovesToday) {
    TestSite site;
    site.file("content/courses/ik.yaml", course());
    EXPECT_EQ(site.check(day("2027-08-01")), 0);
    EXPECT_THAT(site.diagnostics(), Contains(HasSubstr("this course ended on 2027-07-16")));
    // On its last day a course is still published.
    EXPECT_EQ(site.check(day("2027-07-16")), 0);
    EXPECT_THAT(site.diagnostics(), Not(Contains(HasSubstr("ended"))));
}

TEST(Check, MissingLegalPagesAreWarnedAbout) {
    TestSite site;
    site.remove("content/pages/privacy.de.md");
    EXPECT_EQ(site.check(), 0);
    EXPECT_THAT(site.diagnostics(),
                ElementsAre("content/pages: warning: the site has no privacy page; a public body's site needs one "
                            "(content/pages/privacy.de.md)"));
}

TEST(Check, SiteLanguagesMustIncludeTheSource) {
    TestSite site;
    site.file("content/site.yaml", "title: Teststadt\nsource_language: de\nlanguages: [en, ar, en]\n");
    EXPECT_EQ(site.check(), 1);
    EXPECT_THAT(site.diagnostics(), Contains("content/site.yaml:3:21: error: \"en\" is listed twice in \"languages\""));
    EXPECT_THAT(site.diagnostics(),
                Contains("content/site.yaml:3:13: error: \"languages\" must include the source language \"de\""));
    // Pages in a language the site does not have are not published, and check says so.
    EXPECT_THAT(site.diagnostics(), Contains("content/pages/imprint.de.md:1:1: warning: this page is in \"de\", which "
                                             "is not one of the site's languages; it is not published"));
}

TEST(Check, SiteCatalogMayAddTheMissingLabel) {
    TestSite site;
    site.file("content/taxonomy.yaml", "life_phases: [school, retirement]\ntopics: [school]\n");
    std::string de = read(std::filesystem::path(LOTSE_SOURCE_DATA_DIR) / "i18n/de.txt");
    de.insert(de.rfind('}'), "    \"life_phase.retirement\" { \"Ruhestand\" }\n");
    site.file("i18n/de.txt", de);
    EXPECT_EQ(site.check(), 0) << site.err();
    EXPECT_THAT(site.diagnostics(), Contains(HasSubstr("\"life_phase.retirement\" is not translated")));
}

TEST(Check, CatalogGapsAndMissingCatalogsAreListed) {
    TestSite site;
    site.file("content/site.yaml", "title: Teststadt\nsource_language: de\nlanguages: [de, en, ti]\n");
    std::string en = read(std::filesystem::path(LOTSE_SOURCE_DATA_DIR) / "i18n/en.txt");
    const auto at = en.find("    \"nav.az\"");
    en.erase(at, en.find('\n', at) - at + 1);
    site.file("i18n/en.txt", en);
    EXPECT_EQ(site.check(), 0);
    const std::string en_path = (site.path() / "i18n/en.txt").lexically_normal().generic_string();
    EXPECT_THAT(site.diagnostics(),
                ElementsAre("content/site.yaml:3:21: warning: there is no catalog for \"ti\" (i18n/ti.txt); its pages show "
                            "the interface in \"de\"",
                            "i18n/en.txt: warning: message \"nav.az\" is not translated; \"de\" is shown"));
}

TEST(Check, BrokenCatalogIsAnErrorWithItsLine) {
    TestSite site;
    site.file("i18n/en.txt", "en {\n    \"a\" { \"x\" }\n    \"b\" { \"y\"\n}\n");
    EXPECT_EQ(site.check(), 1);
    EXPECT_THAT(site.diagnostics(), Contains(HasSubstr("i18n/en.txt:1:1: error: this catalog cannot be compiled: ")));
}

TEST(Check, BadMessageSyntaxIsAnError) {
    TestSite site;
    std::string en = read(std::filesystem::path(LOTSE_SOURCE_DATA_DIR) / "i18n/en.txt");
    const auto at = en.find("{count, plural, one {# step}");
    en.replace(at, 28, "{count, plural, one {# step}");
    en.replace(en.find("other {# steps}}"), 16, "other {# steps}");
    site.file("i18n/en.txt", en);
    EXPECT_EQ(site.check(), 1);
    EXPECT_THAT(site.diagnostics(), Contains(testing::MatchesRegex(
                                        ".*i18n/en.txt:[0-9]+:1: error: message \"pathway.steps\" is not a valid ICU "
                                        "message: .*")));
}

TEST(Check, SummaryLineAndExitCode) {
    TestSite site;
    site.file("content/offers/a.yaml", offer("", "nobody") + "fee: x\n");
    site.remove("content/pages/imprint.de.md");
    EXPECT_EQ(site.check(), 1);
    EXPECT_THAT(site.err(), testing::EndsWith("2 errors, 1 warning\n"));
}

}  // namespace
}  // namespace lotse::test
