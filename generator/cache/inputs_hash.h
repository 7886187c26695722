// The inputs every page of a site depends on, as one hash: a page of a rebuild is rendered again
// unless this and the records it shows are unchanged (render/fingerprint.h).
#pragma once

#include <cstdint>
#include <filesystem>

#include "content/calendar.h"
#include "render/templates.h"
#include "site/plan.h"

namespace lotse {

// This Lotse, the date, the site's settings, taxonomy and translation record, its free pages, the catalogs (built-in
// and the site's), the templates and assets, and which records are published.
std::uint64_t shared_inputs_hash(const std::filesystem::path& site_dir, Date today, const SitePlan& plan,
                                 const Templates& templates);

}  // namespace lotse
