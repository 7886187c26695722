// Faults, end to end with the lotse program: builds killed at many points, interrupted, run two at
// once, and run on damaged caches. Each time the output is the old site or the new one, byte for
// byte (diff -r), nothing is left beside it, and the next build is right.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <thread>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "test_site.h"

extern char** environ;

namespace lotse::test {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

// True if the two folders hold the same files, folders and links with the same bytes.
bool same_tree(const fs::path& a, const fs::path& b) {
    const std::string cmd = "diff -r --no-dereference '" + a.string() + "' '" + b.string() + "' >/dev/null 2>&1";
    return std::system(cmd.c_str()) == 0;
}

// What builds leave beside `out` (staging folders).
std::vector<std::string> beside(const fs::path& out) {
    std::vector<std::string> found;
    for (const auto& e : fs::directory_iterator(out.parent_path()))
        if (e.path().filename().string().starts_with("." + out.filename().string() + ".lotse-"))
            found.push_back(e.path().filename().string());
    return found;
}

// A synthetic site of a few hundred pages (bench/make-site), its output, and the lotse program.
class Faults : public testing::Test {
protected:
    void SetUp() override {
        const std::string make = std::string("python3 '") + LOTSE_SOURCE_DATA_DIR + "/bench/make-site' '" + site.string() +
                                 "' --records 60 --languages 3 >/dev/null";
        ASSERT_EQ(std::system(make.c_str()), 0);
        setenv("XDG_CACHE_HOME", cache.c_str(), 1);
        // The new site: what a build on the later date writes from scratch.
        ASSERT_EQ(build(kNew, expected), 0);
        ASSERT_EQ(build(kOld, old_copy), 0);
        ASSERT_FALSE(same_tree(old_copy, expected)) << "the two dates must give two different sites";
        ASSERT_EQ(build(kOld), 0);
        ASSERT_TRUE(same_tree(out, old_copy));
    }

    // Starts `lotse build SITE --out OUT --date DATE`; returns its process id.
    pid_t start(const char* date, const fs::path& to = {}) {
        const std::string site_arg = site.string(), out_arg = (to.empty() ? out : to).string();
        std::vector<const char*> argv{LOTSE_BINARY, "build", site_arg.c_str(), "--out", out_arg.c_str(), "--date", date, nullptr};
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
        posix_spawn_file_actions_addopen(&actions, 2, (dir.path() / "stderr").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        pid_t pid = -1;
        EXPECT_EQ(posix_spawn(&pid, LOTSE_BINARY, &actions, nullptr, const_cast<char**>(argv.data()), environ), 0);
        posix_spawn_file_actions_destroy(&actions);
        return pid;
    }
    static int wait_for(pid_t pid) {
        int status = 0;
        waitpid(pid, &status, 0);
        return status;
    }
    int build(const char* date, const fs::path& to = {}) {
        const int status = wait_for(start(date, to));
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    // How long a rebuild from the old site to the new one takes here, to spread the kills over.
    std::chrono::microseconds rebuild_time() {
        const auto t0 = std::chrono::steady_clock::now();
        EXPECT_EQ(build(kNew), 0);
        const auto spent = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - t0);
        EXPECT_EQ(build(kOld), 0);
        return spent;
    }
    // The output is one of the two sites, whole, and nothing is left beside it.
    void expect_old_or_new(const std::string& when) {
        const bool old_site = same_tree(out, old_copy), new_site = !old_site && same_tree(out, expected);
        EXPECT_TRUE(old_site || new_site) << when << ": the output is neither the old site nor the new one";
    }
    // The next build writes the new site, and nothing is left beside the output.
    void expect_next_build_right(const std::string& when) {
        ASSERT_EQ(build(kNew), 0) << when << ": " << read(dir.path() / "stderr");
        EXPECT_TRUE(same_tree(out, expected)) << when;
        EXPECT_THAT(beside(out), testing::IsEmpty()) << when;
        ASSERT_EQ(build(kOld), 0) << when << ": " << read(dir.path() / "stderr");
        EXPECT_TRUE(same_tree(out, old_copy)) << when;
    }

    static constexpr const char* kOld = "2026-11-15";
    static constexpr const char* kNew = "2026-12-20";
    TempDir dir;
    fs::path site = dir.path() / "site", out = dir.path() / "www" / "public", expected = dir.path() / "expected",
             old_copy = dir.path() / "old", cache = dir.path() / "cache";
};

TEST_F(Faults, ARebuildKilledAtAnyPointLeavesTheOldSiteOrTheNewOne) {
    const auto span = rebuild_time();
    constexpr int kPoints = 12;
    for (int i = 0; i < kPoints; ++i) {
        const auto at = span * i / kPoints;
        const pid_t pid = start(kNew);
        std::this_thread::sleep_for(at);
        kill(pid, SIGKILL);
        wait_for(pid);
        const std::string when = "killed after " + std::to_string(at.count() / 1000) + " ms";
        expect_old_or_new(when);
        expect_next_build_right(when);
    }
}

TEST_F(Faults, AnInterruptedBuildRemovesItsStagingFolder) {
    const auto span = rebuild_time();
    for (const int sig : {SIGINT, SIGTERM, SIGHUP}) {
        for (const int eighth : {2, 5}) {
            const auto at = span * eighth / 8;
            const pid_t pid = start(kNew);
            std::this_thread::sleep_for(at);
            kill(pid, sig);
            const int status = wait_for(pid);
            const std::string when = std::string(strsignal(sig)) + " after " + std::to_string(at.count() / 1000) + " ms";
            EXPECT_TRUE((WIFSIGNALED(status) && WTERMSIG(status) == sig) || (WIFEXITED(status) && WEXITSTATUS(status) == 0))
                << when << ": ended by the signal, or done before it came";
            EXPECT_THAT(beside(out), testing::IsEmpty()) << when;
            expect_old_or_new(when);
            ASSERT_EQ(build(kOld), 0);
        }
    }
}

TEST_F(Faults, TwoBuildsAtOnceDoNotMixTheirOutputs) {
    for (int round = 0; round < 4; ++round) {
        const pid_t a = start(kNew);
        if (round % 2) std::this_thread::sleep_for(20ms);
        const pid_t b = start(kNew);
        const int sa = wait_for(a), sb = wait_for(b);
        const std::string when = "round " + std::to_string(round);
        // Each either wrote the site or was told another build writes it (exit 1).
        for (const int s : {sa, sb}) EXPECT_TRUE(WIFEXITED(s) && (WEXITSTATUS(s) == 0 || WEXITSTATUS(s) == 1)) << when;
        EXPECT_TRUE(WEXITSTATUS(sa) == 0 || WEXITSTATUS(sb) == 0) << when << ": one of them builds";
        expect_old_or_new(when);
        EXPECT_THAT(beside(out), testing::IsEmpty()) << when;
        expect_next_build_right(when);
    }
}

// A build holds the output folder's lock (flock) while it writes; here the test holds it, so the
// second build meets it whatever the machine's speed.
TEST_F(Faults, TheSecondOfTwoBuildsIsToldWhy) {
    const int held = ::open(out.c_str(), O_RDONLY | O_DIRECTORY);
    ASSERT_GE(held, 0);
    ASSERT_EQ(::flock(held, LOCK_EX), 0);
    EXPECT_EQ(build(kNew), 1);
    EXPECT_THAT(read(dir.path() / "stderr"),
                testing::HasSubstr(out.generic_string() +
                                   ": error: another Lotse build is writing this output folder right now; nothing was "
                                   "written. Wait until it has finished, then build again\n"));
    EXPECT_TRUE(same_tree(out, old_copy));
    EXPECT_THAT(beside(out), testing::IsEmpty());
    ::close(held);
    EXPECT_EQ(build(kNew), 0);
    EXPECT_TRUE(same_tree(out, expected));
}

// Every file in the cache, damaged in three ways: each build still writes the right site.
TEST_F(Faults, DamagedCacheFilesAreMisses) {
    ASSERT_EQ(build(kNew), 0);
    std::vector<fs::path> files;
    for (const auto& e : fs::recursive_directory_iterator(cache))
        if (e.is_regular_file()) files.push_back(e.path());
    ASSERT_FALSE(files.empty());
    for (const fs::path& file : files) {
        const std::string bytes = read(file);
        for (const char* damage : {"cut in half", "a byte flipped", "filled with zeros"}) {
            std::string damaged = bytes;
            if (damage[0] == 'c') damaged.resize(bytes.size() / 2);
            else if (damage[0] == 'a' && !damaged.empty()) damaged[damaged.size() * 2 / 3] ^= 0x20;
            else damaged.assign(bytes.size(), '\0');
            write(file, damaged);
            const std::string when = fs::relative(file, cache).string() + " " + damage;
            // From the old site to the new one, and back: pages rendered from what the cache said.
            ASSERT_EQ(build(kOld), 0) << when << ": " << read(dir.path() / "stderr");
            EXPECT_TRUE(same_tree(out, old_copy)) << when;
            write(file, damaged);
            ASSERT_EQ(build(kNew), 0) << when << ": " << read(dir.path() / "stderr");
            EXPECT_TRUE(same_tree(out, expected)) << when;
        }
        if (fs::exists(file)) write(file, bytes);
    }
}

}  // namespace
}  // namespace lotse::test
