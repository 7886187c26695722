// Whatever happened to the files Lotse keeps in its cache (cut short by a full disk, a byte
// changed, edited by hand, replaced, unreadable), a build exits 0, does not crash and writes the
// pages a build without a cache writes.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <functional>
#include <map>

#include "test_site.h"

namespace lotse::test {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;

// Every file below `root`: its path from there -> its bytes.
std::map<std::string, std::string> tree(const fs::path& root) {
    std::map<std::string, std::string> out;
    for (const auto& e : fs::recursive_directory_iterator(root))
        if (e.is_regular_file()) out[e.path().lexically_relative(root).generic_string()] = read(e.path());
    return out;
}

void add_records(TestSite& site) {
    site.file("content/offers/zeitung.yaml",
              "title: {de: \"Zeitungswerkstatt\", en: \"Newspaper workshop\"}\nsummary: {de: \"Kurz\", en: \"Short\"}\n"
              "provider: vhs\nlife_phases: [school]\ntopics: [school]\nchecked: 2026-11-02\n");
    site.file("content/offers/lesecafe.yaml",
              "title: {de: \"Lesecafé\", en: \"Reading café\", ar: \"مقهى القراءة\"}\n"
              "summary: {de: \"Lesen\", en: \"Reading\", ar: \"قراءة\"}\n"
              "provider: vhs\nlife_phases: [work-and-career]\ntopics: [work]\nchecked: 2026-11-02\n");
    site.file("content/courses/ik.yaml",
              "type: integration\nprovider: vhs\nlevel: {from: A1, to: B1}\nstart: 2027-01-11\nend: 2027-07-16\n"
              "schedule:\n  - {days: [mon, tue, wed, thu], from: \"08:30\", to: \"12:45\"}\nlessons: 700\n"
              "checked: 2026-11-10\n");
    site.file("content/contacts/mbe.yaml",
              "name: {de: \"Migrationsberatung\", en: \"Migration counselling\"}\norganisation: vhs\ntopics: [work]\n"
              "life_phases: [work-and-career]\nhours:\n  - {days: [mon], from: \"09:00\", to: \"12:00\"}\n"
              "checked: 2026-10-20\n");
}

// Sets XDG_CACHE_HOME for as long as it lives.
class CacheHome {
public:
    explicit CacheHome(const fs::path& dir) : kept_(std::getenv("XDG_CACHE_HOME") ? std::getenv("XDG_CACHE_HOME") : "") {
        setenv("XDG_CACHE_HOME", dir.c_str(), 1);
    }
    ~CacheHome() { setenv("XDG_CACHE_HOME", kept_.c_str(), 1); }
    CacheHome(const CacheHome&) = delete;
    CacheHome& operator=(const CacheHome&) = delete;

private:
    std::string kept_;
};

struct Scratch {
    std::map<std::string, std::string> pages;
    std::vector<std::string> diagnostics;
};

// What a build with an empty cache writes and says.
Scratch from_scratch(TestSite& site) {
    TempDir cache, out;
    CacheHome home(cache.path());
    EXPECT_EQ(site.build(day("2026-11-22"), out.path() / "out"), 0) << site.err();
    return {tree(out.path() / "out"), site.diagnostics()};
}

// The files of one kind of cache entry.
struct Kind {
    const char* name;
    std::function<bool(const fs::path&)> holds;
};
const Kind kKinds[] = {
    {"records", [](const fs::path& p) { return p.extension() == ".records"; }},
    {"fragments", [](const fs::path& p) { return p.extension() == ".fragments"; }},
    {"templates", [](const fs::path& p) { return p.extension() == ".templates"; }},
    {"catalogs", [](const fs::path& p) { return p.generic_string().find("/catalogs/") != std::string::npos; }},
};

// Ways a cache file is found damaged.
struct Damage {
    const char* name;
    std::function<void(const fs::path&)> apply;
};
const Damage kDamages[] = {
    {"cut_short", [](const fs::path& f) { fs::resize_file(f, fs::file_size(f) * 2 / 3); }},
    {"byte_flipped",
     [](const fs::path& f) {
         std::string bytes = read(f);
         bytes[bytes.size() / 2] ^= 0x20;
         write(f, bytes);
     }},
    {"bytes_appended", [](const fs::path& f) { write(f, read(f) + std::string("\0\0\0\0more\n", 9)); }},
    {"garbage",
     [](const fs::path& f) {
         std::string bytes(fs::file_size(f), '\0');
         std::uint64_t x = 88172645463325252ULL;  // xorshift: the same garbage every run
         for (char& c : bytes) {
             x ^= x << 13, x ^= x >> 7, x ^= x << 17;
             c = static_cast<char>(x);
         }
         write(f, bytes);
     }},
    {"empty", [](const fs::path& f) { fs::resize_file(f, 0); }},
    {"folder_in_its_place",
     [](const fs::path& f) {
         fs::remove(f);
         fs::create_directories(f / "inside");
     }},
    {"unreadable",  // tests run as root, for whom chmod 000 does not stop a read: a dangling link does
     [](const fs::path& f) {
         fs::remove(f);
         fs::create_symlink("/nonexistent/lotse-cache-file", f);
     }},
};

class DamagedCache : public testing::TestWithParam<std::tuple<Kind, Damage>> {};

TEST_P(DamagedCache, BuildsThePagesOfABuildWithoutCache) {
    const auto& [kind, damage] = GetParam();
    TestSite site;
    add_records(site);
    const Scratch expected = from_scratch(site);
    TempDir cache, out;
    CacheHome home(cache.path());
    ASSERT_EQ(site.build(), 0) << site.err();
    std::vector<fs::path> files;
    for (const auto& e : fs::recursive_directory_iterator(cache.path()))
        if (e.is_regular_file() && kind.holds(e.path())) files.push_back(e.path());
    ASSERT_FALSE(files.empty()) << "no " << kind.name << " in the cache";
    for (const fs::path& f : files) damage.apply(f);
    // Into a new folder, so that every page is rendered from what the cache gives.
    ASSERT_EQ(site.build(day("2026-11-22"), out.path() / "out"), 0) << site.err();
    EXPECT_EQ(site.diagnostics(), expected.diagnostics);
    EXPECT_EQ(tree(out.path() / "out"), expected.pages);
    // The next build finds the cache as this one left it.
    ASSERT_EQ(site.build(day("2026-11-22"), out.path() / "again"), 0) << site.err();
    EXPECT_EQ(tree(out.path() / "again"), expected.pages);
}

INSTANTIATE_TEST_SUITE_P(EveryKindAndDamage, DamagedCache, testing::Combine(testing::ValuesIn(kKinds), testing::ValuesIn(kDamages)),
                         [](const auto& info) {
                             return std::string(std::get<0>(info.param).name) + "_" + std::get<1>(info.param).name;
                         });

// Replaces every `from` in the file with `to`, of the same length; how many it replaced.
int edit(const fs::path& file, const std::string& from, const std::string& to) {
    std::string bytes = read(file);
    int n = 0;
    for (std::size_t at; (at = bytes.find(from)) != std::string::npos; ++n) bytes.replace(at, from.size(), to);
    write(file, bytes);
    return n;
}

// A text changed inside the record cache or the fragment cache, its length kept, is not published.
TEST(DamagedCache, AnEditedTextInTheCacheIsNotPublished) {
    for (const char* extension : {".records", ".fragments"}) {
        TestSite site;
        add_records(site);
        const Scratch expected = from_scratch(site);
        TempDir cache, out;
        CacheHome home(cache.path());
        ASSERT_EQ(site.build(), 0) << site.err();
        int edits = 0;
        for (const auto& e : fs::recursive_directory_iterator(cache.path()))
            if (e.is_regular_file() && e.path().extension() == extension)
                edits += edit(e.path(), "Zeitungswerkstatt", "Zeitungswerkstatx");
        ASSERT_GT(edits, 0) << extension;
        ASSERT_EQ(site.build(day("2026-11-22"), out.path() / "out"), 0) << site.err();
        EXPECT_THAT(read(out.path() / "out/de/offers/zeitung.html"), Not(HasSubstr("Zeitungswerkstatx"))) << extension;
        EXPECT_THAT(read(out.path() / "out/de/life-phases/school.html"), Not(HasSubstr("Zeitungswerkstatx"))) << extension;
        EXPECT_EQ(tree(out.path() / "out"), expected.pages) << extension;
    }
}

// A cache that cannot be written at all (its folder a file, or under /dev/full) is no error and
// gives the same pages.
TEST(DamagedCache, ACacheThatCannotBeWrittenIsNoError) {
    TestSite site;
    add_records(site);
    const Scratch expected = from_scratch(site);
    TempDir dir;
    write(dir.path() / "a-file", "not a folder");
    for (const fs::path& home_dir : {dir.path() / "a-file", fs::path("/dev/full")}) {
        TempDir out;
        CacheHome home(home_dir);
        ASSERT_EQ(site.build(day("2026-11-22"), out.path() / "out"), 0) << home_dir << "\n" << site.err();
        EXPECT_EQ(site.diagnostics(), expected.diagnostics) << home_dir;
        EXPECT_EQ(tree(out.path() / "out"), expected.pages) << home_dir;
    }
}

}  // namespace
}  // namespace lotse::test
