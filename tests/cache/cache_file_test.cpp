// A cache file is read back only as it was written: any other bytes, or none, are a miss.
#include "cache/cache_file.h"

#include <sys/resource.h>

#include <csignal>

#include <gtest/gtest.h>

#include "test_site.h"

namespace lotse::test {
namespace {

namespace fs = std::filesystem;

std::string payload_of(const fs::path& file, std::string_view kind = "records 9", std::string_view identity = "lotse test") {
    const CacheFile f = CacheFile::read(file, kind, identity);
    return f.found() ? std::string(f.payload()) : "(miss)";
}

TEST(Checksum, IsXxh64) {
    // The reference implementation's values (libxxhash 0.8.1).
    EXPECT_EQ(checksum(""), 0xef46db3751d8e999ULL);
    EXPECT_EQ(checksum("a"), 0xd24ec4f1a98c6e5bULL);
    EXPECT_EQ(checksum("abc"), 0x44bc2cf5ad770999ULL);
    EXPECT_EQ(checksum("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"), 0x7639d419de614eedULL);
    std::string bytes;
    for (int i = 0; i < 5 * 256; ++i) bytes.push_back(static_cast<char>(i % 256));
    EXPECT_EQ(checksum(bytes), 0xafc184ad7938a354ULL);
}

TEST(CacheFile, IsReadAsWritten) {
    TempDir dir;
    const fs::path file = dir.path() / "new-folder" / "site.records";
    const std::string payload("records\0with\xff bytes", 19);
    ASSERT_TRUE(write_cache_file(file, "records 9", "lotse test", payload));
    EXPECT_EQ(payload_of(file), payload);
    ASSERT_TRUE(write_cache_file(file, "records 9", "lotse test", ""));
    const CacheFile empty = CacheFile::read(file, "records 9", "lotse test");
    EXPECT_TRUE(empty.found()) << "an empty payload is a payload";
    EXPECT_EQ(empty.payload(), "");
    // Nothing is left beside it.
    EXPECT_EQ(std::distance(fs::directory_iterator(file.parent_path()), fs::directory_iterator()), 1);
}

TEST(CacheFile, AnotherKindOrIdentityIsAMiss) {
    TempDir dir;
    const fs::path file = dir.path() / "site.records";
    ASSERT_TRUE(write_cache_file(file, "records 9", "lotse test", "payload"));
    EXPECT_EQ(payload_of(file, "records 10"), "(miss)");
    EXPECT_EQ(payload_of(file, "records 9", "another lotse"), "(miss)");
    EXPECT_EQ(payload_of(file, "records 9", "lotse tes"), "(miss)");
    EXPECT_EQ(payload_of(file), "payload");
}

TEST(CacheFile, AnyOtherBytesAreAMiss) {
    TempDir dir;
    const fs::path file = dir.path() / "site.records";
    const std::string payload(1000, 'x');
    ASSERT_TRUE(write_cache_file(file, "records 9", "lotse test", payload));
    const std::string bytes = read(file);
    // Every byte of the header, and every 7th of the payload, changed one at a time.
    for (std::size_t at = 0; at < bytes.size(); at += at < bytes.size() - payload.size() ? 1 : 7) {
        std::string changed = bytes;
        changed[at] ^= 0x01;
        write(file, changed);
        ASSERT_EQ(payload_of(file), "(miss)") << "byte " << at << " changed";
    }
    for (std::size_t size = 0; size < bytes.size(); size += 7) {
        write(file, bytes.substr(0, size));
        ASSERT_EQ(payload_of(file), "(miss)") << "cut to " << size;
    }
    write(file, bytes + "x");
    EXPECT_EQ(payload_of(file), "(miss)") << "one byte more";
    write(file, bytes);
    EXPECT_EQ(payload_of(file), payload);
}

TEST(CacheFile, WhatIsNotAFileIsAMiss) {
    TempDir dir;
    EXPECT_EQ(payload_of(dir.path() / "missing"), "(miss)");
    fs::create_directory(dir.path() / "folder");
    EXPECT_EQ(payload_of(dir.path() / "folder"), "(miss)");
    fs::create_symlink(dir.path() / "nowhere", dir.path() / "dangling");
    EXPECT_EQ(payload_of(dir.path() / "dangling"), "(miss)");
    EXPECT_EQ(payload_of("/dev/zero"), "(miss)");
}

TEST(CacheFile, AFileThatCannotBeWrittenLeavesThePreviousOne) {
    TempDir dir;
    const fs::path file = dir.path() / "site.records";
    ASSERT_TRUE(write_cache_file(file, "records 9", "lotse test", "previous"));
    // A folder in its place, a file where its folder should be, a device that is always full.
    fs::create_directory(dir.path() / "taken");
    EXPECT_FALSE(write_cache_file(dir.path() / "taken", "records 9", "lotse test", "new"));
    EXPECT_FALSE(write_cache_file(file / "below-a-file", "records 9", "lotse test", "new"));
    EXPECT_FALSE(write_cache_file("/dev/full/lotse/site.records", "records 9", "lotse test", "new"));
    // A full disk: here the largest file this process may write, as a full disk, stops the write
    // halfway (the signal that limit sends is ignored, so the write fails instead).
    const auto previous_signal = std::signal(SIGXFSZ, SIG_IGN);
    rlimit kept{};
    getrlimit(RLIMIT_FSIZE, &kept);
    rlimit limit = kept;
    limit.rlim_cur = 4096;
    setrlimit(RLIMIT_FSIZE, &limit);
    const bool written = write_cache_file(file, "records 9", "lotse test", std::string(100000, 'x'));
    setrlimit(RLIMIT_FSIZE, &kept);
    std::signal(SIGXFSZ, previous_signal);
    EXPECT_FALSE(written);
    EXPECT_EQ(payload_of(file), "previous");
    EXPECT_EQ(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()), 2) << "no temporary file is left";
}

}  // namespace
}  // namespace lotse::test
