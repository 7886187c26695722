// What `lotse check` says about glossary terms (content/glossary/<id>.yaml), at the place to fix.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "diagnostic_table.h"

namespace lotse::test {
namespace {

using ::testing::ElementsAre;

const std::string kTerm =
    "term: {de: \"der Berechtigungsschein\", plural: \"die Berechtigungsscheine\"}\n"
    "explanation: {de: \"Ein Brief vom BAMF.\"}\n"
    "checked: 2026-11-01\n";

const DiagnosticCase kCases[] = {
    {"ValidTerm", "content/glossary/schein.yaml", kTerm, {}},
    // The German word is the term: its names in other languages need no German one.
    {"NamesWithoutGerman", "content/glossary/schein.yaml", kTerm + "name: {ar: \"إذن المشاركة\", en: \"certificate\"}\n", {}},
    {"NameThatIsNoMapping", "content/glossary/schein.yaml", kTerm + "name: \"Schein\"\n",
     {"content/glossary/schein.yaml:4:7: error: \"name\" gives the term in other languages, such as name: {ar: \"…\", en: "
      "\"…\"}"}},
    {"SeeNamesARecordThatDoesNotExist", "content/glossary/schein.yaml", kTerm + "see: [provider/vhs, contact/mbe]\n",
     {"content/glossary/schein.yaml:4:21: error: link \"contact/mbe\" points to a contact that does not exist (no file "
      "content/contacts/mbe.yaml)"}},
    {"SeeWithoutAKind", "content/glossary/schein.yaml", kTerm + "see: [vhs]\n",
     {"content/glossary/schein.yaml:4:7: error: \"see\" entry \"vhs\" must name a kind and an id, such as "
      "course/vhs-ik-vormittag"}},
    {"SeeWithAKindThatIsNone", "content/glossary/schein.yaml", kTerm + "see: [kurs/vhs]\n",
     {"content/glossary/schein.yaml:4:7: error: \"see\" names the kind \"kurs\" in \"kurs/vhs\"; use provider, offer, "
      "course, contact, pathway or glossary"}},
    {"TermMissing", "content/glossary/schein.yaml", "explanation: {de: \"Ein Brief.\"}\nchecked: 2026-11-01\n",
     {"content/glossary/schein.yaml:1:1: error: glossary is missing the required field \"term\""}},
    {"ExplanationMissing", "content/glossary/schein.yaml",
     "term: {de: \"der Berechtigungsschein\"}\nchecked: 2026-11-01\n", {"content/glossary/schein.yaml:1:1: error: glossary is missing the required field \"explanation\""}},
    {"TermThatIsNoMapping", "content/glossary/schein.yaml",
     "term: \"der Berechtigungsschein\"\nexplanation: {de: \"Ein Brief.\"}\nchecked: 2026-11-01\n",
     {"content/glossary/schein.yaml:1:7: error: \"term\" must be the German word with its article and plural, such as "
      "{de: \"der Berechtigungsschein\", plural: \"die Berechtigungsscheine\"}"}},
    {"GermanWordMissing", "content/glossary/schein.yaml",
     "term: {plural: \"die Scheine\"}\nexplanation: {de: \"Ein Brief.\"}\nchecked: 2026-11-01\n", {"content/glossary/schein.yaml:1:7: error: term is missing the required field \"de\""}},
};

class GlossaryCheck : public ::testing::TestWithParam<DiagnosticCase> {};
TEST_P(GlossaryCheck, ReportsExactly) { expect_diagnostics(GetParam()); }
INSTANTIATE_TEST_SUITE_P(Glossary, GlossaryCheck, ::testing::ValuesIn(kCases), case_name);

TEST(GlossaryCheck, ATermExplainedTwiceIsReportedAtTheSecondFile) {
    TestSite site;
    site.file("content/glossary/berechtigungsschein.yaml", kTerm);
    site.file("content/glossary/schein.yaml",
              "term: {de: \"die Berechtigungsschein\"}\nexplanation: {de: \"Noch einmal.\"}\nchecked: 2026-11-01\n");
    EXPECT_EQ(site.check(), 1);
    EXPECT_THAT(site.diagnostics(),
                ElementsAre("content/glossary/schein.yaml:1:12: error: the term \"Berechtigungsschein\" is already "
                            "explained in content/glossary/berechtigungsschein.yaml; explain each term in one file"));
}

}  // namespace
}  // namespace lotse::test
