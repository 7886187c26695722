// The preview folder is written in place while the server reads from it: a page is never served
// half-written, and writing a changed file again does not cost a new inode.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <atomic>
#include <thread>

#include "serve/preview_output.h"
#include "test_site.h"

namespace lotse::test {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::StartsWith;

ino_t inode(const fs::path& file) {
    struct stat st {};
    EXPECT_EQ(::stat(file.c_str(), &st), 0) << file;
    return st.st_ino;
}

OutputFile page(std::string bytes) {
    OutputFile f;
    f.path = "de/index.html";
    f.bytes = std::move(bytes);
    f.fingerprint = 7;
    return f;
}

TEST(PreviewOutputTest, AChangedFileIsWrittenOverTheOldOneAndCutToItsSize) {
    TempDir tmp;
    PreviewOutput output(tmp.path());
    Diagnostics diags;
    ASSERT_TRUE(output.write(page("<p>a longer first version</p>"), diags));
    const ino_t first = inode(tmp.path() / "de/index.html");
    ASSERT_TRUE(output.write(page("<p>short</p>"), diags));
    EXPECT_EQ(read(tmp.path() / "de/index.html"), "<p>short</p>");
    EXPECT_EQ(output.read(tmp.path() / "de/index.html"), "<p>short</p>");
    EXPECT_EQ(inode(tmp.path() / "de/index.html"), first);
    EXPECT_FALSE(diags.has_errors());
    uint64_t size = 0;
    EXPECT_TRUE(output.keep("de/index.html", 7, &size));
    EXPECT_EQ(size, 12u);
}

TEST(PreviewOutputTest, AReaderNeverSeesAFileHalfWritten) {
    TempDir tmp;
    PreviewOutput output(tmp.path());
    const std::string a(1 << 20, 'a'), b(300 * 1024, 'b');
    Diagnostics diags;
    ASSERT_TRUE(output.write(page(a), diags));
    std::atomic<bool> done{false};
    std::atomic<int> reads{0}, torn{0};
    std::thread reader([&] {
        while (!done) {
            const std::string seen = output.read(tmp.path() / "de/index.html");
            if (seen != a && seen != b) ++torn;
            ++reads;
        }
    });
    for (int i = 0; i < 200; ++i) ASSERT_TRUE(output.write(page(i % 2 ? a : b), diags));
    done = true;
    reader.join();
    EXPECT_GT(reads, 0);
    EXPECT_EQ(torn, 0) << "of " << reads << " reads";
}

TEST(PreviewOutputTest, AFileThatCannotBeWrittenIsAnErrorNamingIt) {
    TempDir tmp;
    PreviewOutput output(tmp.path());
    fs::create_directories(tmp.path() / "de/index.html");  // a folder where the page goes
    Diagnostics diags;
    EXPECT_FALSE(output.write(page("<p>x</p>"), diags));
    ASSERT_EQ(diags.items().size(), 1u);
    EXPECT_THAT(format(diags.items()[0]),
                StartsWith((tmp.path() / "de/index.html").generic_string() + ": error: cannot write this preview file: "));
    EXPECT_THAT(format(diags.items()[0]), HasSubstr("Is a directory"));
    EXPECT_FALSE(output.keep("de/index.html", 7));
}

}  // namespace
}  // namespace lotse::test
