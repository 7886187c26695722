#include "render/renderer.h"

#include <map>
#include <memory>
#include <set>

#include "common/crew.h"
#include "render/compiled_templates.h"
#include "render/fingerprint.h"
#include "render/fragment_cache.h"
#include "render/list_items.h"
#include "render/pages/pages.h"
#include "render/schedule.h"
#include "render/site_files.h"
#include "render/structured_data.h"
#include "site/routes.h"

namespace lotse {

namespace {

// Renders pages on one thread: it has its own compiled templates and its own ICU formatters per
// language, because neither kainjow's templates nor ICU's formatters may be shared while in use.
class SiteRenderer {
public:
    SiteRenderer(const RenderInputs& in, const Fingerprints& fingerprints, FragmentCache& kept, Diagnostics& diags)
        : in_(in), templates_(in.templates, diags), items_(in, fingerprints, kept, templates_), diags_(diags) {}

    // A page in the plan's language number `language`.
    OutputFile page(std::size_t language, const PlannedPage& page) {
        const std::string& tag = in_.plan.languages[language];
        if (tag != current_language_) {
            end_language();
            if (!current_language_.empty() && current_language_ != in_.content.site.source_language)
                views_.erase(current_language_);
            current_language_ = tag;
        }
        return render_page(view(tag), page);
    }

    // Pages come in runs of one language: what was made for it is not needed again.
    void end_language() { items_.end_language(); }

    std::vector<OutputFile> site_files(const std::function<bool(const std::string& path)>& wanted) {
        SiteFiles files(in_, templates_, [&](const std::string& language) -> const LanguageView& { return view(language); },
                        diags_);
        return files.make(wanted);
    }

private:
    const LanguageView& view(const std::string& language) {
        auto& v = views_[language];
        if (!v) {
            const auto number = static_cast<std::size_t>(
                std::find(in_.plan.languages.begin(), in_.plan.languages.end(), language) - in_.plan.languages.begin());
            v = std::make_unique<LanguageView>(in_, language, items_.memo(number));
            // Titles as the source language writes them stay visible beside translated ones.
            if (language != in_.content.site.source_language) v->set_source_view(&view(in_.content.site.source_language));
        }
        return *v;
    }

    OutputFile render_page(const LanguageView& v, const PlannedPage& p) {
        const PageContext c{v, p, items_};
        v.begin_page();
        const std::size_t untranslated = v.untranslated();
        PageBody body;
        switch (p.kind) {
            case PageKind::home: body = home_page(c); break;
            case PageKind::life_phase:
            case PageKind::topic: body = term_page(c); break;
            case PageKind::record: body = record_page(c); break;
            case PageKind::courses:
            case PageKind::course_month: body = courses_page(c); break;
            case PageKind::counselling: body = counselling_page(c); break;
            case PageKind::az: body = az_page(c); break;
            case PageKind::search: body = search_page(c); break;
            case PageKind::glossary: body = glossary_page(c); break;
            case PageKind::free_page: body = free_page(c); break;
        }
        Data page = frame(c, body.title);
        // One note for the page, however many of its texts are not translated yet.
        if (v.untranslated() != untranslated) page.set("fallback_note", v.fallback_note());
        // A record page says what its record is to search engines and partners' apps, in its head.
        if (p.kind == PageKind::record) page.set("structured_data", structured_data(c));
        body.data.set("page_title", body.title);
        body.data.set("root", routes::up(v.language() + "/" + p.route));
        std::string html = templates_.render(body.name, v.shared(), body.data);
        const std::size_t expected = html.size() + 16 * 1024;  // the frame: head, navigation, footer
        put(page, "body", moved(std::move(html)));
        return {v.language() + "/" + p.route, templates_.render("layout", v.shared(), page, expected)};
    }

    const RenderInputs& in_;
    CompiledTemplates templates_;
    ListItems items_;  // before views_, which use its memos
    Diagnostics& diags_;
    std::map<std::string, std::unique_ptr<LanguageView>> views_;
    std::string current_language_;
};

// The same problem found by several threads is reported once.
void merge(const std::vector<Diagnostics>& found, Diagnostics& diags) {
    std::set<std::string> seen;
    for (const Diagnostics& d : found)
        for (const Diagnostic& item : d.items())
            if (seen.insert(format(item)).second) {
                if (item.severity == Severity::error) diags.error(item.pos, item.message);
                else diags.warning(item.pos, item.message);
            }
}

}  // namespace

void render_site(const RenderInputs& in, Diagnostics& diags, const FileSink& sink) {
    const std::size_t languages = in.plan.languages.size(), pages = in.plan.pages.size();
    const unsigned threads = render_threads(in.jobs, languages, pages);
    const Fingerprints fingerprints(in.plan, in.content.site.source_language, in.inputs_hash, in.sitemap, threads,
                                    in.record_digests);
    std::optional<FragmentCache> own;
    FragmentCache& kept = in.fragments ? *in.fragments : own.emplace(in.fragment_cache, in.inputs_hash, in.plan.languages);
    PageSchedule schedule(languages, pages);
    std::vector<Diagnostics> found(threads);
    auto site_files = [&](SiteRenderer& renderer) {
        auto fingerprint = [&](const std::string& path) { return fingerprints.site_file(path); };
        auto wanted = [&](const std::string& path) { return !(in.reuse && in.reuse(path, fingerprint(path))); };
        for (OutputFile& f : renderer.site_files(wanted)) {
            f.fingerprint = fingerprint(f.path);
            sink(std::move(f));
        }
    };
    // Each page goes to the sink as soon as it is rendered, so memory does not grow with the size
    // of the site.
    auto work = [&](unsigned t) {
        SiteRenderer renderer(in, fingerprints, kept, found[t]);
        std::string path;  // of the page asked about; one buffer, not a new string per page
        while (const std::optional<std::size_t> l = schedule.pick_language()) {
            const std::string& language = in.plan.languages[*l];
            const bool last = schedule.work_on(*l, [&](std::size_t p) {
                const PlannedPage& page = in.plan.pages[p];
                const std::uint64_t fingerprint = fingerprints.page(page, *l);
                path.assign(language).append(1, '/').append(page.route);
                if (in.reuse && in.reuse(path, fingerprint)) return;
                OutputFile file = renderer.page(*l, page);
                file.fingerprint = fingerprint;
                sink(std::move(file));
            }, [&] { renderer.end_language(); });
            // Its fragments are saved (and their memory freed) before the next language's are made.
            if (last) kept.save(*l);
        }
        if (t == 0 && !in.pages_done) site_files(renderer);
    };
    run_together(threads, work);
    if (in.pages_done) {
        merge(found, diags);
        found.assign(1, {});
        in.pages_done(diags);
        SiteRenderer renderer(in, fingerprints, kept, found[0]);
        site_files(renderer);
    }
    merge(found, diags);
}

}  // namespace lotse
