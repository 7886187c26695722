// XLIFF for translators (i18n/xliff): what `lotse i18n export` writes and what `lotse i18n import`
// reads back. Round trips of tricky texts in both versions, links and ICU placeholders as codes
// a translator cannot alter, the files real tools send back, every refusal with its message and
// position, and the written files checked against the OASIS schemas.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>

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

}  // namespace
}  // namespace lotse::test
