// A pathway: steps through a life situation, each linking to records (content/pathways/<id>.yaml).
#include "content/reading.h"

namespace lotse {

namespace {

constexpr std::string_view kKeys[] = {"title", "summary", "life_phases", "topics", "steps", "checked"};
constexpr std::string_view kStepKeys[] = {"title", "text", "links"};

// One step; nullopt if it is not a mapping (reported). Links in its text go to `markdown_links`.
std::optional<PathwayStep> read_step(const SourceFile& file, const YAML::Node& item, std::vector<Located>& markdown_links) {
    MapReader s(file.ctx, item, "pathway step", kStepKeys);
    if (!s.valid()) return std::nullopt;
    PathwayStep step;
    step.title = s.text("title", Need::required);
    step.text = s.text("text");
    file.collect_links(step.text, markdown_links);
    for (const Located& link : s.words("links")) {
        const auto slash = link.value.find('/');
        if (slash == std::string::npos) {
            file.ctx.diags.error(link.pos, "link \"" + link.value + "\" must name a kind and an id, such as course/vhs-ik-vormittag");
            continue;
        }
        step.links.push_back({link.value.substr(0, slash), link.value.substr(slash + 1), link.pos});
    }
    return step;
}

}  // namespace

template <> const std::span<const std::string_view> RecordReader<Pathway>::keys = kKeys;

template <> Pathway RecordReader<Pathway>::read(const SourceFile& file, MapReader& m) {
    Pathway p;
    read_common(file, m, p);
    p.title = m.text("title", Need::required);
    p.summary = m.text("summary");
    p.life_phases = m.words("life_phases", Need::required);
    p.topics = m.words("topics", Need::required);
    YAML::Node steps = m.node("steps", Need::required);
    if (!steps.IsDefined()) return p;
    if (!steps.IsSequence() || steps.size() == 0) {
        file.ctx.diags.error(position(file.ctx, steps), "\"steps\" must be a list with at least one step such as - {title: …, links: [course/…]}");
        return p;
    }
    for (const auto& item : steps)
        if (std::optional<PathwayStep> step = read_step(file, item, p.markdown_links)) p.steps.push_back(std::move(*step));
    return p;
}

}  // namespace lotse
