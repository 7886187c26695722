// `lotse i18n …`: the translation tools (README, "Translating").
#pragma once

#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "build.h"
#include "i18n/xliff.h"

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

struct ExportOptions {
    std::string language;
    XliffVersion version = XliffVersion::v2_1;
    bool all = false;  // every text, not only the outdated and missing ones
    std::filesystem::path out;  // empty: standard output
};
// An XLIFF file of the texts of `language` a translator has to (re)translate.
int run_i18n_export(const RunOptions& options, const ExportOptions& e, std::ostream& out, std::ostream& err);

// Takes the translations of XLIFF files into the records, pages and catalogs, or refuses them all.
int run_i18n_import(const RunOptions& options, const std::vector<std::filesystem::path>& files, std::ostream& out,
                    std::ostream& err);

// Shared by the commands: the site read and checked (errors reported: nullopt), whether a --lang
// is one of its translations (if not, said to `err`), and the name an XLIFF file gives the site.
std::optional<LoadedSite> load_site(const RunOptions& o, std::ostream& err);
bool translated_language(const LoadedSite& site, const std::string& language, bool source_allowed, std::ostream& err);
std::string site_identity(const Content& content);

}  // namespace lotse
