// A glossary term: an official German word with its article and plural, explained in plain
// language per language, and the records it relates to (content/glossary/<id>.yaml).
#include "content/reading.h"

namespace lotse {

namespace {

constexpr std::string_view kKeys[] = {"term", "name", "explanation", "see", "checked"};
constexpr std::string_view kTermKeys[] = {"de", "plural"};

// term: {de: "der Berechtigungsschein", plural: "die Berechtigungsscheine"}
void read_term(const SourceFile& file, MapReader& m, GlossaryTerm& g) {
    YAML::Node node = m.node("term", Need::required);
    if (!node.IsDefined()) return;
    if (!node.IsMap()) {
        file.ctx.diags.error(position(file.ctx, node),
                             "\"term\" must be the German word with its article and plural, such as "
                             "{de: \"der Berechtigungsschein\", plural: \"die Berechtigungsscheine\"}");
        return;
    }
    MapReader t(file.ctx, node, "term", kTermKeys);
    if (!t.valid()) return;
    if (std::optional<Located> de = t.located("de", Need::required)) g.term = std::move(*de);
    if (std::optional<Located> plural = t.located("plural")) g.plural = std::move(*plural);
}

// name: {ar: "مركز العمل", en: "Jobcentre"}: the term in other languages, none of them required
// (the German word is the term itself).
LocalisedText read_name(const SourceFile& file, MapReader& m) {
    YAML::Node node = m.node("name");
    if (!node.IsDefined()) return {};
    if (!node.IsMap()) {
        file.ctx.diags.error(position(file.ctx, node),
                             "\"name\" gives the term in other languages, such as name: {ar: \"…\", en: \"…\"}");
        return {};
    }
    FileContext any_language = file.ctx;
    any_language.source_language.clear();
    return read_text(any_language, node, "name");
}

}  // namespace

template <> const std::span<const std::string_view> RecordReader<GlossaryTerm>::keys = kKeys;

template <> GlossaryTerm RecordReader<GlossaryTerm>::read(const SourceFile& file, MapReader& m) {
    GlossaryTerm g;
    read_common(file, m, g);
    read_term(file, m, g);
    g.name = read_name(file, m);
    g.explanation = m.text("explanation", Need::required);
    file.collect_links(g.explanation, g.markdown_links);
    for (const Located& ref : m.words("see")) {
        const auto slash = ref.value.find('/');
        if (slash == std::string::npos) {
            file.ctx.diags.error(ref.pos, "\"see\" entry \"" + ref.value + "\" must name a kind and an id, such as course/vhs-ik-vormittag");
            continue;
        }
        g.see.push_back({ref.value.substr(0, slash), ref.value.substr(slash + 1), ref.pos});
    }
    return g;
}

}  // namespace lotse
