// courses.xlsx as a spreadsheet program opens it, and `lotse import courses` run as a coordinator
// runs it.
#include <minizip/unzip.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <pugixml.hpp>

#include <chrono>
#include <thread>

#include "test_site.h"

namespace lotse::test {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

// The part `name` of the ZIP archive `file`, read with minizip.
std::string part(const fs::path& file, const char* name) {
    unzFile zip = unzOpen(file.c_str());
    EXPECT_NE(zip, nullptr);
    if (!zip) return {};
    std::string out;
    if (unzLocateFile(zip, name, 0) == UNZ_OK && unzOpenCurrentFile(zip) == UNZ_OK) {
        char buffer[4096];
        int n = 0;
        while ((n = unzReadCurrentFile(zip, buffer, sizeof buffer)) > 0) out.append(buffer, static_cast<std::size_t>(n));
        unzCloseCurrentFile(zip);
    }
    unzClose(zip);
    return out;
}

class CourseSheet : public ::testing::Test {
protected:
    void SetUp() override {
        site.file("content/courses/abend.yaml",
                  "type: integration\nprovider: vhs\nlevel: {from: A1, to: B1}\nstart: 2027-02-01\nend: 2027-08-20\n"
                  "title: {de: \"Integrationskurs am Abend\", en: \"Evening course\"}\nlessons: 700\n"
                  "registration: {phone: \"+49 000 12\", deadline: 2027-01-25}\nchecked: 2026-11-10\n");
        ASSERT_EQ(site.build(), 0) << site.err();
    }
    TestSite site;
};

TEST_F(CourseSheet, WorkbookHasAFrozenFilteredHeaderAndDateCells) {
    const fs::path xlsx = site.out() / "courses.xlsx";
    pugi::xml_document sheet, styles, strings;
    const std::string sheet_xml = part(xlsx, "xl/worksheets/sheet1.xml");
    ASSERT_TRUE(sheet.load_string(sheet_xml.c_str()));
    ASSERT_TRUE(styles.load_string(part(xlsx, "xl/styles.xml").c_str()));
    ASSERT_TRUE(strings.load_string(part(xlsx, "xl/sharedStrings.xml").c_str()));
    EXPECT_THAT(sheet_xml, HasSubstr("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"));
    EXPECT_THAT(sheet_xml, HasSubstr("<autoFilter ref=\"A1:U2\"/>"));
    std::vector<std::string> shared;
    for (pugi::xml_node si : strings.child("sst").children("si")) shared.push_back(si.child("t").text().get());
    const pugi::xml_node data = sheet.child("worksheet").child("sheetData");
    const pugi::xml_node header = data.find_child_by_attribute("row", "r", "1");
    const pugi::xml_node id = header.find_child_by_attribute("c", "r", "A1");
    EXPECT_EQ(shared.at(id.child("v").text().as_uint()), "id");
    EXPECT_EQ(shared.at(header.find_child_by_attribute("c", "r", "F1").child("v").text().as_uint()), "start");
    // 2027-02-01 is day 46419 of Excel's calendar, shown with the reader's short date (format 14).
    const pugi::xml_node start = data.find_child_by_attribute("row", "r", "2").find_child_by_attribute("c", "r", "F2");
    EXPECT_STREQ(start.child("v").text().get(), "46419");
    EXPECT_STREQ(start.attribute("t").value(), "");
    std::vector<pugi::xml_node> xfs;
    for (pugi::xml_node x : styles.child("styleSheet").child("cellXfs").children("xf")) xfs.push_back(x);
    EXPECT_STREQ(xfs.at(start.attribute("s").as_uint()).attribute("numFmtId").value(), "14");
    EXPECT_STREQ(data.find_child_by_attribute("row", "r", "2").find_child_by_attribute("c", "r", "I2").child("v").text().get(), "700");
}

TEST_F(CourseSheet, WorkbookBytesDependOnlyOnTheInputAndTheDate) {
    const std::string first = read(site.out() / "courses.xlsx");
    // ZIP times count in two seconds.
    std::this_thread::sleep_for(std::chrono::milliseconds(2100));
    TempDir other;
    ASSERT_EQ(site.build(day("2026-11-22"), other.path() / "public"), 0) << site.err();
    EXPECT_EQ(read(other.path() / "public" / "courses.xlsx"), first);
    EXPECT_THAT(part(site.out() / "courses.xlsx", "docProps/core.xml"),
                HasSubstr("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2026-11-22T00:00:00Z</dcterms:created>"));
}

TEST_F(CourseSheet, ImportCommandDryRunThenImport) {
    write(site.path() / "kurse.csv", "Kennung;Beginn\r\nabend;08.02.2027\r\n");
    const std::string args = "import courses " + (site.path() / "kurse.csv").string() + " " + site.path().string();
    std::string output;
    ASSERT_EQ(run(args + " --dry-run", &output), 0) << output;
    EXPECT_EQ(output, "update abend: start 2027-02-01 → 2027-02-08\ndry run: 0 new, 1 updated; nothing was written\n");
    EXPECT_THAT(read(site.path() / "content/courses/abend.yaml"), HasSubstr("start: 2027-02-01\n"));
    ASSERT_EQ(run(args, &output), 0) << output;
    EXPECT_EQ(output, "update abend: start 2027-02-01 → 2027-02-08\nimported courses: 0 new, 1 updated; files written: 1\n");
    EXPECT_THAT(read(site.path() / "content/courses/abend.yaml"), HasSubstr("start: 2027-02-08\n"));
    ASSERT_EQ(run(args, &output), 0) << output;
    EXPECT_EQ(output, "imported courses: 0 new, 0 updated; files written: 0\n");
}

TEST_F(CourseSheet, ImportCommandReportsAWrongCellAtItsRowAndColumn) {
    write(site.path() / "kurse.csv", "Kennung;Beginn\r\nabend;31.02.2027\r\n");
    std::string output;
    ASSERT_EQ(run("import courses " + (site.path() / "kurse.csv").string() + " " + site.path().string(), &output), 1);
    EXPECT_THAT(output, HasSubstr("kurse.csv:2:2: error: column \"Beginn\": \"31.02.2027\" is not a date; write a day "
                                  "that exists, as 2027-01-11 or 11.01.2027\n"));
    EXPECT_THAT(output, HasSubstr("nothing was written\n"));
}

}  // namespace
}  // namespace lotse::test
