// YAML mistakes a coordinator makes, through `lotse check`: each is reported at the line and
// column where the mistake is (not where YAML noticed it), in words that say what to do. Some of
// them YAML reads without complaint as something else; they are reported all the same.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "diagnostic_table.h"

namespace lotse::test {
namespace {

const std::string kOffer = "content/offers/a.yaml";
const std::string kCourse = "content/courses/ik.yaml";

const DiagnosticCase kCases[] = {
    // YAML reads the lines below an unclosed quote as part of the text.
    {"UnclosedQuoteSwallowsTheLinesBelow", kOffer, edited(offer(), {{"provider: vhs", "provider: \"vhs"}}),
     {"content/offers/a.yaml:3:11: error: the quote \" that starts here is not closed; end the text with \" on this "
      "line: provider: \"vhs\""}},
    {"UnclosedSingleQuoteOnTheLastLine", kOffer, offer("fee_note: 'Karte\n"),
     {"content/offers/a.yaml:7:11: error: the quote ' that starts here is not closed; end the text with ' on this "
      "line: fee_note: 'Karte'"}},
    {"UnclosedQuoteInsideBraces", kOffer, edited(offer(), {{"{de: \"Einstieg\", en: \"Basics\"}", "{de: \"Einstieg, en: Basics}"}}),
     {"content/offers/a.yaml:2:15: error: the quote \" that starts here is not closed; end the text with \" on this "
      "line: de: \"…\""}},
    {"TextAfterTheClosingQuote", kOffer, edited(offer(), {{"provider: vhs", "provider: \"vhs\" nord"}}),
     {"content/offers/a.yaml:3:11: error: there is text after the closing quote; put all of the text inside the "
      "quotes: provider: \"vhs nord\""}},
    {"ApostropheInSingleQuotes", kOffer, offer("fee_note: 'Kita's Karte'\n"),
     {"content/offers/a.yaml:7:11: error: the apostrophe in this text ends the single quotes early; put the text in "
      "double quotes: fee_note: \"Kita's Karte\""}},
    {"TabIndentsALine", kOffer, offer("location:\n\tstreet: \"Ring 1\"\n"),
     {"content/offers/a.yaml:8:1: error: a tab character indents this line; use spaces"}},
    {"TabAfterSpacesIndentsALine", kOffer, offer("location:\n  street: \"Ring 1\"\n  \tcity: Teststadt\n"),
     {"content/offers/a.yaml:9:3: error: a tab character indents this line; use spaces"}},
    {"NoSpaceAfterTheColon", kOffer, edited(offer(), {{"provider: vhs", "provider:vhs"}}),
     {"content/offers/a.yaml:3:9: error: put a space after the colon: provider: vhs"}},
    // On the last line YAML takes "checked:2026-11-02" for a key without a value.
    {"NoSpaceAfterTheColonOnTheLastLine", kOffer, edited(offer(), {{"checked: 2026-11-02", "checked:2026-11-02"}}),
     {"content/offers/a.yaml:6:8: error: put a space after the colon: checked: 2026-11-02"}},
    {"ColonInsideAnUnquotedValue", kOffer, offer("fee_note: Ermäßigung: mit Karte\n"),
     {"content/offers/a.yaml:7:11: error: the text contains \": \", which YAML reads as a new key; put the text in "
      "quotes: fee_note: \"Ermäßigung: mit Karte\""}},
    {"ColonInsideAListItem", kOffer, offer("fee_note:\n  de: Achtung: neu\n"),
     {"content/offers/a.yaml:8:7: error: the text contains \": \", which YAML reads as a new key; put the text in "
      "quotes: de: \"Achtung: neu\""}},
    {"IndentedMoreThanTheLineAbove", kOffer, offer("location:\n  street: \"Ring 1\"\n   city: Teststadt\n"),
     {"content/offers/a.yaml:9:4: error: this line is indented more than line 8, which already has a value; indent it "
      "like line 8 (2 spaces)"}},
    {"IndentedUnderAKeyWithAValue", kOffer, edited(offer(), {{"provider: vhs\n", "provider: vhs\n  contact: mbe\n"}}),
     {"content/offers/a.yaml:4:3: error: this line is indented more than line 3, which already has a value; indent it "
      "like line 3 (0 spaces)"}},
    {"IndentedLessThanItsSiblings", kOffer, offer("location:\n  street: \"Ring 1\"\n city: Teststadt\n"),
     {"content/offers/a.yaml:9:2: error: this line is indented 1 space, like no line above it; indent it 2 spaces "
      "like line 8, or 0 like line 7"}},
    {"ListItemAmongKeys", kOffer, edited(offer(), {{"topics: [work]\n", "topics: [work]\n- school\n"}}),
     {"content/offers/a.yaml:6:1: error: a list item (\"- \") cannot stand among \"key: value\" lines; put the list "
      "under its key, indented: \"topics:\" on one line and \"  - school\" on the next"}},
    {"KeyAmongListItems", kCourse, edited(course(), {{"\"12:45\"}\n", "\"12:45\"}\n  note: Pause\n"}}),
     {"content/courses/ik.yaml:8:3: error: this \"key: value\" line stands among list items (\"- \"); start it with "
      "\"- \" to make it an item, or indent it under the item it belongs to"}},
    {"UnclosedBracket", kOffer, edited(offer(), {{"topics: [work]", "topics: [work"}}),
     {"content/offers/a.yaml:5:9: error: the \"[\" here is not closed; add the \"]\" that ends the list"}},
    {"UnclosedBrace", kOffer, edited(offer(), {{"provider: vhs", "location: {city: Teststadt\nprovider: vhs"}}),
     {"content/offers/a.yaml:3:11: error: the \"{\" here is not closed; add the \"}\" that ends it"}},
    {"IndentedBetweenTheDashAndTheItemsText", kCourse,
     edited(course(), {{"  - {days: [mon, tue], from: \"08:30\", to: \"12:45\"}\n", "  - days: [mon, tue]\n   from: \"08:30\"\n"}}),
     {"content/courses/ik.yaml:8:4: error: this line is indented 3 spaces, like no line above it; indent it 4 spaces, "
      "like the text after \"- \" on line 7"}},
    {"OneClosingBraceTooMany", kOffer, offer("location: {city: Teststadt}}\n"),
     {"content/offers/a.yaml:7:28: error: this \"}\" closes nothing; remove it"}},
    {"TabIndentsALineOfABlockText", kOffer, offer("description: |\n  Text\n\tmehr Text\n"),
     {"content/offers/a.yaml:9:1: error: a tab character indents this line; use spaces"}},
    {"NoSpaceAfterTheColonInAFileOfOneLine", "content/providers/vhs.yaml", "name:VHS\n",
     {"content/providers/vhs.yaml:1:5: error: put a space after the colon: name: VHS"}},
    {"MergeConflictMarkers", kOffer,
     edited(offer(), {{"provider: vhs\n", "<<<<<<< HEAD\nprovider: vhs\n=======\nprovider: vhs-nord\n>>>>>>> andere\n"}}),
     {"content/offers/a.yaml:3:1: error: this line is left over from merging two versions of the file; keep the lines "
      "you want and delete the lines <<<<<<<, ======= and >>>>>>>"}},
    // Valid YAML that looks like these mistakes is read as it is.
    {"QuotedTextOverSeveralIndentedLinesIsFine", kOffer, offer("fee_note: \"Ermäßigung\n  mit Karte\"\n"), {}},
    {"ColonsInQuotesAndAddressesAreFine", kOffer,
     offer("fee_note: \"Achtung: neu\"\nurl: https://vhs.example/kurs\ndescription: |\n  Achtung: neu\n  \"Zitat\n"), {}},
};

class YamlSyntax : public testing::TestWithParam<DiagnosticCase> {};

TEST_P(YamlSyntax, Reports) { expect_diagnostics(GetParam()); }

INSTANTIATE_TEST_SUITE_P(Check, YamlSyntax, testing::ValuesIn(kCases), case_name);

}  // namespace
}  // namespace lotse::test
