// Loads a site folder's content/ into typed records. Problems of form (YAML syntax, unknown keys,
// missing fields, values of the wrong kind) are reported here; rules across records live in check/.
#pragma once

#include <filesystem>

#include "content/diagnostics.h"
#include "content/records.h"

namespace lotse {

// The kinds of record, as named in ref: links and pathway steps, and their folders.
struct RecordKind {
    std::string_view name;    // offer
    std::string_view folder;  // offers
};
inline constexpr RecordKind kRecordKinds[] = {
    {"provider", "providers"}, {"offer", "offers"},     {"course", "courses"},
    {"contact", "contacts"},   {"pathway", "pathways"},
};

Content load_content(const std::filesystem::path& site_dir, Diagnostics& diags);

}  // namespace lotse
