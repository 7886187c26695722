#include "render/site_files.h"

#include "render/content_policy.h"
#include "render/exports.h"
#include "render/feed.h"
#include "render/hsds.h"
#include "render/open_data.h"
#include "render/sitemap.h"
#include "search/search_index.h"
#include "site/routes.h"

namespace lotse {

std::vector<OutputFile> SiteFiles::make(const std::function<bool(const std::string& path)>& wanted) {
    const LanguageView* source = nullptr;
    std::vector<OutputFile> files;
    auto add = [&](const std::string& path, std::function<OutputFile(const LanguageView&)> make) {
        if (!wanted(path)) return;
        if (!source) source = &view_(in_.content.site.source_language);
        files.push_back(make(*source));
    };
    auto named = [](std::string_view path) { return std::string(path); };
    add(named(routes::kChooser), [&](const LanguageView& v) { return chooser(v); });
    add(named(routes::kNotFound), [&](const LanguageView& v) { return not_found(v); });
    add(named(routes::kRobots), [&](const LanguageView& v) { return robots(v, named(routes::kRobots)); });
    add(named(routes::kCoursesCsv), [&](const LanguageView& v) { return OutputFile{named(routes::kCoursesCsv), courses_csv(in_, v)}; });
    add(named(routes::kCoursesXlsx), [&](const LanguageView& v) {
        std::string error;
        OutputFile file{named(routes::kCoursesXlsx), courses_xlsx(in_, v, error)};
        if (!error.empty()) diags_.error({file.path, 0, 0}, error);
        return file;
    });
    add(named(routes::kCoursesIcs), [&](const LanguageView& v) { return OutputFile{named(routes::kCoursesIcs), courses_ics(in_, v)}; });
    add(named(routes::kDcat), [&](const LanguageView& v) { return OutputFile{named(routes::kDcat), dcat_description(in_, v)}; });
    hsds_packages(wanted, files);
    if (!in_.content.site.base_url.empty()) {
        sitemaps(add);
        // A feed per language, in the words of that language.
        for (const std::string& lang : in_.plan.languages)
            if (const std::string path = routes::feed(lang); wanted(path)) files.push_back({path, atom_feed(view_(lang))});
    }
    for (const std::string& lang : in_.plan.languages) search_files(lang, wanted, files);
    // Not a structured binding: clang before 16 (the fuzz build's) cannot capture one.
    for (const auto& asset : in_.templates.assets())
        add(asset.first, [&](const LanguageView&) { return OutputFile{asset.first, asset.second}; });
    return files;
}

void SiteFiles::hsds_packages(const std::function<bool(const std::string& path)>& wanted, std::vector<OutputFile>& files) {
    for (const std::string& lang : in_.plan.languages) {
        const std::string folder = routes::hsds_folder(lang);
        std::vector<HsdsRows> tables;  // made once per language, if a CSV of it is wanted
        if (const std::string path = folder + "datapackage.json"; wanted(path))
            files.push_back({path, hsds_datapackage(in_, view_(lang))});
        for (std::size_t t = 0; t < std::size(hsds::kTables); ++t) {
            const std::string path = folder + std::string(hsds::kTables[t].path);
            if (!wanted(path)) continue;
            if (tables.empty()) tables = hsds_tables(in_, view_(lang));
            files.push_back({path, hsds_csv(tables[t])});
        }
    }
}

void SiteFiles::search_files(const std::string& lang, const std::function<bool(const std::string& path)>& wanted,
                             std::vector<OutputFile>& files) {
    const std::string folder = lang + "/";
    if (wanted(folder + std::string(routes::kSearchIndex))) {
        const LanguageView& source = view_(in_.content.site.source_language);
        for (search::SearchFile& f : search::search_files(view_(lang), source))
            files.push_back({folder + f.path, std::move(f.bytes)});
        return;
    }
    // The entry is kept, so are the files it names: those of the previous build, numbered from 0.
    for (const std::string_view part : {"words", "infix", "items"})
        for (std::size_t n = 0; !wanted(folder + search::search_file(part, n)); ++n) {
        }
}

OutputFile SiteFiles::chooser(const LanguageView& v) {
    const std::string& base_url = in_.content.site.base_url;
    Data page, languages = list(), alternates = list();
    for (const std::string& lang : in_.plan.languages) {
        const LanguageView& other = view_(lang);
        Data l;
        l.set("lang", lang);
        l.set("dir", std::string(LocaleFormat::direction(lang)));
        l.set("name", v.fmt().native_name(lang));
        l.set("href", routes::language_home(lang));
        l.set("site_title", other.plain(in_.content.site.title));
        l.set("choose", other.msg("chooser.choose"));
        // A language without a catalog offers its pages in words of the source language.
        const std::string choose_in = other.msg_language("chooser.choose");
        l.set("choose_lang", choose_in == lang ? Data(false) : Data(choose_in));
        l.set("choose_dir", std::string(LocaleFormat::direction(choose_in)));
        languages.push_back(l);
        Data a;
        a.set("hreflang", lang);
        a.set("href", base_url.empty() ? routes::language_home(lang) : base_url + lang + "/");
        alternates.push_back(a);
    }
    page.set("languages", languages);
    page.set("root", std::string());
    page.set("page_title", v.plain(in_.content.site.title));
    if (!base_url.empty()) page.set("canonical", base_url);
    page.set("alternates", alternates);
    return {std::string(routes::kChooser), templates_.render("chooser", v.shared(), page)};
}

OutputFile SiteFiles::not_found(const LanguageView& v) {
    const std::string& base_url = in_.content.site.base_url;
    Data page, languages = list();
    for (const std::string& lang : in_.plan.languages) {
        const LanguageView& other = view_(lang);
        Data l;
        // The language its words are in: the source language's for a language without a catalog.
        const std::string said_in = other.msg_language("not_found.title");
        l.set("lang", said_in);
        l.set("dir", std::string(LocaleFormat::direction(said_in)));
        l.set("title", other.msg("not_found.title"));
        l.set("text", other.msg("not_found.text"));
        l.set("home", other.msg("not_found.home"));
        // A 404 page is served at any depth, so links are absolute where the site's address is known.
        l.set("href", base_url.empty() ? routes::language_home(lang) : base_url + lang + "/");
        languages.push_back(l);
    }
    page.set("languages", languages);
    page.set("page_title", v.msg("not_found.title"));
    auto css = in_.templates.assets().find(std::string(routes::kStylesheet));
    if (css != in_.templates.assets().end()) {
        // The template puts the text between <style> and </style> as it is, so the hash matches.
        page.set("inline_style", css->second);
        page.set("content_policy", content_policy_with_style(css->second));
    }
    return {std::string(routes::kNotFound), templates_.render("404", v.shared(), page)};
}

OutputFile SiteFiles::robots(const LanguageView& v, const std::string& path) {
    Data page;
    if (!in_.content.site.base_url.empty()) page.set("sitemap", in_.content.site.base_url + std::string(routes::kSitemap));
    return {path, templates_.render("robots", v.shared(), page)};
}

// A sitemap of the pages at `paths`: one entry per page, which the template repeats for every
// language (with the others as alternates), so the data stays small even for many pages.
std::string SiteFiles::sitemap(const LanguageView& v, const std::vector<std::string>& paths) {
    Data routes_data = list();
    for (const std::string& path : paths) append(routes_data, Data("path", path));
    Data page;
    put(page, "routes", std::move(routes_data));
    return templates_.render("sitemap", v.shared(), page);
}

// What each page adds to a sitemap file, measured on the template: an empty sitemap, and one of a
// page with a one- and a two-letter path, give what a page adds and what each letter of its path
// does (a path appears in the file a number of times, as the template and the languages say).
std::vector<std::size_t> SiteFiles::sitemap_bytes(const LanguageView& v, const std::vector<std::string>& paths) {
    const std::size_t empty = sitemap(v, {}).size();
    const std::size_t one = sitemap(v, {"a"}).size() - empty, two = sitemap(v, {"aa"}).size() - empty;
    const std::size_t per_letter = two > one ? two - one : 0, fixed = one - per_letter;
    std::vector<std::size_t> bytes;
    bytes.reserve(paths.size());
    for (const std::string& path : paths) bytes.push_back(fixed + per_letter * path.size());
    return bytes;
}

void SiteFiles::sitemaps(const std::function<void(const std::string&, std::function<OutputFile(const LanguageView&)>)>& add) {
    std::vector<std::string> paths;
    for (const PlannedPage& p : in_.plan.pages) paths.push_back(routes::pretty(p.route));
    const LanguageView& source = view_(in_.content.site.source_language);
    const auto parts = sitemap_parts(sitemap_bytes(source, paths), in_.plan.languages.size(), in_.sitemap);
    auto within_limits = [&](const std::string& file, std::string bytes) {
        if (bytes.size() > in_.sitemap.bytes)
            diags_.error({"templates/sitemap.mustache", 0, 0},
                         file + " would be " + std::to_string(bytes.size()) + " bytes, over the sitemap protocol's limit of " +
                             std::to_string(in_.sitemap.bytes) + "; write less per page in the template");
        return OutputFile{file, std::move(bytes)};
    };
    const std::string index(routes::kSitemap);
    if (parts.size() == 1) {
        add(index, [&](const LanguageView& v) { return within_limits(index, sitemap(v, paths)); });
        return;
    }
    add(index, [&](const LanguageView& v) {
        Data list_of = list();
        for (std::size_t n = 1; n <= parts.size(); ++n) append(list_of, Data("file", routes::sitemap_part(n)));
        Data page;
        put(page, "parts", std::move(list_of));
        return OutputFile{index, templates_.render("sitemap_index", v.shared(), page)};
    });
    for (std::size_t n = 0; n < parts.size(); ++n) {
        const std::vector<std::string> part(paths.begin() + static_cast<std::ptrdiff_t>(parts[n].first),
                                            paths.begin() + static_cast<std::ptrdiff_t>(parts[n].second));
        const std::string file = routes::sitemap_part(n + 1);
        add(file, [&](const LanguageView& v) { return within_limits(file, sitemap(v, part)); });
    }
}

}  // namespace lotse
