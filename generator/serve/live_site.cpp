#include "serve/live_site.h"

#include <algorithm>
#include <atomic>
#include <optional>

#include "cache/inputs_hash.h"
#include "cache/place.h"
#include "check/check.h"
#include "common/data_dir.h"
#include "common/site_files.h"
#include "content/loader.h"
#include "render/fingerprint.h"
#include "render/offline_copy.h"
#include "site/plan.h"

namespace lotse {

namespace fs = std::filesystem;

namespace {

// `diags` without what it says about the file `shown`.
Diagnostics without_file(const Diagnostics& diags, const std::string& shown) {
    Diagnostics kept;
    for (const Diagnostic& d : diags.items()) {
        if (d.pos.file == shown) continue;
        switch (d.severity) {
            case Severity::error: kept.error(d.pos, d.message); break;
            case Severity::warning: kept.warning(d.pos, d.message); break;
            case Severity::note: kept.note(d.pos, d.message); break;
        }
    }
    return kept;
}

}  // namespace

void LiveSite::read_templates() {
    template_diags_ = {};
    templates_.emplace(Templates::load(layered(o_.site_dir, "templates"), template_diags_,
                                       site_cache_file(o_.site_dir, ".templates"), program_identity()));
}

// As `lotse build` reads the site (build.cpp), with what each step found kept apart.
void LiveSite::read_everything() {
    content_diags_ = {};
    i18n_diags_ = {};
    site_ = {};
    digests_.clear();
    currency_.clear();
    const std::optional<SiteConfig> settings = read_site_settings(o_.site_dir, content_diags_);
    has_settings_ = settings.has_value();
    if (settings)
        site_.content = read_content(o_.site_dir, *settings, content_diags_,
                                     {site_cache_file(o_.site_dir, ".records"), program_identity()});
    site_.catalogs = load_catalogs(o_.site_dir, settings, i18n_diags_);
    if (settings) read_translations(o_.site_dir, *settings, site_, i18n_diags_);
    read_templates();
    read_ = true;
}

bool LiveSite::read_changed(const std::vector<fs::path>& changed) {
    bool templates = false;
    for (const fs::path& file : changed) {
        if (!file.empty() && *file.begin() == "templates") {
            templates = true;
            continue;
        }
        // The settings, taxonomy, translation record, free pages and catalogs: everything is read again.
        if (!has_settings_) return false;
        Diagnostics found;
        if (!reread_record_file(o_.site_dir, file, site_.content, found)) return false;
        const std::string key = file.parent_path().filename().string() + "/" + file.stem().string();
        digests_.erase(key);
        currency_.erase(key);
        content_diags_ = without_file(content_diags_, shown_path(o_.site_dir / file));
        content_diags_.append(found);
    }
    if (templates) read_templates();
    return true;
}

void LiveSite::render(BuildOutcome& outcome, const PagesDone& pages_done) {
    Diagnostics& diags = outcome.diags;
    const SitePlan plan = plan_site(site_.content, o_.today);
    RenderInputs inputs{site_.content, plan, site_.catalogs, *templates_, o_.today, o_.jobs,
                        shared_inputs_hash(o_.site_dir, o_.today, plan, *templates_), {}, o_.sitemap,
                        site_cache_stem(o_.site_dir)};
    std::atomic<std::size_t> rendered{0}, kept{0};
    inputs.record_digests = &digests_;
    if (!fragments_ || fragments_hash_ != inputs.inputs_hash) {
        fragments_.reset();
        fragments_.emplace(inputs.fragment_cache, inputs.inputs_hash, plan.languages, true);
        fragments_hash_ = inputs.inputs_hash;
    }
    inputs.fragments = &*fragments_;
    // The preview offers the offline copy as the built site does (render/offline_copy.h).
    OfflineCopies offline(plan.languages, *templates_);
    inputs.reuse = [&](std::string_view path, std::uint64_t fingerprint) {
        std::uint64_t size = 0;
        if (offline.always_rendered(path) || !output_.keep(path, fingerprint, &size)) return false;
        offline.kept(path, fingerprint, size);
        kept += path.ends_with(".html");
        return true;
    };
    Diagnostics write_diags;
    auto write = [&](const OutputFile& f) {
        rendered += f.path.ends_with(".html");
        output_.write(f, write_diags);
    };
    // The home pages wait for their offline copy's size, known once every other file is made; the
    // open pages reload before, so until then the home pages show the size of the last build.
    std::vector<OutputFile> early_homes;
    if (pages_done)
        inputs.pages_done = [&](const Diagnostics& found) {
            if (found.has_errors() || write_diags.has_errors()) return;
            early_homes = offline.held(offline_sizes_);
            for (const OutputFile& home : early_homes) output_.write(home, write_diags);
            outcome.rendered = rendered;
            outcome.kept = kept;
            pages_done(found);
        };
    render_site(inputs, diags, [&](OutputFile&& f) {
        if (std::optional<OutputFile> now = offline.take(std::move(f))) write(*now);
    });
    bool homes_changed = false;
    for (const OutputFile& f : offline.finish(diags)) {
        // A home page the open pages already show is written again only if its size changed.
        auto early = std::find_if(early_homes.begin(), early_homes.end(), [&](const OutputFile& e) { return e.path == f.path; });
        if (early != early_homes.end() && early->bytes == f.bytes) {
            ++rendered;
            continue;
        }
        homes_changed = homes_changed || early != early_homes.end();
        write(f);
    }
    if (homes_changed && !diags.has_errors() && !write_diags.has_errors()) pages_done(diags);
    offline_sizes_ = offline.sizes();
    diags.append(write_diags);
    if (diags.has_errors()) {
        output_.forget();
        return;
    }
    output_.finish();
    outcome.rendered = rendered;
    outcome.kept = kept;
}

void LiveSite::check_translations(Diagnostics& diags) {
    Content& content = site_.content;
    const std::string& src = content.site.source_language;
    const TranslationRecord& record = site_.translations;
    const std::vector<std::string> languages = site_languages(content);
    auto findings = [&](const std::vector<TextUnit>& units) {
        return currency_findings(text_states(units, record, languages, src), src);
    };
    const CurrencyFindings site = findings(site_text_units(content));
    const CurrencyFindings pages = findings(page_text_units(content, site_.catalog_texts));
    std::vector<const CurrencyFindings*> parts{&site};
    for_each_kind(content, [&](auto& records) {
        for (auto& r : records) {
            using R = std::remove_reference_t<decltype(r)>;
            auto [it, added] = currency_.try_emplace(record_key(KindOf<R>::value, r.id));
            if (added) {
                it->second = findings(record_text_units(r, o_.today, src));
                mark_outdated(r, record, src);
            }
            parts.push_back(&it->second);
        }
    });
    parts.push_back(&pages);
    report_currency(parts, record, diags);
    mark_outdated_pages(content, record);
}

int LiveSite::rebuild(const std::vector<fs::path>& changed, BuildOutcome& outcome, const PagesDone& pages_done) {
    if (!read_ || !read_changed(changed)) read_everything();
    Diagnostics& diags = outcome.diags;
    diags.append(content_diags_);
    diags.append(i18n_diags_);
    check_content(site_.content, site_.catalogs, o_.today, diags);
    if (has_settings_) check_translations(diags);
    diags.append(template_diags_);
    if (diags.has_errors()) return kContentErrors;
    render(outcome, pages_done);
    return diags.has_errors() ? kContentErrors : kSuccess;
}

}  // namespace lotse
