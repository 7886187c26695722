// Writes into the site folder (`lotse i18n import`, `lotse i18n confirm`): every new file text is
// prepared first, then all of them are written beside their files and renamed over them, so a
// failure before the renames leaves every file as it was and a reader never sees half a file.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace lotse {

class SiteEdits {
public:
    // `file` gets `text`; a text equal to the file's present one is left out.
    void put(const std::filesystem::path& file, std::string text);
    bool empty() const { return files_.empty(); }
    const std::vector<std::filesystem::path>& files() const;

    // Writes them all; on failure, the reason (naming the file), with nothing written if the
    // failure came before the first rename.
    bool commit(std::string& error);

private:
    struct File {
        std::filesystem::path path;
        std::string text;
    };
    std::vector<File> edits_;
    mutable std::vector<std::filesystem::path> files_;
};

}  // namespace lotse
