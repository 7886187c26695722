// One thread's compiled templates: kainjow's templates may not be shared while in use, so each
// rendering thread has its own, compiled when first used (a rebuild that renders a few pages
// needs only a few), or taken over from the copy compiled to check the template.
#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>

#include "content/diagnostics.h"
#include "render/mustache_data.h"
#include "render/templates.h"

namespace lotse {

class CompiledTemplates {
public:
    CompiledTemplates(const Templates& templates, Diagnostics& diags) : templates_(templates), diags_(diags) {}

    // Template `name` with `page` over `shared`. A missing or failing template is reported once
    // and renders as "". `expected`: about how many bytes the output will have.
    std::string render(const std::string& name, const Data& shared, const Data& page, std::size_t expected = 0);

private:
    const Templates& templates_;
    Diagnostics& diags_;
    std::set<std::string> reported_;
    std::map<std::string, std::unique_ptr<kainjow::mustache::mustache>> compiled_;
};

}  // namespace lotse
