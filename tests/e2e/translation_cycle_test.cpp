// The translation cycle a coordinator and a translation agency go through (issue: translations
// that stay true): a tracked site, a German text edited, `check` and `i18n status` naming the
// outdated translations, an XLIFF file out for Arabic and back in, and the site showing the new
// Arabic text while English is marked as possibly out of date. Then every refusal of
// `i18n import`, each leaving every file as it was.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <regex>

#include "test_site.h"
#include "translate.h"

namespace lotse::test {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

std::string offer(const std::string& german_title, const std::string& german_body) {
    return "# Sprechstunde der Kita-Beratung\n"
           "title:\n"
           "  de: \"" + german_title + "\"\n"
           "  en: \"Open consultation without an appointment\"\n"
           "  ar: 'استشارة مفتوحة بدون موعد'\n"
           "summary: {de: \"Für Eltern\", en: \"For parents\", ar: \"للوالدين\"}\n"
           "description:\n"
           "  de: |\n"
           "    " + german_body + "\n"
           "  en: |\n"
           "    Come by on Tuesdays.\n"
           "  ar: |\n"
           "    تعالوا أيام الثلاثاء.\n"
           "provider: vhs\nlife_phases: [school]\ntopics: [school]\nchecked: 2026-11-02\n";
}

// Every file of the site's content and catalogs, by path: to show that nothing else changed.
std::map<std::string, std::string> files_of(const fs::path& dir) {
    std::map<std::string, std::string> out;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.is_regular_file() && e.path().string().find("/public") == std::string::npos)
            out[fs::relative(e.path(), dir).string()] = read(e.path());
    return out;
}

class TranslationCycle : public testing::TestWithParam<std::string> {
protected:
    void SetUp() override {
        site.file("content/offers/kita.yaml", offer("Offene Sprechstunde ohne Termin", "Kommen Sie dienstags vorbei."));
        o.site_dir = site.path();
        o.today = day("2026-11-22");
        for (const char* language : {"en", "ar"}) {
            std::ostringstream out, err;
            ASSERT_EQ(run_i18n_confirm(o, language, {}, out, err), 0) << err.str();
        }
    }
    std::string export_xliff(const std::string& language, bool all = false) {
        ExportOptions e;
        e.language = language;
        e.all = all;
        e.version = GetParam() == "xliff-1.2" ? XliffVersion::v1_2 : XliffVersion::v2_1;
        std::ostringstream out, err;
        EXPECT_EQ(run_i18n_export(o, e, out, err), 0) << err.str();
        said = err.str();
        return out.str();
    }
    int import_xliff(const std::string& text) {
        write(xlf, text);
        std::ostringstream out, err;
        const int rc = run_i18n_import(o, {xlf}, out, err);
        said = out.str() + err.str();
        return rc;
    }
    // The diagnostics `said`, with the temporary folder cut off.
    std::vector<std::string> diagnostics() const {
        std::vector<std::string> lines;
        std::istringstream in(said);
        const std::string prefix = (xlf.parent_path() / "").string();
        for (std::string line; std::getline(in, line);) {
            if (line.rfind(prefix, 0) == 0) line = line.substr(prefix.size());
            if (line.find(": error: ") != std::string::npos || line.find(": warning: ") != std::string::npos) lines.push_back(line);
        }
        return lines;
    }
    TestSite site;
    TempDir elsewhere;
    fs::path xlf = elsewhere.path() / "ar.xlf";
    RunOptions o;
    std::string said;
};

// What a translation tool does: a target after the source of the unit of each id.
std::string translated(std::string xliff, const std::vector<std::pair<std::string, std::string>>& targets) {
    for (const auto& [id, t] : targets) {
        std::size_t at = xliff.find("\"" + id + "\"");
        EXPECT_NE(at, std::string::npos) << id;
        if (at == std::string::npos) continue;
        // 1.2: the empty target the export left is filled; 2.1: a target follows the segment's source.
        const std::string empty = "<target state=\"needs-translation\"/>";
        const std::size_t slot = xliff.find(empty, at);
        if (slot != std::string::npos && slot < xliff.find("</trans-unit>", at)) {
            xliff.replace(slot, empty.size(), "<target state=\"translated\">" + t + "</target>");
            continue;
        }
        at = xliff.find("</source>", xliff.find("<segment", at)) + 9;
        xliff.insert(at, "<target>" + t + "</target>");
    }
    return xliff;
}

TEST_P(TranslationCycle, EditedGermanOutdatesEachTranslationUntilItComesBackTranslated) {
    ASSERT_EQ(site.check(), 0);
    EXPECT_THAT(site.diagnostics(), IsEmpty());
    site.file("content/offers/kita.yaml", offer("Offene Sprechstunde nur mit Termin", "Kommen Sie donnerstags vorbei."));

    ASSERT_EQ(site.check(), 0);
    EXPECT_THAT(site.diagnostics(),
                ElementsAre(HasSubstr("content/offers/kita.yaml:4:7: warning: the en translation of offer kita, title is out of date: "
                                      "the de text changed from \"Offene Sprechstunde ohne Termin\" to \"Offene Sprechstunde nur mit Termin\""),
                            HasSubstr("content/offers/kita.yaml:5:7: warning: the ar translation of offer kita, title is out of date"),
                            HasSubstr("content/offers/kita.yaml:10:7: warning: the en translation of offer kita, description is out of "
                                      "date: the de text changed from \"Kommen Sie dienstags vorbei.\" to \"Kommen Sie donnerstags vorbei.\""),
                            HasSubstr("content/offers/kita.yaml:12:7: warning: the ar translation of offer kita, description is out of date")));
    std::string listed;
    ASSERT_EQ(run("i18n status " + site.path().string() + " --list --date 2026-11-22", &listed), 0) << listed;
    EXPECT_THAT(listed, HasSubstr("\noutdated  en     offer/kita/title  "));
    EXPECT_THAT(listed, HasSubstr("\noutdated  en     offer/kita/description  "));
    EXPECT_THAT(listed, HasSubstr("\noutdated  ar     offer/kita/title  "));
    EXPECT_THAT(listed, HasSubstr("\noutdated  ar     offer/kita/description  "));

    const std::string xliff = export_xliff("ar");
    EXPECT_EQ(said, "9 texts for ar (2 outdated, 7 missing)\n");
    EXPECT_THAT(xliff, HasSubstr("offer/kita/title"));
    EXPECT_THAT(xliff, HasSubstr("استشارة مفتوحة بدون موعد"));  // the previous translation, as a hint
    const auto before = files_of(site.path());
    ASSERT_EQ(import_xliff(translated(xliff, {{"offer/kita/title", "استشارة مفتوحة بموعد فقط"},
                                                    {"offer/kita/description", "تعالوا أيام الخميس.\n"}})), 0) << said;
    EXPECT_THAT(said, HasSubstr("imported 2 translations (2 changed, 0 unchanged); files written: 2\n"));
    const auto after = files_of(site.path());
    // The Arabic values, and nothing else of the record file.
    std::string expected = offer("Offene Sprechstunde nur mit Termin", "Kommen Sie donnerstags vorbei.");
    expected.replace(expected.find("'استشارة مفتوحة بدون موعد'"), std::string("'استشارة مفتوحة بدون موعد'").size(),
                     "\"استشارة مفتوحة بموعد فقط\"");
    expected.replace(expected.find("تعالوا أيام الثلاثاء."), std::string("تعالوا أيام الثلاثاء.").size(), "تعالوا أيام الخميس.");
    EXPECT_EQ(after.at("content/offers/kita.yaml"), expected);
    for (const auto& [path, text] : before) {
        if (path != "content/offers/kita.yaml" && path != "content/translations.yaml") {
            EXPECT_EQ(after.at(path), text) << path;
        }
    }

    ASSERT_EQ(site.check(), 0);
    EXPECT_THAT(site.diagnostics(), ElementsAre(HasSubstr("kita.yaml:4:7: warning: the en translation of offer kita, title"),
                                                HasSubstr("kita.yaml:10:7: warning: the en translation of offer kita, description")));
    ASSERT_EQ(site.build(), 0) << site.err();
    const std::string ar = site.page("ar/offers/kita.html");
    EXPECT_THAT(ar, HasSubstr("استشارة مفتوحة بموعد فقط"));
    EXPECT_THAT(ar, HasSubstr("تعالوا أيام الخميس."));
    EXPECT_THAT(ar, Not(HasSubstr("class=\"outdated\"")));
    const std::string en = site.page("en/offers/kita.html");
    EXPECT_THAT(en, HasSubstr("<details class=\"outdated\"><summary>This translation may be out of date: the German text was "
                              "changed after it was translated.</summary>\n<p>Current text in German:</p>\n"
                              "<div class=\"outdated-source\" lang=\"de\" dir=\"ltr\"><p>Offene Sprechstunde nur mit Termin</p>"
                              "<div class=\"prose\"><p>Kommen Sie donnerstags vorbei.</p>\n</div></div>\n</details>"));
}

TEST_P(TranslationCycle, AnExportImportedWithItsTargetsUnchangedChangesNoByte) {
    const auto before = files_of(site.path());
    const std::string xliff = export_xliff("ar", true);
    ASSERT_EQ(import_xliff(xliff), 0) << said;
    EXPECT_EQ(files_of(site.path()), before);
}

// Each refusal names the XLIFF file, line and column, and leaves every file of the site as it was.
TEST_P(TranslationCycle, ImportRefusesWhatItCannotTakeAndWritesNothing) {
    const bool v2 = GetParam() == "xliff-2.1";
    const std::string xliff = export_xliff("ar", true);
    const auto before = files_of(site.path());
    struct Case {
        const char* what;
        std::string from, to;
        std::string said;  // the diagnostic, as "line:column: error: …" of the XLIFF file
    };
    const std::vector<Case> cases = {
        {"another site", "original=\"Bildung Teststadt\"", "original=\"Bildung Anderstadt\"",
         "3:3: error: this file was exported from the site \"Bildung Anderstadt\", not from this one (\"Bildung "
         "Teststadt\"); import it into the site it came from"},
        {"another language", v2 ? "trgLang=\"ar\"" : "target-language=\"ar\"", v2 ? "trgLang=\"fr\"" : "target-language=\"fr\"",
         "3:3: error: this file is a translation into fr, which is not one of the languages the site is translated into"},
        {"a text the site does not have", v2 ? "name=\"offer/kita/summary\"" : "id=\"offer/kita/summary\" resname=\"offer/kita/summary\"",
         v2 ? "name=\"offer/kita-alt/summary\"" : "id=\"offer/kita-alt/summary\" resname=\"offer/kita-alt/summary\"",
         std::string(v2 ? "30:5" : "20:7") +
             ": error: this site has no text offer/kita-alt/summary; was the record renamed or deleted since the export?"},
        {"broken ICU syntax", "انتقل إلى المحتوى</target>", "انتقل إلى {المحتوى</target>",
         std::string(v2 ? "1861:9" : "987:9") +
             ": error: the translation of \"catalog/skip_link\" is not a valid ICU message: U_UNMATCHED_BRACES near character 1"},
        {"a dropped placeholder", v2 ? "–<ph id=\"2\" dataRef=\"d2\"/></target>" : "–<ph id=\"2\" ctype=\"x-icu-argument\">{to}</ph></target>",
         "–</target>", std::string(v2 ? "1716:9" : "912:9") + ": error: the translation of \"catalog/range\" drops the argument {to}"},
        {"an invented placeholder", "آخر مراجعة: ", "آخر مراجعة {time}: ",
         std::string(v2 ? "1728:9" : "917:9") +
             ": error: the translation of \"catalog/record.checked\" uses the argument {time}, which its source does not have"},
        {"malformed XML", "</xliff>", "</xlif>",
         std::string(v2 ? "2144:3" : "1147:3") + ": error: this is not well-formed XML: start-end tags mismatch"},
    };
    for (const Case& c : cases) {
        std::string text = xliff;
        const std::size_t at = text.find(c.from);
        ASSERT_NE(at, std::string::npos) << c.what;
        text.replace(at, c.from.size(), c.to);
        EXPECT_EQ(import_xliff(text), 1) << c.what;
        EXPECT_THAT(said, HasSubstr("nothing was written\n")) << c.what;
        EXPECT_THAT(diagnostics(), ElementsAre("ar.xlf:" + c.said)) << c.what;
        EXPECT_EQ(files_of(site.path()), before) << c.what;
    }
}

INSTANTIATE_TEST_SUITE_P(BothVersions, TranslationCycle, testing::Values("xliff-2.1", "xliff-1.2"));

}  // namespace
}  // namespace lotse::test
