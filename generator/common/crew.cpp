#include "common/crew.h"

#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace lotse {

namespace {

// The helper threads: each takes the oldest job waiting, runs it and waits for the next. A job
// posted when every helper is busy gets a new helper, so a job never waits for another one (a
// job may wait for its poster, as the second loading thread waits for the site's languages).
// A job's `done` is called once its helper counts as free again: a poster told that its jobs are
// done and posting the next ones finds the same helpers, and starts no new ones.
class Crew {
public:
    // Never destroyed: its helpers wait in it until the process ends.
    static Crew& get() {
        static Crew* crew = new Crew;
        return *crew;
    }

    // `work` catches what it throws: a helper never ends.
    void post(std::function<void()> work, std::function<void()> done) {
        std::lock_guard<std::mutex> lock(mutex_);
        queue_.push_back({std::move(work), std::move(done)});
        if (queue_.size() <= idle_) {
            wake_.notify_one();
            return;
        }
        // Started under the lock, so a failure takes back this job and no other. The new helper
        // counts as waiting from now on: it takes a job as soon as it runs, and a job posted before
        // then must not start yet another helper.
        try {
            std::thread([this] { serve(); }).detach();
        } catch (...) {
            queue_.pop_back();
            throw;
        }
        ++started_;
        ++idle_;
    }

    unsigned started() {
        std::lock_guard<std::mutex> lock(mutex_);
        return started_;
    }

private:
    struct Job {
        std::function<void()> work, done;
    };

    [[noreturn]] void serve() {
        std::unique_lock<std::mutex> lock(mutex_);
        for (;;) {
            wake_.wait(lock, [this] { return !queue_.empty(); });
            --idle_;
            Job job = std::move(queue_.front());
            queue_.pop_front();
            lock.unlock();
            job.work();
            job.work = nullptr;  // what the work holds goes before its poster hears it is done
            lock.lock();
            ++idle_;
            job.done();
        }
    }

    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<Job> queue_;
    std::size_t idle_ = 0;  // helpers waiting for a job, or started and about to
    unsigned started_ = 0;
};

}  // namespace

void run_together(unsigned threads, const std::function<void(unsigned t)>& job) {
    if (threads <= 1) {
        job(0);
        return;
    }
    // Shared with the helpers, which may still hold it for a moment after the last one is done.
    struct State {
        explicit State(unsigned n) : errors(n), left(n - 1) {}
        std::vector<std::exception_ptr> errors;
        std::atomic<unsigned> left;
    };
    auto state = std::make_shared<State>(threads);
    unsigned posted = 1;
    auto wait_for_helpers = [&] {
        // Helpers not posted (a thread could not be started) count as done.
        if (const unsigned missing = threads - posted; missing > 0 && state->left.fetch_sub(missing) == missing) return;
        for (unsigned left; (left = state->left.load(std::memory_order_acquire)) != 0;)
            state->left.wait(left, std::memory_order_acquire);
    };
    try {
        for (; posted < threads; ++posted)
            Crew::get().post(
                [state, &job, t = posted] {
                    try {
                        job(t);
                    } catch (...) {
                        state->errors[t] = std::current_exception();
                    }
                },
                [state] {
                    if (state->left.fetch_sub(1, std::memory_order_acq_rel) == 1) state->left.notify_all();
                });
        job(0);
    } catch (...) {
        state->errors[0] = std::current_exception();
    }
    wait_for_helpers();
    for (const std::exception_ptr& e : state->errors)
        if (e) std::rethrow_exception(e);
}

struct Background::State {
    std::atomic<bool> done{false};
    std::exception_ptr error;
};

Background::Background(std::function<void()> job) : state_(std::make_shared<State>()) {
    Crew::get().post(
        [state = state_, job = std::move(job)] {
            try {
                job();
            } catch (...) {
                state->error = std::current_exception();
            }
        },
        [state = state_] {
            state->done.store(true, std::memory_order_release);
            state->done.notify_all();
        });
}

Background::~Background() {
    if (state_) state_->done.wait(false, std::memory_order_acquire);
}

void Background::wait() {
    state_->done.wait(false, std::memory_order_acquire);
    if (state_->error) std::rethrow_exception(std::exchange(state_->error, nullptr));
}

namespace crew {
unsigned helpers_started() { return Crew::get().started(); }
}  // namespace crew

}  // namespace lotse
