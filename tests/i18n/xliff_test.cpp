// XLIFF for translators (i18n/xliff): what `lotse i18n export` writes and what `lotse i18n import`
// reads back. Round trips of tricky texts in both versions, links and ICU placeholders as codes
// a translator cannot alter, the files real tools send back, every refusal with its message and
// position, and the written files checked against the OASIS schemas.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>

#include "i18n/xliff.h"
#include "test_site.h"

namespace lotse::test {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

XliffUnit unit(std::string id, TextSyntax syntax, std::string source, std::optional<std::string> target = std::nullopt) {
    XliffUnit u;
    u.id = std::move(id);
    u.syntax = syntax;
    u.source = std::move(source);
    u.target = std::move(target);
    return u;
}

XliffFile file_of(std::vector<XliffUnit> units) {
    return {"hafenstadt", "de", "ar", std::move(units), {}};
}

// `text` with `from` (which must be there) replaced by `to`, as a translator's tool changes it.
std::string edited(std::string text, std::string_view from, std::string_view to) {
    const std::size_t at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos) text.replace(at, from.size(), to);
    return text;
}

struct Read {
    std::optional<XliffFile> file;
    std::vector<std::string> diagnostics;
};

Read read(const std::string& text) {
    Diagnostics diags;
    Read out;
    out.file = read_xliff("ar.xlf", text, diags);
    for (const Diagnostic& d : diags.sorted()) out.diagnostics.push_back(format(d));
    return out;
}

std::vector<Piece> code_pieces(std::string_view text, TextSyntax syntax) {
    std::vector<Piece> out;
    for (Piece& p : pieces(text, syntax))
        if (p.kind != Piece::Kind::text) out.push_back(std::move(p));
    return out;
}

Piece open(std::string text, int code) { return {Piece::Kind::open, std::move(text), code}; }
Piece close(std::string text, int code) { return {Piece::Kind::close, std::move(text), code}; }
Piece placeholder(std::string text, int code) { return {Piece::Kind::placeholder, std::move(text), code}; }

// ---- Pieces: what becomes a code ----

TEST(XliffPieces, MarkdownLinksAreCodesAroundTheirText) {
    const std::vector<Piece> p = pieces("Zur [Migrationsberatung](ref:contact/mbe-caritas \"MBE\") gehen.", TextSyntax::markdown);
    EXPECT_THAT(p, ElementsAre(Piece{Piece::Kind::text, "Zur "}, open("[", 1), Piece{Piece::Kind::text, "Migrationsberatung"},
                               close("](ref:contact/mbe-caritas \"MBE\")", 1), Piece{Piece::Kind::text, " gehen."}));
}

TEST(XliffPieces, AutolinksImagesAndNestedBracketsAreFound) {
    Piece image = open("![", 2);
    image.image = true;
    EXPECT_THAT(code_pieces("[![Plan](plan.png) Anfahrt](https://example.org/a_(b)) <info@vhs.example> <https://x.example/?a=1&b>",
                            TextSyntax::markdown),
                ElementsAre(open("[", 1), image, close("](plan.png)", 2), close("](https://example.org/a_(b))", 1),
                            placeholder("<info@vhs.example>", 3), placeholder("<https://x.example/?a=1&b>", 4)));
    EXPECT_THAT(code_pieces("Ein [Link [mit] Klammern](https://example.org)", TextSyntax::markdown),
                ElementsAre(open("[", 1), close("](https://example.org)", 1)));
    EXPECT_THAT(code_pieces("Zeile [eins\nzwei](<ref:page/x>)", TextSyntax::markdown),
                ElementsAre(open("[", 1), close("](<ref:page/x>)", 1)));
}

TEST(XliffPieces, WhatIsNoInlineLinkStaysText) {
    for (const char* text : {"Code `[a](b)` und ``[c](d)``", "Escaped \\[a](b)", "[Verweis][ref]\n\n[ref]: https://example.org",
                             "Kein Link [a] (b)", "<not an autolink>", "a < b and c]", "``` \n[a](b)\n```",
                             "[a](b c d)"})
        EXPECT_THAT(code_pieces(text, TextSyntax::markdown), IsEmpty()) << text;
}

TEST(XliffPieces, IcuArgumentsAndHashArePlaceholdersAndPluralStaysText) {
    const std::vector<Piece> p =
        pieces("{count, plural, one {# Kurs für {name}} other {# Kurse}} ab {start, date, short} '{'x'}'", TextSyntax::icu);
    EXPECT_THAT(p, ElementsAre(Piece{Piece::Kind::text, "{count, plural, one {"}, placeholder("#", 1),
                               Piece{Piece::Kind::text, " Kurs für "}, placeholder("{name}", 2),
                               Piece{Piece::Kind::text, "} other {"}, placeholder("#", 3), Piece{Piece::Kind::text, " Kurse}} ab "},
                               placeholder("{start, date, short}", 4), Piece{Piece::Kind::text, " '{'x'}'"}));
    // A message that does not parse has nothing to protect: it is text.
    EXPECT_THAT(pieces("{count", TextSyntax::icu), ElementsAre(Piece{Piece::Kind::text, "{count"}));
    EXPECT_THAT(pieces("[a](b) {x}", TextSyntax::plain), ElementsAre(Piece{Piece::Kind::text, "[a](b) {x}"}));
}

TEST(XliffPieces, IcuArgumentsAreReadByIcu) {
    EXPECT_EQ(std::get<0>(icu_arguments("{count, plural, one {{name}} other {{0} #}} {when, date}")),
              (std::set<std::string>{"0", "count", "name", "when"}));
    EXPECT_EQ(std::get<1>(icu_arguments("{count, plural, one {# Kurs} other {# Kurse}")), "U_PATTERN_SYNTAX_ERROR near character 16");
}

// ---- Writing ----

TEST(XliffWrite, Version21ProtectsLinksWithPairedCodesAndOriginalData) {
    XliffUnit u = unit("page/imprint/body", TextSyntax::markdown, "Zur [Beratung](ref:contact/mbe-caritas) <https://x.example>",
                       "إلى <https://x.example> [الاستشارة](ref:contact/mbe-caritas)");
    u.note = "Free page – body (its own page)";
    const std::string xml = write_xliff(file_of({u}), XliffVersion::v2_1);
    EXPECT_THAT(xml, HasSubstr("<unit id=\"page:imprint:body\" name=\"page/imprint/body\" xml:space=\"preserve\" type=\"lotse:markdown\">\n"
                               "      <notes>\n"
                               "        <note category=\"location\">Free page – body (its own page)</note>\n"
                               "      </notes>\n"
                               "      <originalData>\n"
                               "        <data id=\"d1\">[</data>\n"
                               "        <data id=\"d1e\">](ref:contact/mbe-caritas)</data>\n"
                               "        <data id=\"d2\">&lt;https://x.example&gt;</data>\n"
                               "      </originalData>\n"
                               "      <segment id=\"s1\" state=\"translated\">\n"
                               "        <source>Zur <pc id=\"1\" canCopy=\"no\" canDelete=\"no\" dataRefStart=\"d1\" dataRefEnd=\"d1e\" "
                               "type=\"link\">Beratung</pc> <ph id=\"2\" canCopy=\"no\" canDelete=\"no\" dataRef=\"d2\" type=\"link\"/></source>\n"
                               "        <target>إلى <ph id=\"2\" canCopy=\"no\" canDelete=\"no\" dataRef=\"d2\" type=\"link\"/> <pc id=\"1\" "
                               "canCopy=\"no\" canDelete=\"no\" dataRefStart=\"d1\" dataRefEnd=\"d1e\" type=\"link\">الاستشارة</pc></target>\n"));
}

TEST(XliffWrite, Version12ProtectsLinksWithBptEptAndPh) {
    const std::string xml = write_xliff(
        file_of({unit("page/imprint/body", TextSyntax::markdown, "Zur [Beratung](ref:contact/mbe) <https://x.example>")}),
        XliffVersion::v1_2);
    EXPECT_THAT(xml, HasSubstr("<trans-unit id=\"page/imprint/body\" resname=\"page/imprint/body\" xml:space=\"preserve\" "
                               "datatype=\"x-markdown\">\n"
                               "        <source>Zur <bpt id=\"1\" ctype=\"link\">[</bpt>Beratung<ept id=\"1\">](ref:contact/mbe)</ept> "
                               "<ph id=\"2\" ctype=\"x-autolink\">&lt;https://x.example&gt;</ph></source>\n"
                               "        <target state=\"needs-translation\"/>\n"));
}

TEST(XliffWrite, OutdatedUnitsOfferThePreviousTranslation) {
    XliffUnit u = unit("offer/kita-sprechstunde/title", TextSyntax::plain, "Sprechstunde nur mit Termin");
    u.previous_source = "Sprechstunde ohne Termin";
    u.previous_target = "جلسة بدون موعد";
    EXPECT_THAT(write_xliff(file_of({u}), XliffVersion::v2_1),
                HasSubstr("      <mtc:matches>\n"
                          "        <mtc:match ref=\"#s1\" type=\"tm\" origin=\"previous translation\">\n"
                          "          <source>Sprechstunde ohne Termin</source>\n"
                          "          <target>جلسة بدون موعد</target>\n"
                          "        </mtc:match>\n"
                          "      </mtc:matches>\n"
                          "      <notes>\n"
                          "        <note>Previous translation (the source text has changed since): جلسة بدون موعد</note>\n"
                          "      </notes>\n"));
    u.target = "جلسة بدون موعد";
    const std::string v12 = write_xliff(file_of({u}), XliffVersion::v1_2);
    EXPECT_THAT(v12, HasSubstr("<target state=\"needs-review-translation\">جلسة بدون موعد</target>\n"
                               "        <alt-trans origin=\"previous translation\">\n"
                               "          <source>Sprechstunde ohne Termin</source>\n"
                               "          <target>جلسة بدون موعد</target>\n"
                               "        </alt-trans>\n"));
}

TEST(XliffWrite, Version21IdsAreNameTokensAndStayUnique) {
    const std::string xml = write_xliff(file_of({unit("catalog/nav.courses", TextSyntax::icu, "Kurse"),
                                                 unit("page/über uns", TextSyntax::plain, "x"),
                                                 unit("catalog:nav.courses", TextSyntax::plain, "y")}),
                                        XliffVersion::v2_1);
    EXPECT_THAT(xml, HasSubstr("<unit id=\"catalog:nav.courses\" name=\"catalog/nav.courses\""));
    EXPECT_THAT(xml, HasSubstr("<unit id=\"u2\" name=\"page/über uns\""));
    EXPECT_THAT(xml, HasSubstr("<unit id=\"u3\" name=\"catalog:nav.courses\""));
}

TEST(XliffWrite, IcuTargetsWithMorePluralFormsCopyTheSourcesPlaceholders) {
    const std::string xml = write_xliff(
        file_of({unit("catalog/courses.count", TextSyntax::icu, "{count, plural, one {# Kurs} other {# Kurse}}",
                      "{count, plural, zero {لا دورات} one {دورة} few {# دورات} many {# دورة} other {# دورة}}")}),
        XliffVersion::v2_1);
    EXPECT_THAT(xml, HasSubstr("few {<ph id=\"1\" dataRef=\"d1\"/> دورات} many {<ph id=\"6\" copyOf=\"1\"/> دورة} "
                               "other {<ph id=\"7\" copyOf=\"1\"/> دورة}}</target>"));
}

// ---- Round trips ----

class XliffRoundTrip : public testing::TestWithParam<XliffVersion> {};

// Every unit comes back as it was written: ids, texts byte for byte, notes and hints.
TEST_P(XliffRoundTrip, GivesBackEveryTextByteForByte) {
    std::vector<XliffUnit> units = {
        unit("offer/kita-sprechstunde/title", TextSyntax::plain, "Offene Sprechstunde \"ohne\" Termin – <b> & 'so'",
             "جلسة مفتوحة \"بدون\" موعد – <b> & 'so'"),
        unit("offer/kita-sprechstunde/summary", TextSyntax::plain, "  zwei Leerzeichen,\tTab,\n\nLeerzeile  \n",
             "  مسافتان،\tTab،\n\nسطر فارغ  \n"),
        unit("page/imprint/body", TextSyntax::markdown,
             "## Kontakt\n\nZur [Beratung](ref:contact/mbe-caritas \"MBE\") und <https://vhs.example/kurse?a=1&b=2>.\n"
             "- ![Plan](plan.png) oder [Karte [neu]](https://example.org/a_(b))\n\n> Zitat [mit\n> Umbruch](ref:page/x)\n"
             "Code `[a](b)` und [Verweis][r]\n\n[r]: https://example.org/r\n",
             "## اتصال\n\n<https://vhs.example/kurse?a=1&b=2> و [الاستشارة](ref:contact/mbe-caritas \"MBE\").\n"
             "- [خريطة [جديدة]](https://example.org/a_(b)) أو ![خطة](plan.png)\n\n> اقتباس [مع\n> فاصل](ref:page/x)\n"
             "الرمز `[a](b)` و [مرجع][r]\n\n[r]: https://example.org/r\n"),
        unit("catalog/courses.count", TextSyntax::icu, "{count, plural, one {# Kurs für {name}} other {# Kurse für {name}}}",
             "{count, plural, zero {لا دورات لـ{name}} one {دورة لـ{name}} two {دورتان} few {# دورات لـ{name}} "
             "many {# دورة} other {# دورة لـ{name}}}"),
        unit("catalog/quote", TextSyntax::icu, "Sag '{'nie'}' – {who} hat's gesagt", "قل '{'أبدًا'}' – {who}"),
        unit("catalog/untranslated", TextSyntax::icu, "{n, number} Plätze frei"),
        unit("offer/x/note", TextSyntax::plain, "Zeilenende\r\nvon Windows und ]]> und &amp;", "نهاية\r\nالسطر ]]> &amp;"),
    };
    units[0].note = "Offer – title (its page, lists, A–Z)";
    units[2].previous_source = "## Kontakt\n\nAlt [Beratung](ref:contact/mbe-caritas)";
    units[2].previous_target = "قديم <&>";
    const XliffFile written = file_of(units);
    const std::string xml = write_xliff(written, GetParam());
    const Read back = read(xml);
    EXPECT_THAT(back.diagnostics, IsEmpty());
    ASSERT_TRUE(back.file);
    EXPECT_EQ(back.file->original, "hafenstadt");
    EXPECT_EQ(back.file->source_language, "de");
    EXPECT_EQ(back.file->target_language, "ar");
    ASSERT_EQ(back.file->units.size(), units.size());
    for (std::size_t i = 0; i < units.size(); ++i) {
        XliffUnit got = back.file->units[i];
        EXPECT_EQ(got.pos.file, "ar.xlf");
        EXPECT_GT(got.pos.line, 0);
        EXPECT_EQ(got.target_pos.line > 0, units[i].target.has_value() || GetParam() == XliffVersion::v1_2);
        got.pos = got.target_pos = {};
        EXPECT_EQ(got, units[i]) << units[i].id;
    }
}

TEST_P(XliffRoundTrip, ATranslationThatLinksElsewhereComesBackAsAnError) {
    // A translation whose link its source does not have is written with that link as text, and
    // the link of the source is missing from it: reading it back refuses it.
    const XliffFile written = file_of({unit("page/a/body", TextSyntax::markdown, "[A](ref:page/a)", "[B](ref:page/b)")});
    const Read back = read(write_xliff(written, GetParam()));
    ASSERT_TRUE(back.file);
    EXPECT_FALSE(back.file->units[0].target);
    EXPECT_THAT(back.diagnostics, ElementsAre(HasSubstr("error: the translation of \"page/a/body\" drops the code "
                                                        "\"[…](ref:page/a)\" (id 1) of its source")));
}

INSTANTIATE_TEST_SUITE_P(BothVersions, XliffRoundTrip, testing::Values(XliffVersion::v2_1, XliffVersion::v1_2),
                         [](const testing::TestParamInfo<XliffVersion>& info) {
                             return info.param == XliffVersion::v2_1 ? std::string("Xliff21") : std::string("Xliff12");
                         });

// ---- Reading what tools send back ----

// A Markdown body with a link and an autolink, and a catalog message with a plural, both
// translated: the file a translation tool returns when the translator touched no code.
std::string returned(XliffVersion version) {
    XliffUnit body = unit("page/imprint/body", TextSyntax::markdown, "Zur [Beratung](ref:contact/mbe) und <https://x.example>.",
                          "إلى [الاستشارة](ref:contact/mbe) و <https://x.example>.");
    XliffUnit count = unit("catalog/courses.count", TextSyntax::icu, "{count, plural, one {# Kurs in {town}} other {# Kurse in {town}}}",
                           "{count, plural, one {دورة في {town}} other {# دورات في {town}}}");
    return write_xliff(file_of({body, count}), version);
}

const char* const kPc = R"(<pc id="1" canCopy="no" canDelete="no" dataRefStart="d1" dataRefEnd="d1e" type="link">الاستشارة</pc>)";
const char* const kPh = R"(<ph id="2" canCopy="no" canDelete="no" dataRef="d2" type="link"/>.</target>)";

std::optional<std::string> target_of(const Read& r, std::size_t i) {
    if (!r.file || r.file->units.size() <= i) return "(no unit)";
    return r.file->units[i].target;
}

TEST(XliffRead, PositionsPointAtUnitsAndTargetsInCharacters) {
    const Read r = read(returned(XliffVersion::v2_1));
    ASSERT_TRUE(r.file);
    EXPECT_EQ(r.file->pos, (SourcePos{"ar.xlf", 3, 3}));
    EXPECT_EQ(r.file->units[0].pos, (SourcePos{"ar.xlf", 4, 5}));
    EXPECT_EQ(r.file->units[0].target_pos, (SourcePos{"ar.xlf", 12, 9}));
    // A byte order mark is no column.
    const Read bom = read("\xEF\xBB\xBF" + edited(returned(XliffVersion::v2_1), kPh, "<ph id=\"7\"/>.</target>"));
    EXPECT_THAT(bom.diagnostics, ElementsAre(HasSubstr("ar.xlf:12:9: error:"), HasSubstr("ar.xlf:12:124: error:")));
    const Read first_line = read("\xEF\xBB\xBF<xliff version=\"2.1\" srcLang=\"de\"/>");
    EXPECT_THAT(first_line.diagnostics, ElementsAre(HasSubstr("ar.xlf:1:1: error: this XLIFF file has no <file>")));
}

struct Refusal {
    std::string name;
    XliffVersion version;
    std::string from, to;               // the edit a tool or translator made to returned(version)
    std::vector<std::string> expected;  // every diagnostic
    std::string from2 = {}, to2 = {};   // a second edit, if the case needs one
};
void PrintTo(const Refusal& r, std::ostream* os) { *os << r.name; }

class XliffRefusal : public testing::TestWithParam<Refusal> {};

TEST_P(XliffRefusal, SaysWhatIsWrongAndWhere) {
    const Refusal& c = GetParam();
    std::string text = edited(returned(c.version), c.from, c.to);
    if (!c.from2.empty()) text = edited(text, c.from2, c.to2);
    const Read r = read(text);
    EXPECT_THAT(r.diagnostics, testing::ElementsAreArray(c.expected));
}

const XliffVersion v21 = XliffVersion::v2_1, v12 = XliffVersion::v1_2;
const std::string kBody = "error: the translation of \"page/imprint/body\" ";
const std::string kCount = "error: the translation of \"catalog/courses.count\" ";

INSTANTIATE_TEST_SUITE_P(Xliff, XliffRefusal, testing::Values(
    Refusal{"NotWellFormed", v21, "      </segment>\n    </unit>\n    <unit", "    </unit>\n    <unit",
            {"ar.xlf:13:7: error: this is not well-formed XML: start-end tags mismatch"}},
    Refusal{"NotXliff", v21, "<xliff xmlns", "<html xmlns", {"ar.xlf:2:1: error: this is not an XLIFF file: its root element is <html>, not <xliff>"}, "</xliff>", "</html>"},
    Refusal{"UnknownVersion", v21, "version=\"2.1\"", "version=\"3.0\"",
            {"ar.xlf:2:1: error: XLIFF version \"3.0\" is not one Lotse reads (2.0, 2.1, 2.2, 1.2)"}},
    Refusal{"NoTargetLanguage", v21, " trgLang=\"ar\"", "",
            {"ar.xlf:2:1: error: this XLIFF file names no target language (trgLang), so it is not known which translation it holds"}},
    Refusal{"NoSourceLanguage12", v12, " source-language=\"de\"", "",
            {"ar.xlf:3:3: error: this XLIFF file names no source language (source-language)"}},
    Refusal{"TwoFiles", v21, "  </file>\n", "  </file>\n  <file id=\"f2\"><unit id=\"u\"><segment><source/></segment></unit></file>\n",
            {"ar.xlf:28:3: error: this XLIFF file has more than one <file>; Lotse writes one and reads one"}},
    Refusal{"UnitTwice", v21, "name=\"catalog/courses.count\"", "name=\"page/imprint/body\"",
            {"ar.xlf:15:5: error: unit \"page/imprint/body\" appears twice in this file; the first is on line 4"}},
    Refusal{"UnitWithoutId12", v12, "<trans-unit id=\"page/imprint/body\" resname=\"page/imprint/body\"", "<trans-unit",
            {"ar.xlf:5:7: error: this unit has no id"}},
    Refusal{"InventedCode", v21, kPh, "<ph id=\"7\" dataRef=\"d2\"/>.</target>",
            {"ar.xlf:12:9: " + kBody + "drops the code \"<https://x.example>\" (id 2) of its source",
             "ar.xlf:12:124: " + kBody + "has a code its source does not have (id \"7\"): an invented code cannot be written back; "
                                         "use the codes of the source"}},
    Refusal{"DroppedLink", v21, kPc, "الاستشارة",
            {"ar.xlf:12:9: " + kBody + "drops the code \"[…](ref:contact/mbe)\" (id 1) of its source"}},
    Refusal{"RepeatedLink", v21, kPh, std::string(kPc) + kPh,
            {"ar.xlf:12:124: " + kBody + "repeats the code \"[…](ref:contact/mbe)\" (id 1), which its source has once"}},
    Refusal{"ChangedLinkTarget", v21, kPh, "<ph id=\"2\"/> [هنا](https://evil.example).</target>",
            {"ar.xlf:12:9: " + kBody + "changes a link target: it links to \"https://evil.example\", which its source does not"}},
    Refusal{"LinkTwice", v21, "و <ph", "و [مرة أخرى](ref:contact/mbe) <ph",
            {"ar.xlf:12:9: " + kBody + "changes a link target: it links to \"ref:contact/mbe\" more often than its source"}},
    Refusal{"LinkEndsSwapped12", v12, "<bpt id=\"1\" ctype=\"link\">[</bpt>الاستشارة<ept id=\"1\">](ref:contact/mbe)</ept>",
            "<ept id=\"1\"/>الاستشارة<bpt id=\"1\"/>",
            {"ar.xlf:7:9: " + kBody + "changes a link target: it no longer links to \"ref:contact/mbe\""}},
    Refusal{"InventedCode12", v12, "و <ph id=\"2\"", "و <x id=\"5\"/><ph id=\"2\"",
            {"ar.xlf:7:120: " + kBody + "has a code its source does not have (id \"5\"): an invented code cannot be written back; "
                                        "use the codes of the source"}},
    Refusal{"NotInlineContent", v21, "إلى <pc", "<b>إلى</b> <pc",
            {"ar.xlf:12:17: error: unit \"page/imprint/body\" holds <b>, which is not inline content of XLIFF 2"}},
    Refusal{"SourceDataMissing", v21, "        <data id=\"d2\">&lt;https://x.example&gt;</data>\n", "",
            {"ar.xlf:10:125: error: unit \"page/imprint/body\" has a code in its source (id \"2\") whose original data \"d2\" is missing"}},
    Refusal{"IcuSyntax", v21, "دورات في <ph id=\"10\" copyOf=\"2\"/>}}", "دورات في <ph id=\"10\" copyOf=\"2\"/>}",
            {"ar.xlf:24:9: " + kCount + "is not a valid ICU message: U_PATTERN_SYNTAX_ERROR near character 16"}},
    Refusal{"IcuArgumentRenamed", v21, "<target>{count,", "<target>{anzahl,",
            {"ar.xlf:24:9: " + kCount + "drops the argument {count}",
             "ar.xlf:24:9: " + kCount + "uses the argument {anzahl}, which its source does not have"}},
    Refusal{"IcuArgumentTyped12", v12, "دورات في <ph id=\"2\" ctype=\"x-icu-argument\">{town}</ph>", "دورات في {stadt}",
            {"ar.xlf:11:9: " + kCount + "uses the argument {stadt}, which its source does not have"}}),
    [](const testing::TestParamInfo<Refusal>& info) { return info.param.name; });

TEST(XliffRead, AFileThatIsNotUtf8IsRefusedAtItsFirstBadByte) {
    const Read r = read(edited(returned(XliffVersion::v2_1), "Zur ", "F\xFCr "));
    EXPECT_FALSE(r.file);
    ASSERT_EQ(r.diagnostics.size(), 1u);
    EXPECT_THAT(r.diagnostics[0], HasSubstr("ar.xlf:11:18: error:"));
}

TEST(XliffRead, AUnitWithAnErrorComesBackWithoutTarget) {
    const Read r = read(edited(returned(XliffVersion::v2_1), kPc, "الاستشارة"));
    ASSERT_TRUE(r.file);
    EXPECT_EQ(target_of(r, 0), std::nullopt);
    EXPECT_EQ(target_of(r, 1), "{count, plural, one {دورة في {town}} other {# دورات في {town}}}");
}

// What translation tools do to a file that Lotse must still read.
TEST(XliffRead, AcceptsResegmentedUnitsAndSplitCodes) {
    // The text cut in two, the link split over both parts as a start and an end code, the final
    // full stop left untranslatable, a term marked, the targets in an order of their own.
    const std::string xml = edited(
        returned(XliffVersion::v2_1),
        "      <segment id=\"s1\" state=\"translated\">\n"
        "        <source>Zur <pc id=\"1\" canCopy=\"no\" canDelete=\"no\" dataRefStart=\"d1\" dataRefEnd=\"d1e\" type=\"link\">Beratung</pc> und "
        "<ph id=\"2\" canCopy=\"no\" canDelete=\"no\" dataRef=\"d2\" type=\"link\"/>.</source>\n"
        "        <target>إلى " + std::string(kPc) + " و " + kPh + "\n"
        "      </segment>\n",
        "      <segment id=\"s1\"><source>Zur <sc id=\"1\" dataRef=\"d1\"/>Beratung</source>"
        "<target order=\"2\"><mrk id=\"m1\" type=\"term\">و</mrk> <ph id=\"2\" dataRef=\"d2\"/></target></segment>\n"
        "      <segment id=\"s2\"><source><ec startRef=\"1\" dataRef=\"d1e\"/> und <ph id=\"2\" dataRef=\"d2\"/></source>"
        "<target order=\"1\">إلى <sc id=\"1\" dataRef=\"d1\"/>الاستشارة<!-- checked --><ec startRef=\"1\" dataRef=\"d1e\"/> </target></segment>\n"
        "      <ignorable><source>.</source></ignorable>\n");
    const Read r = read(xml);
    EXPECT_THAT(r.diagnostics, IsEmpty());
    ASSERT_TRUE(r.file);
    EXPECT_EQ(r.file->units[0].source, "Zur [Beratung](ref:contact/mbe) und <https://x.example>.");
    EXPECT_EQ(r.file->units[0].target, "إلى [الاستشارة](ref:contact/mbe) و <https://x.example>.");
}

TEST(XliffRead, AcceptsPrefixedElementsGroupsAndSegmentedTargets12) {
    std::string xml = edited(returned(XliffVersion::v1_2), "<body>", "<body><group id=\"g\">");
    xml = edited(xml, "</body>", "</group></body>");
    xml = edited(xml, "<target state=\"translated\">إلى", "<target state=\"translated\"><mrk mtype=\"seg\" mid=\"1\">إلى");
    xml = edited(xml, "</ph>.</target>", "</ph>.</mrk></target>");
    const Read r = read(xml);
    EXPECT_THAT(r.diagnostics, IsEmpty());
    EXPECT_EQ(target_of(r, 0), "إلى [الاستشارة](ref:contact/mbe) و <https://x.example>.");

    std::string prefixed = edited(returned(XliffVersion::v2_1), "<xliff xmlns=", "<xlf:xliff xmlns:xlf=");
    prefixed = edited(prefixed, "</xliff>", "</xlf:xliff>");
    EXPECT_THAT(read(prefixed).diagnostics, IsEmpty());
}

TEST(XliffRead, AnEmptyOrPartTranslationIsNoTranslation) {
    const std::string empty = edited(returned(XliffVersion::v1_2),
                                     "<target state=\"translated\">{count, plural, one {دورة في <ph id=\"2\" ctype=\"x-icu-argument\">{town}</ph>} "
                                     "other {<ph id=\"1\" ctype=\"x-icu-argument\">#</ph> دورات في <ph id=\"2\" ctype=\"x-icu-argument\">{town}</ph>}}</target>",
                                     "<target state=\"needs-translation\"></target>");
    const Read r = read(empty);
    EXPECT_THAT(r.diagnostics, IsEmpty());
    EXPECT_EQ(target_of(r, 1), std::nullopt);

    const std::string part = edited(returned(XliffVersion::v2_1), "      </segment>\n    </unit>\n    <unit",
                                    "      </segment>\n      <segment><source> Mehr.</source></segment>\n    </unit>\n    <unit");
    const Read p = read(part);
    EXPECT_THAT(p.diagnostics, ElementsAre("ar.xlf:4:5: warning: unit \"page/imprint/body\" is translated only in part; it is left out"));
    EXPECT_EQ(target_of(p, 0), std::nullopt);
}

// ---- Schema validity ----

// xmllint's verdict on `xml` against the schema `schema` (under tests/i18n/xliff-schema/),
// offline: the schemas import each other from local copies.
std::string schema_verdict(const std::string& xml, const std::string& schema) {
    if (std::string(LOTSE_XMLLINT).empty()) return "xmllint not found (Debian: libxml2-utils)";
    TempDir dir;
    write(dir.path() / "ar.xlf", xml);
    const std::filesystem::path xsd = std::filesystem::path(LOTSE_SOURCE_DATA_DIR) / "tests/i18n/xliff-schema" / schema;
    const std::string cmd = std::string(LOTSE_XMLLINT) + " --noout --nonet --schema '" + xsd.string() + "' '" +
                            (dir.path() / "ar.xlf").string() + "' 2>&1";
    FILE* pipe = popen(cmd.c_str(), "r");
    std::string out;
    char buf[4096];
    while (std::size_t n = fread(buf, 1, sizeof buf, pipe)) out.append(buf, n);
    pclose(pipe);
    return out;
}

// Every shape the writer has: notes, a previous translation, links, an image, autolinks, ICU
// placeholders and their copies, a text without translation, a control character.
XliffFile everything() {
    XliffUnit outdated = unit("offer/kita-sprechstunde/title", TextSyntax::plain, "Sprechstunde nur mit Termin", "جلسة");
    outdated.note = "Offer – title (its page, lists, A–Z)";
    outdated.previous_source = "Sprechstunde ohne Termin";
    outdated.previous_target = "جلسة بدون موعد";
    return file_of({outdated,
                    unit("page/imprint/body", TextSyntax::markdown,
                         "Zur [Beratung](ref:contact/mbe) mit ![Plan](plan.png) <https://x.example> <info@x.example>",
                         "<info@x.example> إلى [الاستشارة](ref:contact/mbe) ![خطة](plan.png) <https://x.example>"),
                    unit("catalog/courses.count", TextSyntax::icu, "{count, plural, one {# Kurs} other {# Kurse}} in {town}",
                         "{count, plural, zero {لا دورات} one {دورة} few {# دورات} other {# دورة}} في {town}"),
                    unit("catalog/nav.courses", TextSyntax::icu, "Kurse"), unit("page/odd", TextSyntax::plain, "a\x01z")});
}

TEST(XliffSchema, Version21IsValidAgainstTheOasisSchemas) {
    // matches.xsd imports the core schema, so that the Translation Candidates are checked too.
    EXPECT_THAT(schema_verdict(write_xliff(everything(), XliffVersion::v2_1), "2.1/matches.xsd"), HasSubstr("ar.xlf validates"));
}

TEST(XliffSchema, Version12IsValidAgainstTheOasisSchema) {
    XliffFile file = everything();
    file.units.pop_back();  // XML 1.0 cannot carry a control character, and XLIFF 1.2 has no <cp>
    EXPECT_THAT(schema_verdict(write_xliff(file, XliffVersion::v1_2), "1.2/xliff-core-1.2-transitional.xsd"),
                HasSubstr("ar.xlf validates"));
}

TEST(XliffSchema, TheSchemaCatchesWhatItShould) {
    // The check above would pass with a schema that checks nothing.
    const std::string xml = write_xliff(everything(), XliffVersion::v2_1);
    EXPECT_THAT(schema_verdict(edited(xml, "id=\"page:imprint:body\"", "id=\"page/imprint/body\""), "2.1/matches.xsd"),
                HasSubstr("fails to validate"));
    EXPECT_THAT(schema_verdict(edited(xml, "ref=\"#s1\" ", ""), "2.1/matches.xsd"), HasSubstr("fails to validate"));
}

}  // namespace
}  // namespace lotse::test
