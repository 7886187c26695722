// Rules of form, checked while loading (content/loader.cpp and the record schemas it reads with):
// each case asserts the exact diagnostics and their positions.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "diagnostic_table.h"

namespace lotse::test {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

// One file each, and everything `lotse check` says about it.
const DiagnosticCase kCases[] = {
    {"MalformedYamlNamesLineAndColumn", "content/offers/broken.yaml", "title: [Computerkurs\nsummary: x\n",
     {"content/offers/broken.yaml:1:8: error: the \"[\" here is not closed; add the \"]\" that ends the list"}},
    {"KeyGivenTwice", "content/offers/twice.yaml", offer("provider: vhs\n"),
     {"content/offers/twice.yaml:7:1: error: key \"provider\" is given twice in this mapping (first on line 3); keep "
      "one"}},
    {"UnknownKeySuggestsTheClosestOne", "content/offers/typo.yaml", offer("titel: x\n"),
     {"content/offers/typo.yaml:7:1: error: unknown key \"titel\" in offer; did you mean \"title\"? Allowed: title, "
      "summary, description, provider, life_phases, topics, audience, languages, location, dates, fee, fee_note, "
      "childcare, url, contact, checked"}},
    {"MissingRequiredField", "content/offers/nosummary.yaml",
     "title: {de: \"Kurs\", en: \"Course\"}\nprovider: vhs\nlife_phases: [school]\ntopics: [school]\nchecked: 2026-11-02\n",
     {"content/offers/nosummary.yaml:1:1: error: offer is missing the required field \"summary\""}},
    {"FileNameMustBeAValidId", "content/offers/Computer_Kurs.yaml", offer(),
     {"content/offers/Computer_Kurs.yaml: error: the file name \"Computer_Kurs\" is not a valid id; use lowercase "
      "letters a-z, digits and single hyphens, e.g. vhs-integrationskurs-1.yaml"}},
    {"IndexIsNotARecordId", "content/courses/index.yaml", "",
     {"content/courses/index.yaml: error: the file name \"index\" is reserved for list pages; give the record another "
      "id"}},
    {"OtherFilesInARecordFolderAreReported", "content/offers/computer.yml", offer(),
     {"content/offers/computer.yml: warning: this file is ignored; records are .yaml files"}},
    {"DatesMustBeWrittenIsoAndExist", "content/courses/ik.yaml", course("11.01.2027", "2027-02-30"),
     {"content/courses/ik.yaml:4:8: error: \"start\" must be a date written YYYY-MM-DD, e.g. 2027-01-11; found "
      "\"11.01.2027\"",
      "content/courses/ik.yaml:5:6: error: \"end\" is 2027-02-30, a date that does not exist"}},
    {"TimesMustBeWrittenHHMMAndExist", "content/courses/ik.yaml",
     edited(course(), {{"\"08:30\"", "\"8.30\""}, {"\"12:45\"", "\"25:00\""}}),
     {"content/courses/ik.yaml:7:30: error: \"from\" must be a time written HH:MM on the 24-hour clock, e.g. "
      "\"08:30\"; found \"8.30\"",
      "content/courses/ik.yaml:7:42: error: \"to\" is 25:00, a time that does not exist (hours 00 to 23, minutes 00 "
      "to 59, or 24:00 for midnight)"}},
    {"EnumerationsListWhatIsAllowed", "content/courses/ik.yaml",
     edited(course() + "seats: plenty\nmode: onsite\n", {{"integration", "integraton"}}),
     {"content/courses/ik.yaml:1:7: error: \"type\" cannot be \"integraton\"; did you mean \"integration\"? Allowed: "
      "integration, integration-youth, integration-parents, integration-women, literacy, support, intensive, "
      "second-script, job-language, other",
      "content/courses/ik.yaml:9:8: error: \"seats\" cannot be \"plenty\"; Allowed: open, few, waitlist, full",
      "content/courses/ik.yaml:10:7: error: \"mode\" cannot be \"onsite\"; did you mean \"online\"? Allowed: "
      "in-person, online, hybrid"}},
    {"AudienceValuesAreChecked", "content/offers/computer.yaml", offer("audience: [women, kids]\n"),
     {"content/offers/computer.yaml:7:19: error: \"audience\" cannot contain \"kids\"; Allowed: newcomers, women, "
      "parents, children, youth, adults, seniors, professionals"}},
    {"LocalisedTextNeedsTheSourceLanguage", "content/offers/computer.yaml",
     edited(offer(), {{"title: {de: \"Computerkurs\", en: \"Computer course\"}",
                      "title: {en: \"Computer course\", ar: \"دورة حاسوب\"}"}}),
     {"content/offers/computer.yaml:1:8: error: \"title\" has no text in the source language \"de\"; every text "
      "needs it, e.g. title: {de: \"…\"}"}},
    {"ValuesOfTheWrongShape", "content/offers/a.yaml", offer("childcare: sometimes\nurl: [a, b]\n"),
     {"content/offers/a.yaml:7:12: error: \"childcare\" must be true or false; found \"sometimes\"",
      "content/offers/a.yaml:8:6: error: \"url\" must be a single value, not a list"}},
    {"RecordMustBeAMapping", "content/offers/a.yaml", "- just\n- a list\n",
     {"content/offers/a.yaml:1:1: error: offer must be written as \"key: value\" lines, not a list"}},
    {"EmptyValuesListsAndNumbers", "content/courses/ik.yaml",
     "type: integration\nprovider: vhs\nlevel: {from: A1, to: B1}\nstart: 2027-01-11\nend: 2027-07-16\n"
     "title:\nlessons: many\nlocation: downtown\ntopics: german-language\nchecked: 2026-11-10\n",
     {"content/courses/ik.yaml:6:1: error: \"title\" is empty; give it a value or remove the line",
      "content/courses/ik.yaml:7:10: error: \"lessons\" must be a whole number such as 700; found \"many\"",
      "content/courses/ik.yaml:8:11: error: \"location\" cannot be \"downtown\"; use provider (the provider's "
      "address), online, or an address {street: …, postcode: …, city: …, district: …}",
      "content/courses/ik.yaml:9:9: error: \"topics\" must be a list such as [a, b], not a single value"}},
    {"RequiredListsNeedAnEntry", "content/pathways/weg.yaml",
     "title: Weg\nlife_phases: []\ntopics: [school]\nsteps: []\nchecked: 2026-11-01\n",
     {"content/pathways/weg.yaml:2:14: error: \"life_phases\" needs at least one entry",
      "content/pathways/weg.yaml:4:8: error: \"steps\" must be a list with at least one step such as - {title: …, "
      "links: [course/…]}"}},
    {"NestedMappingsAreCheckedToo", "content/courses/ik.yaml",
     "type: integration\nprovider: vhs\nlevel: {from: A1, to: B3}\nstart: 2027-01-11\nend: 2027-07-16\n"
     "registration: {phone: \"+49 000\", deadlin: 2027-01-04}\n"
     "fee: {amount: -5, currency: EUR}\nchecked: 2026-11-10\n",
     {"content/courses/ik.yaml:3:23: error: \"to\" cannot be \"B3\"; did you mean \"B1\"? Allowed: A1, A2, B1, B2, "
      "C1, C2",
      "content/courses/ik.yaml:6:34: error: unknown key \"deadlin\" in registration; did you mean \"deadline\"? "
      "Allowed: phone, email, url, deadline",
      "content/courses/ik.yaml:7:15: error: \"amount\" cannot be negative"}},
    {"TaxonomyTermsMustBeIdsAndUnique", "content/taxonomy.yaml",
     "life_phases: [school, School Age, school]\ntopics: [work]\n",
     {"content/taxonomy.yaml:1:23: error: \"School Age\" is not a valid term id; use lowercase letters, digits and "
      "single hyphens",
      "content/taxonomy.yaml:1:35: error: \"school\" is listed twice in \"life_phases\""}},
};

class LoaderRule : public testing::TestWithParam<DiagnosticCase> {};

TEST_P(LoaderRule, Reports) { expect_diagnostics(GetParam()); }

INSTANTIATE_TEST_SUITE_P(Loader, LoaderRule, testing::ValuesIn(kCases), case_name);

TEST(Loader, ValidSiteHasNoDiagnostics) {
    TestSite site;
    site.file("content/offers/computer.yaml", offer());
    site.file("content/courses/ik.yaml", course());
    EXPECT_EQ(site.check(), 0) << site.err();
    EXPECT_THAT(site.diagnostics(), IsEmpty());
    EXPECT_THAT(site.err(), HasSubstr("0 errors"));
}

TEST(Loader, PlainStringIsTheSourceLanguage) {
    TestSite site;
    site.file("content/offers/computer.yaml",
              edited(offer(), {{"{de: \"Computerkurs\", en: \"Computer course\"}", "\"Computerkurs\""}}));
    EXPECT_EQ(site.check(), 0) << site.err();
}

TEST(Loader, FeeMustBeZeroOrAnAmount) {
    TestSite site;
    site.file("content/offers/a.yaml", offer("fee: 25\n"));
    site.file("content/offers/b.yaml", offer("fee: {amount: 25.00, currency: Euro}\n"));
    EXPECT_EQ(site.check(), 1);
    EXPECT_THAT(site.diagnostics(),
                ElementsAre("content/offers/a.yaml:7:6: error: \"fee\" must be 0 (free of charge) or an amount such as "
                            "{amount: 25.00, currency: EUR}; found \"25\"",
                            "content/offers/b.yaml:7:32: error: \"currency\" must be a three-letter ISO 4217 code such "
                            "as EUR; found \"Euro\""));
}

TEST(Loader, MissingSiteSettings) {
    TestSite site;
    site.remove("content/site.yaml");
    EXPECT_EQ(site.check(), 1);
    EXPECT_THAT(site.diagnostics(), Contains("content/site.yaml: error: the site settings are missing; create "
                                             "content/site.yaml with title, source_language and languages"));
}

TEST(Loader, SiteLanguagesMustBeLanguageTags) {
    TestSite site;
    site.file("content/site.yaml", "title: Teststadt\nsource_language: de\nlanguages: [de, english, pt-BR]\n");
    EXPECT_EQ(site.check(), 1);
    EXPECT_THAT(site.diagnostics(), Contains("content/site.yaml:3:17: error: \"english\" is not a language tag; write a "
                                             "BCP 47 tag such as de, ar, fa, uk or pt-BR"));
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
