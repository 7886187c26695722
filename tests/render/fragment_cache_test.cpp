// Fragments kept between builds: found only when made from the same inputs, never harmful when
// the file is damaged, outdated or cannot be written.
#include "render/fragment_cache.h"

#include "cache/cache_file.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "test_site.h"

namespace lotse::test {
namespace {

namespace fs = std::filesystem;

const std::vector<std::string> kLanguages = {"de", "ar"};

// A first build's cache: two German fragments and one Arabic, saved.
void first_build(const fs::path& stem, std::uint64_t shared = 7) {
    FragmentCache cache(stem, shared, kLanguages);
    cache.add(0, {{1, 100, "<li>Kurs</li>"}, {2, 200, "<li>Beratung</li>"}});
    cache.add(1, {{1, 101, "<li>دورة</li>"}});
    cache.save(0);
    cache.save(1);
}

std::optional<std::string> found(FragmentCache& cache, std::size_t language, std::uint64_t id, std::uint64_t fingerprint) {
    const auto html = cache.find(language, id, fingerprint);
    return html ? std::optional<std::string>(std::string(*html)) : std::nullopt;
}

TEST(FragmentCache, ANextBuildFindsWhatWasMadeFromTheSameInputs) {
    TempDir dir;
    const fs::path stem = dir.path() / "cache" / "site";
    first_build(stem);
    EXPECT_TRUE(fs::exists(dir.path() / "cache/site.de.fragments"));
    EXPECT_TRUE(fs::exists(dir.path() / "cache/site.ar.fragments"));

    FragmentCache next(stem, 7, kLanguages);
    EXPECT_EQ(found(next, 0, 1, 100), "<li>Kurs</li>");
    EXPECT_EQ(found(next, 0, 2, 200), "<li>Beratung</li>");
    EXPECT_EQ(found(next, 1, 1, 101), "<li>دورة</li>");
    EXPECT_EQ(found(next, 0, 1, 999), std::nullopt) << "the record changed since";
    EXPECT_EQ(found(next, 0, 3, 100), std::nullopt) << "never made";
    EXPECT_EQ(found(next, 1, 2, 200), std::nullopt) << "made for German only";

    FragmentCache other_inputs(stem, 8, kLanguages);
    EXPECT_EQ(found(other_inputs, 0, 1, 100), std::nullopt) << "templates, catalogs or settings changed since";
}

TEST(FragmentCache, ASaveKeepsWhatItDidNotReplace) {
    TempDir dir;
    const fs::path stem = dir.path() / "site";
    first_build(stem);
    {
        FragmentCache rebuild(stem, 7, kLanguages);
        ASSERT_EQ(found(rebuild, 0, 2, 200), "<li>Beratung</li>");
        rebuild.add(0, {{1, 150, "<li>Kurs am Abend</li>"}});
        rebuild.save(0);
        rebuild.save(1);  // nothing new: the Arabic file is left as it was
    }
    FragmentCache next(stem, 7, kLanguages);
    EXPECT_EQ(found(next, 0, 1, 150), "<li>Kurs am Abend</li>");
    EXPECT_EQ(found(next, 0, 1, 100), std::nullopt);
    EXPECT_EQ(found(next, 0, 2, 200), "<li>Beratung</li>");
    EXPECT_EQ(found(next, 1, 1, 101), "<li>دورة</li>");
}

TEST(FragmentCache, AFewNewFragmentsAreLeftToBeRenderedAgain) {
    TempDir dir;
    const fs::path stem = dir.path() / "site";
    {
        FragmentCache first(stem, 7, kLanguages);
        std::vector<Fragment> many;
        for (std::uint64_t id = 0; id < 100; ++id) many.push_back({id, 100 + id, "<li>" + std::to_string(id) + "</li>"});
        first.add(0, std::move(many));
        first.save(0);
    }
    const std::string saved = read(dir.path() / "site.de.fragments");
    {
        FragmentCache rebuild(stem, 7, kLanguages);
        ASSERT_EQ(found(rebuild, 0, 5, 105), "<li>5</li>");
        rebuild.add(0, {{5, 999, "<li>5 neu</li>"}});
        rebuild.save(0);
    }
    EXPECT_EQ(read(dir.path() / "site.de.fragments"), saved) << "one new fragment in 100 is not worth writing the file";
    FragmentCache next(stem, 7, kLanguages);
    EXPECT_EQ(found(next, 0, 5, 999), std::nullopt) << "so it is rendered again";
    EXPECT_EQ(found(next, 0, 6, 106), "<li>6</li>");
    next.add(0, {{5, 999, "<li>5 neu</li>"}, {6, 998, "<li>6 neu</li>"}});
    next.save(0);
    FragmentCache last(stem, 7, kLanguages);
    EXPECT_EQ(found(last, 0, 5, 999), "<li>5 neu</li>") << "two in 100 are";
    EXPECT_EQ(found(last, 0, 6, 998), "<li>6 neu</li>");
    EXPECT_EQ(found(last, 0, 7, 107), "<li>7</li>");
}

TEST(FragmentCache, ADamagedFileIsEmpty) {
    TempDir dir;
    const fs::path stem = dir.path() / "site";
    first_build(stem);
    const fs::path file = dir.path() / "site.de.fragments";
    const std::string bytes = read(file);
    // Cut anywhere (a full disk, a crash of another program) or overwritten: nothing is found,
    // nothing is read past the end.
    for (std::size_t size : {std::size_t{0}, std::size_t{5}, std::size_t{30}, bytes.size() / 2, bytes.size() - 1}) {
        write(file, bytes.substr(0, size));
        FragmentCache next(stem, 7, kLanguages);
        EXPECT_EQ(found(next, 0, 1, 100), std::nullopt) << "cut to " << size << " bytes";
        EXPECT_EQ(found(next, 0, 2, 200), std::nullopt) << "cut to " << size << " bytes";
        EXPECT_EQ(found(next, 1, 1, 101), "<li>دورة</li>") << "the other language's file is whole";
    }
    // Bytes the checksum vouches for but of another shape (a fragment longer than the file) are
    // not read past their end.
    std::string payload;
    for (std::uint64_t v : {std::uint64_t{1}, std::uint64_t{5}, std::uint64_t{1}, std::uint64_t{100}, std::uint64_t{0},
                            std::uint64_t{1} << 40})
        payload.append(reinterpret_cast<const char*>(&v), sizeof v);
    payload += "<li>x";
    ASSERT_TRUE(write_cache_file(file, "fragments 3", "0000000000000007", payload));
    FragmentCache next(stem, 7, kLanguages);
    EXPECT_EQ(found(next, 0, 1, 100), std::nullopt);
    EXPECT_EQ(found(next, 0, 2, 200), std::nullopt);
    write(file, bytes + "x");
    FragmentCache longer(stem, 7, kLanguages);
    EXPECT_EQ(found(longer, 0, 1, 100), std::nullopt);
}

TEST(FragmentCache, AnEditedFragmentIsNotFound) {
    TempDir dir;
    const fs::path stem = dir.path() / "site";
    first_build(stem);
    const fs::path file = dir.path() / "site.de.fragments";
    std::string bytes = read(file);
    bytes.replace(bytes.find("<li>Kurs</li>"), 13, "<li>Kurx</li>");  // the same length: only the checksum tells
    write(file, bytes);
    FragmentCache next(stem, 7, kLanguages);
    EXPECT_EQ(found(next, 0, 1, 100), std::nullopt);
    EXPECT_EQ(found(next, 0, 2, 200), std::nullopt);
    EXPECT_EQ(found(next, 1, 1, 101), "<li>دورة</li>") << "the other language's file is whole";
}

TEST(FragmentCache, ACacheThatCannotBeWrittenIsNoError) {
    TempDir dir;
    write(dir.path() / "cache", "a file where the cache folder should be");
    const fs::path stem = dir.path() / "cache" / "site";
    first_build(stem);
    EXPECT_FALSE(fs::exists(dir.path() / "cache/site.de.fragments"));
    FragmentCache next(stem, 7, kLanguages);
    EXPECT_EQ(found(next, 0, 1, 100), std::nullopt);

    FragmentCache none;  // no cache folder at all
    EXPECT_FALSE(none.enabled());
    none.add(0, {{1, 100, "<li>Kurs</li>"}});
    none.save(0);
    EXPECT_EQ(found(none, 0, 1, 100), std::nullopt);
}

}  // namespace
}  // namespace lotse::test
