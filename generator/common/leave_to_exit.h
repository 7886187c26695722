// What a program about to end need not free. Freeing a large site's records and templates piece by
// piece is work the system does at once, and faster, when the process ends; a run that is followed
// by the end of the program hands them here instead.
#pragma once

#include <memory>
#include <mutex>
#include <type_traits>
#include <utility>
#include <vector>

namespace lotse {

// Keeps `things` until the process ends, never destroying them. They stay reachable from here, so a
// leak checker does not count them.
template <typename... T>
void leave_to_exit(T&&... things) {
    static auto* kept = new std::vector<std::shared_ptr<void>>;  // never freed, on purpose
    static std::mutex mutex;
    std::lock_guard<std::mutex> lock(mutex);
    (kept->push_back(std::make_shared<std::remove_cvref_t<T>>(std::forward<T>(things))), ...);
}

}  // namespace lotse
