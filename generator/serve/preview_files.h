// Which file of the preview folder a request names. Only files inside the folder are served:
// a path with a ".." or "." segment, or one that a link leads outside, is refused; a folder is
// served as its index.html, never as a listing.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace lotse {

struct PreviewFile {
    enum class Kind { file, redirect, not_found, refused };
    Kind kind = Kind::not_found;
    std::filesystem::path file;  // Kind::file: the file's real path
    std::string location;        // Kind::redirect: the folder's path with a slash at the end
};

// `path` is the request's path, percent-decoded ("/de/offers/x.html").
PreviewFile find_preview_file(const std::filesystem::path& root, std::string_view path);

// The Content-Type of a served file, by its extension.
std::string_view content_type(const std::filesystem::path& file);

}  // namespace lotse
