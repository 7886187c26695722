#include "common/crew.h"

#include <atomic>
#include <chrono>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>

#include <gtest/gtest.h>

namespace lotse {
namespace {

using namespace std::chrono_literals;

// Waits until `arrived` reaches `all`, for 10 s at most; false if it did not.
bool meet(std::atomic<unsigned>& arrived, unsigned all) {
    ++arrived;
    const auto until = std::chrono::steady_clock::now() + 10s;
    while (arrived.load() < all)
        if (std::chrono::steady_clock::now() > until) return false;
        else std::this_thread::sleep_for(100us);
    return true;
}

// Every part runs once, and all at the same time: each waits for all the others to arrive.
TEST(Crew, RunTogetherRunsEveryPartOnceAndAtTheSameTime) {
    std::mutex mutex;
    std::multiset<unsigned> ran;
    std::atomic<unsigned> arrived{0}, met{0};
    run_together(4, [&](unsigned t) {
        {
            std::lock_guard<std::mutex> lock(mutex);
            ran.insert(t);
        }
        if (meet(arrived, 4)) ++met;
    });
    EXPECT_EQ(ran, (std::multiset<unsigned>{0, 1, 2, 3}));
    EXPECT_EQ(met.load(), 4u);
}

TEST(Crew, RunTogetherWithOnePartRunsItOnTheCallingThread) {
    const std::thread::id caller = std::this_thread::get_id();
    std::thread::id ran_on;
    run_together(1, [&](unsigned t) {
        EXPECT_EQ(t, 0u);
        ran_on = std::this_thread::get_id();
    });
    EXPECT_EQ(ran_on, caller);
}

// A part that throws does not leave the others running: run_together returns once all are done,
// and throws what the lowest-numbered failing part threw.
TEST(Crew, RunTogetherThrowsTheFirstFailureAfterEveryPartHasEnded) {
    std::atomic<bool> slow_part_ended{false};
    try {
        run_together(4, [&](unsigned t) {
            if (t == 3) {
                std::this_thread::sleep_for(50ms);
                slow_part_ended = true;
            }
            if (t == 1 || t == 2) throw std::runtime_error("part " + std::to_string(t) + " failed");
        });
        ADD_FAILURE() << "run_together did not throw";
    } catch (const std::runtime_error& e) {
        EXPECT_STREQ(e.what(), "part 1 failed");
    }
    EXPECT_TRUE(slow_part_ended.load());
}

// Helpers wait for the next job instead of ending: running parts again and again starts no new
// threads once there are enough.
TEST(Crew, HelpersAreKeptForTheNextJobs) {
    run_together(3, [](unsigned) {});
    const unsigned started = crew::helpers_started();
    for (int i = 0; i < 20; ++i) {
        std::atomic<unsigned> arrived{0};
        run_together(3, [&](unsigned) { meet(arrived, 3); });
        Background job([] {});
        job.wait();
    }
    EXPECT_EQ(crew::helpers_started(), started);
}

TEST(Crew, BackgroundRunsWhileTheCallerWaitsForIt) {
    std::atomic<bool> go{false}, done{false};
    Background job([&] {
        while (!go.load()) std::this_thread::sleep_for(100us);
        done = true;
    });
    EXPECT_FALSE(done.load());
    go = true;
    job.wait();
    EXPECT_TRUE(done.load());
}

TEST(Crew, BackgroundWaitThrowsWhatTheJobThrew) {
    Background job([] { throw std::runtime_error("catalog folder unreadable"); });
    try {
        job.wait();
        ADD_FAILURE() << "wait did not throw";
    } catch (const std::runtime_error& e) {
        EXPECT_STREQ(e.what(), "catalog folder unreadable");
    }
}

// A job may wait for its poster (the second loading thread waits for the site's languages): it
// gets a helper of its own even when the others are busy, so the poster is never stuck.
TEST(Crew, AJobWaitingForItsPosterDoesNotHoldUpOtherJobs) {
    std::atomic<bool> released{false};
    Background waiting([&] {
        while (!released.load()) std::this_thread::sleep_for(100us);
    });
    std::atomic<unsigned> arrived{0};
    std::atomic<unsigned> met{0};
    run_together(3, [&](unsigned) {
        if (meet(arrived, 3)) ++met;
    });
    EXPECT_EQ(met.load(), 3u);
    released = true;
    waiting.wait();
}

// The destructor waits for the job, so the job may use what the caller's scope holds.
TEST(Crew, BackgroundDestructorWaitsForTheJob) {
    std::atomic<bool> done{false};
    {
        Background job([&] {
            std::this_thread::sleep_for(30ms);
            done = true;
        });
    }
    EXPECT_TRUE(done.load());
}

}  // namespace
}  // namespace lotse
