// Every file Lotse reads from a site is UTF-8. A file that is not (saved as "ANSI" by Notepad or
// Excel on Windows, or with a character cut in half) gets one error at its first bad byte saying
// what the file looks like and how to save it as UTF-8, so that no garbled text reaches a page.
#pragma once

#include <string_view>

#include "content/diagnostics.h"

namespace lotse {

// The text after a UTF-8 byte order mark, which Windows editors write and no editor shows.
std::string_view without_bom(std::string_view text);

// True if `text`, the contents of the file `path`, is UTF-8 (a byte order mark allowed); else
// reports the first byte that is not, at its line and column (counted in characters, as editors
// count them), and returns false.
bool check_utf8(const FilePath& path, std::string_view text, Diagnostics& diags);

}  // namespace lotse
