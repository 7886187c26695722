// Keys given twice in any mapping of any file: an error at the second, naming the line of the first.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "test_site.h"

namespace lotse::test {
namespace {

using ::testing::ElementsAre;

TEST(DuplicateKeys, InLocalisedTextsAndNestedMappingsOfARecord) {
    TestSite site;
    site.file("content/offers/a.yaml",
              "title: {de: \"Computerkurs\", de: \"Kurs am Computer\", en: \"Computer course\"}\n"
              "summary:\n"
              "  de: \"Einstieg\"\n"
              "  en: \"Basics\"\n"
              "  de: \"Grundlagen\"\n"
              "provider: vhs\n"
              "life_phases: [work-and-career]\n"
              "topics: [work]\n"
              "location: {street: \"Ring 1\", postcode: \"00100\", city: \"Teststadt\", street: \"Ring 2\"}\n"
              "checked: 2026-11-02\n");
    EXPECT_EQ(site.check(), 1);
    EXPECT_THAT(site.diagnostics(),
                ElementsAre("content/offers/a.yaml:1:29: error: key \"de\" is given twice in this mapping (first on "
                            "line 1); keep one",
                            "content/offers/a.yaml:5:3: error: key \"de\" is given twice in this mapping (first on line "
                            "3); keep one",
                            "content/offers/a.yaml:9:68: error: key \"street\" is given twice in this mapping (first on "
                            "line 9); keep one"));
}

TEST(DuplicateKeys, InSiteSettingsPathwayStepsAndFrontMatter) {
    TestSite site;
    site.file("content/site.yaml",
              "title: {de: \"Bildung Teststadt\", en: \"Education\", en: \"Education Teststadt\"}\n"
              "source_language: de\nlanguages: [de, en]\nregion: Teststadt\n"
              "contact: {email: info@teststadt.example, phone: \"+49 000 1\"}\n");
    site.file("content/pathways/weg.yaml",
              "title: {de: \"Weg\", en: \"Way\"}\nlife_phases: [school]\ntopics: [school]\nsteps:\n"
              "  - title: {de: \"Schritt\", en: \"Step\", en: \"Step one\"}\nchecked: 2026-09-01\n");
    site.file("content/pages/imprint.de.md", "---\ntitle: Impressum\nmenu: footer\ntitle: Impressum neu\n---\nText\n");
    EXPECT_EQ(site.check(), 1);
    EXPECT_THAT(site.diagnostics(),
                ElementsAre("content/pages/imprint.de.md:4:1: error: key \"title\" is given twice in this mapping "
                            "(first on line 2); keep one",
                            "content/pathways/weg.yaml:5:40: error: key \"en\" is given twice in this mapping (first "
                            "on line 5); keep one",
                            "content/site.yaml:1:51: error: key \"en\" is given twice in this mapping (first on line 1); "
                            "keep one"));
}

}  // namespace
}  // namespace lotse::test

namespace lotse::test {
namespace {

TEST(Columns, CountCharactersAsEditorsDo) {
    TestSite site;
    // ß and ü take two bytes each; editors count each as one column.
    site.file("content/providers/vhs.yaml",
              "name: {de: \"Volkshochschule Teststadt\", en: \"Adult education centre Teststadt\"}\n"
              "location: {street: \"Hauptstraße 1\", postcode: \"00100\", city: \"Teststadt\", district: \"Süd\", lat: north}\n"
              "description: {de: \"Für Grüße siehe [hier](ref:contact/jmd)\"}\n"
              "checked: 2026-11-01\n");
    EXPECT_EQ(site.check(), 1);
    EXPECT_THAT(site.diagnostics(),
                ElementsAre("content/providers/vhs.yaml:2:97: error: \"lat\" must be a number such as 25.00; found \"north\"",
                            "content/providers/vhs.yaml:3:43: error: link \"ref:contact/jmd\" points to a contact that "
                            "does not exist (no file content/contacts/jmd.yaml)"));
}

}  // namespace
}  // namespace lotse::test
