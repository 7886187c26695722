// Rules of form, checked while loading: each case asserts the exact diagnostic and its position.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "test_site.h"

namespace lotse::test {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

const char* kOffer =
    "title: {de: \"Computerkurs\", en: \"Computer course\"}\n"
    "summary: {de: \"Einstieg\", en: \"Basics\"}\n"
    "provider: vhs\n"
    "life_phases: [work-and-career]\n"
    "topics: [work]\n"
    "checked: 2026-11-02\n";

const char* kCourse =
    "type: integration\n"
    "provider: vhs\n"
    "level: {from: A1, to: B1}\n"
    "start: 2027-01-11\n"
    "end: 2027-07-16\n"
    "schedule:\n"
    "  - {days: [mon, tue], from: \"08:30\", to: \"12:45\"}\n"
    "checked: 2026-11-10\n";

TEST(Loader, ValidSiteHasNoDiagnostics) {
    TestSite site;
    site.file("content/offers/computer.yaml", kOffer);
    site.file("content/courses/ik.yaml", kCourse);
    EXPECT_EQ(site.check(), 0) << site.err();
    EXPECT_THAT(site.diagnostics(), IsEmpty());
    EXPECT_THAT(site.err(), HasSubstr("0 errors"));
}

TEST(Loader, MalformedYamlNamesLineAndColumn) {
    TestSite site;
    site.file("content/offers/broken.yaml", "title: [Computerkurs\nsummary: x\n");
    EXPECT_EQ(site.check(), 1);
    EXPECT_THAT(site.diagnostics(),
                Contains("content/offers/broken.yaml:2:8: error: this is not valid YAML: end of sequence flow not found "
                         "(check the indentation, colons and quotes on this line or just before)"));
}

TEST(Loader, KeyGivenTwice) {
    TestSite site;
    site.file("content/offers/twice.yaml", std::string(kOffer) + "provider: vhs\n");
    EXPECT_EQ(site.check(), 1);
    EXPECT_THAT(site.diagnostics(), Contains("content/offers/twice.yaml:7:1: error: key \"provider\" is given twice in "
                                             "this mapping (first on line 3); keep one"));
}

TEST(Loader, UnknownKeySuggestsTheClosestOne) {
    TestSite site;
    site.file("content/offers/typo.yaml", std::string(kOffer) + "titel: x\n");
    EXPECT_EQ(site.check(), 1);
    EXPECT_THAT(site.diagnostics(),
                Contains("content/offers/typo.yaml:7:1: error: unknown key \"titel\" in offer; did you mean \"title\"? "
                         "Allowed: title, summary, description, provider, life_phases, topics, audience, languages, "
                         "location, dates, fee, fee_note, childcare, url, contact, checked"));
}

TEST(Loader, MissingRequiredField) {
    TestSite site;
    site.file("content/offers/nosummary.yaml",
              "title: {de: \"Kurs\", en: \"Course\"}\nprovider: vhs\nlife_phases: [school]\ntopics: [school]\nchecked: 2026-11-02\n");
    EXPECT_EQ(site.check(), 1);
    EXPECT_THAT(site.diagnostics(),
                ElementsAre("content/offers/nosummary.yaml:1:1: error: offer is missing the required field \"summary\""));
}

TEST(Loader, FileNameMustBeAValidId) {
    TestSite site;
    site.file("content/offers/Computer_Kurs.yaml", kOffer);
    EXPECT_EQ(site.check(), 1);
    EXPECT_THAT(site.diagnostics(),
                ElementsAre("content/offers/Computer_Kurs.yaml: error: the file name \"Computer_Kurs\" is not a valid id; "
                            "use lowercase letters a-z, digits and single hyphens, e.g. vhs-integrationskurs-1.yaml"));
}

TEST(Loader, IndexIsNotARecordId) {
    TestSite site;
    site.file("content/courses/index.yaml", "");
    EXPECT_EQ(site.check(), 1);
    EXPECT_THAT(site.diagnostics(),
                ElementsAre("content/courses/index.yaml: error: the file name \"index\" is reserved for list pages; "
                            "give the record another id"));
}

TEST(Loader, OtherFilesInARecordFolderAreReported) {
    TestSite site;
    site.file("content/offers/computer.yml", kOffer);
    EXPECT_EQ(site.check(), 0);
    EXPECT_THAT(site.diagnostics(),
                ElementsAre("content/offers/computer.yml: warning: this file is ignored; records are .yaml files"));
}

TEST(Loader, DatesMustBeWrittenIsoAndExist) {
    TestSite site;
    std::string course = kCourse;
    course.replace(course.find("2027-01-11"), 10, "11.01.2027");
    course.replace(course.find("2027-07-16"), 10, "2027-02-30");
    site.file("content/courses/ik.yaml", course);
    EXPECT_EQ(site.check(), 1);
    EXPECT_THAT(site.diagnostics(),
                ElementsAre("content/courses/ik.yaml:4:8: error: \"start\" must be a date written YYYY-MM-DD, e.g. "
                            "2027-01-11; found \"11.01.2027\"",
                            "content/courses/ik.yaml:5:6: error: \"end\" is 2027-02-30, a date that does not exist"));
}

TEST(Loader, TimesMustBeWrittenHHMMAndExist) {
    TestSite site;
    std::string course = kCourse;
    course.replace(course.find("\"08:30\""), 7, "\"8.30\"");
    course.replace(course.find("\"12:45\""), 7, "\"25:00\"");
    site.file("content/courses/ik.yaml", course);
    EXPECT_EQ(site.check(), 1);
    EXPECT_THAT(site.diagnostics(),
                ElementsAre("content/courses/ik.yaml:7:30: error: \"from\" must be a time written HH:MM on the 24-hour "
                            "clock, e.g. \"08:30\"; found \"8.30\"",
                            "content/courses/ik.yaml:7:42: error: \"to\" is 25:00, a time that does not exist (hours 00 "
                            "to 23, minutes 00 to 59, or 24:00 for midnight)"));
}

TEST(Loader, EnumerationsListWhatIsAllowed) {
    TestSite site;
    std::string course = std::string(kCourse) + "seats: plenty\nmode: onsite\n";
    course.replace(course.find("integration"), 11, "integraton");
    site.file("content/courses/ik.yaml", course);
    EXPECT_EQ(site.check(), 1);
    EXPECT_THAT(site.diagnostics(),
                ElementsAre("content/courses/ik.yaml:1:7: error: \"type\" cannot be \"integraton\"; did you mean "
                            "\"integration\"? Allowed: integration, integration-youth, integration-parents, "
                            "integration-women, literacy, support, intensive, second-script, job-language, other",
                            "content/courses/ik.yaml:9:8: error: \"seats\" cannot be \"plenty\"; Allowed: open, few, "
                            "waitlist, full",
                            "content/courses/ik.yaml:10:7: error: \"mode\" cannot be \"onsite\"; did you mean "
                            "\"online\"? Allowed: in-person, online, hybrid"));
}

TEST(Loader, AudienceValuesAreChecked) {
    TestSite site;
    site.file("content/offers/computer.yaml", std::string(kOffer) + "audience: [women, kids]\n");
    EXPECT_EQ(site.check(), 1);
    EXPECT_THAT(site.diagnostics(),
                ElementsAre("content/offers/computer.yaml:7:19: error: \"audience\" cannot contain \"kids\"; Allowed: "
                            "newcomers, women, parents, children, youth, adults, seniors, professionals"));
}

TEST(Loader, LocalisedTextNeedsTheSourceLanguage) {
    TestSite site;
    std::string offer = kOffer;
    offer.replace(0, offer.find('\n'), "title: {en: \"Computer course\", ar: \"دورة حاسوب\"}");
    site.file("content/offers/computer.yaml", offer);
    EXPECT_EQ(site.check(), 1);
    EXPECT_THAT(site.diagnostics(),
                ElementsAre("content/offers/computer.yaml:1:8: error: \"title\" has no text in the source language "
                            "\"de\"; every text needs it, e.g. title: {de: \"…\"}"));
}

TEST(Loader, PlainStringIsTheSourceLanguage) {
    TestSite site;
    std::string offer = kOffer;
    offer.replace(0, offer.find('\n'), "title: \"Computerkurs\"");
    site.file("content/offers/computer.yaml", offer);
    EXPECT_EQ(site.check(), 0) << site.err();
}

TEST(Loader, FeeMustBeZeroOrAnAmount) {
    TestSite site;
    site.file("content/offers/a.yaml", std::string(kOffer) + "fee: 25\n");
    site.file("content/offers/b.yaml", std::string(kOffer) + "fee: {amount: 25.00, currency: Euro}\n");
    EXPECT_EQ(site.check(), 1);
    EXPECT_THAT(site.diagnostics(),
                ElementsAre("content/offers/a.yaml:7:6: error: \"fee\" must be 0 (free of charge) or an amount such as "
                            "{amount: 25.00, currency: EUR}; found \"25\"",
                            "content/offers/b.yaml:7:32: error: \"currency\" must be a three-letter ISO 4217 code such "
                            "as EUR; found \"Euro\""));
}

TEST(Loader, ValuesOfTheWrongShape) {
    TestSite site;
    site.file("content/offers/a.yaml", std::string(kOffer) + "childcare: sometimes\nurl: [a, b]\n");
    EXPECT_EQ(site.check(), 1);
    EXPECT_THAT(site.diagnostics(),
                ElementsAre("content/offers/a.yaml:7:12: error: \"childcare\" must be true or false; found \"sometimes\"",
                            "content/offers/a.yaml:8:6: error: \"url\" must be a single value, not a list"));
}

TEST(Loader, RecordMustBeAMapping) {
    TestSite site;
    site.file("content/offers/a.yaml", "- just\n- a list\n");
    EXPECT_EQ(site.check(), 1);
    EXPECT_THAT(site.diagnostics(), ElementsAre("content/offers/a.yaml:1:1: error: offer must be written as "
                                                "\"key: value\" lines, not a list"));
}

TEST(Loader, MissingSiteSettings) {
    TestSite site;
    site.remove("content/site.yaml");
    EXPECT_EQ(site.check(), 1);
    EXPECT_THAT(site.diagnostics(), Contains("content/site.yaml: error: the site settings are missing; create "
                                             "content/site.yaml with title, source_language and languages"));
}

TEST(Loader, PagesNeedFrontMatterAndAProperName) {
    TestSite site;
    site.file("content/pages/about.de.md", "# Über uns\n");
    site.file("content/pages/contact.de.md", "---\ntitle: Kontakt\n");
    site.file("content/pages/Notes.txt.md", "---\ntitle: x\n---\n");
    site.file("content/pages/help.de.md", "---\ntitle: Hilfe\nmenu: top\n---\nText\n");
    EXPECT_EQ(site.check(), 1);
    EXPECT_THAT(site.diagnostics(),
                ElementsAre("content/pages/Notes.txt.md: error: a page file must be named <slug>.<language>.md, e.g. "
                            "imprint.de.md",
                            "content/pages/about.de.md:1:1: error: a page starts with a front matter block: a line ---, "
                            "then title: …, then a line ---",
                            "content/pages/contact.de.md:1:1: error: the front matter is not closed; add a line --- after it",
                            "content/pages/help.de.md:3:7: error: \"menu\" cannot be \"top\"; Allowed: main, footer, none"));
}

}  // namespace
}  // namespace lotse::test

namespace lotse::test {
namespace {

TEST(Loader, EmptyValuesListsAndNumbers) {
    TestSite site;
    site.file("content/courses/ik.yaml",
              "type: integration\nprovider: vhs\nlevel: {from: A1, to: B1}\nstart: 2027-01-11\nend: 2027-07-16\n"
              "title:\nlessons: many\nlocation: downtown\ntopics: german-language\nchecked: 2026-11-10\n");
    EXPECT_EQ(site.check(), 1);
    EXPECT_THAT(site.diagnostics(),
                ElementsAre("content/courses/ik.yaml:6:1: error: \"title\" is empty; give it a value or remove the line",
                            "content/courses/ik.yaml:7:10: error: \"lessons\" must be a whole number such as 700; found \"many\"",
                            "content/courses/ik.yaml:8:11: error: \"location\" cannot be \"downtown\"; use provider (the "
                            "provider's address), online, or an address {street: …, postcode: …, city: …, district: …}",
                            "content/courses/ik.yaml:9:9: error: \"topics\" must be a list such as [a, b], not a single value"));
}

TEST(Loader, RequiredListsNeedAnEntry) {
    TestSite site;
    site.file("content/pathways/weg.yaml",
              "title: Weg\nlife_phases: []\ntopics: [school]\nsteps: []\nchecked: 2026-11-01\n");
    EXPECT_EQ(site.check(), 1);
    EXPECT_THAT(site.diagnostics(),
                ElementsAre("content/pathways/weg.yaml:2:14: error: \"life_phases\" needs at least one entry",
                            "content/pathways/weg.yaml:4:8: error: \"steps\" must be a list with at least one step such as "
                            "- {title: …, links: [course/…]}"));
}

TEST(Loader, NestedMappingsAreCheckedToo) {
    TestSite site;
    site.file("content/courses/ik.yaml",
              "type: integration\nprovider: vhs\nlevel: {from: A1, to: B3}\nstart: 2027-01-11\nend: 2027-07-16\n"
              "registration: {phone: \"+49 000\", deadlin: 2027-01-04}\n"
              "fee: {amount: -5, currency: EUR}\nchecked: 2026-11-10\n");
    EXPECT_EQ(site.check(), 1);
    EXPECT_THAT(site.diagnostics(),
                ElementsAre("content/courses/ik.yaml:3:23: error: \"to\" cannot be \"B3\"; did you mean \"B1\"? Allowed: "
                            "A1, A2, B1, B2, C1, C2",
                            "content/courses/ik.yaml:6:34: error: unknown key \"deadlin\" in registration; did you mean "
                            "\"deadline\"? Allowed: phone, email, url, deadline",
                            "content/courses/ik.yaml:7:15: error: \"amount\" cannot be negative"));
}

TEST(Loader, TaxonomyTermsMustBeIdsAndUnique) {
    TestSite site;
    site.file("content/taxonomy.yaml", "life_phases: [school, School Age, school]\ntopics: [work]\n");
    EXPECT_EQ(site.check(), 1);
    EXPECT_THAT(site.diagnostics(),
                ElementsAre("content/taxonomy.yaml:1:23: error: \"School Age\" is not a valid term id; use lowercase "
                            "letters, digits and single hyphens",
                            "content/taxonomy.yaml:1:35: error: \"school\" is listed twice in \"life_phases\""));
}

TEST(Loader, SiteLanguagesMustBeLanguageTags) {
    TestSite site;
    site.file("content/site.yaml", "title: Teststadt\nsource_language: de\nlanguages: [de, english, pt-BR]\n");
    EXPECT_EQ(site.check(), 1);
    EXPECT_THAT(site.diagnostics(),
                testing::Contains("content/site.yaml:3:17: error: \"english\" is not a language tag; write a BCP 47 "
                                  "tag such as de, ar, fa, uk or pt-BR"));
}

TEST(Loader, PageNamesThatThePortalUsesAreRefused) {
    TestSite site;
    site.file("content/pages/courses.de.md", "---\ntitle: Kurse\n---\n");
    EXPECT_EQ(site.check(), 1);
    EXPECT_THAT(site.diagnostics(), ElementsAre("content/pages/courses.de.md:1:1: error: the page name \"courses\" is "
                                                "taken by a part of the site; rename the file"));
}

TEST(Loader, CheckedInTheFutureIsWarnedAbout) {
    TestSite site;
    site.file("content/providers/vhs.yaml", "name: VHS\nchecked: 2026-12-24\n");
    EXPECT_EQ(site.check(), 0);
    EXPECT_THAT(site.diagnostics(), ElementsAre("content/providers/vhs.yaml:2:10: warning: \"checked\" is 2026-12-24, a "
                                                "day still in the future"));
}

}  // namespace
}  // namespace lotse::test
