// `lotse i18n export` and `lotse i18n import`: the texts of one language out to translators as
// XLIFF, and their translations back into the records, pages and catalogs.
#include <algorithm>
#include <map>
#include <ostream>

#include "common/data_dir.h"
#include "common/site_edits.h"
#include "common/site_files.h"
#include "common/whole_file.h"
#include "i18n/catalog_texts.h"
#include "i18n/currency.h"
#include "i18n/text_patch.h"
#include "i18n/xliff.h"
#include "translate.h"

namespace lotse {

namespace fs = std::filesystem;

namespace {

// What a translator needs to know of a text: what it is, where a reader meets it, and what to keep.
std::string translator_note(const TextUnit& u) {
    const std::string_view field = std::string_view(u.id).substr(u.id.rfind('/') + 1);
    std::string where;
    if (u.id.starts_with("catalog/"))
        where = "a text of the site's interface. An ICU message: keep the {…} placeholders; plural and select "
                "forms may be added as your language needs them";
    else if (u.id.starts_with("site/")) where = "shown on every page";
    else if (u.id.starts_with("page/")) where = field == "title" ? "the page's heading and its link in the menu or footer"
                                                                 : "the page's text (Markdown: keep the link codes)";
    else if (field == "title" || field == "name") where = "the heading of its page, and its entry in lists and the A–Z index";
    else if (field == "summary") where = "one sentence under the title in lists";
    else if (field == "description") where = "on its page (Markdown: keep the link codes)";
    else if (field == "fee_note") where = "next to the fee";
    else if (field == "note") where = "next to a day and time";
    else if (field == "text") where = "a step of the pathway (Markdown: keep the link codes)";
    return u.what + ": " + where;
}

struct ExportCount {
    std::size_t units = 0, outdated = 0, missing = 0;
};

XliffFile export_file(const LoadedSite& site, const std::vector<TextStatus>& states, const std::string& language, bool all,
                      ExportCount& count) {
    XliffFile f{site_identity(site.content), site.content.site.source_language, language, {}, {}};
    for (const TextStatus& s : states) {
        if (!all && s.state != TextState::outdated && s.state != TextState::missing) continue;
        XliffUnit x;
        x.id = s.unit->id;
        x.note = translator_note(*s.unit);
        x.syntax = s.unit->syntax;
        x.source = s.unit->source;
        if (s.state == TextState::outdated) {
            // Never as the target: brought back unchanged, it would pass for a renewed translation.
            x.previous_source = *s.was;
            x.previous_target = s.unit->translations.at(language).text;
            ++count.outdated;
        } else if (s.state == TextState::missing) {
            ++count.missing;
        } else {
            x.target = s.unit->translations.at(language).text;
        }
        f.units.push_back(std::move(x));
        ++count.units;
    }
    return f;
}

}  // namespace

std::string site_identity(const Content& content) {
    if (!content.site.base_url.empty()) return content.site.base_url;
    const std::string* title = content.site.title.find(content.site.source_language);
    return title ? *title : content.site.region;
}

int run_i18n_export(const RunOptions& o, const ExportOptions& e, std::ostream& out, std::ostream& err) {
    std::optional<LoadedSite> site = load_site(o, err);
    if (!site) return kContentErrors;
    if (!translated_language(*site, e.language, false, err)) return kUsageError;
    const std::vector<TextUnit> units = text_units(site->content, o.today, site->catalog_texts);
    const std::vector<TextStatus> states =
        text_states(units, site->translations, {e.language}, site->content.site.source_language);
    ExportCount count;
    const std::string xliff = write_xliff(export_file(*site, states, e.language, e.all, count), e.version);
    std::ostream& said = e.out.empty() ? err : out;
    if (e.out.empty()) {
        out << xliff;
    } else {
        SiteEdits file;
        file.put(e.out, xliff);
        std::string problem;
        if (!file.commit(problem)) {
            err << "error: " << problem << '\n';
            return kContentErrors;
        }
    }
    said << count.units << " text" << (count.units == 1 ? "" : "s") << " for " << e.language << " (" << count.outdated
         << " outdated, " << count.missing << " missing" << (e.all ? ", the others translated" : "") << ")"
         << (e.out.empty() ? "" : " written to " + shown_path(e.out)) << '\n';
    return kSuccess;
}

namespace {

// A translation read from a file, checked against the site, to be written.
struct Incoming {
    const TextUnit* unit;
    std::string language, text;
};

// The units of `file` this site can take; every problem into `diags`.
void accept_units(const LoadedSite& site, const std::map<std::string_view, const TextUnit*>& units, const XliffFile& file,
                  Diagnostics& diags, std::vector<Incoming>& in, std::size_t& left_out) {
    const Content& c = site.content;
    const std::string identity = site_identity(c);
    if (file.original != identity)
        diags.error(file.pos, "this file was exported from the site \"" + file.original + "\", not from this one (\"" +
                                  identity + "\"); import it into the site it came from");
    if (file.source_language != c.site.source_language)
        diags.error(file.pos, "this file translates from " + file.source_language + ", but the site's source language is " +
                                  c.site.source_language);
    const std::vector<std::string> languages = site_languages(c);
    if (file.target_language == c.site.source_language ||
        std::find(languages.begin(), languages.end(), file.target_language) == languages.end()) {
        diags.error(file.pos, "this file is a translation into " + file.target_language +
                                  ", which is not one of the languages the site is translated into");
        return;
    }
    for (const XliffUnit& x : file.units) {
        auto u = units.find(x.id);
        if (u == units.end()) {
            diags.error(x.pos, "this site has no text " + x.id + "; was the record renamed or deleted since the export?");
            continue;
        }
        if (!x.target || x.target->empty()) continue;
        if (x.source != u->second->source) {
            diags.warning(x.pos, "the source text of " + x.id + " has changed since this file was exported; its " +
                                     file.target_language + " translation is left out and comes back in the next export");
            ++left_out;
            continue;
        }
        in.push_back({u->second, file.target_language, *x.target});
    }
}

// "offer/kita/steps/2/text" -> {"steps", "2", "text"}: the field's path inside its file.
std::vector<std::string> field_path(const std::string& id, std::size_t skip) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= id.size(); ++i)
        if (i == id.size() || id[i] == '/') {
            parts.push_back(id.substr(start, i - start));
            start = i + 1;
        }
    parts.erase(parts.begin(), parts.begin() + static_cast<std::ptrdiff_t>(std::min(skip, parts.size())));
    return parts;
}

// The new texts of the files the translations go into; a file that cannot be patched is an error.
class ImportEdits {
public:
    ImportEdits(const fs::path& site_dir, const LoadedSite& site, Diagnostics& diags)
        : site_dir_(site_dir), site_(site), diags_(diags) {}

    void add(const Incoming& in) {
        const std::string& id = in.unit->id;
        if (id.starts_with("catalog/")) {
            catalogs_[in.language].emplace_back(id.substr(8), in.text);
        } else if (id.starts_with("page/")) {
            const std::vector<std::string> p = field_path(id, 1);
            PageEdit& e = pages_[{p[0], in.language}];
            (p[1] == "title" ? e.title : e.body) = in.text;
        } else {
            const bool site_yaml = id.starts_with("site/");
            yaml_[in.unit->source_pos.file.str()].push_back({field_path(id, site_yaml ? 1 : 2), in.language, in.text});
        }
    }

    void put_into(SiteEdits& edits) {
        const std::string& src = site_.content.site.source_language;
        for (auto& [file, list] : yaml_) {
            const std::string text = whole_file(file);
            settle(edits, file, patch_yaml(text, list, src));
        }
        for (auto& [key, e] : pages_) put_page(edits, key.first, key.second, e);
        for (auto& [language, messages] : catalogs_) put_catalog(edits, language, messages);
    }

private:
    struct PageEdit {
        std::optional<std::string> title, body;
    };

    void settle(SiteEdits& edits, const fs::path& file, std::variant<std::string, PatchError> result) {
        if (auto* e = std::get_if<PatchError>(&result)) {
            diags_.error({shown_path(file), e->line, e->column}, "the translation cannot be written here: " + e->message);
            return;
        }
        edits.put(file, std::move(std::get<std::string>(result)));
    }

    void put_page(SiteEdits& edits, const std::string& slug, const std::string& language, const PageEdit& e) {
        const Page* source = nullptr;
        const Page* existing = nullptr;
        for (const Page& p : site_.content.pages) {
            if (p.slug != slug) continue;
            if (p.language == site_.content.site.source_language) source = &p;
            if (p.language == language) existing = &p;
        }
        const fs::path file = existing ? fs::path(existing->path) : fs::path(source->path).parent_path() / (slug + "." + language + ".md");
        settle(edits, file, patch_page(whole_file(existing ? existing->path : source->path), existing != nullptr, e.title, e.body));
    }

    // Into the site's own catalog of the language; one that does not exist yet starts as a copy of
    // the built-in one, which it replaces as a whole.
    void put_catalog(SiteEdits& edits, const std::string& language, const std::vector<std::pair<std::string, std::string>>& messages) {
        const fs::path own = own_catalog(site_dir_, language);
        std::string text;
        if (!read_whole_file(own, text)) read_whole_file(data_dir() / "i18n" / (language + ".txt"), text);
        for (const auto& [key, value] : messages) {
            auto patched = patch_catalog(text, language, key, value);
            if (auto* e = std::get_if<PatchError>(&patched)) {
                diags_.error({shown_path(own), e->line, e->column}, "the translation cannot be written here: " + e->message);
                return;
            }
            text = std::move(std::get<std::string>(patched));
        }
        std::error_code ec;
        fs::create_directories(own.parent_path(), ec);
        edits.put(own, std::move(text));
    }

    const fs::path& site_dir_;
    const LoadedSite& site_;
    Diagnostics& diags_;
    std::map<std::string, std::vector<TextEdit>> yaml_;
    std::map<std::pair<std::string, std::string>, PageEdit> pages_;
    std::map<std::string, std::vector<std::pair<std::string, std::string>>> catalogs_;
};

}  // namespace

int run_i18n_import(const RunOptions& o, const std::vector<fs::path>& files, std::ostream& out, std::ostream& err) {
    std::optional<LoadedSite> site = load_site(o, err);
    if (!site) return kContentErrors;
    // Every text, also of records not shown today.
    const std::vector<TextUnit> units = text_units(site->content, Date{}, site->catalog_texts);
    std::map<std::string_view, const TextUnit*> by_id;
    for (const TextUnit& u : units) by_id.emplace(u.id, &u);
    Diagnostics diags;
    std::vector<Incoming> in;
    std::size_t left_out = 0;
    for (const fs::path& f : files) {
        std::string text;
        if (!fs::is_regular_file(f) || !read_whole_file(f, text)) {
            diags.error({shown_path(f), 0, 0}, "this file cannot be read");
            continue;
        }
        if (std::optional<XliffFile> x = read_xliff(shown_path(f), text, diags)) accept_units(*site, by_id, *x, diags, in, left_out);
    }
    SiteEdits edits;
    ImportEdits patches(o.site_dir, *site, diags);
    std::size_t changed = 0, taken = 0;
    for (const Incoming& i : in) {
        auto now = i.unit->translations.find(i.language);
        const bool same = now != i.unit->translations.end() && now->second.text == i.text;
        if (same && !now->second.tracked) continue;  // a built-in catalog's message, as it is
        ++taken;
        if (!same) {
            patches.add(i);
            ++changed;
        }
        site->translations.set(i.unit->id, i.language, i.unit->source);
    }
    if (!diags.has_errors()) patches.put_into(edits);
    site->translations.prune(units);
    edits.put(o.site_dir / TranslationRecord::kPath, site->translations.text());
    std::string problem;
    if (diags.has_errors() || !edits.commit(problem)) {
        report(diags, err);
        if (!problem.empty()) err << "error: " << problem << '\n';
        err << "nothing was written\n";
        return kContentErrors;
    }
    if (!diags.items().empty()) report(diags, err);
    out << "imported " << taken << " translation" << (taken == 1 ? "" : "s") << " (" << changed << " changed, "
        << taken - changed << " unchanged)" << (left_out ? ", left out " + std::to_string(left_out) : std::string())
        << "; files written: " << edits.files().size() << '\n';
    for (const fs::path& f : edits.files()) out << "  " << shown_path(f) << '\n';
    return kSuccess;
}

}  // namespace lotse
