#include "i18n/coverage.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

namespace lotse {

namespace {

std::string percent(const Share& s) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%5.1f %%",
                  s.total ? 100.0 * static_cast<double>(s.translated) / static_cast<double>(s.total) : 100.0);
    return buf;
}

std::string padded(std::string s, std::size_t width, bool right = false) {
    if (s.size() < width) s.insert(right ? 0 : s.size(), width - s.size(), ' ');
    return s;
}

std::string fraction(const Share& s) { return std::to_string(s.translated) + "/" + std::to_string(s.total); }

// The free pages' share: a page is outdated if its title or its text is, missing if it has no translation.
void count_pages(Coverage& row, const std::vector<TextStatus>& states, std::vector<StatusLine>& lines) {
    std::map<std::string, TextState> pages;
    std::map<std::string, SourcePos> where;
    for (const TextStatus& s : states) {
        if (s.language != row.language || !s.unit->id.starts_with("page/")) continue;
        const std::string page = s.unit->id.substr(0, s.unit->id.rfind('/'));
        auto [it, added] = pages.emplace(page, s.state);
        if (s.state == TextState::outdated || (s.state == TextState::missing && it->second != TextState::outdated))
            it->second = s.state;
        if (s.state == TextState::outdated && !where.count(page)) where.emplace(page, s.unit->translations.at(s.language).pos);
    }
    for (const auto& [page, state] : pages) {
        ++row.pages.total;
        if (state == TextState::outdated) ++row.pages.outdated;
        else if (state != TextState::missing) ++row.pages.translated;
        if (state == TextState::outdated || state == TextState::missing)
            lines.push_back({row.language, state, page, state == TextState::outdated ? where[page] : SourcePos{}});
    }
}

// The catalog's share: every message of the source catalog, borrowed (a gap), outdated (a message
// of the site's catalog made from another source message) or translated.
void count_catalog(Coverage& row, const Catalogs& catalogs, const std::vector<TextStatus>& states,
                   std::vector<StatusLine>& lines) {
    row.catalog.total = catalogs.keys().size();
    const auto& none = catalogs.uncatalogued();
    std::set<std::string> missing;
    if (std::find(none.begin(), none.end(), row.language) != none.end()) missing.insert(catalogs.keys().begin(), catalogs.keys().end());
    for (const Catalogs::Gap& g : catalogs.gaps())
        if (g.language == row.language) missing.insert(g.key);
    for (const TextStatus& s : states)
        if (s.language == row.language && s.state == TextState::outdated && s.unit->id.starts_with("catalog/")) {
            ++row.catalog.outdated;
            lines.push_back({row.language, s.state, s.unit->id, s.unit->translations.at(s.language).pos});
        }
    for (const std::string& key : missing) lines.push_back({row.language, TextState::missing, "catalog/" + key, {}});
    row.catalog.translated = row.catalog.total - std::min(row.catalog.total, missing.size() + row.catalog.outdated);
}

void count_records(Coverage& row, const std::vector<TextStatus>& states, std::vector<StatusLine>& lines) {
    for (const TextStatus& s : states) {
        if (s.language != row.language || s.unit->id.starts_with("page/") || s.unit->id.starts_with("catalog/")) continue;
        ++row.records.total;
        if (s.state == TextState::outdated) ++row.records.outdated;
        else if (s.state != TextState::missing) ++row.records.translated;
        if (s.state == TextState::outdated || s.state == TextState::missing)
            lines.push_back({row.language, s.state, s.unit->id,
                             s.state == TextState::outdated ? s.unit->translations.at(s.language).pos : SourcePos{}});
    }
}

// The source language's own row: everything there is, all of it "translated".
Coverage source_row(const std::string& language, const std::vector<TextStatus>& states, const Catalogs& catalogs) {
    Coverage row{language, {}, {}, {}};
    std::set<const TextUnit*> units;
    std::set<std::string> pages;
    for (const TextStatus& s : states) units.insert(s.unit);
    for (const TextUnit* u : units) {
        if (u->id.starts_with("page/")) pages.insert(u->id.substr(0, u->id.rfind('/')));
        else if (!u->id.starts_with("catalog/")) ++row.records.total;
    }
    row.records.translated = row.records.total;
    row.pages.total = row.pages.translated = pages.size();
    row.catalog.total = row.catalog.translated = catalogs.keys().size();
    return row;
}

}  // namespace

Share& Share::operator+=(const Share& o) {
    translated += o.translated, total += o.total, outdated += o.outdated;
    return *this;
}

Share Coverage::all() const {
    Share s = records;
    s += catalog;
    s += pages;
    return s;
}

StatusReport translation_status(const Content& content, const Catalogs& catalogs, const std::vector<TextStatus>& states,
                                const std::string& only) {
    StatusReport report;
    const std::string& src = content.site.source_language;
    for (const Located& l : content.site.languages) {
        if (!only.empty() && l.value != only) continue;
        if (l.value == src) {
            report.rows.push_back(source_row(src, states, catalogs));
            continue;
        }
        Coverage row{l.value, {}, {}, {}};
        std::vector<StatusLine> lines;
        count_records(row, states, lines);
        count_pages(row, states, lines);
        count_catalog(row, catalogs, states, lines);
        std::stable_sort(lines.begin(), lines.end(), [](const StatusLine& a, const StatusLine& b) {
            return a.state == TextState::outdated && b.state != TextState::outdated;
        });
        report.lines.insert(report.lines.end(), lines.begin(), lines.end());
        report.rows.push_back(std::move(row));
    }
    return report;
}

std::string coverage_table(const std::vector<Coverage>& rows) {
    std::string out = "language  translated        outdated  missing  record texts  catalog messages  free pages\n";
    for (const Coverage& r : rows) {
        const Share all = r.all();
        out += padded(r.language, 8) + "  " + padded(fraction(all), 9, true) + " " + percent(all) + "  " +
               padded(std::to_string(all.outdated), 8, true) + "  " + padded(std::to_string(all.missing()), 7, true) +
               "  " + padded(fraction(r.records), 12) + "  " + padded(fraction(r.catalog), 16) + "  " + fraction(r.pages) +
               "\n";
    }
    return out;
}

std::string status_list(const std::vector<StatusLine>& lines) {
    std::string out;
    for (const StatusLine& l : lines) {
        out += padded(std::string(state_name(l.state)), 8) + "  " + padded(l.language, 5) + "  " + l.id;
        if (l.pos.line > 0) out += "  " + l.pos.file.str() + ":" + std::to_string(l.pos.line) + ":" + std::to_string(l.pos.column);
        out += '\n';
    }
    return out;
}

std::string status_json(const StatusReport& report, bool list) {
    auto share = [](const Share& s) {
        return nlohmann::ordered_json{
            {"translated", s.translated}, {"outdated", s.outdated}, {"missing", s.missing()}, {"total", s.total}};
    };
    nlohmann::ordered_json languages = nlohmann::ordered_json::array();
    for (const Coverage& r : report.rows) {
        const Share all = r.all();
        languages.push_back({{"language", r.language},
                             {"translated", all.translated},
                             {"outdated", all.outdated},
                             {"missing", all.missing()},
                             {"records", share(r.records)},
                             {"catalog", share(r.catalog)},
                             {"pages", share(r.pages)}});
    }
    nlohmann::ordered_json out{{"languages", languages}};
    if (list) {
        nlohmann::ordered_json texts = nlohmann::ordered_json::array();
        for (const StatusLine& l : report.lines) {
            nlohmann::ordered_json t{{"id", l.id}, {"language", l.language}, {"state", state_name(l.state)}};
            if (l.pos.line > 0) t.update({{"file", l.pos.file.str()}, {"line", l.pos.line}, {"column", l.pos.column}});
            texts.push_back(std::move(t));
        }
        out["texts"] = std::move(texts);
    }
    return out.dump(2) + "\n";
}

}  // namespace lotse
