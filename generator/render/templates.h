// The page templates (kainjow mustache): a layout, one body template per page kind and partials.
// A site's own templates/ folder replaces built-in templates file by file.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <kainjow/mustache.hpp>

#include "content/diagnostics.h"

namespace lotse {

class Templates {
public:
    // `dirs` in rising priority. Templates that do not parse are reported.
    // `checked` (optional, a file in the cache) lists the templates that compiled on an earlier
    // run, by a hash of their text and `key` (which names this Lotse). Those are not compiled to
    // check them again, only where a page needs them; `checked` is updated.
    static Templates load(const std::vector<std::filesystem::path>& dirs, Diagnostics& diags,
                          const std::filesystem::path& checked = {}, const std::string& key = {});

    // The template `name` ("layout", "offer") as compiled to check it, handed to the first
    // renderer that asks, so one of them need not compile it again; nullptr if missing, already
    // taken or known from `checked` (not compiled). A compiled template may be used by one thread at a time. Thread-safe.
    std::unique_ptr<kainjow::mustache::mustache> take(const std::string& name) const;
    // The partials (partials/<name>.mustache); templates have them pasted in already.
    const std::map<std::string, std::string>& partials() const { return partials_; }
    // Every template's text with its partials pasted in, to compile a private copy per thread.
    const std::map<std::string, std::string>& sources() const { return sources_; }
    // Files that are not templates but are copied as they are (assets/style.css …): name -> bytes.
    const std::map<std::string, std::string>& assets() const { return assets_; }

private:
    mutable std::map<std::string, std::unique_ptr<kainjow::mustache::mustache>> templates_;
    mutable std::unique_ptr<std::mutex> taking_ = std::make_unique<std::mutex>();
    std::map<std::string, std::string> partials_;
    std::map<std::string, std::string> sources_;
    std::map<std::string, std::string> assets_;
};

}  // namespace lotse
