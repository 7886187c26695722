// Helper threads kept for the whole process. A build hands work to other threads several times
// (the catalogs and templates while the records load, record parsing, fingerprints, rendering).
// On a virtual machine a new thread takes 0.3-3 ms before it runs (most of it spent on its first
// allocations: its own heap arena, its stack's first pages) and 1-2 ms to end; a helper that
// waits between jobs is woken in microseconds and still has its warm heap and stack.
#pragma once

#include <exception>
#include <functional>
#include <memory>

namespace lotse {

// Runs job(t) for every t in [0, threads) at the same time: t == 0 on the calling thread, the
// others on helper threads. Returns when all have returned; if any threw, the exception of the
// lowest t is thrown again here, after all have returned.
void run_together(unsigned threads, const std::function<void(unsigned t)>& job);

// A job running on a helper thread while the caller does other work. The caller waits for it
// with wait(), which throws what the job threw; the destructor waits too (and drops the
// exception: a destructor cannot throw), so the job never outlives what it was given.
class Background {
public:
    explicit Background(std::function<void()> job);
    Background(const Background&) = delete;
    Background& operator=(const Background&) = delete;
    ~Background();
    void wait();

private:
    struct State;
    std::shared_ptr<State> state_;
};

namespace crew {
// How many helper threads the process has started so far (for tests: helpers are reused).
unsigned helpers_started();
}  // namespace crew

}  // namespace lotse
