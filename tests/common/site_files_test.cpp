// What a site folder may hold besides plain files and folders: links (followed only inside the
// site folder), link loops, dangling links, named pipes and devices. Every command reports them at
// their path and goes on; none of them stops it or keeps it waiting.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>

#include "test_site.h"

namespace lotse::test {
namespace {

namespace fs = std::filesystem;
using ::testing::Contains;
using ::testing::HasSubstr;

// The lines of `text` with the site folder cut off, as TestSite::diagnostics() shows them.
std::vector<std::string> lines_of(const std::string& text, const TestSite& site) {
    std::vector<std::string> out;
    std::istringstream in(text);
    const std::string prefix = (site.path() / "").lexically_normal().generic_string();
    for (std::string line; std::getline(in, line);) {
        if (line.rfind(prefix, 0) == 0) line = line.substr(prefix.size());
        out.push_back(line);
    }
    return out;
}

const char* kOffer =
    "title: {de: \"Lesecafé\"}\nsummary: {de: \"Lesen\"}\nprovider: vhs\nlife_phases: [school]\n"
    "topics: [school]\nchecked: 2026-11-02\n";

void link(const TestSite& site, const std::string& target, const std::string& rel) {
    fs::create_directories((site.path() / rel).parent_path());
    fs::create_symlink(target, site.path() / rel);
}

TEST(SiteFolder, LinkLoopInEachFolderIsReportedAtItsPath) {
    const std::vector<std::string> places = {"content/offers/loop.yaml", "content/pages/loop.de.md", "i18n/loop.txt",
                                             "templates/loop.mustache", "templates/partials/loop.mustache"};
    for (const std::string& rel : places) {
        TestSite site;
        link(site, fs::path(rel).filename().string(), rel);
        // `check` reads no templates; `build` reads everything.
        const bool is_template = rel.rfind("templates/", 0) == 0;
        for (const std::string& command : is_template ? std::vector<std::string>{"build"} : std::vector<std::string>{"check", "build"}) {
            std::string out;
            EXPECT_EQ(run(command + " " + site.path().string() + " --date 2026-11-22", &out), 1) << rel << "\n" << out;
            EXPECT_THAT(lines_of(out, site),
                        Contains(rel + ": error: this link leads in a circle (to itself, or through other links back "
                                       "to itself); remove it or point it at a file"))
                << out;
        }
    }
}

TEST(SiteFolder, LinkLoopInTheBuildsInputsIsNoCrash) {
    // Hidden files are not the site's, but the build still walks the folders they are in.
    TestSite site;
    link(site, ".loop", "content/pages/.loop");
    link(site, ".loop", "i18n/.loop");
    std::string out;
    EXPECT_EQ(run("build " + site.path().string() + " --date 2026-11-22", &out), 0) << out;
    EXPECT_THAT(out, HasSubstr("0 errors, 0 warnings"));
}

TEST(SiteFolder, FifoIsReportedAndNeverOpened) {
    const std::vector<std::string> places = {"content/offers/pipe.yaml", "content/site.yaml", "content/taxonomy.yaml",
                                             "content/pages/pipe.de.md", "i18n/pipe.txt", "templates/pipe.mustache"};
    for (const std::string& rel : places) {
        TestSite site;
        site.remove(rel);
        fs::create_directories((site.path() / rel).parent_path());
        ASSERT_EQ(mkfifo((site.path() / rel).c_str(), 0600), 0);
        std::string out;
        EXPECT_EQ(run("build " + site.path().string() + " --date 2026-11-22", &out), 1) << rel << "\n" << out;
        EXPECT_THAT(lines_of(out, site),
                    Contains(rel + ": error: this is a named pipe (FIFO), not a file; Lotse reads only files, so "
                                   "remove it or put a file in its place"))
            << out;
    }
}

TEST(SiteFolder, HiddenFifoDoesNotKeepTheBuildWaiting) {
    TestSite site;
    fs::create_directories(site.path() / "i18n");
    ASSERT_EQ(mkfifo((site.path() / "content/pages/.notes").c_str(), 0600), 0);
    ASSERT_EQ(mkfifo((site.path() / "i18n/.notes").c_str(), 0600), 0);
    std::string out;
    EXPECT_EQ(run("build " + site.path().string() + " --date 2026-11-22", &out), 0) << out;
}

TEST(SiteFolder, DanglingLinkIsReported) {
    TestSite site;
    link(site, "gone.yaml", "content/offers/here.yaml");
    link(site, "gone.txt", "i18n/de.txt");
    EXPECT_EQ(site.check(), 1);
    EXPECT_THAT(site.diagnostics(), Contains("content/offers/here.yaml: error: this link points to \"gone.yaml\", "
                                             "which does not exist; remove the link or point it at a file"));
    EXPECT_THAT(site.diagnostics(), Contains("i18n/de.txt: error: this link points to \"gone.txt\", "
                                             "which does not exist; remove the link or point it at a file"));
}

TEST(SiteFolder, LinkInsideTheSiteIsFollowed) {
    TestSite site;
    site.file("shared/reading.yaml", kOffer);
    site.file("records/contacts/mbe.yaml",
              "name: {de: \"Migrationsberatung\"}\norganisation: vhs\ntopics: [work]\nlife_phases: [work-and-career]\n"
              "checked: 2026-10-20\n");
    link(site, "../../shared/reading.yaml", "content/offers/reading.yaml");
    link(site, "../records/contacts", "content/contacts");
    ASSERT_EQ(site.build(), 0) << site.err();
    EXPECT_THAT(site.page("de/offers/reading.html"), HasSubstr("Lesecafé"));
    EXPECT_THAT(site.page("de/contacts/mbe.html"), HasSubstr("Migrationsberatung"));
}

TEST(SiteFolder, LinkLeavingTheSiteIsAnErrorNamingItsTarget) {
    TestSite site;
    TempDir elsewhere;
    write(elsewhere.path() / "reading.yaml", kOffer);
    write(elsewhere.path() / "templates/page.mustache", "{{title}}");
    const std::string target = (elsewhere.path() / "reading.yaml").string();
    link(site, target, "content/offers/reading.yaml");
    link(site, (elsewhere.path() / "templates").string(), "templates");
    EXPECT_EQ(site.build(), 1);
    EXPECT_THAT(site.diagnostics(),
                Contains("content/offers/reading.yaml: error: this link points to \"" + target +
                         "\", outside the site folder; a site is built only from what is in its folder, so copy "
                         "the file into it instead"));
    EXPECT_THAT(site.diagnostics(),
                Contains("templates: error: this link points to \"" + (elsewhere.path() / "templates").string() +
                         "\", outside the site folder; a site is built only from what is in its folder, so copy "
                         "the file into it instead"));
    EXPECT_FALSE(fs::exists(site.out()));
}

TEST(SiteFolder, DeviceIsReported) {
    TestSite site;
    fs::create_directories(site.path() / "content/offers");
    // A device node needs the privilege to make one (root in a container has it).
    if (mknod((site.path() / "content/offers/null.yaml").c_str(), S_IFCHR | 0600, makedev(1, 3)) != 0)
        GTEST_SKIP() << "cannot make a device node here";
    EXPECT_EQ(site.check(), 1);
    EXPECT_THAT(site.diagnostics(), Contains("content/offers/null.yaml: error: this is a device, not a file; Lotse "
                                             "reads only files, so remove it or put a file in its place"));
}

}  // namespace
}  // namespace lotse::test
