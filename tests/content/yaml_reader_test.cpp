// The YAML reader (content/yaml_reader): what each reader takes and what it reports, as the
// coordinator reads it (path:line:column, columns in characters, and the message); then keys
// given twice in any mapping of any file, through `lotse check`.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "content/yaml_reader.h"
#include "test_site.h"

namespace lotse::test {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

// YAML read as the file x.yaml of a site whose source language is German.
class YamlReader : public testing::Test {
protected:
    // A syntax error is reported and gives an undefined node.
    YAML::Node parse(std::string yaml) {
        text_ = std::move(yaml);
        file.set_text(text_);
        return parse_yaml(file, text_).value_or(YAML::Node(YAML::NodeType::Undefined));
    }

    // The value of `key` in the one-line file "<key>: <written>".
    YAML::Node value(const std::string& key, const std::string& written) { return parse(key + ": " + written + "\n")[key]; }

    // What `read` (read_time, read_date) gives for a value it takes.
    template <typename Read>
    using Value = typename std::invoke_result_t<Read&, const FileContext&, const YAML::Node&, std::string_view>::value_type;

    // Each value, written after "<key>: ", is taken by `read` as the value beside it, and nothing is
    // reported.
    template <typename Read>
    void expect_taken(Read read, const std::string& key, const std::vector<std::pair<std::string, Value<Read>>>& taken) {
        for (const auto& [written, expected] : taken) {
            SCOPED_TRACE(written);
            EXPECT_EQ(read(file, value(key, written), key), expected);
            EXPECT_THAT(reported(), IsEmpty());
        }
    }

    // Each value, written after "<key>: " on the first line, is refused by `read` with the message
    // beside it, at the value's column.
    template <typename Read>
    void expect_refused(Read read, const std::string& key, const std::vector<std::pair<std::string, std::string>>& refused) {
        const std::string at = "x.yaml:1:" + std::to_string(key.size() + 3) + ": error: ";
        for (const auto& [written, message] : refused) {
            SCOPED_TRACE(written);
            EXPECT_EQ(read(file, value(key, written), key), std::nullopt);
            EXPECT_THAT(reported(), ElementsAre(at + message));
        }
    }

    // Everything reported since the last call, as `lotse check` prints it.
    std::vector<std::string> reported() {
        std::vector<std::string> lines;
        for (const Diagnostic& d : diags.items()) lines.push_back(format(d));
        diags = Diagnostics();
        return lines;
    }

    Diagnostics diags;
    FileContext file{"x.yaml", diags, "de"};

private:
    std::string text_;
};

// Values read with their positions: "mon@1:8".
std::vector<std::string> placed(const std::vector<Located>& values) {
    std::vector<std::string> out;
    for (const Located& v : values)
        out.push_back(v.value + "@" + std::to_string(v.pos.line) + ":" + std::to_string(v.pos.column));
    return out;
}

TEST_F(YamlReader, UnknownKeysNameTheKeyMeantAndTheAllowedOnes) {
    const MapReader m(file, parse("titel: Kurs\nsummary: Kurz\ncolour: red\n"), "offer", {"title", "summary", "checked"});
    EXPECT_TRUE(m.valid());
    EXPECT_THAT(reported(),
                ElementsAre("x.yaml:1:1: error: unknown key \"titel\" in offer; did you mean \"title\"? Allowed: title, "
                            "summary, checked",
                            "x.yaml:3:1: error: unknown key \"colour\" in offer; Allowed: title, summary, checked"));
}

TEST_F(YamlReader, AMissingRequiredKeyIsReportedWhereItsMappingStarts) {
    MapReader m(file, parse("title: Kurs\nregistration:\n  phone: \"+49 1\"\n"), "course",
                {"title", "summary", "fee", "registration"});
    EXPECT_EQ(m.string("title", Need::required), "Kurs");
    EXPECT_EQ(m.string("summary", Need::required), std::nullopt);
    EXPECT_EQ(m.string("fee"), std::nullopt);  // optional: nothing to say
    MapReader registration(file, m.node("registration"), "registration", {"phone", "email"});
    EXPECT_EQ(registration.string("email", Need::required), std::nullopt);
    EXPECT_THAT(reported(), ElementsAre("x.yaml:1:1: error: course is missing the required field \"summary\"",
                                        "x.yaml:3:3: error: registration is missing the required field \"email\""));
}

TEST_F(YamlReader, AnEmptyValueIsReportedAtItsKey) {
    MapReader m(file, parse("summary: Kurz\ntitle:\n"), "offer", {"title", "summary"});
    EXPECT_FALSE(m.has("title"));
    EXPECT_EQ(m.string("title", Need::required), std::nullopt);
    EXPECT_THAT(reported(), ElementsAre("x.yaml:2:1: error: \"title\" is empty; give it a value or remove the line"));
}

TEST_F(YamlReader, KeysAreReadFromAMappingOnly) {
    EXPECT_FALSE(MapReader(file, parse("- just\n- a list\n"), "offer", {"title"}).valid());
    EXPECT_FALSE(MapReader(file, parse(""), "course", {"title"}).valid());
    EXPECT_THAT(reported(), ElementsAre("x.yaml:1:1: error: offer must be written as \"key: value\" lines, not a list",
                                        "x.yaml:1:1: error: course must be written as \"key: value\" lines, not empty"));
}

TEST_F(YamlReader, WordsAreCheckedAgainstTheAllowedValues) {
    MapReader m(file, parse("days: [mon, tue, moon, sunday]\n"), "slot", {"days"});
    EXPECT_THAT(placed(m.words("days", Need::required, {"mon", "tue", "wed", "sun"})), ElementsAre("mon@1:8", "tue@1:13"));
    EXPECT_THAT(reported(),
                ElementsAre("x.yaml:1:18: error: \"days\" cannot contain \"moon\"; did you mean \"mon\"? Allowed: mon, "
                            "tue, wed, sun",
                            "x.yaml:1:24: error: \"days\" cannot contain \"sunday\"; Allowed: mon, tue, wed, sun"));
}

TEST_F(YamlReader, WordsAreAListOfSingleValuesAndARequiredListHasOne) {
    MapReader m(file, parse("topics: school\nlife_phases: []\naudience: [youth, [adults]]\n"), "offer",
                {"topics", "life_phases", "audience"});
    EXPECT_THAT(m.words("topics"), IsEmpty());
    EXPECT_THAT(m.words("life_phases", Need::required), IsEmpty());
    EXPECT_THAT(placed(m.words("audience")), ElementsAre("youth@3:12"));
    EXPECT_THAT(reported(),
                ElementsAre("x.yaml:1:9: error: \"topics\" must be a list such as [a, b], not a single value",
                            "x.yaml:2:14: error: \"life_phases\" needs at least one entry",
                            "x.yaml:3:19: error: \"audience\" must be a single value, not a list"));
}

TEST_F(YamlReader, OneOfTakesOnlyTheAllowedValues) {
    MapReader m(file, parse("mode: onsite\nseats: plenty\nmenu: footer\n"), "course", {"mode", "seats", "menu", "type"});
    EXPECT_EQ(m.one_of("mode", {"in-person", "online", "hybrid"}), std::nullopt);
    EXPECT_EQ(m.one_of("seats", {"open", "few", "waitlist", "full"}), std::nullopt);
    EXPECT_EQ(m.one_of("menu", {"main", "footer", "none"}), "footer");
    EXPECT_EQ(m.one_of("type", {"integration", "literacy"}, Need::required), std::nullopt);
    EXPECT_THAT(reported(),
                ElementsAre("x.yaml:1:7: error: \"mode\" cannot be \"onsite\"; did you mean \"online\"? Allowed: "
                            "in-person, online, hybrid",
                            "x.yaml:2:8: error: \"seats\" cannot be \"plenty\"; Allowed: open, few, waitlist, full",
                            "x.yaml:1:1: error: course is missing the required field \"type\""));
}

TEST_F(YamlReader, TimesOnTheTwentyFourHourClockUpToTheEndOfTheDay) {
    expect_taken(read_time, "from",
                 {{"\"00:00\"", 0}, {"\"08:30\"", 8 * 60 + 30}, {"\"23:59\"", 23 * 60 + 59}, {"\"24:00\"", 24 * 60}});
}

TEST_F(YamlReader, TimesNotWrittenHHMMOrThatDoNotExist) {
    const std::string format = "\"from\" must be a time written HH:MM on the 24-hour clock, e.g. \"08:30\"; found ";
    const std::string impossible = ", a time that does not exist (hours 00 to 23, minutes 00 to 59, or 24:00 for midnight)";
    expect_refused(read_time, "from", {
        {"\"8:30\"", format + "\"8:30\""},
        {"\"08.30\"", format + "\"08.30\""},
        {"\"0830\"", format + "\"0830\""},
        {"\"08:30 Uhr\"", format + "\"08:30 Uhr\""},
        {"\"24:01\"", "\"from\" is 24:01" + impossible},
        {"\"12:60\"", "\"from\" is 12:60" + impossible},
        {"\"25:00\"", "\"from\" is 25:00" + impossible},
    });
}

TEST_F(YamlReader, DatesThatExistWithinTheAcceptedRange) {
    expect_taken(read_date, "start",
                 {{"2027-01-11", day("2027-01-11")},
                  {"2028-02-29", day("2028-02-29")},
                  {"2000-02-29", day("2000-02-29")},  // a leap year: divisible by 400
                  {"1900-01-01", day("1900-01-01")},
                  {"2199-12-31", day("2199-12-31")}});
}

TEST_F(YamlReader, DatesNotWrittenIsoThatDoNotExistOrAreOutOfRange) {
    const std::string format = "\"start\" must be a date written YYYY-MM-DD, e.g. 2027-01-11; found ";
    const std::string range = ", outside the dates Lotse accepts (1900-01-01 to 2199-12-31)";
    expect_refused(read_date, "start", {
        {"11.01.2027", format + "\"11.01.2027\""},
        {"2027-1-11", format + "\"2027-1-11\""},
        {"2027-01-11T08:00", format + "\"2027-01-11T08:00\""},
        {"2027-02-29", "\"start\" is 2027-02-29, a date that does not exist"},
        {"2100-02-29", "\"start\" is 2100-02-29, a date that does not exist"},  // not a leap year
        {"2027-04-31", "\"start\" is 2027-04-31, a date that does not exist"},
        {"2027-13-01", "\"start\" is 2027-13-01, a date that does not exist"},
        {"2027-00-10", "\"start\" is 2027-00-10, a date that does not exist"},
        {"1899-12-31", "\"start\" is 1899-12-31" + range},
        {"2200-01-01", "\"start\" is 2200-01-01" + range},
    });
}

// YAML counts columns in bytes; an editor shows ü, ß and – as one character, an Arabic letter as
// one, and 😀 as one.
TEST_F(YamlReader, ColumnsCountCharactersAfterNonAsciiText) {
    MapReader m(file, parse("{name: \"Grüße – دورة 😀\", lessons: many, days: [mon, dienstag]}\n"), "course",
                {"name", "days", "lessons"});
    EXPECT_EQ(m.integer("lessons"), std::nullopt);
    EXPECT_THAT(placed(m.words("days", Need::optional, {"mon", "tue"})), ElementsAre("mon@1:48"));
    EXPECT_THAT(reported(), ElementsAre("x.yaml:1:35: error: \"lessons\" must be a whole number such as 700; found \"many\"",
                                        "x.yaml:1:53: error: \"days\" cannot contain \"dienstag\"; Allowed: mon, tue"));
}

// Front matter is YAML after the page's first line, "---": its positions are the file's lines.
TEST_F(YamlReader, LineOffsetMovesEveryPositionDown) {
    file.line_offset = 1;
    MapReader m(file, parse("title: Hilfe\nmenu: top\n"), "page", {"title", "menu", "weight"});
    EXPECT_EQ(m.one_of("menu", {"main", "footer", "none"}), std::nullopt);
    EXPECT_EQ(m.integer("weight", Need::required), std::nullopt);
    EXPECT_EQ(m.pos().line, 2);
    parse("title: [Hilfe\nmenu: top\n");
    EXPECT_THAT(reported(),
                ElementsAre("x.yaml:3:7: error: \"menu\" cannot be \"top\"; Allowed: main, footer, none",
                            "x.yaml:2:1: error: page is missing the required field \"weight\"",
                            "x.yaml:2:8: error: the \"[\" here is not closed; add the \"]\" that ends the list"));
}

// The closest allowed word to a typo, if it is close enough to be one (the "did you mean").
std::string meant(std::string_view word, const std::vector<std::string_view>& allowed) {
    return std::string(closest(word, allowed).value_or("(none)"));
}

TEST(Closest, FindsTheWordATypoMeant) {
    EXPECT_EQ(meant("titel", {"title", "summary"}), "title");
    EXPECT_EQ(meant("sumary", {"title", "summary"}), "summary");
    EXPECT_EQ(meant("B3", {"A1", "A2", "B1", "B2", "C1", "C2"}), "B1");  // the first of the nearest
    EXPECT_EQ(meant("registraton", {"registration"}), "registration");
}

TEST(Closest, SuggestsNothingForAWordTooFarFromEveryOne) {
    EXPECT_EQ(meant("colour", {"title", "summary", "checked"}), "(none)");
    EXPECT_EQ(meant("sunday", {"mon", "tue", "wed", "sun"}), "(none)");
    EXPECT_EQ(meant("anything", {}), "(none)");
}

TEST(Joined, ListsTheWordsWithCommas) {
    EXPECT_EQ(joined({}), "");
    EXPECT_EQ(joined({"de"}), "de");
    EXPECT_EQ(joined({"main", "footer", "none"}), "main, footer, none");
}

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
