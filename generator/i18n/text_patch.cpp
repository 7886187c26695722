// The record and page halves of text_patch.h; the YAML work is in yaml_patch.cpp.
#include "i18n/text_patch.h"

#include <algorithm>

#include <yaml-cpp/yaml.h>

#include "content/encoding.h"
#include "i18n/patch_text.h"
#include "i18n/yaml_patch.h"
#include "i18n/yaml_scalar_text.h"

namespace lotse {

using patch::error_at;
using patch::PatchFailure;

std::variant<std::string, PatchError> patch_yaml(std::string_view text, std::span<const TextEdit> edits,
                                                 std::string_view source_language) {
    const std::string_view body = without_bom(text);
    try {
        return std::string(text.substr(0, text.size() - body.size())) +
               patch::patched_yaml(body, edits, source_language);
    } catch (const PatchFailure& failure) {
        return error_at(body, failure.offset, failure.message);
    }
}

namespace {

// A page's front matter, between the line --- that starts the file and the next line that starts
// with ---, read the way content/pages.cpp reads it; offsets into the page without its BOM.
struct PageParts {
    std::size_t front = 0, front_end = 0;  // the front matter, its last line break included
    std::size_t body = 0;
};

PageParts page_parts(std::string_view page) {
    const std::string_view eol = patch::line_end_of(page);
    if (page.substr(0, 3 + eol.size()) != std::string("---").append(eol))
        throw PatchFailure{0, "a page starts with a line ---, then its front matter (title: …), then a line ---"};
    const auto close = page.find("\n---", 3);
    if (close == std::string_view::npos) throw PatchFailure{0, "the page's front matter is not closed; add a line --- after it"};
    PageParts parts;
    parts.front = 3 + eol.size();
    parts.front_end = std::max(parts.front, close + 1);
    const auto body_break = page.find('\n', close + 1);
    parts.body = body_break == std::string_view::npos ? page.size() : body_break + 1;
    return parts;
}

// The front matter with its title set: the title's value replaced, or a first line added.
std::string titled(std::string_view front, const std::string& title, std::string_view eol) {
    bool untitled = false;
    try {
        const YAML::Node root = YAML::Load(std::string(front));
        untitled = root.IsNull() || (root.IsMap() && !root["title"]);
    } catch (const YAML::Exception&) {
        // patched_yaml reports it, with its position.
    }
    if (untitled) return "title: " + patch::double_quoted(title) + std::string(eol) + std::string(front);
    const TextEdit edit{{"title"}, "", title};
    return patch::patched_yaml(front, std::span(&edit, 1), "", true);
}

}  // namespace

std::variant<std::string, PatchError> patch_page(std::string_view existing_or_source_text, [[maybe_unused]] bool is_existing,
                                                 const std::optional<std::string>& title,
                                                 const std::optional<std::string>& body) {
    const std::string_view page = without_bom(existing_or_source_text);
    const std::string_view bom = existing_or_source_text.substr(0, existing_or_source_text.size() - page.size());
    const std::string_view eol = patch::line_end_of(page);
    PageParts parts;
    try {
        parts = page_parts(page);
    } catch (const PatchFailure& failure) {
        return error_at(page, failure.offset, failure.message);
    }
    const std::string_view front = page.substr(parts.front, parts.front_end - parts.front);
    std::string out(bom);
    out += page.substr(0, parts.front);
    try {
        out += title ? titled(front, *title, eol) : std::string(front);
    } catch (const PatchFailure& failure) {
        return error_at(page, parts.front + failure.offset, failure.message);
    }
    out += page.substr(parts.front_end, parts.body - parts.front_end);
    if (!body) return out + std::string(page.substr(parts.body));
    if (parts.body == page.size() && !page.ends_with('\n')) out += eol;
    return out + patch::with_line_end(*body, eol);
}

}  // namespace lotse
