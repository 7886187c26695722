// Translations written into record files and pages as bytes (i18n/text_patch.h): each case states
// the whole file after the patch, so any byte changed beyond the text itself shows.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "i18n/text_patch.h"

#include <cstdlib>

#include <unicode/unistr.h>
#include <unicode/ures.h>
#include <yaml-cpp/yaml.h>

#include "test_site.h"

namespace lotse {

// gtest finds it beside CatalogEntry, in namespace lotse.
void PrintTo(const CatalogEntry& e, std::ostream* out) {
    *out << e.key << " = " << e.value << " at " << e.line << ":" << e.column << " [" << e.begin << ", " << e.end << ")";
}

namespace {

using ::testing::HasSubstr;

std::string patched(std::string_view text, const std::vector<TextEdit>& edits) {
    auto result = patch_yaml(text, edits, "de");
    if (const auto* error = std::get_if<PatchError>(&result)) {
        ADD_FAILURE() << error->line << ":" << error->column << ": " << error->message;
        return "";
    }
    return std::get<std::string>(result);
}

std::string patched(std::string_view text, std::vector<std::string> path, std::string language, std::string value) {
    return patched(text, {TextEdit{std::move(path), std::move(language), std::move(value)}});
}

PatchError refused(std::string_view text, std::vector<std::string> path, std::string language = "ar",
                   std::string value = "نص") {
    const std::vector<TextEdit> edits{TextEdit{std::move(path), std::move(language), std::move(value)}};
    auto result = patch_yaml(text, edits, "de");
    if (const auto* error = std::get_if<PatchError>(&result)) return *error;
    ADD_FAILURE() << "patched to:\n" << std::get<std::string>(result);
    return {};
}

// --- An existing language's text replaced: only its bytes change.

TEST(PatchYaml, ReplacesADoubleQuotedTextInAFlowMap) {
    EXPECT_EQ(patched("title: {de: \"Kurs\", ar: \"قديم\"}  # Titel\nnext: 1\n", {"title"}, "ar", "دورة"),
              "title: {de: \"Kurs\", ar: \"دورة\"}  # Titel\nnext: 1\n");
}

TEST(PatchYaml, ReplacesAPlainTextInAFlowMap) {
    EXPECT_EQ(patched("title: {de: Kurs,   en: old text , tr: x}\n", {"title"}, "en", "Course"),
              "title: {de: Kurs,   en: \"Course\" , tr: x}\n");
}

TEST(PatchYaml, ReplacesASingleQuotedTextInABlockMapKeepingItsComment) {
    EXPECT_EQ(patched("title:\n  de: 'Kurs'\n  en: 'it''s old'  # checked\nsummary: S\n", {"title"}, "en", "it's new"),
              "title:\n  de: 'Kurs'\n  en: \"it's new\"  # checked\nsummary: S\n");
}

TEST(PatchYaml, ReplacesALiteralBlockWithALiteralBlock) {
    EXPECT_EQ(patched("description:\n  de: |\n    Alt\n    Text\n  en: x\nnext: 1\n", {"description"}, "de", "Neu\nText\n"),
              "description:\n  de: |\n    Neu\n    Text\n  en: x\nnext: 1\n");
}

TEST(PatchYaml, ReplacesAFoldedBlockWithOneLine) {
    EXPECT_EQ(patched("description:\n  de: >  # Quelle\n    Alt\n    Text\n\n  en: x\n", {"description"}, "de", "Neu"),
              "description:\n  de: \"Neu\"  # Quelle\n\n  en: x\n");
}

TEST(PatchYaml, ReplacesAStrippedBlockKeepingItsHeaderComment) {
    EXPECT_EQ(patched("text:\n  de: |-  # Quelle\n    alt\n\n  en: x\n", {"text"}, "de", "a\nb"),
              "text:\n  de: |-  # Quelle\n    a\n    b\n\n  en: x\n");
}

TEST(PatchYaml, ReplacesAKeptBlockWithItsTrailingBlankLines) {
    EXPECT_EQ(patched("text:\n  de: |+\n    alt\n\n\nnext: 1\n", {"text"}, "de", "neu\n"),
              "text:\n  de: |\n    neu\nnext: 1\n");
}

TEST(PatchYaml, ReplacesAPlainSourceText) {
    EXPECT_EQ(patched("title: Alt  # Titel\nnext: 1\n", {"title"}, "de", "Neu"), "title: \"Neu\"  # Titel\nnext: 1\n");
}

TEST(PatchYaml, ReplacesAOneLineTextWithALiteralBlockUnderItsKey) {
    EXPECT_EQ(patched("title: Alt  # Titel\nnext: 1\n", {"title"}, "de", "a\nb\n"),
              "title: |  # Titel\n  a\n  b\nnext: 1\n");
    EXPECT_EQ(patched("text:\n  de: X\n  ar: \"قديم\"\nnext: 1\n", {"text"}, "ar", "سطر\n\nسطر"),
              "text:\n  de: X\n  ar: |-\n    سطر\n\n    سطر\nnext: 1\n");
}

TEST(PatchYaml, WritesMultiLineTextInAFlowMapWithEscapes) {
    EXPECT_EQ(patched("text: {de: X, ar: y}\n", {"text"}, "ar", "a\n\"b\"\n"), "text: {de: X, ar: \"a\\n\\\"b\\\"\\n\"}\n");
}

TEST(PatchYaml, LeavesTheTextAsItIsWhenTheValueIsTheSame) {
    const std::string text = "title: {de: 'Kurs', ar: دورة}  # c\ntext: |\n  a\n";
    EXPECT_EQ(patched(text, {{{"title"}, "ar", "دورة"}, {{"title"}, "de", "Kurs"}, {{"text"}, "de", "a\n"}}), text);
}

// --- A missing language added.

TEST(PatchYaml, AddsALanguageToAFlowMap) {
    EXPECT_EQ(patched("title: {de: \"Kurs\", en: Course}  # c\n", {"title"}, "ar", "دورة"),
              "title: {de: \"Kurs\", en: Course, ar: \"دورة\"}  # c\n");
    EXPECT_EQ(patched("title: {\n  de: \"Kurs\",\n}\n", {"title"}, "fa", "دوره"), "title: {\n  de: \"Kurs\", fa: \"دوره\",\n}\n");
}

TEST(PatchYaml, AddsALanguageToABlockMapAfterTheLastLanguageBeforeAComment) {
    EXPECT_EQ(patched("title:\n  de: Kurs\n  en: Course  # c\n# summary next\nsummary: S\n", {"title"}, "ar", "دورة"),
              "title:\n  de: Kurs\n  en: Course  # c\n  ar: \"دورة\"\n# summary next\nsummary: S\n");
}

TEST(PatchYaml, AddsALiteralBlockAfterABlockSibling) {
    EXPECT_EQ(patched("description:\n  de: |\n    Text\n\n  # Kommentar\nnext: 1\n", {"description"}, "ar", "a\nb\n"),
              "description:\n  de: |\n    Text\n  ar: |\n    a\n    b\n\n  # Kommentar\nnext: 1\n");
}

TEST(PatchYaml, AddsAKeptBlockThatTakesUpTheBlankLinesAfterIt) {
    EXPECT_EQ(patched("t:\n  de: X\n\nnext: 1\n", {"t"}, "ar", "a\n\n"), "t:\n  de: X\n  ar: |+\n    a\n\nnext: 1\n");
}

TEST(PatchYaml, AddsABlockAtTheEndOfAFileWithoutALineBreak) {
    EXPECT_EQ(patched("t:\n  de: X", {"t"}, "ar", "a\nb\n"), "t:\n  de: X\n  ar: |\n    a\n    b\n");
    EXPECT_EQ(patched("t:\n  de: X", {"t"}, "ar", "a"), "t:\n  de: X\n  ar: \"a\"");
}

// --- A plain text becomes a map.

TEST(PatchYaml, TurnsAOneLineTextIntoAFlowMap) {
    EXPECT_EQ(patched("title: \"Kurs\"  # c\n", {"title"}, "ar", "دورة"), "title: {de: \"Kurs\", ar: \"دورة\"}  # c\n");
    EXPECT_EQ(patched("title: Kurs für alle\n", {"title"}, "ar", "دورة"), "title: {de: Kurs für alle, ar: \"دورة\"}\n");
}

TEST(PatchYaml, TurnsAPlainTextThatAFlowMapWouldReadOtherwiseIntoABlockMap) {
    EXPECT_EQ(patched("title: Kurse, Beratung  # c\nnext: 1\n", {"title"}, "ar", "دورات"),
              "title:\n  de: Kurse, Beratung  # c\n  ar: \"دورات\"\nnext: 1\n");
    EXPECT_EQ(patched("url_title: https://vhs.example/?kurs=1\n", {"url_title"}, "ar", "رابط"),
              "url_title:\n  de: https://vhs.example/?kurs=1\n  ar: \"رابط\"\n");
}

TEST(PatchYaml, TurnsAOneLineTextIntoABlockMapForAMultiLineTranslation) {
    EXPECT_EQ(patched("text: 'Erst A1.'\nnext: 1\n", {"text"}, "ar", "أ\nب\n"),
              "text:\n  de: 'Erst A1.'\n  ar: |\n    أ\n    ب\nnext: 1\n");
}

TEST(PatchYaml, TurnsABlockTextIntoABlockMapReindentingIt) {
    EXPECT_EQ(patched("description: |  # Quelle\n  Zeile 1\n\n    eingerückt\n# danach\nnext: 1\n", {"description"}, "ar", "سطر"),
              "description:\n  de: |  # Quelle\n    Zeile 1\n\n      eingerückt\n  ar: \"سطر\"\n# danach\nnext: 1\n");
    EXPECT_EQ(patched("d: |2-\n    eingerückt\n  Zeile\n", {"d"}, "ar", "a\nb"),
              "d:\n  de: |2-\n      eingerückt\n    Zeile\n  ar: |-\n    a\n    b\n");
}

TEST(PatchYaml, TurnsATextInAFlowMapIntoAFlowMap) {
    EXPECT_EQ(patched("hours:\n  - {days: [mon], note: nur mit Termin}\n", {"hours", "0", "note"}, "ar", "بموعد\nفقط"),
              "hours:\n  - {days: [mon], note: {de: nur mit Termin, ar: \"بموعد\\nفقط\"}}\n");
}

TEST(PatchYaml, TurnsATextInAListEntryIntoABlockMap) {
    EXPECT_EQ(patched("steps:\n  - title: Deutsch\n    text: |\n      Erst A1.\n  - title: B\n", {"steps", "0", "text"}, "ar", "أ\nب"),
              "steps:\n  - title: Deutsch\n    text:\n      de: |\n        Erst A1.\n      ar: |-\n        أ\n        ب\n  - title: B\n");
}

TEST(PatchYaml, AppliesSeveralEditsToOneFieldInTurn) {
    EXPECT_EQ(patched("title: Kurs\nsummary: {de: S}\n",
                      {{{"title"}, "ar", "دورة"}, {{"title"}, "fa", "دوره"}, {{"summary"}, "en", "s"}, {{"title"}, "de", "Kurs 2"}}),
              "title: {de: \"Kurs 2\", ar: \"دورة\", fa: \"دوره\"}\nsummary: {de: S, en: \"s\"}\n");
}

// --- The file's byte order mark and line ends.

TEST(PatchYaml, KeepsAByteOrderMarkAndCrLfLineEnds) {
    EXPECT_EQ(patched("\xEF\xBB\xBFtitle:\r\n  de: X\r\n  en: Y  # c\r\nnext: 1\r\n", {"title"}, "ar", "a\nb"),
              "\xEF\xBB\xBFtitle:\r\n  de: X\r\n  en: Y  # c\r\n  ar: |-\r\n    a\r\n    b\r\nnext: 1\r\n");
    EXPECT_EQ(patched("\xEF\xBB\xBFtext: |\r\n  Zeile\r\n\r\n  Zeile\r\nnext: 1\r\n", {"text"}, "ar", "x"),
              "\xEF\xBB\xBFtext:\r\n  de: |\r\n    Zeile\r\n\r\n    Zeile\r\n  ar: \"x\"\r\nnext: 1\r\n");
}

// --- Values that YAML reads in surprising ways, written and read back by yaml-cpp.

const std::vector<std::string> kTrickyValues = {
    "say \"hi\"", "a: b", "a #b", " leading", "trailing ", "tab\there", "-dash", "- dash", "? q", "{brace}", "[x]",
    "'single'", "back\\slash", "%p", "@at", "`tick", "*star", "&amp", "!bang", "|pipe", ">gt", "null", "~", "yes",
    "123", "", "مرحبا بكم في المدينة", "به شهر خوش آمدید", "ends\n\n", "ends\n\n\n", "x\n",
    "# Überschrift\n\nText mit: Doppelpunkt #1 und # Raute\n", "line\n  indented\n", "  starts with spaces\nsecond",
    "\ttab first\nsecond", "\n\nleading breaks", "  \nspaces line first", "a\r\nb", "\x01 control\n",
    "sep \xE2\x80\xA8 x\ny", "- list\n- items\n", "---\n...\n", "key: value\n# not a comment\n", "trailing space \nx"};

const std::vector<std::string> kFiles = {
    "field: {de: X, en: Y}  # c\nnext: 1\n",
    "field:\n  de: X\n  en: |\n    Y\n\n# c\nnext: 1\n",
    "field: X  # c\nnext: 1\n",
    "field: |\n  X\nnext: 1\n",
    "list:\n  - field: X\n    other: 2\nnext: 1\n",
    "list:\n  - {field: X, other: 2}\nnext: 1\n",
};

std::vector<std::string> path_in(const std::string& file) {
    return file.starts_with("list") ? std::vector<std::string>{"list", "0", "field"} : std::vector<std::string>{"field"};
}

TEST(PatchYaml, TrickyValuesReadBackExactly) {
    for (const std::string& file : kFiles) {
        for (const std::string& value : kTrickyValues) {
            for (const std::string language : {"de", "en", "ar"}) {
                SCOPED_TRACE(file + "\n" + language + ": " + value);
                const std::string out = patched(file, path_in(file), language, value);
                const YAML::Node root = YAML::Load(out);
                const YAML::Node field = file.starts_with("list") ? root["list"][0]["field"] : root["field"];
                const std::string read = field.IsScalar() ? field.as<std::string>() : field[language].as<std::string>();
                EXPECT_EQ(read, value);
                if (language != "de" && field.IsMap()) {
                    EXPECT_EQ(field["de"].as<std::string>(), file.find("|\n  X") == std::string::npos ? "X" : "X\n");
                }
                EXPECT_EQ(root["next"].as<int>(), 1);
                if (file.starts_with("list")) {
                    EXPECT_EQ(root["list"][0]["other"].as<int>(), 2);
                }
            }
        }
    }
}

// --- What is refused, and where.

TEST(PatchYaml, RefusesAFieldThatIsNotThere) {
    const PatchError e = refused("title: X\nsteps:\n  - title: A\n", {"steps", "0", "text"});
    EXPECT_EQ(e, (PatchError{"there is no \"text\" in \"steps.0\" in this file, so \"steps.0.text\" cannot be written", 3, 5}));
    EXPECT_EQ(refused("title: X\n", {"summary"}),
              (PatchError{"there is no \"summary\" in this file, so \"summary\" cannot be written", 1, 1}));
}

TEST(PatchYaml, RefusesAListEntryThatIsNotThere) {
    const PatchError e = refused("title: X\nsteps:\n  - title: A\n", {"steps", "3", "title"});
    EXPECT_EQ(e, (PatchError{"\"steps\" is a list of 1 entries, counted from 0; it has no entry \"3\"", 3, 3}));
}

TEST(PatchYaml, RefusesAFieldThatIsNotText) {
    EXPECT_EQ(refused("title: X\ntopics: [a, b]\n", {"topics"}),
              (PatchError{"\"topics\" is a list, not a text (a text, or languages with their texts)", 2, 9}));
    EXPECT_EQ(refused("title:\n  de: X\n  ar: [a]\n", {"title"}),
              (PatchError{"\"title.ar\" is empty or not a text; write \"\" there or remove it", 3, 7}));
}

TEST(PatchYaml, RefusesTagsAnchorsAndAliases) {
    const PatchError e = refused("title: !x Kurs\n", {"title"});
    EXPECT_EQ(e.line, 1);
    EXPECT_EQ(e.column, 8);
    EXPECT_THAT(e.message, HasSubstr("tag, anchor or alias"));
    EXPECT_THAT(refused("a: &k Kurs\ntitle: *k\n", {"title"}).message, HasSubstr("tag, anchor or alias"));
}

TEST(PatchYaml, RefusesAPlainTextOnSeveralLines) {
    const PatchError e = refused("title: eins\n  zwei\nnext: 1\n", {"title"});
    EXPECT_EQ(e.line, 1);
    EXPECT_EQ(e.column, 8);
    EXPECT_THAT(e.message, HasSubstr("over several lines without quotes"));
}

TEST(PatchYaml, RefusesAFileThatIsNotYaml) {
    const PatchError e = refused("\xEF\xBB\xBFtitle: {de: X\nnext: [\n", {"title"});
    EXPECT_EQ(e, (PatchError{"this file is not valid YAML (end of map flow not found), so Lotse writes nothing into it", 2, 5}));
}

TEST(PatchYaml, RefusesAResultThatWouldReadDifferently) {
    // A language that is no YAML key would add two keys; the result is read back and refused.
    EXPECT_EQ(refused("title: {de: X}\nnext: 1\n", {"title"}, "x, y"),
              (PatchError{"Lotse cannot write this translation here without changing something else in the file, so "
                          "it writes nothing; add the translation by hand",
                          1, 8}));
}

TEST(PatchYaml, CountsColumnsInCharacters) {
    const PatchError e = refused("title: {de: \"Größe\", ar: !x y}\n", {"title"});
    EXPECT_EQ(e.column, 26);
}

// --- Free pages.

std::string page(std::string_view text, bool existing, std::optional<std::string> title, std::optional<std::string> body) {
    auto result = patch_page(text, existing, title, body);
    if (const auto* error = std::get_if<PatchError>(&result)) {
        ADD_FAILURE() << error->line << ":" << error->column << ": " << error->message;
        return "";
    }
    return std::get<std::string>(result);
}

TEST(PatchPage, ReplacesTheTitleAndTheBodyOfATranslation) {
    EXPECT_EQ(page("---\ntitle: Imprint  # c\nmenu: footer\nweight: 10\n---\nOld text\n", true, "بصمة", "نص\n\nفقرة\n"),
              "---\ntitle: \"بصمة\"  # c\nmenu: footer\nweight: 10\n---\nنص\n\nفقرة\n");
}

TEST(PatchPage, MakesATranslationFromTheSourcePage) {
    const std::string source = "---\n# Pflichtseite\ntitle: 'Impressum'\nmenu: footer\nweight: 10\n---\n\nText\n";
    EXPECT_EQ(page(source, false, "Imprint", "Text\n"),
              "---\n# Pflichtseite\ntitle: \"Imprint\"\nmenu: footer\nweight: 10\n---\nText\n");
    EXPECT_EQ(page(source, false, std::nullopt, std::nullopt), source);
    EXPECT_EQ(page(source, false, "Imprint", std::nullopt),
              "---\n# Pflichtseite\ntitle: \"Imprint\"\nmenu: footer\nweight: 10\n---\n\nText\n");
}

TEST(PatchPage, KeepsAByteOrderMarkAndCrLfLineEnds) {
    EXPECT_EQ(page("\xEF\xBB\xBF---\r\ntitle: Impressum\r\nmenu: footer\r\n---\r\nText\r\n", true, "Imprint", "a\nb\n"),
              "\xEF\xBB\xBF---\r\ntitle: \"Imprint\"\r\nmenu: footer\r\n---\r\na\r\nb\r\n");
}

TEST(PatchPage, AddsAMissingTitleAndABodyAfterAClosingLineWithoutBreak) {
    EXPECT_EQ(page("---\nmenu: none\n---", true, "T", "Text\n"), "---\ntitle: \"T\"\nmenu: none\n---\nText\n");
    EXPECT_EQ(page("---\n---\n", true, "T", std::nullopt), "---\ntitle: \"T\"\n---\n");
}

TEST(PatchPage, RefusesAPageWithoutFrontMatter) {
    const auto result = patch_page("title: X\n", true, "T", std::nullopt);
    ASSERT_TRUE(std::holds_alternative<PatchError>(result));
    EXPECT_EQ(std::get<PatchError>(result).line, 1);
    EXPECT_THAT(std::get<PatchError>(result).message, HasSubstr("starts with a line ---"));
}

TEST(PatchPage, RefusesATitleThatIsNotText) {
    const auto result = patch_page("---\nmenu: footer\ntitle: [a]\n---\nText\n", true, "T", std::nullopt);
    ASSERT_TRUE(std::holds_alternative<PatchError>(result));
    EXPECT_EQ(std::get<PatchError>(result), (PatchError{"\"title\" is a list, not a text", 3, 8}));
}

// --- Catalogs.

constexpr std::string_view kCatalog =
    "// Lotse-Oberflächentexte, Deutsch.\n"
    "de {\n"
    "    \"skip_link\" { \"Zum Inhalt springen\" }\n"
    "    /* Navigation */\n"
    "    \"nav.home\" { \"Start\" \"seite\" }  // zwei Teile\n"
    "    \"quote\" { \"Sag \\\"Hallo\\\" \\\\ \\u00e4\" }\n"
    "    plain.key { \"Größe\" }\n"
    "}\n";

std::string catalog(std::string_view text, std::string_view key, std::string_view value) {
    auto result = patch_catalog(text, "de", key, value);
    if (const auto* error = std::get_if<PatchError>(&result)) {
        ADD_FAILURE() << error->line << ":" << error->column << ": " << error->message;
        return "";
    }
    return std::get<std::string>(result);
}

std::vector<CatalogEntry> entries(std::string_view text) {
    auto result = catalog_entries(text);
    if (const auto* error = std::get_if<PatchError>(&result)) {
        ADD_FAILURE() << error->line << ":" << error->column << ": " << error->message;
        return {};
    }
    return std::get<std::vector<CatalogEntry>>(result);
}

// The entry for `key` whose value's bytes are `bytes`, found in `text`, at `line`:`column`.
CatalogEntry entry_at(std::string_view text, std::string key, std::string value, int line, int column, std::string_view bytes) {
    const std::size_t begin = text.find(bytes);
    return {std::move(key), std::move(value), line, column, begin, begin + bytes.size()};
}

TEST(CatalogEntries, ReadsKeysValuesAndWhereTheyAre) {
    const auto found = entries(kCatalog);
    ASSERT_EQ(found.size(), 4u);
    EXPECT_EQ(found[0], entry_at(kCatalog, "skip_link", "Zum Inhalt springen", 3, 19, "\"Zum Inhalt springen\""));
    EXPECT_EQ(found[1], entry_at(kCatalog, "nav.home", "Startseite", 5, 18, "\"Start\" \"seite\""));
    EXPECT_EQ(found[2], entry_at(kCatalog, "quote", "Sag \"Hallo\" \\ ä", 6, 15, "\"Sag \\\"Hallo\\\" \\\\ \\u00e4\""));
    EXPECT_EQ(found[3], entry_at(kCatalog, "plain.key", "Größe", 7, 17, "\"Größe\""));
}

TEST(CatalogEntries, CountsOffsetsWithTheByteOrderMarkAndColumnsWithout) {
    const auto found = entries("\xEF\xBB\xBF" "de { \"a\" { \"b\" } }");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0], (CatalogEntry{"a", "b", 1, 12, 14, 17}));
    EXPECT_EQ(patch_catalog("\xEF\xBB\xBF" "de { \"a\" { \"b\" } }", "de", "a", "c"),
              (std::variant<std::string, PatchError>("\xEF\xBB\xBF" "de { \"a\" { \"c\" } }")));
}

TEST(CatalogEntries, RefusesWhatIsNotOneTableOfStrings) {
    const auto nested = catalog_entries("de {\n    \"a\" { \"b\" { \"c\" } }\n}\n");
    ASSERT_TRUE(std::holds_alternative<PatchError>(nested));
    EXPECT_EQ(std::get<PatchError>(nested).line, 2);
    EXPECT_EQ(std::get<PatchError>(nested).column, 15);
    EXPECT_THAT(std::get<PatchError>(nested).message, HasSubstr("one table of messages"));
    const auto number = catalog_entries("de {\n    count:int { 5 }\n}\n");
    ASSERT_TRUE(std::holds_alternative<PatchError>(number));
    EXPECT_EQ(std::get<PatchError>(number).column, 10);
    const auto unclosed = catalog_entries("de {\n    \"a\" { \"b\" }\n");
    ASSERT_TRUE(std::holds_alternative<PatchError>(unclosed));
    EXPECT_EQ(std::get<PatchError>(unclosed).line, 3);
    EXPECT_TRUE(std::holds_alternative<PatchError>(catalog_entries("de { \"a\" { \"b\" } } extra")));
    EXPECT_TRUE(std::holds_alternative<PatchError>(catalog_entries("de { /* open")));
}

TEST(PatchCatalog, ReplacesAValueInPlace) {
    std::string expected(kCatalog);
    expected.replace(kCatalog.find("\"Start\""), 15, "\"Zur \\\"Startseite\\\"\"");
    EXPECT_EQ(catalog(kCatalog, "nav.home", "Zur \"Startseite\""), expected);
    EXPECT_EQ(catalog(kCatalog, "nav.home", "Startseite"), kCatalog);
}

TEST(PatchCatalog, AddsAnEntryBeforeTheClosingBrace) {
    EXPECT_EQ(catalog(kCatalog, "new.key", "Neu\\"), std::string(kCatalog.substr(0, kCatalog.size() - 2)) +
                                                     "    \"new.key\" { \"Neu\\\\\" }\n}\n");
    EXPECT_EQ(catalog("de {\n\t\"a\" { \"b\" }\n  // alt\n  }\n", "c", "d"),
              "de {\n\t\"a\" { \"b\" }\n  // alt\n\t\"c\" { \"d\" }\n  }\n");
    EXPECT_EQ(catalog("de { \"a\" { \"b\" } }", "c", "d"), "de { \"a\" { \"b\" } \n    \"c\" { \"d\" }\n}");
}

TEST(PatchCatalog, KeepsAByteOrderMarkAndCrLfLineEnds) {
    EXPECT_EQ(catalog("\xEF\xBB\xBF// c\r\nde {\r\n  \"a\" { \"b\" }\r\n}\r\n", "c", "x\ny"),
              "\xEF\xBB\xBF// c\r\nde {\r\n  \"a\" { \"b\" }\r\n  \"c\" { \"x\\ny\" }\r\n}\r\n");
    EXPECT_EQ(catalog("\xEF\xBB\xBF" "de {\r\n  \"a\" { \"b\" }\r\n}\r\n", "a", "c"), "\xEF\xBB\xBF" "de {\r\n  \"a\" { \"c\" }\r\n}\r\n");
}

TEST(PatchCatalog, WritesANewCatalogForAnEmptyText) {
    auto result = patch_catalog("", "ar", "nav.home", "الرئيسية");
    ASSERT_TRUE(std::holds_alternative<std::string>(result));
    EXPECT_EQ(std::get<std::string>(result),
              "// ar: Lotse's messages, ICU resource-bundle source (compiled by genrb)\n"
              "ar {\n    \"nav.home\" { \"الرئيسية\" }\n}\n");
}

TEST(PatchCatalog, RefusesACatalogOfAnotherShape) {
    const auto result = patch_catalog("de {\n  \"a\" [ \"b\" ]\n}\n", "de", "a", "c");
    ASSERT_TRUE(std::holds_alternative<PatchError>(result));
    EXPECT_EQ(std::get<PatchError>(result).line, 2);
}

// What genrb makes of `catalog`'s `keys` (a missing key reads as "<missing>").
std::vector<std::string> compiled_values(const std::string& catalog, const std::vector<std::string>& keys) {
    test::TempDir dir;
    test::write(dir.path() / "de.txt", catalog);
    const std::string command = std::string(LOTSE_GENRB) + " -q -e UTF-8 -d '" + dir.path().string() + "' '" +
                                (dir.path() / "de.txt").string() + "' 2>&1";
    EXPECT_EQ(std::system(command.c_str()), 0) << catalog;
    UErrorCode status = U_ZERO_ERROR;
    UResourceBundle* bundle = ures_openDirect((dir.path().string() + "/").c_str(), "de", &status);
    std::vector<std::string> out;
    for (const std::string& key : keys) {
        UErrorCode key_status = U_ZERO_ERROR;
        int32_t length = 0;
        const UChar* value = U_SUCCESS(status) ? ures_getStringByKey(bundle, key.c_str(), &length, &key_status) : nullptr;
        std::string text = "<missing>";
        if (value && U_SUCCESS(key_status)) {
            text.clear();
            icu::UnicodeString(value, length).toUTF8String(text);
        }
        out.push_back(text);
    }
    if (bundle) ures_close(bundle);
    return out;
}

TEST(PatchCatalog, GenrbReadsWrittenValuesBackExactly) {
    const std::vector<std::string> values = {
        "Zur \"Startseite\"", "back\\slash", "trailing \\", "\\u00e4 stays written out", "line 1\nline 2",
        "tab\there", "{count, plural, one {# Kurs} other {# Kurse}}", "'apostrophes' and {braces}",
        "انتقل إلى المحتوى", "به شهر خوش آمدید", "", "  spaces  ", "\x01 control", "// not a comment /* either */"};
    std::string text(kCatalog);
    std::vector<std::string> keys;
    for (std::size_t i = 0; i < values.size(); ++i) {
        keys.push_back("new." + std::to_string(i));
        text = catalog(text, keys.back(), values[i]);
    }
    keys.push_back("nav.home");
    std::vector<std::string> expected = values;
    expected.push_back("Startseite");
    EXPECT_EQ(compiled_values(text, keys), expected);
    std::vector<std::string> read;
    for (const CatalogEntry& e : entries(text)) read.push_back(e.value);
    EXPECT_EQ(std::vector<std::string>(read.begin() + 4, read.end()), values);
    // And replacing in place, the same.
    for (const std::string& value : values) EXPECT_EQ(compiled_values(catalog(kCatalog, "nav.home", value), {"nav.home"})[0], value);
}

TEST(CatalogEntries, ReadsValuesAsGenrbDoes) {
    const std::vector<std::string> keys = {"skip_link", "nav.home", "quote", "plain.key"};
    std::vector<std::string> read;
    for (const CatalogEntry& e : entries(kCatalog)) read.push_back(e.value);
    EXPECT_EQ(read, compiled_values(std::string(kCatalog), keys));
}

}  // namespace
}  // namespace lotse
