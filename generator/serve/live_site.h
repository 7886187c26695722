// The site as `lotse serve` keeps it between rebuilds: records, catalogs and compiled templates in
// memory, and what each file of the preview folder was made from. A saved record is read again on
// its own; the checks run over the whole site as always; only the pages whose inputs changed are
// rendered, and written in place. The preview folder then holds what `lotse build` would write.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "build.h"
#include "i18n/currency.h"
#include "render/fragment_cache.h"
#include "render/templates.h"
#include "serve/preview_output.h"

namespace lotse {

class LiveSite {
public:
    // `options.out` is the preview folder.
    explicit LiveSite(RunOptions options) : o_(std::move(options)), output_(o_.out) {}

    // Brings the preview folder up to date after the files `changed` (relative to the site folder)
    // changed; the first call reads and builds everything. Returns kSuccess, or kContentErrors
    // when the site has errors: then the folder keeps the last good site.
    // `pages_done`, if set, is called once the pages are in the folder and have no errors, with
    // what was found so far, before the files once per site (search indexes, open data, feeds,
    // exports) are made: the open page can reload then. It is called once more if a home page
    // changes after that (its offline copy's size).
    using PagesDone = std::function<void(const Diagnostics&)>;
    int rebuild(const std::vector<std::filesystem::path>& changed, BuildOutcome& outcome, const PagesDone& pages_done = {});
    // The preview folder, for the server to read its files from.
    const PreviewOutput& output() const { return output_; }

private:
    void read_everything();
    void read_templates();
    // Reads again what `changed` needs; false if that is everything.
    bool read_changed(const std::vector<std::filesystem::path>& changed);
    void render(BuildOutcome& outcome, const PagesDone& pages_done);
    // As check_translations (build.h), working out again only the records read again.
    void check_translations(Diagnostics& diags);

    RunOptions o_;
    bool read_ = false;
    bool has_settings_ = false;  // content/site.yaml could be read: the records were
    LoadedSite site_;
    Diagnostics content_diags_;  // what reading content/ found, by file
    Diagnostics i18n_diags_;     // what reading the catalogs and the translation record found
    std::optional<Templates> templates_;
    // What the translation checks found of each record not read again since, by record_key.
    std::unordered_map<std::string, CurrencyFindings> currency_;
    RecordDigests digests_;  // of the records not read again since they were worked out
    // Cards and index entries, kept while what every page depends on (its hash) stays the same.
    std::optional<FragmentCache> fragments_;
    std::uint64_t fragments_hash_ = 0;
    std::map<std::string, std::string> offline_sizes_;  // the last build's, by language
    Diagnostics template_diags_;
    PreviewOutput output_;
};

}  // namespace lotse
