// Which thread renders which pages. Each thread takes a language of its own and renders its pages
// in runs; a thread that finds every language taken helps with the one that has the most pages
// left. So a thread stays with the formatters and fragments it has built, and threads mostly
// create files in different folders (creating files in one folder is serialised by the file
// system).
#pragma once

#include <atomic>
#include <cstddef>
#include <optional>
#include <vector>

namespace lotse {

class PageSchedule {
public:
    static constexpr std::size_t kRun = 32;  // pages handed out at once

    PageSchedule(std::size_t languages, std::size_t pages)
        : pages_(pages), next_page_(languages), working_on_(languages) {}

    // A language to work on, or none when every page is handed out.
    std::optional<std::size_t> pick_language();
    // Calls page(n) for every page of `language` this thread is handed, then leave(); then true
    // if this thread was the last on the language and every page of it is done (every thread
    // that worked on it has left).
    template <typename Page, typename Leave>
    bool work_on(std::size_t language, Page page, Leave leave) {
        ++working_on_[language];
        for (std::size_t start; (start = next_page_[language].fetch_add(kRun)) < pages_;)
            for (std::size_t p = start; p < std::min(pages_, start + kRun); ++p) page(p);
        leave();
        return --working_on_[language] == 0 && next_page_[language].load() >= pages_;
    }

private:
    std::size_t pages_;
    std::vector<std::atomic<std::size_t>> next_page_;  // per language
    std::vector<std::atomic<unsigned>> working_on_;    // threads rendering the language
    std::atomic<std::size_t> next_language_{0};
};

// Threads for `pages` pages in each of `languages`: `jobs`, or one per core (0), and not more
// than there is work for.
unsigned render_threads(int jobs, std::size_t languages, std::size_t pages);

}  // namespace lotse
