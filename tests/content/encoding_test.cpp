// Files that are not UTF-8 (saved as "ANSI" on German Windows, or with a character cut in half):
// one error at the first bad byte, in characters as editors count them, and nothing published.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "test_site.h"

namespace lotse::test {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;

namespace fs = std::filesystem;

const std::string kSaveAsUtf8 =
    "Save it as UTF-8: in Notepad, choose File > Save as and set Encoding to UTF-8; other editors offer the same "
    "choice when saving";

std::string windows_1252(const std::string& character) {
    return "this file is not saved as UTF-8, the only encoding Lotse reads; it looks like Windows-1252 (Western "
           "European, \"ANSI\" on German Windows), in which the character here is \"" +
           character + "\". " + kSaveAsUtf8;
}

TEST(Encoding, Windows1252RecordIsAnErrorAtItsFirstBadByte) {
    TestSite site;
    // As Notepad saves it on German Windows: ß is the single byte DF, ü FC, ö F6.
    site.file("content/providers/vhs.yaml",
              "name: {de: \"Volkshochschule Teststadt\", en: \"Adult education centre Teststadt\"}\n"
              "location: {street: \"Hauptstra\xDF" "e 1\", postcode: \"00100\", city: \"Teststadt\", district: \"S\xFC" "d\"}\n"
              "phone: \"+49 000 2\"\n"
              "description: {de: \"Kurse f\xFCr Erwachsene: Deutsch, Englisch, B\xFCrokommunikation, gr\xF6\xDF" "ere "
              "Projekte und Gespr\xE4" "che \xFC" "ber die Stadt K\xF6ln.\"}\n"
              "checked: 2026-11-01\n");
    EXPECT_EQ(site.check(), 1);
    EXPECT_THAT(site.diagnostics(), ElementsAre("content/providers/vhs.yaml:2:30: error: " + windows_1252("ß")));
    EXPECT_EQ(site.build(), 1);
    EXPECT_FALSE(fs::exists(site.out() / "de/providers/vhs.html"));
}

TEST(Encoding, TruncatedCharacterInAUtf8FileIsDamaged) {
    TestSite site;
    // "Köln" with the ö (C3 B6) cut to its first byte; the ü and ß before it on the line are whole.
    site.file("content/offers/kurs.yaml",
              "title: {de: \"Deutschkurs für Anfänger\", en: \"German for beginners\"}\n"
              "summary: {de: \"Grüße aus K\xC3ln\", en: \"Greetings\"}\n"
              "provider: vhs\nlife_phases: [work-and-career]\ntopics: [german-language]\nchecked: 2026-11-02\n");
    EXPECT_EQ(site.check(), 1);
    EXPECT_THAT(site.diagnostics(),
                ElementsAre("content/offers/kurs.yaml:2:27: error: the character here is damaged: its bytes are not "
                            "valid UTF-8, while the rest of the file is; delete it and type it again"));
}

TEST(Encoding, SequenceCutOffAtTheEndOfTheFile) {
    TestSite site;
    // The first two of the three bytes of "–" (E2 80 93) end the file.
    site.file("content/pages/about.de.md", "---\ntitle: Über uns\n---\nÖffnungszeiten: Mo\xE2\x80");
    EXPECT_EQ(site.check(), 1);
    EXPECT_THAT(site.diagnostics(),
                ElementsAre("content/pages/about.de.md:4:19: error: the character here is damaged: its bytes are not "
                            "valid UTF-8, while the rest of the file is; delete it and type it again"));
}

TEST(Encoding, Windows1252PageSiteSettingsCatalogAndTemplates) {
    TestSite site;
    site.file("content/site.yaml",
              "title: {de: \"Bildung M\xFCnster\", en: \"Education M\xFCnster\"}\n"
              "source_language: de\nlanguages: [de, en]\nregion: M\xFCnster\n"
              "contact: {email: info@teststadt.example, phone: \"+49 000 1\"}\n");
    site.file("content/pages/imprint.de.md",
              "---\ntitle: Impressum\n---\nVerantwortlich: Stadt K\xF6ln, Rathausstra\xDF" "e 1\n");
    site.file("i18n/fr.txt", "fr {\n    greeting {\"Gr\xFC\xDF Gott und willkommen in der Stadtb\xFC" "cherei\"}\n}\n");
    site.file("templates/extra.mustache", "<footer>Stadtverwaltung M\xFCnster, Rathausstra\xDF" "e 1</footer>\n");
    site.file("templates/assets/print.css", "/* Schriften f\xFCr den Druck */\nbody { font-size: 11pt; }\n");
    EXPECT_EQ(site.build(), 1);
    const auto found = site.diagnostics();
    EXPECT_THAT(found, Contains("content/site.yaml:1:23: error: " + windows_1252("ü")));
    EXPECT_THAT(found, Contains("content/pages/imprint.de.md:4:24: error: " + windows_1252("ö")));
    EXPECT_THAT(found, Contains("i18n/fr.txt:2:18: error: " + windows_1252("ü")));
    EXPECT_THAT(found, Contains("templates/extra.mustache:1:26: error: " + windows_1252("ü")));
    EXPECT_THAT(found, Contains("templates/assets/print.css:1:15: error: " + windows_1252("ü")));
    EXPECT_FALSE(fs::exists(site.out() / "de"));
}

}  // namespace
}  // namespace lotse::test
