#include "render/templates.h"

#include <fstream>
#include <sstream>

namespace lotse {

namespace fs = std::filesystem;

namespace {
std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}
}  // namespace

Templates Templates::load(const std::vector<fs::path>& dirs, Diagnostics& diags) {
    // name -> file, later folders winning.
    std::map<std::string, fs::path> files;
    for (const fs::path& dir : dirs) {
        std::error_code ec;
        if (!fs::is_directory(dir, ec)) continue;
        for (auto it = fs::recursive_directory_iterator(dir, ec); it != fs::recursive_directory_iterator(); ++it) {
            if (!it->is_regular_file()) continue;
            const std::string rel = it->path().lexically_relative(dir).generic_string();
            if (rel.front() == '.') continue;
            files[rel] = it->path();
        }
    }
    Templates out;
    for (const auto& [rel, path] : files) {
        const std::string text = slurp(path);
        const fs::path r(rel);
        if (r.extension() != ".mustache") {
            out.assets_[rel] = text;
            continue;
        }
        const std::string name = r.parent_path().empty() ? r.stem().string() : (r.parent_path() / r.stem()).generic_string();
        auto compiled = std::make_unique<kainjow::mustache::mustache>(text);
        if (!compiled->is_valid()) {
            diags.error({path.lexically_normal().generic_string(), 0, 0},
                        "this template cannot be used: " + compiled->error_message());
            continue;
        }
        // Partials keep their folder in the name ({{>partials/card}}) so they never collide with
        // a data field of the same name. A file's final newline would end up inside inline markup.
        if (name.rfind("partials/", 0) == 0) {
            std::string body = text;
            while (!body.empty() && (body.back() == '\n' || body.back() == '\r')) body.pop_back();
            out.partials_[name] = body;
        }
        else out.templates_[name] = std::move(compiled);
    }
    return out;
}

kainjow::mustache::mustache* Templates::find(const std::string& name) const {
    auto it = templates_.find(name);
    return it == templates_.end() ? nullptr : it->second.get();
}

}  // namespace lotse
