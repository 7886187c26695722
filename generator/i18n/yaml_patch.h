// patch_yaml's work on a text without a byte order mark, shared with patch_page (front matter).
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "i18n/text_patch.h"

namespace lotse::patch {

// `text` with `edits` applied (text_patch.h, patch_yaml). With `plain_only`, every edited field
// must be a plain string and stays one (a page's title): the edits' language is not looked at.
// Throws PatchFailure at an offset of `text`.
std::string patched_yaml(std::string_view text, std::span<const TextEdit> edits, std::string_view source_language,
                         bool plain_only = false);

}  // namespace lotse::patch
