// What each file of a rebuild is made from, as one number: a file whose number is the same as when
// it was written is kept instead of rendered. Besides what every page shares (site settings,
// catalogs, templates, the date, Lotse itself), a page depends on the records it shows as seen in
// the page's language: of each text, the language's own version or the source language's that
// stands in for it. So a German title edited renders the German pages that show it, and only
// those, unless another language borrows the German title.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "render/sitemap.h"
#include "site/plan.h"

namespace lotse {

// A record as `language` shows it: every field but source positions, with texts reduced to the
// language's own version or the source language's.
std::uint64_t record_digest(const RecordEntry& e, const std::string& language, const std::string& source_language);

// Records' digests kept between the preview's rebuilds (serve/live_site.h), by record_key: a
// record's digest in each of the site's languages, in the plan's order. The preview forgets a
// record when its file is read again, and everything when the languages may have changed.
using RecordDigests = std::unordered_map<std::string, std::vector<std::uint64_t>>;
// "<kind's folder>/<id>": a record's key in RecordDigests, as its file is named under content/.
std::string record_key(RecordKind kind, const std::string& id);
std::string record_key(const RecordEntry& e);

class Fingerprints {
public:
    // `shared`: the hash of what every page depends on; `sitemap`: the limits the sitemap is split
    // by; `threads`: how many work out the records' digests, a language each; `kept`, if given: the
    // digests of records worked out before, used as they are, and where those missing are added.
    Fingerprints(const SitePlan& plan, const std::string& source_language, std::uint64_t shared,
                 const SitemapLimits& sitemap = {}, unsigned threads = 1, RecordDigests* kept = nullptr);

    // A page in the plan's language number `language`. Never 0 (0 means "not known").
    std::uint64_t page(const PlannedPage& p, std::size_t language) const;
    // A card, course row or index entry of `e` in language number `language`: the record with its
    // provider, as the language shows them.
    std::uint64_t card(const RecordEntry& e, std::size_t language) const {
        return cards_[language][plan_.index(e)];
    }
    // A file once per site (chooser, 404, robots, stylesheet, course exports, open data, sitemap,
    // feeds).
    std::uint64_t site_file(const std::string& path) const;

private:
    // A card shows its record and the name and address of the record's provider.
    std::uint64_t card(std::uint64_t h, const RecordEntry* e, std::size_t language) const;

    const SitePlan& plan_;
    std::uint64_t shared_;
    SitemapLimits sitemap_;
    std::size_t source_ = 0;  // the source language's number
    // [language][entry]: the record's digest with its provider's, which its card shows.
    std::vector<std::vector<std::uint64_t>> cards_;
};

}  // namespace lotse
