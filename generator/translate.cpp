// `lotse i18n status` and `lotse i18n confirm`.
#include "translate.h"

#include <algorithm>
#include <ostream>

#include "common/site_edits.h"
#include "i18n/coverage.h"
#include "i18n/currency.h"

namespace lotse {

// The warnings of `check` are not repeated by these commands.
std::optional<LoadedSite> load_site(const RunOptions& o, std::ostream& err) {
    Diagnostics diags;
    LoadedSite site = load_and_check(o, diags);
    if (!diags.has_errors()) return site;
    Diagnostics errors;
    for (const Diagnostic& d : diags.items())
        if (d.severity == Severity::error) errors.error(d.pos, d.message);
    report(errors, err);
    return std::nullopt;
}

bool translated_language(const LoadedSite& site, const std::string& language, bool source_allowed, std::ostream& err) {
    const std::vector<std::string> languages = site_languages(site.content);
    if (std::find(languages.begin(), languages.end(), language) == languages.end()) {
        std::string all;
        for (const std::string& l : languages) all += (all.empty() ? "" : ", ") + l;
        err << "error: --lang " << language << ": the site's languages are " << all << " (content/site.yaml)\n";
        return false;
    }
    if (!source_allowed && language == site.content.site.source_language) {
        err << "error: --lang " << language << " is the source language; its texts are not translations\n";
        return false;
    }
    return true;
}

namespace {

bool write_record(const RunOptions& o, TranslationRecord& record, const std::vector<TextUnit>& units, std::ostream& err) {
    record.prune(units);
    SiteEdits edits;
    edits.put(o.site_dir / TranslationRecord::kPath, record.text());
    std::string problem;
    if (edits.commit(problem)) return true;
    err << "error: " << problem << "; nothing was written\n";
    return false;
}

}  // namespace

int run_i18n_status(const RunOptions& o, const StatusOptions& s, std::ostream& out, std::ostream& err) {
    std::optional<LoadedSite> site = load_site(o, err);
    if (!site) return kContentErrors;
    if (!s.language.empty() && !translated_language(*site, s.language, true, err)) return kUsageError;
    const std::vector<TextUnit> units = text_units(site->content, o.today, site->catalog_texts);
    const std::vector<TextStatus> states =
        text_states(units, site->translations, site_languages(site->content), site->content.site.source_language);
    const StatusReport report = translation_status(site->content, site->catalogs, states, s.language);
    if (s.json) {
        out << status_json(report, s.list);
        return kSuccess;
    }
    out << coverage_table(report.rows);
    if (s.list && !report.lines.empty()) out << '\n' << status_list(report.lines);
    return kSuccess;
}

int run_i18n_confirm(const RunOptions& o, const std::string& language, const std::vector<std::string>& refs,
                     std::ostream& out, std::ostream& err) {
    std::optional<LoadedSite> site = load_site(o, err);
    if (!site) return kContentErrors;
    if (!translated_language(*site, language, false, err)) return kUsageError;
    // Every text, also of records not shown today: a confirmation is about the text, not the day.
    const std::vector<TextUnit> units = text_units(site->content, Date{}, site->catalog_texts);
    for (const std::string& ref : refs)
        if (std::none_of(units.begin(), units.end(), [&](const TextUnit& u) { return names(ref, u.id); })) {
            err << "error: " << ref << ": no text of this site has that name; a name is like offer/kita-sprechstunde, "
                   "offer/kita-sprechstunde/title, page/imprint or catalog/nav.courses (lotse i18n status --list shows them)\n";
            return kUsageError;
        }
    TranslationRecord& record = site->translations;
    std::vector<std::string> renewed, recorded;
    for (const TextUnit& u : units) {
        auto t = u.translations.find(language);
        // A built-in catalog's translation is Lotse's, not the site's to confirm.
        if (t == u.translations.end() || !t->second.tracked) continue;
        if (!refs.empty() && std::none_of(refs.begin(), refs.end(), [&](const std::string& r) { return names(r, u.id); }))
            continue;
        const std::string* was = record.source_of(u.id, language);
        if (was && *was == u.source) continue;
        (was ? renewed : recorded).push_back(u.id);
        record.set(u.id, language, u.source);
    }
    if (!write_record(o, record, units, err)) return kContentErrors;
    auto say = [&](const std::vector<std::string>& ids, const char* what) {
        if (ids.empty()) return;
        out << what << " " << ids.size() << " " << language << " translation" << (ids.size() == 1 ? "" : "s") << ":";
        for (std::size_t i = 0; i < ids.size() && i < 20; ++i) out << (i ? ", " : " ") << ids[i];
        out << (ids.size() > 20 ? ", …" : "") << '\n';
    };
    say(renewed, "confirmed as current after a change of their source text:");
    say(recorded, "recorded as made from the present source text:");
    if (renewed.empty() && recorded.empty()) out << "nothing to confirm: the " << language << " translations named are current\n";
    return kSuccess;
}

}  // namespace lotse
