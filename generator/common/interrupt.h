// Ctrl-C, SIGTERM and SIGHUP end the program as they always do, but first remove the folders it
// registered here (a build's staging folder), so an interrupted build leaves nothing behind.
// What must happen whole (the output's swap) runs under hold(): an interruption waits for it.
#pragma once

#include <filesystem>
#include <mutex>

namespace lotse::interrupt {

// Takes the three signals on a thread of their own. Call it first in main(), before any other
// thread starts, so that every thread inherits the blocked signals. Without it (tests) nothing
// here changes how a signal ends the program.
void take_signals();

// A folder to remove if the program is interrupted, for as long as this lives.
class Leftover {
public:
    explicit Leftover(std::filesystem::path folder);
    Leftover(const Leftover&) = delete;
    Leftover& operator=(const Leftover&) = delete;
    ~Leftover();

private:
    std::filesystem::path folder_;
};

// Held, an interruption waits until it is released; `interrupted()` then says whether the program
// is ending, so that what is about to begin does not.
std::unique_lock<std::mutex> hold();
bool interrupted();  // call while holding

}  // namespace lotse::interrupt
