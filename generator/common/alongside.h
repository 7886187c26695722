// Work done beside the main line of a run: a job on a helper thread whose result the main line
// waits for when it needs it, and tasks that either thread takes, so that neither waits idle for
// the other. (A build reads the catalogs beside the records, and the templates and the previous
// output beside both.)
#pragma once

#include <atomic>
#include <cstddef>
#include <exception>
#include <functional>
#include <future>
#include <utility>
#include <vector>

#include "common/crew.h"

namespace lotse {

// Tasks that do not depend on each other, each done once, by whichever thread takes it first.
class Alongside {
public:
    explicit Alongside(std::vector<std::function<void()>> tasks) : tasks_(std::move(tasks)) {}
    Alongside(const Alongside&) = delete;
    Alongside& operator=(const Alongside&) = delete;

    // Takes tasks until none is left; returns when the last one it took is done (one another
    // thread took may still run).
    void run() {
        for (std::size_t i; (i = next_++) < tasks_.size();) tasks_[i]();
    }

private:
    std::vector<std::function<void()>> tasks_;
    std::atomic<std::size_t> next_{0};
};

// `job` on a helper thread, which then takes tasks from `then`. The owner asks for the job's
// result with get() (at once, while the helper may still run tasks), and waits for the helper with
// wait(), which throws what a task threw; the destructor waits too, so the helper never outlives
// what it was given.
template <typename T>
class Beside {
public:
    Beside(std::function<T()> job, Alongside& then)
        : result_(promise_.get_future()), helper_([this, job = std::move(job), &then] {
              try {
                  promise_.set_value(job());
              } catch (...) {
                  promise_.set_exception(std::current_exception());
              }
              then.run();
          }) {}
    Beside(const Beside&) = delete;
    Beside& operator=(const Beside&) = delete;

    // Waits for the job; throws what it threw. Once only.
    T get() { return result_.get(); }
    void wait() { helper_.wait(); }

private:
    std::promise<T> promise_;
    std::future<T> result_;
    Background helper_;  // last: it starts once the promise exists, and is waited for first
};

}  // namespace lotse
