#include "render/schedule.h"

#include <algorithm>
#include <thread>

namespace lotse {

std::optional<std::size_t> PageSchedule::pick_language() {
    const std::size_t languages = next_page_.size();
    if (const std::size_t l = next_language_.fetch_add(1); l < languages) return l;
    std::optional<std::size_t> most;
    std::size_t most_left = 0;
    for (std::size_t l = 0; l < languages; ++l)
        if (const std::size_t done = next_page_[l].load(); done < pages_ && pages_ - done > most_left)
            most = l, most_left = pages_ - done;
    return most;
}

unsigned render_threads(int jobs, std::size_t languages, std::size_t pages) {
    const unsigned wanted = jobs > 0 ? static_cast<unsigned>(jobs) : std::thread::hardware_concurrency();
    return std::max(1u, std::min<unsigned>(wanted, static_cast<unsigned>(languages * pages / 64 + 1)));
}

}  // namespace lotse
