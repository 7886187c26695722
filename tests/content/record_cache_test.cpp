// The record cache: a record file whose bytes did not change is not parsed again, and what comes
// from the cache is exactly what parsing gives.
#include "content/record_cache.h"

#include "cache/cache_file.h"

#include <chrono>
#include <thread>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "content/loader.h"
#include "test_site.h"

namespace lotse::test {
namespace {

namespace fs = std::filesystem;

// Copies the sample site's content, so that its files can be changed.
void copy_sample(const fs::path& to) {
    fs::copy(fs::path(LOTSE_SOURCE_DATA_DIR) / "content", to / "content", fs::copy_options::recursive);
}

std::vector<Diagnostic> items(const Diagnostics& d) { return d.items(); }

TEST(RecordCache, RecordsFromTheCacheAreThoseTheFilesGive) {
    TempDir dir;
    copy_sample(dir.path());
    const RecordCacheFile cache{dir.path() / "cache/site.records", "lotse test"};
    Diagnostics parsed_diags, cached_diags, uncached_diags;
    const Content parsed = load_content(dir.path(), parsed_diags, cache);
    ASSERT_TRUE(fs::exists(cache.file));
    const Content cached = load_content(dir.path(), cached_diags, cache);
    const Content uncached = load_content(dir.path(), uncached_diags);
    ASSERT_GE(parsed.offers.size(), 10u);
    EXPECT_EQ(cached.providers, parsed.providers);
    EXPECT_EQ(cached.offers, parsed.offers);
    EXPECT_EQ(cached.courses, parsed.courses);
    EXPECT_EQ(cached.contacts, parsed.contacts);
    EXPECT_EQ(cached.pathways, parsed.pathways);
    EXPECT_EQ(uncached.offers, parsed.offers);
    EXPECT_EQ(items(cached_diags), items(parsed_diags));
}

// A cache whose entry for a file says something else than the file: used only while the file's
// bytes are the ones it was made from.
class PlantedCache : public testing::Test {
protected:
    void SetUp() override {
        site.file("content/offers/kurs.yaml",
                  "title: {de: \"Aus der Datei\"}\nsummary: {de: \"Kurz\"}\nprovider: vhs\nlife_phases: [school]\n"
                  "topics: [school]\nchecked: 2026-11-02\n");
        const fs::path file = site.path() / "content/offers/kurs.yaml";
        const std::string bytes = read(file);
        Offer planted;
        planted.id = "kurs";
        planted.path = file.lexically_normal().generic_string();
        planted.title.by_language["de"] = "Aus dem Cache";
        planted.title.pos = {planted.path, 1, 8};
        Diagnostics warnings;
        warnings.warning({planted.path, 2, 3}, "a warning kept with the record");
        RecordCache cache(cache_file.file, cache_file.program + "\nde");
        cache.put("offers/kurs.yaml", *stamp_of(file), std::hash<std::string>{}(bytes), planted, warnings);
        cache.save();
    }
    std::string title(Diagnostics& diags) {
        const Content c = load_content(site.path(), diags, cache_file);
        for (const Offer& o : c.offers)
            if (o.id == "kurs") return o.title.by_language.at("de");
        return "(missing)";
    }

    TestSite site;
    TempDir cache_dir;
    RecordCacheFile cache_file{cache_dir.path() / "site.records", "lotse test"};
};

TEST_F(PlantedCache, AnUnchangedFileIsNotParsedAgain) {
    Diagnostics diags;
    EXPECT_EQ(title(diags), "Aus dem Cache");
    ASSERT_EQ(diags.items().size(), 1u);
    EXPECT_EQ(format(diags.items()[0]),
              (site.path() / "content/offers/kurs.yaml").generic_string() + ":2:3: warning: a warning kept with the record");
}

TEST_F(PlantedCache, AFileTouchedButNotChangedIsNotParsedAgain) {
    const fs::path file = site.path() / "content/offers/kurs.yaml";
    const std::string bytes = read(file);
    fs::remove(file);
    write(file, bytes);  // new inode, new times, same bytes
    Diagnostics diags;
    EXPECT_EQ(title(diags), "Aus dem Cache");
}

TEST_F(PlantedCache, AChangedFileIsParsedAgain) {
    site.file("content/offers/kurs.yaml",
              "title: {de: \"Neu aus der Datei\"}\nsummary: {de: \"Kurz\"}\nprovider: vhs\nlife_phases: [school]\n"
              "topics: [school]\nchecked: 2026-11-02\n");
    Diagnostics diags;
    EXPECT_EQ(title(diags), "Neu aus der Datei");
    EXPECT_TRUE(diags.items().empty());
}

TEST_F(PlantedCache, AnotherLotseOrSourceLanguageDoesNotUseIt) {
    cache_file.program = "another lotse";
    Diagnostics diags;
    EXPECT_EQ(title(diags), "Aus der Datei");
}

TEST_F(PlantedCache, ADamagedCacheIsIgnored) {
    for (std::size_t keep : {std::size_t{0}, std::size_t{10}, std::size_t{100}, fs::file_size(cache_file.file) - 1}) {
        fs::resize_file(cache_file.file, keep);
        Diagnostics diags;
        EXPECT_EQ(title(diags), "Aus der Datei") << "cut to " << keep << " bytes";
        EXPECT_TRUE(diags.items().empty());
        SetUp();
    }
}

TEST_F(PlantedCache, AnEditedCacheIsIgnored) {
    std::string bytes = read(cache_file.file);
    const std::size_t at = bytes.find("Aus dem Cache");
    ASSERT_NE(at, std::string::npos);
    bytes.replace(at, 13, "Aus dem Cachx");  // the same length: only the checksum tells
    write(cache_file.file, bytes);
    Diagnostics diags;
    EXPECT_EQ(title(diags), "Aus der Datei");
    EXPECT_TRUE(diags.items().empty());
}

TEST_F(PlantedCache, AFileWithErrorsIsNeverCached) {
    site.file("content/offers/kurs.yaml", "title: [kaputt\n");
    Diagnostics first, second;
    title(first);
    title(second);
    EXPECT_TRUE(first.has_errors());
    EXPECT_EQ(items(second), items(first));
}

// Writing the cache again costs more than parsing a few files: one file changed among many is
// parsed again on every run until enough have changed; what is loaded is always what the files say.
TEST(RecordCache, AFewChangedFilesAreParsedAgainUntilEnoughChanged) {
    TestSite site;
    auto offer = [&](int n, const std::string& title) {
        site.file("content/offers/o" + std::to_string(n) + ".yaml",
                  "title: {de: \"" + title + "\"}\nsummary: {de: \"Kurz\"}\nprovider: vhs\nlife_phases: [school]\n"
                  "topics: [school]\nchecked: 2026-11-02\n");
    };
    for (int n = 0; n < 100; ++n) offer(n, "Angebot " + std::to_string(n));
    TempDir cache_dir;
    const RecordCacheFile cache{cache_dir.path() / "site.records", "lotse test"};
    auto titles = [&] {
        Diagnostics diags;
        const Content c = load_content(site.path(), diags, cache);
        std::map<std::string, std::string> out;
        for (const Offer& o : c.offers) out[o.id] = o.title.by_language.at("de");
        return out;
    };
    titles();
    // The files were written just before the cache was saved: their stamps do not vouch for them
    // (a file changed within the same tick of the clock keeps its stamp), so each is checked by its
    // bytes, and once that is safe the cache is saved again to say they are settled.
    const std::string first = read(cache.file);
    std::this_thread::sleep_for(std::chrono::milliseconds(2100));
    titles();
    const std::string saved = read(cache.file);
    EXPECT_NE(saved, first) << "saved again once the stamps can be trusted";
    titles();
    EXPECT_EQ(read(cache.file), saved) << "nothing changed, nothing left to settle";
    offer(7, "Geändert");
    for (int run = 0; run < 2; ++run) {
        EXPECT_EQ(titles().at("o7"), "Geändert") << "run " << run;
        EXPECT_EQ(read(cache.file), saved) << "one file in 101 (the provider's too) is not worth writing the cache";
    }
    offer(8, "Auch geändert");
    const auto after = titles();
    EXPECT_EQ(after.at("o7"), "Geändert");
    EXPECT_EQ(after.at("o8"), "Auch geändert");
    EXPECT_NE(read(cache.file), saved) << "two in 101 are";
    EXPECT_EQ(titles(), after);
}

// Bytes the checksum vouches for are still read with care: whatever a (future or faulty) writer put
// there, the reader neither reads past them nor makes a value its type does not have.
TEST(RecordCache, VerifiedBytesOfAnotherShapeGiveNoImpossibleValue) {
    TestSite site;
    site.file("content/contacts/mbe.yaml",
              "name: {de: \"Beratung\"}\norganisation: vhs\ntopics: [work]\nlife_phases: [work-and-career]\n"
              "hours:\n  - {days: [sun], from: \"09:00\", to: \"12:00\"}\nlocation: online\nchecked: 2026-10-20\n");
    TempDir cache_dir;
    const RecordCacheFile cache{cache_dir.path() / "site.records", "lotse test"};
    Diagnostics first;
    load_content(site.path(), first, cache);
    const std::string key = cache.program + "\nde";
    const std::string payload(CacheFile::read(cache.file, "records 2", key).payload());
    // Every byte of the contact's entry, in turn, made 7: a length, a count, a weekday or a kind of
    // location that does not fit.
    const std::size_t entry = payload.find("contacts/mbe.yaml"), next = payload.find("providers/vhs.yaml");
    ASSERT_LT(entry, next);
    for (std::size_t at = entry; at + 8 < next; ++at)
        for (char value : {'\x07'}) {
            std::string changed = payload;
            changed[at] = value;
            ASSERT_TRUE(write_cache_file(cache.file, "records 2", key, changed));
            Diagnostics diags;
            const Content c = load_content(site.path(), diags, cache);
            ASSERT_EQ(c.contacts.size(), 1u);
            for (const TimeSlot& slot : c.contacts[0].hours)
                for (Weekday d : slot.days) ASSERT_LT(static_cast<int>(d), 7) << "byte " << at << " made " << int(value);
            ASSERT_LT(static_cast<int>(c.contacts[0].location.kind), 3) << "byte " << at << " made " << int(value);
            for (const Diagnostic& d : diags.items())
                ASSERT_TRUE(d.severity == Severity::error || d.severity == Severity::warning) << "byte " << at;
        }
}

TEST(RecordCache, AnUnwritableCacheIsNoError) {
    TestSite site;
    site.file("cache-is-a-file", "x");
    Diagnostics diags;
    load_content(site.path(), diags, {site.path() / "cache-is-a-file" / "site.records", "lotse test"});
    EXPECT_FALSE(diags.has_errors());
}

}  // namespace
}  // namespace lotse::test
