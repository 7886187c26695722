// The preview's own marks on the pages it serves, never in the files on disk: the script that
// reloads a page when the site was rebuilt, the overlay listing the last build's problems, a small
// toolbar, and the side-by-side view of a page in two languages.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "content/diagnostics.h"
#include "serve/preview_state.h"

namespace lotse {

// The overlay for a build's errors and warnings (notes are left out); empty if it had none.
// Errors cover the page; warnings are a small note, folded. Each problem names its file relative
// to the site folder, with line and column, and quotes the line.
std::string problems_html(const Diagnostics& diags, const std::filesystem::path& site_dir);

// `page` (an HTML page served at `path`) with the toolbar, the overlay and the script before its
// </body>.
std::string mark_page(std::string page, std::string_view path, const PreviewState::Now& now);

// The page at `path` beside the same page in the language `with`; empty if `path` is not a page
// path of a language or `with` is not a language code.
std::string compare_page(std::string_view path, std::string_view with, const PreviewState::Now& now);

// A page for a path the preview does not have (yet): with the overlay and the script, so it shows
// the problems and reloads when the site is built.
std::string missing_page(std::string_view path, const PreviewState::Now& now);

// The stylesheet of the overlay and the toolbar, which they load from /_lotse/preview.css.
std::string_view preview_style();

// The script the marked pages load from /_lotse/client.js.
std::string_view client_script();

}  // namespace lotse
