#include "serve/preview_state.h"

#include <unistd.h>

namespace lotse {

PreviewState::PreviewState()
    : session_(std::to_string(::getpid()) + '.' +
               std::to_string(std::chrono::steady_clock::now().time_since_epoch().count() % 1000000)) {
    now_.version = session_ + "-0";
}

void PreviewState::publish(std::string problems) {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        now_.version = session_ + '-' + std::to_string(++builds_);
        now_.problems = std::move(problems);
    }
    changed_.notify_all();
}

PreviewState::Now PreviewState::now() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return now_;
}

std::string PreviewState::wait_for_change(const std::string& seen, std::chrono::milliseconds timeout) const {
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait_for(lock, timeout, [&] { return now_.version != seen; });
    return now_.version;
}

}  // namespace lotse
