// What open preview pages must agree with, shared by the thread that rebuilds and the server's
// threads: a version that changes with every build (a page served under another version reloads),
// and the problems of the last build, shown over every page.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>

namespace lotse {

class PreviewState {
public:
    struct Now {
        std::string version;
        std::string problems;  // the overlay's HTML; empty without errors and warnings
    };
    PreviewState();
    // After a build: its problems (HTML), and a new version for the pages to reload to.
    void publish(std::string problems);
    Now now() const;
    // The version once it is not `seen`, or after `timeout` (then it may still be `seen`).
    std::string wait_for_change(const std::string& seen, std::chrono::milliseconds timeout) const;

private:
    std::string session_;  // versions of another `lotse serve` on the same port differ
    unsigned long builds_ = 0;
    Now now_;
    mutable std::mutex mutex_;
    mutable std::condition_variable changed_;
};

}  // namespace lotse
