#include "common/interrupt.h"

#include <pthread.h>
#include <signal.h>

#include <algorithm>
#include <thread>
#include <vector>

namespace lotse::interrupt {

namespace {

struct State {
    std::mutex mutex;
    std::vector<std::filesystem::path> leftovers;
    bool ending = false;
};

// Never destroyed: the signal thread may use it while the program exits.
State& state() {
    static State* s = new State;
    return *s;
}

sigset_t taken() {
    sigset_t set;
    sigemptyset(&set);
    for (int sig : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&set, sig);
    return set;
}

}  // namespace

void take_signals() {
    const sigset_t set = taken();
    if (pthread_sigmask(SIG_BLOCK, &set, nullptr) != 0) return;
    std::thread([set] {
        int sig = 0;
        if (sigwait(&set, &sig) != 0) return;
        {
            State& s = state();
            std::lock_guard<std::mutex> lock(s.mutex);
            s.ending = true;
            // Other threads may still write into a folder while it is removed (a file made after
            // its folder was read keeps that folder): removed again until it is gone. A folder
            // once removed takes no new files.
            std::error_code ec;
            for (const auto& folder : s.leftovers)
                for (int pass = 0; pass < 100 && std::filesystem::exists(std::filesystem::symlink_status(folder, ec)); ++pass)
                    std::filesystem::remove_all(folder, ec);
        }
        // Ends the program the way the signal would have: a shell sees it killed by the signal.
        ::signal(sig, SIG_DFL);
        sigset_t one;
        sigemptyset(&one);
        sigaddset(&one, sig);
        pthread_sigmask(SIG_UNBLOCK, &one, nullptr);
        ::raise(sig);
    }).detach();
}

Leftover::Leftover(std::filesystem::path folder) : folder_(std::move(folder)) {
    State& s = state();
    std::lock_guard<std::mutex> lock(s.mutex);
    s.leftovers.push_back(folder_);
}

Leftover::~Leftover() {
    State& s = state();
    std::lock_guard<std::mutex> lock(s.mutex);
    if (auto it = std::find(s.leftovers.begin(), s.leftovers.end(), folder_); it != s.leftovers.end()) s.leftovers.erase(it);
}

std::unique_lock<std::mutex> hold() { return std::unique_lock<std::mutex>(state().mutex); }

bool interrupted() { return state().ending; }

}  // namespace lotse::interrupt
