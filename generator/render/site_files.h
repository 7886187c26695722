// The files once per site, not once per language: the language chooser, the 404 page, robots.txt,
// the course exports, the open data (render/open_data.h, render/hsds.h), the sitemap (one file, or
// an index and its parts), each language's feed and search files, and the stylesheet.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "render/compiled_templates.h"
#include "render/language_view.h"

namespace lotse {

class SiteFiles {
public:
    using ViewOf = std::function<const LanguageView&(const std::string& language)>;
    SiteFiles(const RenderInputs& in, CompiledTemplates& templates, ViewOf view, Diagnostics& diags)
        : in_(in), templates_(templates), view_(std::move(view)), diags_(diags) {}

    // The files `wanted` names. The source language's formatters and collator are set up only if
    // a file needs them: a rebuild that keeps every site file does without.
    std::vector<OutputFile> make(const std::function<bool(const std::string& path)>& wanted);

private:
    OutputFile chooser(const LanguageView& v);
    OutputFile not_found(const LanguageView& v);
    OutputFile robots(const LanguageView& v, const std::string& path);
    // The HSDS package of every site language: its datapackage.json and a CSV per table.
    void hsds_packages(const std::function<bool(const std::string& path)>& wanted, std::vector<OutputFile>& files);
    // A language's search files (search/search_index.h), made together: the entry's fingerprint
    // stands for all of them, so when the entry is kept, the shards and chunks are kept too.
    void search_files(const std::string& lang, const std::function<bool(const std::string& path)>& wanted,
                      std::vector<OutputFile>& files);
    // The sitemap's files: sitemap.xml, and its parts if the site is over the protocol's limits.
    void sitemaps(const std::function<void(const std::string&, std::function<OutputFile(const LanguageView&)>)>& add);
    std::string sitemap(const LanguageView& v, const std::vector<std::string>& paths);
    std::vector<std::size_t> sitemap_bytes(const LanguageView& v, const std::vector<std::string>& paths);

    const RenderInputs& in_;
    CompiledTemplates& templates_;
    ViewOf view_;
    Diagnostics& diags_;
};

}  // namespace lotse
