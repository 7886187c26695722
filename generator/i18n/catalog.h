// UI messages from ICU resource-bundle catalogs (i18n/<locale>.txt), compiled with genrb at every
// build so a translator's edit shows without rebuilding Lotse, and formatted with MessageFormat.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include <unicode/msgfmt.h>

#include "content/diagnostics.h"

namespace lotse {

using MessageArg = std::variant<std::string, double, long long>;
using MessageArgs = std::initializer_list<std::pair<std::string_view, MessageArg>>;

class Catalogs {
public:
    // `dirs` in rising priority: a file in a later folder replaces the same file of an earlier one.
    // Problems (a catalog genrb rejects, a message with bad syntax) become diagnostics.
    // `compiled`, if given, is a folder where compiled catalogs are kept by the bytes they were
    // compiled from, so an unchanged catalog is not compiled again.
    static Catalogs load(const std::vector<std::filesystem::path>& dirs, const std::vector<std::string>& languages,
                         const std::string& source_language, Diagnostics& diags,
                         const std::filesystem::path& compiled = {});

    Catalogs() = default;
    Catalogs(Catalogs&&) noexcept;
    Catalogs& operator=(Catalogs&&) noexcept;
    ~Catalogs();

    // The message for `key` in `language`, along ICU's locale chain, then the source language;
    // the key itself if no catalog has it (so a gap shows on the page instead of a blank).
    // Safe to call from several threads at once.
    std::string format(const std::string& language, std::string_view key, MessageArgs args = {}) const;
    bool has(const std::string& language, std::string_view key) const;
    // The language the message for `key` in `language` is really in: `language` when its own chain
    // has it, else the source language it is borrowed from; empty if no catalog has it.
    std::string language_of(const std::string& language, std::string_view key) const;
    // Whether `language` has a catalog of its own (else every message is borrowed).
    bool has_catalog(const std::string& language) const;
    // Every key of the source language's catalog, sorted.
    const std::vector<std::string>& keys() const;

    struct Gap {
        std::string language, key;
    };
    // Keys of the source catalog that a language has to borrow from the source language.
    std::vector<Gap> gaps() const;
    // Whether the source language's catalog was found; if not, whether that was reported already
    // (its file could not be compiled): the missing catalog itself is reported where the source
    // language is named, in site.yaml.
    bool has_source() const { return source_found_; }
    bool source_reported() const { return source_reported_; }
    // Languages for which no catalog exists at all.
    const std::vector<std::string>& uncatalogued() const { return uncatalogued_; }
    // Where a language's catalog came from (for diagnostics); empty if none.
    std::string catalog_path(const std::string& language) const;

private:
    struct Message {
        // A text without arguments or quoting (most labels) is kept as it is: formatting it would
        // give the same text, and setting up a MessageFormat for each costs more than the rest of
        // loading a catalog.
        std::optional<std::string> plain;
        std::shared_ptr<const icu::MessageFormat> format;
        bool own = false;  // found in the language's own chain, not borrowed from the source
    };
    struct Language {
        std::map<std::string, Message, std::less<>> messages;
        std::string path;
    };
    const Message* find(const std::string& language, std::string_view key) const;
    class Loader;  // load()'s steps (catalog.cpp)

    std::map<std::string, Language> languages_;
    std::vector<std::string> source_keys_;
    std::vector<std::string> uncatalogued_;
    bool source_found_ = false, source_reported_ = false;
    std::string source_language_;
};

}  // namespace lotse
