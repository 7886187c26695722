// The output writer: a first build appears whole, a rebuild moves in only what changed, and
// nothing reaches the output before commit.
#include "output/writer.h"

#include <fcntl.h>
#include <sys/stat.h>

#include <chrono>
#include <thread>
#include <tuple>

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
    EXPECT_FALSE(w->partly_written());
    EXPECT_FALSE(fs::exists(out / "de/x"));
}

TEST_F(Writer, AFileThatCannotBeMovedInIsReported) {
    // Someone made a folder where a page belongs.
    fs::remove(out / "de/offers/a.html");
    fs::create_directory(out / "de/offers/a.html");
    auto w = OutputWriter::open(out, diags);
    ASSERT_TRUE(w);
    ASSERT_TRUE(w->write({"de/offers/a.html", "a", 12}));
    EXPECT_FALSE(w->commit());
    EXPECT_TRUE(w->partly_written());
    EXPECT_THAT(messages(diags),
                ElementsAre((out / "de/offers/a.html").generic_string() +
                            ": error: cannot move the new file into the output: Is a directory; the output is partly "
                            "updated, build again once this is solved"));
    // The marker no longer vouches for the file, so the next build renders it again.
    EXPECT_THAT(read(out / ".lotse-output"), HasSubstr("0000000000000000 de/offers/a.html\n"));
}

// The change time of a file or folder, as the file system's clock gave it.
timespec changed(const fs::path& p) {
    struct stat st {};
    EXPECT_EQ(::lstat(p.c_str(), &st), 0) << p;
    return st.st_ctim;
}

// Waits until the file system's clock (in `dir`) is past `t`: what changes from now on is stamped
// later than `t`.
void wait_past(const fs::path& dir, timespec t) {
    const fs::path probe = dir / ".clock";
    for (int i = 0; i < 5000; ++i) {
        write(probe, std::to_string(i));
        const timespec now = changed(probe);
        if (std::tie(now.tv_sec, now.tv_nsec) > std::tie(t.tv_sec, t.tv_nsec)) {
            fs::remove(probe);
            return;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    FAIL() << "the clock of the file system in " << dir << " does not move";
}

// Rebuilds with the folders' stamps kept in the cache. A folder that is as the last build left it
// is not read again; anything else is.
class FolderStamps : public testing::Test {
protected:
    // A first build, then, a tick of the file system's clock later, a rebuild that changes one
    // page: every folder but that page's was last changed before the rebuild's marker.
    void SetUp() override {
        auto w = OutputWriter::open(out, diags, stamps);
        ASSERT_TRUE(w);
        ASSERT_TRUE(w->write({"de/index.html", "start", 11}));
        ASSERT_TRUE(w->write({"de/offers/a.html", "a", 12}));
        ASSERT_TRUE(w->write({"de/courses/2027-01/index.html", "januar", 13}));
        ASSERT_TRUE(w->write({"assets/style.css", "body{}", 0}));
        ASSERT_TRUE(w->commit());
        w.reset();
        wait_past(dir.path(), changed(out / ".lotse-output"));
        w = OutputWriter::open(out, diags, stamps);
        ASSERT_TRUE(w);
        ASSERT_TRUE(w->keep("de/index.html", 11));
        ASSERT_TRUE(w->keep("de/courses/2027-01/index.html", 13));
        ASSERT_TRUE(w->write({"de/offers/a.html", "a neu", 99}));
        ASSERT_TRUE(w->write({"assets/style.css", "body{}", 0}));
        ASSERT_TRUE(w->commit());
        ASSERT_TRUE(messages(diags).empty());
    }

    TempDir dir;
    fs::path out = dir.path() / "public", stamps = dir.path() / "cache/public.folders";
    Diagnostics diags;
};

TEST_F(FolderStamps, AFolderAsTheLastBuildLeftItIsNotReadAgain) {
    // Kept in the cache, not in the output: two builds of the same site are byte for byte the same.
    const std::string kept = read(stamps);
    EXPECT_THAT(kept, testing::StartsWith("lotse output folders 1\n"));
    EXPECT_THAT(kept, HasSubstr(" de\n"));
    EXPECT_THAT(kept, HasSubstr(" de/courses/2027-01\n"));
    EXPECT_THAT(kept, HasSubstr(" assets\n"));
    EXPECT_THAT(read(out / ".lotse-output"), testing::Not(HasSubstr("2027-01\n")));

    auto w = OutputWriter::open(out, diags, stamps);
    ASSERT_TRUE(w);
    // At most the folder of the page the rebuild changed, if that was in the tick of its marker.
    EXPECT_LE(w->stats().folders_read, 1u);
    EXPECT_TRUE(w->keep("de/index.html", 11));
    EXPECT_TRUE(w->keep("de/offers/a.html", 99));
    EXPECT_TRUE(w->keep("de/courses/2027-01/index.html", 13));
}

TEST_F(FolderStamps, AFileRemovedOrAFolderReplacedByHandIsFoundAnyway) {
    // Another rebuild, a tick later, that changes only the stylesheet: every folder of pages is
    // vouched for now.
    wait_past(dir.path(), changed(out / ".lotse-output"));
    {
        auto w = OutputWriter::open(out, diags, stamps);
        ASSERT_TRUE(w);
        ASSERT_TRUE(w->keep("de/index.html", 11));
        ASSERT_TRUE(w->keep("de/offers/a.html", 99));
        ASSERT_TRUE(w->keep("de/courses/2027-01/index.html", 13));
        ASSERT_TRUE(w->write({"assets/style.css", "body{color:navy}", 0}));
        ASSERT_TRUE(w->commit());
    }
    ASSERT_THAT(read(stamps), HasSubstr(" de/offers\n"));
    // The page is deleted and its folder's modification time set back: its change time still moves.
    const timespec before = [&] {
        struct stat st {};
        ::stat((out / "de/courses/2027-01").c_str(), &st);
        return st.st_mtim;
    }();
    fs::remove(out / "de/courses/2027-01/index.html");
    const timespec times[2] = {before, before};
    ASSERT_EQ(::utimensat(AT_FDCWD, (out / "de/courses/2027-01").c_str(), times, 0), 0);
    // The folder "de" is moved away and a link to it put in its place.
    fs::rename(out / "de", dir.path() / "moved");
    fs::create_directory_symlink(dir.path() / "moved", out / "de");

    auto w = OutputWriter::open(out, diags, stamps);
    ASSERT_TRUE(w);
    EXPECT_FALSE(w->keep("de/courses/2027-01/index.html", 13));
    EXPECT_FALSE(w->keep("de/index.html", 11)) << "not in the folder that was written";
    EXPECT_FALSE(w->keep("de/offers/a.html", 99));
}

TEST_F(FolderStamps, StampsTakenForAnotherMarkerAreNotUsed) {
    // A build that keeps no stamps (another cache) rewrites the marker.
    wait_past(dir.path(), changed(out / ".lotse-output"));
    {
        auto w = OutputWriter::open(out, diags);
        ASSERT_TRUE(w);
        ASSERT_TRUE(w->keep("de/offers/a.html", 99));
        ASSERT_TRUE(w->keep("de/courses/2027-01/index.html", 13));
        ASSERT_TRUE(w->write({"de/index.html", "start neu", 12}));
        ASSERT_TRUE(w->write({"assets/style.css", "body{}", 0}));
        ASSERT_TRUE(w->commit());
    }
    fs::remove(out / "de/offers/a.html");
    auto w = OutputWriter::open(out, diags, stamps);
    ASSERT_TRUE(w);
    EXPECT_EQ(w->stats().folders_read, 4u) << "assets, de, de/offers, de/courses/2027-01";
    EXPECT_FALSE(w->keep("de/offers/a.html", 99));
    EXPECT_TRUE(w->keep("de/courses/2027-01/index.html", 13));
}

}  // namespace
}  // namespace lotse::test
