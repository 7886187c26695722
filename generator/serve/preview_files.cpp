#include "serve/preview_files.h"

#include <algorithm>
#include <array>
#include <utility>

namespace lotse {

namespace fs = std::filesystem;

namespace {

// Whether `path` (made canonical) is `root` or lies under it.
bool inside(const fs::path& path, const fs::path& root) {
    auto [r, p] = std::mismatch(root.begin(), root.end(), path.begin(), path.end());
    return r == root.end();
}

// The file at `candidate` if its real path lies inside `root`.
PreviewFile real_file(const fs::path& candidate, const fs::path& root) {
    std::error_code ec;
    const fs::path real = fs::canonical(candidate, ec);
    if (ec) return {};
    if (!inside(real, root)) return {PreviewFile::Kind::refused, {}, {}};
    if (!fs::is_regular_file(real, ec)) return {};
    return {PreviewFile::Kind::file, real, {}};
}

}  // namespace

PreviewFile find_preview_file(const fs::path& root_dir, std::string_view path) {
    if (path.empty() || path.front() != '/') return {PreviewFile::Kind::refused, {}, {}};
    fs::path relative;
    for (std::size_t at = 1; at <= path.size();) {
        std::size_t end = path.find('/', at);
        if (end == std::string_view::npos) end = path.size();
        const std::string_view segment = path.substr(at, end - at);
        at = end + 1;
        if (segment.empty()) continue;
        if (segment == "." || segment == ".." || segment.find_first_of(std::string_view("\\\0", 2)) != std::string_view::npos)
            return {PreviewFile::Kind::refused, {}, {}};
        relative /= std::string(segment);
    }
    std::error_code ec;
    const fs::path root = fs::canonical(root_dir, ec);
    if (ec) return {};
    const fs::path candidate = root / relative;
    if (!fs::is_directory(candidate, ec)) return real_file(candidate, root);
    const PreviewFile folder = real_file(candidate / "index.html", root);
    if (folder.kind == PreviewFile::Kind::file && path.back() != '/')
        return {PreviewFile::Kind::redirect, {}, std::string(path) + "/"};
    // A folder whose real path lies outside is refused, with or without an index.html.
    if (fs::path real = fs::canonical(candidate, ec); !ec && !inside(real, root)) return {PreviewFile::Kind::refused, {}, {}};
    return folder;
}

std::string_view content_type(const fs::path& file) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 16> types{{
        {".html", "text/html; charset=utf-8"},
        {".css", "text/css; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".mjs", "text/javascript; charset=utf-8"},
        {".json", "application/json"},
        {".svg", "image/svg+xml"},
        {".xml", "application/xml"},
        {".ics", "text/calendar; charset=utf-8"},
        {".csv", "text/csv; charset=utf-8"},
        {".txt", "text/plain; charset=utf-8"},
        {".png", "image/png"},
        {".jpg", "image/jpeg"},
        {".jpeg", "image/jpeg"},
        {".webp", "image/webp"},
        {".woff2", "font/woff2"},
        {".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
    }};
    const std::string ext = file.extension().string();
    for (const auto& [known, type] : types)
        if (ext == known) return type;
    return "application/octet-stream";
}

}  // namespace lotse
