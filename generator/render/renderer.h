// Turns the site plan into files: every planned page in every language through the templates,
// plus the language chooser, 404 page, sitemap, robots.txt and the stylesheet.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "content/records.h"
#include "i18n/catalog.h"
#include "render/fingerprint.h"
#include "render/sitemap.h"
#include "render/templates.h"
#include "site/plan.h"

namespace lotse {

class FragmentCache;

struct OutputFile {
    std::string path;  // relative to the output folder, with forward slashes
    std::string bytes;
    std::uint64_t fingerprint = 0;  // of everything the bytes were made from; 0: not known
};

// Asked before a page is rendered: true if the file made from the same inputs (the same
// fingerprint) can be kept from the previous build instead.
using ReuseCheck = std::function<bool(std::string_view path, std::uint64_t fingerprint)>;

struct RenderInputs {
    const Content& content;
    const SitePlan& plan;
    const Catalogs& catalogs;
    const Templates& templates;
    Date today;
    int jobs = 0;  // threads; 0: one per core
    // What every page depends on: site settings, taxonomy, free pages, catalogs, templates, the
    // date and which records are published. Pages also depend on the records they show.
    std::uint64_t inputs_hash = 0;
    ReuseCheck reuse;  // may be empty: render everything
    SitemapLimits sitemap;  // the protocol's; tests lower them
    // Where cards and index entries are kept between builds (see fragment_cache.h): the files'
    // path without language and extension; empty: nowhere.
    std::filesystem::path fragment_cache;
    // Set by the preview: called once every page is in the sink, with what rendering them found,
    // before the files once per site (search indexes, open data, feeds, exports) are made, so the
    // open page reloads without waiting for them. Unset: those files are made alongside the pages.
    std::function<void(const Diagnostics&)> pages_done = {};
    // Set by the preview: the records' digests it keeps between rebuilds (render/fingerprint.h).
    RecordDigests* record_digests = nullptr;
    // Set by the preview: the fragment cache it keeps between rebuilds, made from `fragment_cache`
    // and `inputs_hash`; unset: each build reads the files again.
    FragmentCache* fragments = nullptr;
};

// Hands every file of the site to `sink`, from several threads at once (each file once; which
// thread and in which order varies, the bytes do not). A template that fails is reported in `diags`.
using FileSink = std::function<void(OutputFile&&)>;
void render_site(const RenderInputs& in, Diagnostics& diags, const FileSink& sink);

}  // namespace lotse
