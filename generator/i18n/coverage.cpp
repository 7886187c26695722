#include "i18n/coverage.h"

#include <cstdio>
#include <set>

#include <nlohmann/json.hpp>

#include "content/kinds.h"
#include "content/record_fields.h"

namespace lotse {

namespace {

// Hands every localised text of a record to `visit` (record_fields.h walks the fields); every
// other value is not translated.
template <typename Visit>
class TextWalk : public ReadingWalk<TextWalk<Visit>> {
public:
    using ReadingWalk<TextWalk<Visit>>::operator();
    explicit TextWalk(Visit& visit) : visit_(visit) {}
    void operator()(const LocalisedText& t) { visit_(t); }
    void operator()(std::string_view) {}
    void operator()(std::uint64_t) {}
    void operator()(int) {}
    void operator()(bool) {}
    void operator()(double) {}
    void operator()(const SourcePos&) {}
    void operator()(const Date&) {}

private:
    Visit& visit_;
};

// Calls `visit` for every localised text a reader may see.
template <typename Visit>
void each_text(const Content& c, Visit visit) {
    visit(c.site.title);
    visit(c.site.tagline);
    TextWalk<Visit> walk(visit);
    for_each_kind(c, [&](const auto& records) {
        for (const auto& r : records) walk(r);
    });
}

std::string percent(const Share& s) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%5.1f %%", s.total ? 100.0 * static_cast<double>(s.translated) / static_cast<double>(s.total) : 100.0);
    return buf;
}

std::string cell(const Share& s) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%6zu/%-6zu %s", s.translated, s.total, percent(s).c_str());
    return buf;
}

}  // namespace

std::vector<Coverage> coverage(const Content& content, const Catalogs& catalogs) {
    std::vector<Coverage> out;
    const std::string& src = content.site.source_language;
    std::set<std::string> slugs;
    for (const Page& p : content.pages)
        if (p.language == src) slugs.insert(p.slug);
    const std::vector<std::string>& keys = catalogs.keys();
    for (const Located& l : content.site.languages) {
        Coverage row;
        row.language = l.value;
        each_text(content, [&](const LocalisedText& t) {
            if (!t.find(src)) return;
            ++row.records.total;
            row.records.translated += t.find(l.value) != nullptr;
        });
        row.catalog.total = keys.size();
        const bool uncatalogued = std::find(catalogs.uncatalogued().begin(), catalogs.uncatalogued().end(), l.value) !=
                                  catalogs.uncatalogued().end();
        if (l.value == src) {
            row.catalog.translated = keys.size();
        } else if (!uncatalogued) {
            std::set<std::string> missing;
            for (const Catalogs::Gap& g : catalogs.gaps())
                if (g.language == l.value) missing.insert(g.key);
            row.catalog.translated = keys.size() - missing.size();
        }
        row.pages.total = slugs.size();
        for (const Page& p : content.pages)
            if (p.language == l.value && slugs.count(p.slug)) ++row.pages.translated;
        out.push_back(row);
    }
    return out;
}

std::string coverage_table(const std::vector<Coverage>& rows) {
    std::string out = "language  record texts           catalog messages       pages\n";
    for (const Coverage& r : rows) {
        std::string lang = r.language;
        lang.resize(std::max<std::size_t>(lang.size(), 8), ' ');
        out += lang + "  " + cell(r.records) + "  " + cell(r.catalog) + "  " + cell(r.pages) + "\n";
    }
    return out;
}

std::string coverage_json(const std::vector<Coverage>& rows) {
    nlohmann::ordered_json languages = nlohmann::ordered_json::array();
    auto share = [](const Share& s) {
        return nlohmann::ordered_json{{"translated", s.translated}, {"total", s.total}};
    };
    for (const Coverage& r : rows)
        languages.push_back({{"language", r.language},
                             {"records", share(r.records)},
                             {"catalog", share(r.catalog)},
                             {"pages", share(r.pages)}});
    return nlohmann::ordered_json{{"languages", languages}}.dump(2) + "\n";
}

}  // namespace lotse
