// Each language's offline copy: the list of the files a visitor saves for offline use (its pages,
// the assets they use, its search index), their total size, a version, and the service worker
// that saves and serves them. Made after the render, from every file of the build, rendered or
// kept; the home page, which shows the copy's size, is held back until the size is known.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "content/diagnostics.h"
#include "render/renderer.h"
#include "render/templates.h"

namespace lotse {

// What a home page shows in place of its offline copy's size until `OfflineCopies::finish`.
inline constexpr std::string_view kOfflineSizePlaceholder = "@@lotse-offline-size@@";

class OfflineCopies {
public:
    OfflineCopies(std::vector<std::string> languages, const Templates& templates)
        : languages_(std::move(languages)), templates_(templates) {}

    // True for the files rendered in every build, never kept: the home pages, whose size text
    // follows every other file of their language.
    bool always_rendered(std::string_view path) const;
    // A file the build keeps from the previous one, with its size on disk. Thread-safe.
    void kept(std::string_view path, std::uint64_t fingerprint, std::uint64_t size);
    // A rendered file: given back to write now, or held (a home page) until `finish`. Thread-safe.
    std::optional<OutputFile> take(OutputFile&& file);
    // The held home pages with their size filled in, and each language's offline.json and
    // offline-worker.js. A missing worker template is reported in `diags`.
    std::vector<OutputFile> finish(Diagnostics& diags);
    // What `finish` gave each language's home page as its size text, by language.
    const std::map<std::string, std::string>& sizes() const { return sizes_; }
    // The held home pages with the size text of their language in `sizes` (or none where it has
    // none): what the preview shows until `finish` is done.
    std::vector<OutputFile> held(const std::map<std::string, std::string>& sizes);

private:
    struct Entry {
        std::uint64_t hash = 0, size = 0;
    };
    void note(std::string_view path, std::uint64_t hash, std::uint64_t size);

    std::vector<std::string> languages_;
    const Templates& templates_;
    std::mutex mutex_;
    std::map<std::string, Entry, std::less<>> files_;  // every file of the build, by path
    std::map<std::string, OutputFile, std::less<>> held_;  // by language
    std::map<std::string, std::string> sizes_;             // by language, once finished
};

}  // namespace lotse
