// Turns the site plan into files: every planned page in every language through the templates,
// plus the language chooser, 404 page, sitemap, robots.txt and the stylesheet.
#pragma once

#include <string>
#include <vector>

#include "content/records.h"
#include "i18n/catalog.h"
#include "render/templates.h"
#include "site/plan.h"

namespace lotse {

struct OutputFile {
    std::string path;  // relative to the output folder, with forward slashes
    std::string bytes;
};

struct RenderInputs {
    const Content& content;
    const SitePlan& plan;
    const Catalogs& catalogs;
    const Templates& templates;
    Date today;
};

// Files in path order. A template that fails while rendering is reported in `diags`.
std::vector<OutputFile> render_site(const RenderInputs& in, Diagnostics& diags);

}  // namespace lotse
