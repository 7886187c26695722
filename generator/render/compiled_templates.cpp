#include "render/compiled_templates.h"

namespace lotse {

std::string CompiledTemplates::render(const std::string& name, const Data& shared, const Data& page,
                                      std::size_t expected) {
    auto it = compiled_.find(name);
    if (it == compiled_.end()) {
        auto text = templates_.sources().find(name);
        if (text == templates_.sources().end()) {
            if (reported_.insert(name).second) diags_.error({"templates/" + name + ".mustache", 0, 0}, "this template is missing");
            return {};
        }
        std::unique_ptr<kainjow::mustache::mustache> compiled = templates_.take(name);
        if (!compiled) compiled = std::make_unique<kainjow::mustache::mustache>(text->second);
        it = compiled_.emplace(name, std::move(compiled)).first;
    }
    kainjow::mustache::mustache& tmpl = *it->second;
    std::string out = render_to_string(tmpl, shared, page, expected);
    if (!tmpl.is_valid() && reported_.insert(name).second)
        diags_.error({"templates/" + name + ".mustache", 0, 0}, "this template failed: " + tmpl.error_message());
    return out;
}

}  // namespace lotse
