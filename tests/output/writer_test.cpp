// The output writer: a first build appears whole, a rebuild moves in only what changed, and
// nothing reaches the output before commit.
#include "output/writer.h"

#include <fcntl.h>
#include <sys/stat.h>

#include <sys/file.h>
#include <unistd.h>

#include <map>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "test_site.h"

namespace lotse::test {
namespace {

namespace fs = std::filesystem;
using testing::ElementsAre;
using testing::HasSubstr;

struct Stamp {
    ino_t inode;
    timespec mtime;
    bool operator==(const Stamp& o) const {
        return inode == o.inode && mtime.tv_sec == o.mtime.tv_sec && mtime.tv_nsec == o.mtime.tv_nsec;
    }
};

Stamp stamp(const fs::path& p) {
    struct stat st {};
    EXPECT_EQ(::stat(p.c_str(), &st), 0) << p;
    return {st.st_ino, st.st_mtim};
}

std::vector<std::string> messages(const Diagnostics& diags) {
    std::vector<std::string> out;
    for (const Diagnostic& d : diags.items()) out.push_back(format(d));
    return out;
}

// Every file and folder under `root`, relative, sorted.
std::vector<std::string> listing(const fs::path& root) {
    std::vector<std::string> out;
    for (const auto& e : fs::recursive_directory_iterator(root))
        out.push_back(fs::relative(e.path(), root).generic_string() + (e.is_directory() ? "/" : ""));
    std::sort(out.begin(), out.end());
    return out;
}

class Writer : public testing::Test {
protected:
    // The first build: three pages with fingerprints and a stylesheet without one.
    void SetUp() override {
        auto w = OutputWriter::open(out, diags);
        ASSERT_TRUE(w);
        ASSERT_TRUE(w->write({"de/index.html", "start", 11}));
        ASSERT_TRUE(w->write({"de/offers/a.html", "a", 12}));
        ASSERT_TRUE(w->write({"de/courses/2027-01/index.html", "januar", 13}));
        ASSERT_TRUE(w->write({"assets/style.css", "body{}", 0}));
        EXPECT_FALSE(fs::exists(out)) << "nothing reaches the output before commit";
        ASSERT_TRUE(w->commit());
        ASSERT_TRUE(messages(diags).empty());
    }

    TempDir dir;
    fs::path out = dir.path() / "public";
    Diagnostics diags;
};

TEST_F(Writer, AFirstBuildAppearsWholeWithAMarkerListingEveryFile) {
    EXPECT_THAT(listing(out), ElementsAre(".lotse-output", "assets/", "assets/style.css", "de/", "de/courses/",
                                          "de/courses/2027-01/", "de/courses/2027-01/index.html", "de/index.html",
                                          "de/offers/", "de/offers/a.html"));
    EXPECT_EQ(read(out / "de/offers/a.html"), "a");
    EXPECT_EQ(read(out / ".lotse-output"),
              "This folder is written by Lotse and replaced on every build.\n"
              "0000000000000000 assets/style.css\n"
              "000000000000000d de/courses/2027-01/index.html\n"
              "000000000000000b de/index.html\n"
              "000000000000000c de/offers/a.html\n");
    // No staging folder is left beside the output.
    EXPECT_THAT(listing(dir.path()), testing::Not(testing::Contains(HasSubstr("lotse-new"))));
}

TEST_F(Writer, ARebuildMovesInOnlyWhatChanged) {
    const Stamp index = stamp(out / "de/index.html"), style = stamp(out / "assets/style.css");
    auto w = OutputWriter::open(out, diags);
    ASSERT_TRUE(w);
    EXPECT_TRUE(w->keep("de/index.html", 11));        // same inputs: not rendered at all
    EXPECT_FALSE(w->keep("de/offers/a.html", 99));    // other inputs: must be rendered
    ASSERT_TRUE(w->write({"de/offers/a.html", "a neu", 99}));
    ASSERT_TRUE(w->write({"de/offers/b.html", "b", 14}));
    ASSERT_TRUE(w->write({"assets/style.css", "body{}", 0}));  // rendered again, same bytes
    // The January courses are gone (their month has passed).
    EXPECT_EQ(read(out / "de/offers/a.html"), "a") << "nothing reaches the output before commit";
    EXPECT_FALSE(fs::exists(out / "de/offers/b.html"));
    ASSERT_TRUE(w->commit());
    EXPECT_TRUE(messages(diags).empty());

    EXPECT_EQ(read(out / "de/offers/a.html"), "a neu");
    EXPECT_EQ(read(out / "de/offers/b.html"), "b");
    EXPECT_EQ(stamp(out / "de/index.html"), index);
    EXPECT_EQ(stamp(out / "assets/style.css"), style);
    EXPECT_THAT(listing(out), ElementsAre(".lotse-output", "assets/", "assets/style.css", "de/", "de/index.html",
                                          "de/offers/", "de/offers/a.html", "de/offers/b.html"));
    const WriteStats s = w->stats();
    EXPECT_EQ(s.written, 2u);
    EXPECT_EQ(s.unchanged, 2u);
    EXPECT_EQ(s.removed, 1u);
    EXPECT_EQ(read(out / ".lotse-output"),
              "This folder is written by Lotse and replaced on every build.\n"
              "0000000000000000 assets/style.css\n"
              "000000000000000b de/index.html\n"
              "0000000000000063 de/offers/a.html\n"
              "000000000000000e de/offers/b.html\n");
}

TEST_F(Writer, ARebuildWithoutCommitLeavesTheOutputUntouched) {
    const auto before = listing(out);
    {
        auto w = OutputWriter::open(out, diags);
        ASSERT_TRUE(w);
        ASSERT_TRUE(w->write({"de/offers/a.html", "a neu", 99}));
        ASSERT_TRUE(w->write({"de/offers/new.html", "neu", 15}));
        // A template failed: the build stops here.
    }
    EXPECT_EQ(listing(out), before);
    EXPECT_EQ(read(out / "de/offers/a.html"), "a");
    EXPECT_THAT(listing(dir.path()), ElementsAre("public/", "public/.lotse-output", "public/assets/",
                                                 "public/assets/style.css", "public/de/", "public/de/courses/",
                                                 "public/de/courses/2027-01/", "public/de/courses/2027-01/index.html",
                                                 "public/de/index.html", "public/de/offers/", "public/de/offers/a.html"));
}

TEST_F(Writer, AFileRemovedOrReplacedByHandIsWrittenAgain) {
    fs::remove(out / "de/index.html");
    fs::remove(out / "de/offers/a.html");
    fs::create_directory(out / "de/offers/a.html");  // a folder where the page was
    fs::remove(out / "assets/style.css");
    fs::create_symlink("/etc/hostname", out / "assets/style.css");
    auto w = OutputWriter::open(out, diags);
    ASSERT_TRUE(w);
    EXPECT_FALSE(w->keep("de/index.html", 11));
    EXPECT_FALSE(w->keep("de/offers/a.html", 12));
    EXPECT_FALSE(w->keep("assets/style.css", 0));
    EXPECT_TRUE(w->keep("de/courses/2027-01/index.html", 13)) << "what is still there is kept";
    ASSERT_TRUE(w->write({"de/index.html", "start", 11}));
    ASSERT_TRUE(w->write({"assets/style.css", "body{}", 0}));
    ASSERT_TRUE(w->commit());
    EXPECT_EQ(read(out / "de/index.html"), "start");
    EXPECT_EQ(read(out / "assets/style.css"), "body{}");
    EXPECT_FALSE(fs::is_symlink(out / "assets/style.css"));
}

TEST_F(Writer, NothingToChangeTouchesNothing) {
    const Stamp marker = stamp(out / ".lotse-output");
    auto w = OutputWriter::open(out, diags);
    ASSERT_TRUE(w);
    EXPECT_TRUE(w->keep("de/index.html", 11));
    EXPECT_TRUE(w->keep("de/offers/a.html", 12));
    EXPECT_TRUE(w->keep("de/courses/2027-01/index.html", 13));
    ASSERT_TRUE(w->write({"assets/style.css", "body{}", 0}));
    ASSERT_TRUE(w->commit());
    EXPECT_EQ(stamp(out / ".lotse-output"), marker);
}

TEST_F(Writer, AnOutputWithoutAListOfItsFilesIsReplacedWhole) {
    // The marker of an older Lotse has no list: which files are Lotse's own is not known.
    write(out / ".lotse-output", "This folder is written by Lotse and replaced on every build.\n");
    write(out / "de/offers/old.html", "old");
    auto w = OutputWriter::open(out, diags);
    ASSERT_TRUE(w);
    EXPECT_FALSE(w->keep("de/index.html", 11));
    ASSERT_TRUE(w->write({"de/index.html", "start", 11}));
    ASSERT_TRUE(w->commit());
    EXPECT_THAT(listing(out), ElementsAre(".lotse-output", "de/", "de/index.html"));
}

TEST_F(Writer, AFileThatCannotBeStagedStopsTheBuildAndKeepsTheOutput) {
    auto w = OutputWriter::open(out, diags);
    ASSERT_TRUE(w);
    ASSERT_TRUE(w->write({"de/x", "a file", 1}));
    EXPECT_FALSE(w->write({"de/x/y.html", "a page in a folder of the same name", 2}));
    ASSERT_EQ(diags.items().size(), 1u);
    EXPECT_THAT(format(diags.items()[0]), HasSubstr(".lotse-new-"));
    EXPECT_THAT(format(diags.items()[0]), HasSubstr("/de/x: error: cannot write the output: "));
    EXPECT_THAT(format(diags.items()[0]), HasSubstr("; the previous output is unchanged"));
    EXPECT_FALSE(w->commit());
    EXPECT_FALSE(fs::exists(out / "de/x"));
}

TEST_F(Writer, AFolderMadeWhereAPageBelongsGivesWayToThePage) {
    fs::remove(out / "de/offers/a.html");
    fs::create_directory(out / "de/offers/a.html");
    auto w = OutputWriter::open(out, diags);
    ASSERT_TRUE(w);
    EXPECT_FALSE(w->keep("de/offers/a.html", 12));
    ASSERT_TRUE(w->write({"de/offers/a.html", "a", 12}));
    ASSERT_TRUE(w->commit());
    EXPECT_TRUE(messages(diags).empty());
    EXPECT_EQ(read(out / "de/offers/a.html"), "a");
}


// Every file and folder under `root` with its bytes (links as "-> target"), to compare trees.
std::map<std::string, std::string> contents(const fs::path& root) {
    std::map<std::string, std::string> out;
    for (const auto& e : fs::recursive_directory_iterator(root)) {
        const std::string rel = fs::relative(e.path(), root).generic_string();
        if (e.is_symlink()) out[rel] = "-> " + fs::read_symlink(e.path()).string();
        else if (e.is_directory()) out[rel + "/"] = "";
        else out[rel] = read(e.path());
    }
    return out;
}

// A marker entry is only ever a plain path inside the output; anything else means the folder is
// not Lotse's, and nothing in or outside it is touched.
class MarkerEntry : public Writer, public testing::WithParamInterface<const char*> {};

TEST_P(MarkerEntry, OutsideTheOutputMakesTheFolderForeign) {
    write(dir.path() / "victim.txt", "keep me");
    write(dir.path() / "elsewhere/sub/only.txt", "keep me too");
    std::string marker = read(out / ".lotse-output");
    marker += std::string("0000000000000001 ") + GetParam() + "\n";
    write(out / ".lotse-output", marker);
    const auto around = contents(dir.path());
    auto w = OutputWriter::open(out, diags);
    EXPECT_FALSE(w);
    const int line = static_cast<int>(std::count(marker.begin(), marker.end(), '\n'));
    EXPECT_THAT(messages(diags), ElementsAre((out / ".lotse-output").generic_string() + ":" + std::to_string(line) +
                                             ":18: error: \"" + GetParam() +
                                             "\" is not a file inside the output folder, so this .lotse-output was not "
                                             "written by Lotse and the folder is left alone; choose another --out, or "
                                             "delete the folder if nothing in it is needed"));
    EXPECT_EQ(contents(dir.path()), around);
}

INSTANTIATE_TEST_SUITE_P(Writer, MarkerEntry,
                         testing::Values("../victim.txt", "../elsewhere/sub/only.txt", "/etc/hostname", "de/../../victim.txt",
                                         "./de/index.html", "de//index.html", "de/offers/", ".lotse-output", "de/\x01.html"));

TEST_F(Writer, AMarkerLineThatIsNotAnEntryMakesTheFolderForeign) {
    write(out / ".lotse-output", read(out / ".lotse-output") + "../victim.txt\n");
    EXPECT_FALSE(OutputWriter::open(out, diags));
    EXPECT_THAT(messages(diags), ElementsAre((out / ".lotse-output").generic_string() +
                                             ":6:1: error: \"../victim.txt\" is not a file inside the output folder, so "
                                             "this .lotse-output was not written by Lotse and the folder is left alone; "
                                             "choose another --out, or delete the folder if nothing in it is needed"));
}

// A folder of the output replaced by a link to a folder elsewhere: nothing is read, written or
// deleted through the link; the output gets a real folder again.
TEST_F(Writer, ALinkedFolderInsideTheOutputIsNeverFollowed) {
    write(dir.path() / "elsewhere/index.html", "start");  // what the link leads to, same bytes
    write(dir.path() / "elsewhere/offers/a.html", "a");
    fs::remove_all(out / "de");
    fs::create_directory_symlink(dir.path() / "elsewhere", out / "de");
    const auto elsewhere = contents(dir.path() / "elsewhere");
    auto w = OutputWriter::open(out, diags);
    ASSERT_TRUE(w);
    EXPECT_FALSE(w->keep("de/index.html", 11)) << "not in the output";
    ASSERT_TRUE(w->write({"de/index.html", "start", 11}));
    ASSERT_TRUE(w->write({"de/offers/b.html", "b", 14}));
    ASSERT_TRUE(w->write({"assets/style.css", "body{}", 0}));
    ASSERT_TRUE(w->commit());
    w.reset();
    EXPECT_EQ(contents(dir.path() / "elsewhere"), elsewhere);
    EXPECT_FALSE(fs::is_symlink(out / "de"));
    EXPECT_THAT(listing(out), ElementsAre(".lotse-output", "assets/", "assets/style.css", "de/", "de/index.html",
                                          "de/offers/", "de/offers/b.html"));
}

// Files someone put into the output (a web server's settings, a verification file) are not
// Lotse's: they stay, as they are, through every rebuild.
TEST_F(Writer, FilesTheMarkerDoesNotListAreCarriedOver) {
    write(out / ".htaccess", "Options -Indexes\n");
    write(out / "downloads/flyer.pdf", "%PDF");
    fs::create_directory(out / "empty");
    write(out / "de/offers/own.html", "someone's page");
    fs::create_symlink("de/index.html", out / "start.html");
    const Stamp flyer = stamp(out / "downloads/flyer.pdf");
    auto w = OutputWriter::open(out, diags);
    ASSERT_TRUE(w);
    ASSERT_TRUE(w->keep("de/index.html", 11));
    ASSERT_TRUE(w->write({"de/offers/a.html", "a neu", 99}));
    ASSERT_TRUE(w->write({"assets/style.css", "body{}", 0}));
    ASSERT_TRUE(w->commit());
    w.reset();
    EXPECT_EQ(read(out / ".htaccess"), "Options -Indexes\n");
    EXPECT_EQ(stamp(out / "downloads/flyer.pdf"), flyer);
    EXPECT_TRUE(fs::is_directory(out / "empty"));
    EXPECT_EQ(read(out / "de/offers/own.html"), "someone's page");
    EXPECT_EQ(fs::read_symlink(out / "start.html"), "de/index.html");
    EXPECT_THAT(read(out / ".lotse-output"), testing::Not(HasSubstr("own.html")));
}

// A rebuild puts the new output in place of the old one in one step: a reader that opened the old
// output's folder keeps seeing the old site, whole, and the path shows the new one, whole.
TEST_F(Writer, ARebuildSwapsTheWholeOutputInOneStep) {
    const int old_folder = ::open(out.c_str(), O_RDONLY | O_DIRECTORY);
    ASSERT_GE(old_folder, 0);
    auto w = OutputWriter::open(out, diags);
    ASSERT_TRUE(w);
    ASSERT_TRUE(w->keep("de/index.html", 11));
    ASSERT_TRUE(w->write({"de/offers/a.html", "a neu", 99}));
    ASSERT_TRUE(w->write({"de/offers/b.html", "b", 14}));
    ASSERT_TRUE(w->write({"assets/style.css", "body{}", 0}));
    ASSERT_TRUE(w->commit());
    std::string old_page(16, '\0');
    const int page = ::openat(old_folder, "de/offers/a.html", O_RDONLY);
    ASSERT_GE(page, 0) << "the old output is whole until the writer closes";
    old_page.resize(static_cast<std::size_t>(::read(page, old_page.data(), old_page.size())));
    ::close(page);
    EXPECT_EQ(old_page, "a");
    EXPECT_EQ(::faccessat(old_folder, "de/offers/b.html", F_OK, 0), -1) << "nothing new in the old output";
    EXPECT_EQ(read(out / "de/offers/a.html"), "a neu");
    w.reset();
    ::close(old_folder);
    EXPECT_THAT(listing(dir.path()), testing::Not(testing::Contains(HasSubstr("lotse-new"))));
}

// What a build killed with SIGKILL leaves beside the output is removed by the next build; the
// staging folder of a build still running is not.
TEST_F(Writer, StagingFoldersOfKilledBuildsAreRemoved) {
    write(dir.path() / ".public.lotse-new-4242-0/de/index.html", "half a site");
    write(dir.path() / ".public.lotse-new-4243-1/de/index.html", "being built");
    const int running = ::open((dir.path() / ".public.lotse-new-4243-1").c_str(), O_RDONLY | O_DIRECTORY);
    ASSERT_EQ(::flock(running, LOCK_EX), 0);
    write(dir.path() / ".other.lotse-new-4244-0/x", "another output's");
    write(dir.path() / "elsewhere/y", "not Lotse's");
    fs::create_directory_symlink(dir.path() / "elsewhere", dir.path() / ".public.lotse-new-4245-0");
    auto w = OutputWriter::open(out, diags);
    ASSERT_TRUE(w);
    EXPECT_FALSE(fs::exists(dir.path() / ".public.lotse-new-4242-0"));
    EXPECT_TRUE(fs::exists(dir.path() / ".public.lotse-new-4243-1/de/index.html"));
    EXPECT_TRUE(fs::exists(dir.path() / ".other.lotse-new-4244-0/x"));
    EXPECT_TRUE(fs::is_symlink(dir.path() / ".public.lotse-new-4245-0")) << "a link is never taken for a staging folder";
    EXPECT_EQ(read(dir.path() / "elsewhere/y"), "not Lotse's");
    ::close(running);
}

// Two builds into one output: the second is told, and writes nothing.
TEST_F(Writer, OneBuildPerOutputAtATime) {
    auto first = OutputWriter::open(out, diags);
    ASSERT_TRUE(first);
    Diagnostics second_diags;
    EXPECT_FALSE(OutputWriter::open(out, second_diags));
    EXPECT_THAT(messages(second_diags),
                ElementsAre(out.generic_string() + ": error: another Lotse build is writing this output folder right now; "
                                                   "nothing was written. Wait until it has finished, then build again"));
    ASSERT_TRUE(first->write({"de/offers/a.html", "a neu", 99}));
    ASSERT_TRUE(first->commit());
    first.reset();
    // Once the first has ended, the next may build.
    EXPECT_TRUE(OutputWriter::open(out, second_diags));
}

TEST_F(Writer, AFirstBuildWhileAnotherMakesTheSameOutputWritesNothing) {
    const fs::path fresh = dir.path() / "fresh";
    auto first = OutputWriter::open(fresh, diags);
    auto second = OutputWriter::open(fresh, diags);
    ASSERT_TRUE(first && second);
    ASSERT_TRUE(first->write({"de/index.html", "first", 1}));
    ASSERT_TRUE(second->write({"de/index.html", "second", 2}));
    ASSERT_TRUE(first->commit());
    EXPECT_FALSE(second->commit());
    EXPECT_EQ(read(fresh / "de/index.html"), "first");
    EXPECT_THAT(messages(diags), ElementsAre(fresh.generic_string() +
                                             ": error: cannot write the output: another Lotse build has written this "
                                             "folder meanwhile; the previous output is unchanged"));
}

TEST_F(Writer, AFileGivenAsTheOutputIsNamedAsAFile) {
    write(dir.path() / "notes.txt", "mine");
    EXPECT_FALSE(OutputWriter::open(dir.path() / "notes.txt", diags));
    EXPECT_THAT(messages(diags), ElementsAre((dir.path() / "notes.txt").generic_string() +
                                             ": error: this is a file, not a folder, so the site cannot be written here; "
                                             "choose another --out, or move the file away"));
    EXPECT_EQ(read(dir.path() / "notes.txt"), "mine");
}

}  // namespace
}  // namespace lotse::test
