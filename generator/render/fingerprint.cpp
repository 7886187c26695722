#include "render/fingerprint.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstring>

#include "common/crew.h"
#include "common/hash.h"
#include "content/record_fields.h"
#include "search/search_index.h"
#include "site/routes.h"

namespace lotse {

namespace {


// Hashes a record's fields as one language shows them (record_fields.h walks them).
class Digest : public ReadingWalk<Digest> {
public:
    using ReadingWalk<Digest>::operator();
    Digest(const std::string& language, const std::string& source) : language_(language), source_(source) {}
    std::uint64_t value() const { return h_; }

    void operator()(std::string_view s) { h_ = mix(mix(h_, s.size()), s); }
    void operator()(std::uint64_t v) { h_ = mix(h_, v); }
    void operator()(int v) { h_ = mix(h_, static_cast<std::uint64_t>(static_cast<std::int64_t>(v))); }
    void operator()(bool v) { h_ = mix(h_, v ? 1u : 2u); }
    void operator()(double v) {
        std::uint64_t bits;
        std::memcpy(&bits, &v, sizeof bits);
        h_ = mix(h_, bits);
    }
    void operator()(const SourcePos&) {}  // where a value was written does not show
    void operator()(const Date& d) { (*this)(static_cast<int>(std::chrono::sys_days(d).time_since_epoch().count())); }
    // The text the page shows (LanguageView::text): the language's own, else the source
    // language's, marked, else whichever there is.
    void operator()(const LocalisedText& t) {
        if (const std::string* own = t.find(language_)) {
            (*this)(std::uint64_t{1});
            (*this)(*own);
        } else if (const std::string* source = t.find(source_)) {
            (*this)(std::uint64_t{2});
            (*this)(*source);
        } else {
            (*this)(std::uint64_t{3});
            (*this)(t.empty() ? std::string_view() : std::string_view(t.by_language.begin()->second));
        }
    }

private:
    const std::string& language_;
    const std::string& source_;
    std::uint64_t h_ = 0;
};

}  // namespace

std::uint64_t record_digest(const RecordEntry& e, const std::string& language, const std::string& source_language) {
    Digest d(language, source_language);
    d(name(e.kind));
    d(e.record->id);
    e.visit([&](const auto& r) { d(r); });
    return d.value();
}

std::string record_key(RecordKind kind, const std::string& id) { return std::string(info(kind).folder) + "/" + id; }
std::string record_key(const RecordEntry& e) { return record_key(e.kind, e.record->id); }

Fingerprints::Fingerprints(const SitePlan& plan, const std::string& source_language, std::uint64_t shared,
                           const SitemapLimits& sitemap, unsigned threads, RecordDigests* kept)
    : plan_(plan), shared_(shared), sitemap_(sitemap) {
    const std::size_t n = plan.entries.size();
    std::vector<std::size_t> provider(n, n);  // [entry]: its provider's entry; n: none
    for (std::size_t i = 0; i < n; ++i) {
        const RecordEntry& e = plan.entries[i];
        if (const Located* ref = provider_ref(e.kind, *e.record))
            if (const RecordEntry* p = plan.find(RecordKind::provider, ref->value)) provider[i] = plan.index(*p);
    }
    // Every record as each language shows it: languages on several threads, each its own.
    const std::size_t languages = plan.languages.size();
    for (std::size_t l = 0; l < languages; ++l)
        if (plan.languages[l] == source_language) source_ = l;
    std::vector<std::string> keys(kept ? n : 0);
    std::vector<const std::vector<std::uint64_t>*> known(n, nullptr);
    for (std::size_t i = 0; i < keys.size(); ++i) {
        keys[i] = record_key(plan.entries[i]);
        if (auto it = kept->find(keys[i]); it != kept->end() && it->second.size() == languages) known[i] = &it->second;
    }
    std::vector<std::vector<std::uint64_t>> digests(languages, std::vector<std::uint64_t>(n));  // [language][entry]
    cards_.resize(languages);
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t l; (l = next.fetch_add(1)) < languages;) {
            std::vector<std::uint64_t>& d = digests[l];
            for (std::size_t i = 0; i < n; ++i)
                d[i] = known[i] ? (*known[i])[l] : record_digest(plan.entries[i], plan.languages[l], source_language);
            std::vector<std::uint64_t>& cards = cards_[l];
            cards.resize(n);
            for (std::size_t i = 0; i < n; ++i) cards[i] = provider[i] < n ? mix(d[i], d[provider[i]]) : d[i];
        }
    };
    run_together(static_cast<unsigned>(std::min<std::size_t>(std::max(1u, threads), languages)), [&](unsigned) { work(); });
    for (std::size_t i = 0; i < keys.size(); ++i) {
        if (known[i]) continue;
        std::vector<std::uint64_t>& by_language = (*kept)[std::move(keys[i])];
        by_language.resize(languages);
        for (std::size_t l = 0; l < languages; ++l) by_language[l] = digests[l][i];
    }
}

std::uint64_t Fingerprints::card(std::uint64_t h, const RecordEntry* e, std::size_t language) const {
    return e ? mix(h, cards_[language][static_cast<std::size_t>(e - plan_.entries.data())]) : h;
}

std::uint64_t Fingerprints::page(const PlannedPage& p, std::size_t language) const {
    std::uint64_t h = mix(mix(shared_, plan_.languages[language]), p.route);
    p.for_each_shown([&](const RecordEntry& e) { h = card(h, &e, language); });
    return h ? h : 1;
}

std::uint64_t Fingerprints::site_file(const std::string& path) const {
    // The course exports show every course in the source language (the open data's description only
    // what every page shares), the sitemap (and its index and
    // parts, split by the pages there are) every page; the others only what every page shares.
    std::uint64_t h = mix(shared_, path);
    if (path == routes::kCoursesCsv || path == routes::kCoursesXlsx || path == routes::kCoursesIcs)
        for (const RecordEntry* e : plan_.courses) h = card(h, e, source_);
    // A language's feed shows its courses and offers as that language does.
    for (std::size_t l = 0; l < plan_.languages.size(); ++l)
        if (path == routes::feed(plan_.languages[l]))
            for (const RecordEntry& e : plan_.entries)
                if (e.kind == RecordKind::course || e.kind == RecordKind::offer) h = card(h, &e, l);
    // An HSDS package shows the providers, offers, courses and contacts in its language.
    if (path.starts_with(routes::kHsds)) {
        const std::size_t from = routes::kHsds.size();
        const std::string lang = path.substr(from, path.find('/', from) - from);
        const auto l = std::find(plan_.languages.begin(), plan_.languages.end(), lang);
        if (l != plan_.languages.end())
            for (const RecordEntry& e : plan_.entries)
                if (e.kind != RecordKind::pathway) h = card(h, &e, static_cast<std::size_t>(l - plan_.languages.begin()));
    }
    // A language's search files show every record as the language does, with its source-language
    // title: each file of a language the same, since the shards are cut by all of them.
    if (const std::size_t slash = path.find('/');
        slash != std::string::npos && path.ends_with(".json") &&
        std::string_view(path).substr(slash + 1).starts_with(search::kSearchFolder)) {
        const std::string language = path.substr(0, slash);
        for (std::size_t l = 0; l < plan_.languages.size(); ++l)
            if (plan_.languages[l] == language)
                for (const RecordEntry& e : plan_.entries) h = card(card(h, &e, l), &e, source_);
    }
    if (path.starts_with("sitemap")) {
        h = mix(mix(h, sitemap_.urls), sitemap_.bytes);
        for (const PlannedPage& p : plan_.pages) h = mix(h, p.route);
    }
    return h ? h : 1;
}

}  // namespace lotse
