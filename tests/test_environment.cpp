// Every test process keeps Lotse's record cache in a folder of its own, removed at the end, so
// tests neither read another run's records nor leave files in the user's cache.
#include <cstdlib>
#include <filesystem>

#include <gtest/gtest.h>

#include "test_site.h"

namespace lotse::test {
namespace {

class CacheInTempFolder : public testing::Environment {
public:
    void SetUp() override {
        dir_ = std::make_unique<TempDir>();
        setenv("XDG_CACHE_HOME", dir_->path().c_str(), 1);
    }
    void TearDown() override { dir_.reset(); }

private:
    std::unique_ptr<TempDir> dir_;
};

[[maybe_unused]] testing::Environment* const environment = testing::AddGlobalTestEnvironment(new CacheInTempFolder);

}  // namespace
}  // namespace lotse::test
