// `lotse i18n …`: the translation tools (README, "Translating").
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "build.h"

namespace lotse {

struct StatusOptions {
    std::string language;  // empty: every language
    bool list = false, json = false;
};
// Per language, how much is translated, outdated and missing; with `list`, which texts.
int run_i18n_status(const RunOptions& options, const StatusOptions& status, std::ostream& out, std::ostream& err);

// Records the translations into `language` of the texts `refs` name (all of them if none) as made
// from the source text there now.
int run_i18n_confirm(const RunOptions& options, const std::string& language, const std::vector<std::string>& refs,
                     std::ostream& out, std::ostream& err);

}  // namespace lotse
