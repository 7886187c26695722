// content/translations.yaml: the source text each translation was made from.
//
//   offer/kita-sprechstunde/title:
//     - source: "Offene Sprechstunde ohne Termin"
//       languages: [ar, en, fa, uk]
//     - source: "Offene Sprechstunde"
//       languages: [tr]
//
// The texts themselves stay in the records, which this file never makes harder to read or edit.
// It keeps the source text rather than a hash of it: a warning can then say what changed, and a
// diff shows which translations were renewed. Lotse writes it (`i18n import`, `i18n confirm`)
// sorted and in one shape, so a rewrite changes only the entries that changed; a coordinator may
// edit or delete entries by hand. A translation it does not name is "unrecorded": taken as
// current, and listed once by `check` until it is confirmed.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "content/diagnostics.h"
#include "i18n/texts.h"

namespace lotse {

class TranslationRecord {
public:
    static constexpr std::string_view kPath = "content/translations.yaml";

    // The site's record; none if the file does not exist. A file that cannot be read, or an entry
    // of the wrong shape, is a warning: the translations it would name count as unrecorded.
    static TranslationRecord read(const std::filesystem::path& site_dir, Diagnostics& diags);
    static TranslationRecord parse(const FilePath& path, std::string_view text, Diagnostics& diags);

    // Whether the site has a record at all (a site that never had one is "not tracked yet").
    bool exists() const { return exists_; }
    // The file as diagnostics name it (also when it does not exist).
    const FilePath& path() const { return path_; }
    // The source text the translation of `unit` into `language` was made from; nullptr if none is recorded.
    const std::string* source_of(std::string_view unit, std::string_view language) const;
    // Records that the translation of `unit` into `language` was made from `source`.
    void set(const std::string& unit, const std::string& language, const std::string& source);
    // Drops the entries of texts and translations that no longer exist.
    void prune(const std::vector<TextUnit>& units);
    // The file's text.
    std::string text() const;

    bool operator==(const TranslationRecord& o) const { return by_unit_ == o.by_unit_; }

private:
    // unit id -> language -> source text
    std::map<std::string, std::map<std::string, std::string>, std::less<>> by_unit_;
    bool exists_ = false;
    FilePath path_{std::string(kPath)};
};

}  // namespace lotse
