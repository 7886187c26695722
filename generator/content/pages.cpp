// The site's free pages: content/pages/<slug>.<language>.md, a front matter block and Markdown.
#include <algorithm>

#include "common/site_files.h"
#include "common/whole_file.h"
#include "content/encoding.h"
#include "content/ids.h"
#include "content/reading.h"
#include "markdown/markdown.h"

namespace lotse {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kFrontMatterKeys[] = {"title", "menu", "weight"};
constexpr std::string_view kMenus[] = {"main", "footer", "none"};

// A page as Windows editors save it, with a byte order mark and CR LF line ends, read as if it had
// neither: both are invisible in an editor, so lines and columns stay where it shows them.
std::string normalised(std::string_view text) {
    text = without_bom(text);
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i)
        if (text[i] != '\r' || i + 1 == text.size() || text[i + 1] != '\n') out += text[i];
    return out;
}

// A page with its slug, language and path from the file's name <slug>.<language>.md; nullopt if the
// name is not one (reported).
std::optional<Page> page_named(const std::string& name, const std::string& path, Diagnostics& diags) {
    const auto first_dot = name.find('.');
    const auto md = name.size() > 3 ? name.size() - 3 : std::string::npos;
    const bool named_right = first_dot != std::string::npos && md != std::string::npos && name.compare(md, 3, ".md") == 0 &&
                             first_dot < md && is_valid_id(name.substr(0, first_dot));
    if (!named_right) {
        diags.error({path, 0, 0}, "a page file must be named <slug>.<language>.md, e.g. imprint.de.md");
        return std::nullopt;
    }
    if (const std::string tag = name.substr(first_dot + 1, md - first_dot - 1); !is_language_tag(tag)) {
        diags.error({path, 0, 0}, "\"" + tag + "\" in this file's name is not a language tag; name a page "
                                  "<slug>.<language>.md with a BCP 47 tag, e.g. imprint.de-AT.md");
        return std::nullopt;
    }
    Page page;
    page.slug = name.substr(0, first_dot);
    page.language = name.substr(first_dot + 1, md - first_dot - 1);
    page.path = path;
    page.pos = {path, 1, 1};
    return page;
}

// Reads the front matter and the body of `text` (normalised) into `page`; false if the page cannot
// be published (reported).
bool read_page_text(const std::string& text, Page& page, SourceFile& file) {
    Diagnostics& diags = file.ctx.diags;
    if (text.rfind("---\n", 0) != 0) {
        diags.error(page.pos, "a page starts with a front matter block: a line ---, then title: …, then a line ---");
        return false;
    }
    const auto close = text.find("\n---", 3);
    if (close == std::string::npos) {
        diags.error(page.pos, "the front matter is not closed; add a line --- after it");
        return false;
    }
    const std::string front = text.substr(4, close - 3);
    auto body_start = text.find('\n', close + 1);
    body_start = body_start == std::string::npos ? text.size() : body_start + 1;
    page.body = text.substr(body_start);
    page.body_line = static_cast<int>(std::count(text.begin(), text.begin() + body_start, '\n')) + 1;
    file.ctx.line_offset = 1;
    file.ctx.set_text(front);
    auto root = parse_yaml(file.ctx, front);
    if (!root) return false;
    MapReader m(file.ctx, *root, "page front matter", kFrontMatterKeys);
    if (!m.valid()) return false;
    if (std::optional<Located> title = m.located("title", Need::required)) {
        page.title = std::move(title->value);
        page.title_pos = title->pos;
    }
    page.menu = m.one_of("menu", kMenus).value_or("footer");
    page.weight = m.integer("weight").value_or(0);
    file.ctx.line_offset = 0;
    for (const markdown::Link& link : markdown::links(page.body))
        page.markdown_links.push_back({link.url, file.locate({page.path, page.body_line + link.line - 1, 1}, link.url)});
    return true;
}

}  // namespace

void read_pages(const fs::path& site_dir, Diagnostics& diags, Content& content) {
    const fs::path dir = site_dir / "content" / "pages";
    const std::string folder = shown_path(dir) + "/";
    for (const SiteFile& f : site_files(dir, site_dir, &diags)) {
        const std::string name = f.path.filename().string();
        const std::string path = folder + f.name;
        if (name.front() == '.') continue;
        std::optional<Page> page = page_named(name, path, diags);
        if (!page) continue;
        std::string text;
        if (!read_whole_file(f.path, text)) {
            diags.error({path, 0, 0}, "cannot read this file");
            continue;
        }
        check_utf8(path, text, diags);
        text = normalised(text);
        SourceFile file(path, text, diags, content.site.source_language);
        if (read_page_text(text, *page, file)) content.pages.push_back(std::move(*page));
    }
}

}  // namespace lotse
