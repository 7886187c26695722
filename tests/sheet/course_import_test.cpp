// `lotse import courses`: a coordinator's spreadsheet of the course list read back into the
// records, as the files and the messages show it.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>

#include "sheet/import_courses.h"
#include "test_site.h"

namespace lotse::test {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

const std::string kAbend =
    "type: integration\n"
    "provider: vhs\n"
    "level: {from: A1, to: B1}\n"
    "start: 2027-02-01   # erster Abend\n"
    "end: 2027-08-20\n"
    "title: {de: \"Integrationskurs am Abend\", en: \"Evening integration course\", ar: \"دورة مسائية\"}\n"
    "lessons: 700\n"
    "seats: open\n"
    "registration: {phone: \"+49 000 12\", email: kurse@vhs.example}\n"
    "checked: 2026-11-10\n";

class CourseImport : public ::testing::Test {
protected:
    void SetUp() override {
        site.file("content/courses/abend.yaml", kAbend);
        ASSERT_EQ(site.check(), 0) << site.err();
    }
    // Runs the import of `sheet` (written to sheet.csv in the site folder) as the command does.
    int import(const std::string& sheet, bool dry_run = false, const std::string& name = "sheet.csv") {
        site.file(name, sheet);
        RunOptions o;
        o.site_dir = site.path();
        o.today = day("2026-11-22");
        std::ostringstream out, err;
        const int rc = run_import_courses(o, site.path() / name, dry_run, out, err);
        out_ = out.str();
        err_ = err.str();
        return rc;
    }
    // The error lines, the site folder cut off.
    std::vector<std::string> errors() const {
        std::vector<std::string> lines;
        std::istringstream in(err_);
        const std::string prefix = (site.path() / "").lexically_normal().generic_string();
        for (std::string line; std::getline(in, line);) {
            if (line.rfind(prefix, 0) == 0) line = line.substr(prefix.size());
            if (line.find(": error: ") != std::string::npos) lines.push_back(line);
        }
        return lines;
    }
    std::string abend() const { return read(site.path() / "content/courses/abend.yaml"); }

    TestSite site;
    std::string out_, err_;
};

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const std::size_t at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    return at == std::string::npos ? text : text.replace(at, from.size(), to);
}

TEST_F(CourseImport, Utf8WithBomCommasEnglishHeadersChangesOnlyTheDate) {
    ASSERT_EQ(import("\xEF\xBB\xBFid,start,end\r\nabend,2027-02-08,2027-08-20\r\n"), 0) << err_;
    EXPECT_EQ(out_, "update abend: start 2027-02-01 → 2027-02-08\nimported courses: 0 new, 1 updated; files written: 1\n");
    EXPECT_EQ(abend(), replaced(kAbend, "start: 2027-02-01", "start: 2027-02-08"));
}

TEST_F(CourseImport, Utf8WithoutBomSemicolonsGermanHeadersAndGermanDates) {
    ASSERT_EQ(import("Kennung;Beginn;Unterrichtseinheiten;Träger\nabend;15.02.2027;800;Volkshochschule Teststadt\n"), 0) << err_;
    EXPECT_EQ(out_, "update abend: start 2027-02-01 → 2027-02-15, lessons 700 → 800\n"
                    "imported courses: 0 new, 1 updated; files written: 1\n");
    EXPECT_EQ(abend(), replaced(replaced(kAbend, "start: 2027-02-01", "start: 2027-02-15"), "lessons: 700", "lessons: 800"));
}

// Excel on a German Windows saves "CSV (Trennzeichen-getrennt)" in Windows-1252 with semicolons.
TEST_F(CourseImport, Windows1252AsExcelWritesItOnGermanWindows) {
    const std::string title = "Abendkurs Gro\xDF" "e Stra\xDF" "e f\xFCr 5 \x80";  // ß, ü, €
    ASSERT_EQ(import("Kennung;Titel;Ende\r\nabend;" + title + ";20.08.2027\r\n"), 0) << err_;
    EXPECT_EQ(out_, "update abend: title Integrationskurs am Abend → Abendkurs Große Straße für 5 €\n"
                    "imported courses: 0 new, 1 updated; files written: 1\n");
    // Only the German title changes; the translations stay (and are now outdated).
    EXPECT_EQ(abend(), replaced(kAbend, "{de: \"Integrationskurs am Abend\"", "{de: \"Abendkurs Große Straße für 5 €\""));
}

TEST_F(CourseImport, AddsAFieldTheRecordLacksAndCreatesANewCourse) {
    ASSERT_EQ(import("id,title,type,provider,level_from,level_to,start,end,registration_deadline,childcare\n"
                     "abend,Integrationskurs am Abend,Integrationskurs,vhs,A1,B1,2027-02-01,2027-08-20,25.01.2027,no\n"
                     "neu,Neuer Kurs,Berufssprachkurs,Volkshochschule Teststadt,B1,B2,11.01.2027,2027-07-16,,yes\n"),
              0) << err_;
    EXPECT_EQ(out_, "update abend: registration_deadline (none) → 2027-01-25\nnew neu\n"
                    "imported courses: 1 new, 1 updated; files written: 2\n");
    EXPECT_EQ(abend(), replaced(kAbend, "email: kurse@vhs.example}", "email: kurse@vhs.example, deadline: 2027-01-25}"));
    EXPECT_EQ(read(site.path() / "content/courses/neu.yaml"),
              "type: job-language\ntitle:\n  de: \"Neuer Kurs\"\nprovider: vhs\nlevel: {from: B1, to: B2}\n"
              "start: 2027-01-11\nend: 2027-07-16\nchildcare: true\nchecked: 2026-11-22\n");
    EXPECT_EQ(site.check(), 0) << site.err();
}

// Fields the record has no key for are added at the end of the record, a map missing on the way
// written on one line; the comment and the rest stay.
TEST_F(CourseImport, AddsTopLevelKeysAndMissingMapsAtTheEnd) {
    const std::string frei = "# ohne Titel\ntype: literacy\nprovider: vhs\nlevel: {from: A1, to: A2}\n"
                             "start: 2027-03-01\nend: 2027-09-30\nchecked: 2026-11-10  # geprüft\n";
    site.file("content/courses/frei.yaml", frei);
    ASSERT_EQ(import("id,lessons,registration_url,registration_phone\nfrei,120,https://vhs.example/a,+49 000 7\n"), 0) << err_;
    EXPECT_EQ(read(site.path() / "content/courses/frei.yaml"),
              frei + "lessons: 120\nregistration: {phone: +49 000 7, url: https://vhs.example/a}\n");
    EXPECT_EQ(out_, "update frei: lessons (none) → 120, registration_phone (none) → +49 000 7, registration_url (none) → "
                    "https://vhs.example/a\nimported courses: 0 new, 1 updated; files written: 1\n");
}

TEST_F(CourseImport, DryRunSaysWhatWouldChangeAndWritesNothing) {
    ASSERT_EQ(import("id;start;seats\nabend;2027-01-18;few\nneu2;;\n", true), 1);
    EXPECT_THAT(errors(), ElementsAre("sheet.csv:3:1: error: column \"id\": a new course needs \"type\", which the sheet has no column for",
                                      "sheet.csv:3:1: error: column \"id\": a new course needs \"provider\", which the sheet has no column for",
                                      "sheet.csv:3:1: error: column \"id\": a new course needs \"level_from\", which the sheet has no column for",
                                      "sheet.csv:3:1: error: column \"id\": a new course needs \"level_to\", which the sheet has no column for",
                                      "sheet.csv:3:1: error: column \"id\": a new course needs \"end\", which the sheet has no column for",
                                      "sheet.csv:3:2: error: column \"start\": is empty; a new course needs it"));
    EXPECT_EQ(abend(), kAbend);
    ASSERT_EQ(import("id;start;seats\nabend;2027-01-18;few\n", true), 0) << err_;
    EXPECT_EQ(out_, "update abend: start 2027-02-01 → 2027-01-18, seats open → few\ndry run: 0 new, 1 updated; nothing was written\n");
    EXPECT_EQ(abend(), kAbend);
}

TEST_F(CourseImport, EveryWrongCellIsReportedAtItsRowAndColumnAndNothingIsWritten) {
    ASSERT_EQ(import("Kennung,Beginn,Kursart,Kinderbetreuung,Zeiten,Unterrichtseinheiten,Plätze,Träger\n"
                     "abend,31.02.2027,Sprachkurs,vielleicht,Mo 18:00,viele,alle,Niemand\n"
                     "Abend!,2027-01-01,,,,,,\n"
                     "abend,2027-01-01,,,,,,\n"),
              1);
    EXPECT_THAT(errors(), ElementsAre(
        "sheet.csv:2:2: error: column \"Beginn\": \"31.02.2027\" is not a date; write a day that exists, as 2027-01-11 or 11.01.2027",
        HasSubstr("sheet.csv:2:3: error: column \"Kursart\": \"Sprachkurs\" is none of: Integrationskurs (integration), "),
        "sheet.csv:2:4: error: column \"Kinderbetreuung\": \"vielleicht\" is neither yes nor no; write yes or no (ja or nein)",
        HasSubstr("sheet.csv:2:5: error: column \"Zeiten\": Lotse makes this column from the course's record and does not read it back; it says \"\" there; change it in "),
        "sheet.csv:2:6: error: column \"Unterrichtseinheiten\": \"viele\" is not a number of lessons; write a whole number such as 700",
        "sheet.csv:2:7: error: column \"Plätze\": \"alle\" is none of: open, few, waitlist, full",
        "sheet.csv:2:8: error: column \"Träger\": \"Niemand\" is no provider of this site; write a provider's name as its page shows it, or its id (the file name in content/providers/)",
        "sheet.csv:3:1: error: column \"Kennung\": \"Abend!\" is not an id: lowercase letters, digits and single hyphens",
        "sheet.csv:4:1: error: column \"Kennung\": \"abend\" is in an earlier row too; each course has one row"));
    EXPECT_THAT(err_, HasSubstr("nothing was written\n"));
    EXPECT_EQ(abend(), kAbend);
}

TEST_F(CourseImport, UnknownAndMissingColumnsAreRefused) {
    ASSERT_EQ(import("Beginn,Farbe,start\n2027-01-01,rot,2027-01-01\n"), 1);
    EXPECT_THAT(errors(), ElementsAre(
        "sheet.csv:1:1: error: the sheet has no column \"id\" (or \"Kennung\"), which says which course each row is",
        "sheet.csv:1:2: error: column \"Farbe\" is not one Lotse reads; the columns are those of courses.csv (id, title, "
        "type, level_from, start, …) or their German names (Kennung, Titel, Kursart, Niveau von, Beginn, …)",
        "sheet.csv:1:3: error: column \"start\" is the same column as \"Beginn\"; keep one of them"));
}

TEST_F(CourseImport, EmptyingAFieldIsRefused) {
    ASSERT_EQ(import("id,registration_phone\nabend,\n"), 1);
    EXPECT_THAT(errors(), ElementsAre(HasSubstr("sheet.csv:2:2: error: column \"registration_phone\": is empty; Lotse does "
                                                "not remove \"registration.phone\" from ")));
}

TEST_F(CourseImport, AResultThatWouldNotCheckIsRefused) {
    ASSERT_EQ(import("id,start\nabend,2027-09-01\n"), 1);
    EXPECT_THAT(errors(), ElementsAre(HasSubstr("content/courses/abend.yaml:5:6: error: ")));
    EXPECT_THAT(err_, HasSubstr("nothing was written\n"));
    EXPECT_EQ(abend(), kAbend);
}

TEST_F(CourseImport, ExportedListsImportWithoutChangingAByte) {
    site.file("content/courses/frei.yaml",
              "# Kurs ohne eigenen Titel\ntype: literacy\nprovider: vhs\nlevel: {from: A1, to: A2}\nstart: 2027-03-01\n"
              "end: 2027-09-30\nchildcare: true\nregistration: {phone: \"+49 000 5\", url: https://vhs.example/a}\n"
              "checked: 2026-11-10\n");
    ASSERT_EQ(site.build(), 0) << site.err();
    for (const char* name : {"courses.csv", "courses.xlsx"}) {
        ASSERT_EQ(import(read(site.out() / name), false, name), 0) << name << err_;
        EXPECT_EQ(out_, "imported courses: 0 new, 0 updated; files written: 0\n") << name;
        EXPECT_EQ(abend(), kAbend);
    }
}

}  // namespace
}  // namespace lotse::test
