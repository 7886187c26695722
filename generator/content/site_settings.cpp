// The site's settings (content/site.yaml) and its taxonomy (content/taxonomy.yaml).
#include <algorithm>

#include "common/site_files.h"
#include "common/whole_file.h"
#include "content/domain.h"
#include "content/encoding.h"
#include "content/ids.h"
#include "content/loader.h"
#include "content/reading.h"

namespace lotse {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kSiteKeys[] = {"title",    "tagline", "source_language",   "languages",
                                          "base_url", "region",  "review_after_days", "contact", "open_data"};
constexpr std::string_view kSiteContactKeys[] = {"email", "phone"};
constexpr std::string_view kOpenDataKeys[] = {"publisher", "licence", "state"};
constexpr std::string_view kTaxonomyKeys[] = {"life_phases", "topics"};

// The source language decides how plain strings are read, so it is read first. A tag that is not
// one is reported here, once: everything that depends on it is left unchecked.
void read_source_language(MapReader& m, Diagnostics& diags, SiteConfig& site) {
    if (auto source = m.located("source_language", Need::required)) {
        site.source_language_pos = source->pos;
        if (is_language_tag(source->value)) site.source_language = source->value;
        else diags.error(source->pos, not_a_language_tag(source->value));
    }
}

// Page paths are appended to it, so it ends in a folder and carries no ?… or #… part.
void read_base_url(MapReader& m, Diagnostics& diags, SiteConfig& site) {
    site.base_url = address_field(m, "base_url", AddressUse::web);
    if (site.base_url.find_first_of("?#") != std::string::npos) {
        diags.error(m.located("base_url")->pos,
                    "\"base_url\" cannot have a query (?…) or a fragment (#…): the pages' paths are added to it");
        site.base_url.clear();
    }
    if (!site.base_url.empty() && site.base_url.back() != '/') site.base_url += '/';
}

void read_settings(FileContext& ctx, MapReader& m, SiteConfig& site) {
    read_source_language(m, ctx.diags, site);
    ctx.source_language = site.source_language;
    site.title = m.text("title", Need::required);
    site.tagline = m.text("tagline");
    site.languages = language_tags(ctx, m.words("languages", Need::required));
    read_base_url(m, ctx.diags, site);
    site.region = m.string("region").value_or("");
    site.review_after_days = m.integer("review_after_days").value_or(domain::kReviewAfterDays);
    if (YAML::Node c = m.node("contact"); c.IsDefined()) {
        MapReader contact(ctx, c, "contact", kSiteContactKeys);
        site.email = address_field(contact, "email", AddressUse::email);
        site.phone = address_field(contact, "phone", AddressUse::phone);
    }
    site.licence = std::string(domain::kLicences[0]);
    if (YAML::Node o = m.node("open_data"); o.IsDefined()) {
        MapReader open_data(ctx, o, "open_data", kOpenDataKeys);
        site.publisher = open_data.string("publisher").value_or("");
        site.licence = open_data.one_of("licence", domain::kLicences).value_or(site.licence);
        site.state = open_data.string("state").value_or("");
    }
}

// The terms listed under `key`: valid ids, each once; the others are reported.
void read_terms(MapReader& m, std::string_view key, Diagnostics& diags, std::vector<Term>& out) {
    for (const Located& w : m.words(key, Need::required)) {
        if (!is_valid_id(w.value)) {
            diags.error(w.pos, "\"" + w.value + "\" is not a valid term id; use lowercase letters, digits and single hyphens");
            continue;
        }
        if (std::any_of(out.begin(), out.end(), [&](const Term& t) { return t.id == w.value; })) {
            diags.error(w.pos, "\"" + w.value + "\" is listed twice in \"" + std::string(key) + "\"");
            continue;
        }
        out.push_back({w.value, w.pos});
    }
}

}  // namespace

std::optional<SiteConfig> read_site_settings(const fs::path& site_dir, Diagnostics& diags) {
    // A content folder that is a link out of the site, or a loop, is reported once, here.
    if (site_entry(site_dir / "content", site_dir, &diags, shown_path(site_dir / "content")) == EntryKind::unusable)
        return std::nullopt;
    const fs::path p = site_dir / "content" / "site.yaml";
    SiteConfig site;
    site.path = shown_path(p);
    std::string text;
    const EntryKind kind = site_entry(p, site_dir, &diags, site.path);
    if (kind == EntryKind::unusable) return site;
    if (kind != EntryKind::file || !read_whole_file(p, text)) {
        diags.error({site.path, 0, 0}, "the site settings are missing; create content/site.yaml with title, source_language and languages");
        return site;
    }
    check_utf8(site.path, text, diags);
    FileContext ctx{site.path, diags, ""};
    ctx.set_text(without_bom(text));
    auto root = parse_yaml(ctx, text);
    if (!root) return site;
    MapReader m(ctx, *root, "site settings", kSiteKeys);
    if (m.valid()) read_settings(ctx, m, site);
    return site;
}

void read_taxonomy(const fs::path& site_dir, Diagnostics& diags, Content& content) {
    const fs::path p = site_dir / "content" / "taxonomy.yaml";
    const std::string path = shown_path(p);
    std::string text;
    const EntryKind kind = site_entry(p, site_dir, &diags, path);
    if (kind == EntryKind::unusable) return;
    if (kind != EntryKind::file || !read_whole_file(p, text)) {
        diags.error({path, 0, 0}, "the taxonomy is missing; create content/taxonomy.yaml with life_phases and topics");
        return;
    }
    check_utf8(path, text, diags);
    FileContext ctx{path, diags, content.site.source_language};
    ctx.set_text(without_bom(text));
    auto root = parse_yaml(ctx, text);
    if (!root) return;
    MapReader m(ctx, *root, "taxonomy", kTaxonomyKeys);
    read_terms(m, "life_phases", diags, content.taxonomy.life_phases);
    read_terms(m, "topics", diags, content.taxonomy.topics);
}

}  // namespace lotse
