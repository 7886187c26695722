// The preview's pieces without a server: which file a request path names, and the marks a served
// page carries.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "serve/preview_files.h"
#include "serve/preview_marks.h"
#include "test_site.h"

namespace lotse::test {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;
using Kind = PreviewFile::Kind;

class PreviewFilesTest : public ::testing::Test {
protected:
    void SetUp() override {
        write(root() / "index.html", "<p>start</p>");
        write(root() / "de/index.html", "<p>de</p>");
        write(root() / "de/style.css", "p{}");
        write(dir.path() / "secret.txt", "secret");
        fs::create_directories(root() / "empty");
    }
    fs::path root() const { return dir.path() / "site"; }
    TempDir dir;
};

TEST_F(PreviewFilesTest, AFolderIsItsIndexAndAFolderWithoutSlashIsRedirected) {
    EXPECT_EQ(find_preview_file(root(), "/").file, fs::canonical(root() / "index.html"));
    EXPECT_EQ(find_preview_file(root(), "/de/").file, fs::canonical(root() / "de/index.html"));
    const PreviewFile bare = find_preview_file(root(), "/de");
    EXPECT_EQ(bare.kind, Kind::redirect);
    EXPECT_EQ(bare.location, "/de/");
    EXPECT_EQ(find_preview_file(root(), "/de/style.css").kind, Kind::file);
    EXPECT_EQ(find_preview_file(root(), "/empty/").kind, Kind::not_found);
    EXPECT_EQ(find_preview_file(root(), "/de/none.html").kind, Kind::not_found);
}

TEST_F(PreviewFilesTest, RefusesDotSegmentsAndLinksOutside) {
    for (const char* path : {"/../secret.txt", "/de/../../secret.txt", "/./index.html", "/de/..", "relative", "",
                             "/de\\..\\secret.txt"})
        EXPECT_EQ(find_preview_file(root(), path).kind, Kind::refused) << path;
    fs::create_symlink(dir.path() / "secret.txt", root() / "secret.txt");
    fs::create_directory_symlink(dir.path(), root() / "up");
    EXPECT_EQ(find_preview_file(root(), "/secret.txt").kind, Kind::refused);
    EXPECT_EQ(find_preview_file(root(), "/up/secret.txt").kind, Kind::refused);
    EXPECT_EQ(find_preview_file(root(), "/up/").kind, Kind::refused);
    EXPECT_EQ(find_preview_file(root(), "/up").kind, Kind::refused);
    // An absolute path is a path inside the preview like any other.
    EXPECT_EQ(find_preview_file(root(), (dir.path() / "secret.txt").string()).kind, Kind::not_found);
}

TEST_F(PreviewFilesTest, ContentTypes) {
    EXPECT_EQ(content_type("a.html"), "text/html; charset=utf-8");
    EXPECT_EQ(content_type("a.css"), "text/css; charset=utf-8");
    EXPECT_EQ(content_type("a.js"), "text/javascript; charset=utf-8");
    EXPECT_EQ(content_type("a.svg"), "image/svg+xml");
    EXPECT_EQ(content_type("a.xml"), "application/xml");
    EXPECT_EQ(content_type("a.ics"), "text/calendar; charset=utf-8");
    EXPECT_EQ(content_type("a.csv"), "text/csv; charset=utf-8");
    EXPECT_EQ(content_type("a.json"), "application/json");
    EXPECT_EQ(content_type("a"), "application/octet-stream");
}

TEST(PreviewMarksTest, TheOverlayQuotesTheLineAndPointsAtTheColumn) {
    TempDir dir;
    write(dir.path() / "content/offers/x.yaml", "title: {de: \"a\"}\nprovider: <vhs>\n");
    Diagnostics diags;
    diags.error({(dir.path() / "content/offers/x.yaml").string(), 2, 11}, "no provider \"<vhs>\"");
    diags.warning({(dir.path() / "content/offers/x.yaml").string(), 1, 1}, "old");
    const std::string html = problems_html(diags, dir.path());
    EXPECT_THAT(html, HasSubstr("<h2>1 error in the content: the preview shows the last good site until it is fixed</h2>"
                                "<ol><li><code>content/offers/x.yaml:2:11</code>: error: no provider &quot;&lt;vhs&gt;&quot;"
                                "<pre>2 | provider: &lt;vhs&gt;\n              ^</pre></li></ol>"
                                "<details><summary>1 warning</summary><ol><li><code>content/offers/x.yaml:1:1</code>: "
                                "warning: old<pre>"));
    EXPECT_EQ(problems_html(Diagnostics(), dir.path()), "");
}

TEST(PreviewMarksTest, MarksGoBeforeTheEndOfTheBody) {
    const std::string page = mark_page("<html><body><p>x</p></body></html>", "/de/", {"v-1", "<div>problems</div>"});
    EXPECT_EQ(page, "<html><body><p>x</p><div>problems</div><script src=\"/_lotse/client.js\" data-version=\"v-1\">"
                    "</script></body></html>");
}

TEST(PreviewMarksTest, TheToolbarLinksThePageSideBySideWithEachOtherLanguage) {
    const std::string head =
        "<html><head><link rel=\"alternate\" hreflang=\"de\" href=\"../de/x.html\"><link rel=\"alternate\" "
        "hreflang=\"ar\" href=\"../ar/x.html\"><link rel=\"alternate\" hreflang=\"x-default\" href=\"../\">"
        "</head><body></body></html>";
    const std::string page = mark_page(head, "/de/x.html", {"v-1", ""});
    EXPECT_THAT(page, HasSubstr("Lotse preview · side by side with <a href=\"/_lotse/compare?path=/de/x.html&amp;with=ar\">"
                                "ar</a></div>"));
    EXPECT_THAT(mark_page(head, "/", {"v-1", ""}), Not(HasSubstr("lotse-toolbar")));
}

TEST(PreviewMarksTest, TheSideBySideViewTakesOnlyAPageOfALanguageAndALanguageCode) {
    const std::string view = compare_page("/de/offers/x.html", "ar", {"v-1", ""});
    EXPECT_THAT(view, HasSubstr("<iframe title=\"de\" src=\"/de/offers/x.html\""));
    EXPECT_THAT(view, HasSubstr("<iframe title=\"ar\" src=\"/ar/offers/x.html\""));
    EXPECT_THAT(compare_page("/de", "ar", {"v-1", ""}), HasSubstr("<iframe title=\"ar\" src=\"/ar/\""));
    EXPECT_EQ(compare_page("/", "ar", {"v-1", ""}), "");
    EXPECT_EQ(compare_page("/de/", "a\"r", {"v-1", ""}), "");
    EXPECT_EQ(compare_page("/<x>/", "ar", {"v-1", ""}), "");
    EXPECT_EQ(compare_page("de/", "ar", {"v-1", ""}), "");
}

}  // namespace
}  // namespace lotse::test
