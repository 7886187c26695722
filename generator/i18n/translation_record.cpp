#include "i18n/translation_record.h"

#include <set>

#include <yaml-cpp/yaml.h>

#include "common/site_files.h"
#include "common/whole_file.h"
#include "content/encoding.h"
#include "content/yaml_reader.h"

namespace lotse {

namespace {

constexpr std::string_view kHeader =
    "# Which source text each translation was made from: Lotse uses it to tell which translations\n"
    "# are out of date. Written by `lotse i18n import` and `lotse i18n confirm` (see the README,\n"
    "# \"Translating\"); entries may be deleted by hand, the translations then count as unrecorded.\n";

// A text as a literal block when yaml-cpp reads that back as the same text (multi-line Markdown
// reads best so in a diff), else double-quoted.
void emit_text(YAML::Emitter& out, const std::string& text) {
    if (text.find('\n') != std::string::npos) {
        YAML::Emitter probe;
        probe << YAML::Literal << text;
        try {
            if (YAML::Load(probe.c_str()).as<std::string>() == text) {
                out << YAML::Literal << text;
                return;
            }
        } catch (const YAML::Exception&) {
        }
    }
    out << YAML::DoubleQuoted << text;
}

void read_entry(const FileContext& ctx, const std::string& unit, const YAML::Node& entry,
                std::map<std::string, std::string>& languages) {
    MapReader m(ctx, entry, "translation record", {"source", "languages"});
    if (!m.valid()) return;
    std::optional<std::string> source = m.string("source", Need::required);
    std::vector<Located> tags = m.words("languages", Need::required);
    if (!source) return;
    for (const Located& tag : tags)
        if (!languages.emplace(tag.value, *source).second)
            ctx.diags.warning(tag.pos, "the " + tag.value + " translation of " + unit +
                                           " is recorded twice; the first entry counts");
}

}  // namespace

TranslationRecord TranslationRecord::read(const std::filesystem::path& site_dir, Diagnostics& diags) {
    const std::filesystem::path p = site_dir / kPath;
    const std::string path = shown_path(p);
    std::string text;
    if (site_entry(p, site_dir, &diags, path) != EntryKind::file || !read_whole_file(p, text)) {
        TranslationRecord none;
        none.path_ = path;
        return none;
    }
    return parse(path, text, diags);
}

TranslationRecord TranslationRecord::parse(const FilePath& path, std::string_view text, Diagnostics& diags) {
    TranslationRecord r;
    r.exists_ = true;
    r.path_ = path;
    // Problems of this file are warnings: it is Lotse's bookkeeping, and a build goes on without it.
    Diagnostics found;
    FileContext ctx{path, found, ""};
    ctx.set_text(without_bom(text));
    if (std::optional<YAML::Node> root = parse_yaml(ctx, std::string(text)); root && root->IsDefined() && !root->IsNull()) {
        if (!root->IsMap()) {
            found.error(position(ctx, *root), "this file maps the ids of texts to the source texts they were translated from");
        } else {
            for (const auto& kv : *root) {
                const std::string unit = kv.first.Scalar();
                if (!kv.second.IsSequence()) {
                    found.error(position(ctx, kv.second), "the entry of " + unit + " is a list of `- source: …` with `languages: […]`");
                    continue;
                }
                for (const YAML::Node& entry : kv.second) read_entry(ctx, unit, entry, r.by_unit_[unit]);
            }
        }
    }
    for (const Diagnostic& d : found.items())
        diags.warning(d.pos, d.message + (d.severity == Severity::error ? "; until this is mended, the translations it "
                                                                            "names count as unrecorded"
                                                                          : ""));
    return r;
}

const std::string* TranslationRecord::source_of(std::string_view unit, std::string_view language) const {
    auto u = by_unit_.find(unit);
    if (u == by_unit_.end()) return nullptr;
    auto l = u->second.find(std::string(language));
    return l == u->second.end() ? nullptr : &l->second;
}

void TranslationRecord::set(const std::string& unit, const std::string& language, const std::string& source) {
    by_unit_[unit][language] = source;
}

void TranslationRecord::prune(const std::vector<TextUnit>& units) {
    std::map<std::string_view, const TextUnit*> by_id;
    for (const TextUnit& u : units) by_id.emplace(u.id, &u);
    for (auto it = by_unit_.begin(); it != by_unit_.end();) {
        auto unit = by_id.find(it->first);
        if (unit != by_id.end())
            std::erase_if(it->second, [&](const auto& l) { return !unit->second->translations.count(l.first); });
        if (unit == by_id.end() || it->second.empty()) it = by_unit_.erase(it);
        else ++it;
    }
}

std::string TranslationRecord::text() const {
    YAML::Emitter out;
    out.SetIndent(2);
    out << YAML::BeginMap;
    for (const auto& [unit, languages] : by_unit_) {
        std::map<std::string, std::vector<std::string>> by_source;  // sorted: one shape for one content
        for (const auto& [language, source] : languages) by_source[source].push_back(language);
        out << YAML::Key << unit << YAML::Value << YAML::BeginSeq;
        for (const auto& [source, tags] : by_source) {
            out << YAML::BeginMap << YAML::Key << "source" << YAML::Value;
            emit_text(out, source);
            out << YAML::Key << "languages" << YAML::Value << YAML::Flow << tags << YAML::EndMap;
        }
        out << YAML::EndSeq;
    }
    out << YAML::EndMap;
    std::string text(kHeader);
    if (!by_unit_.empty()) text += out.c_str();
    text += '\n';
    return text;
}

}  // namespace lotse
