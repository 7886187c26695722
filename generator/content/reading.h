// What the readers of content/ share: the file being read, with its text to place links exactly,
// and readers for the values several kinds of record have (a location, a fee, time slots, a field
// that becomes a link). Internal to the loader; each kind's reader is in content/kinds/<kind>.cpp.
#pragma once

#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/url_policy.h"
#include "content/diagnostics.h"
#include "content/records.h"
#include "content/yaml_reader.h"

namespace lotse {

// One file being read: its text (to place Markdown links exactly) and its context.
class SourceFile {
public:
    SourceFile(std::string path, std::string text, Diagnostics& diags, std::string source_language);
    SourceFile(const SourceFile&) = delete;  // ctx refers to the text
    SourceFile& operator=(const SourceFile&) = delete;

    FileContext ctx;
    const std::string& text() const { return text_; }

    // Finds where `needle` first occurs in the file from `from` on; `from` if it does not.
    SourcePos locate(const SourcePos& from, std::string_view needle) const;
    // Every link target in `markdown`, at its place in the file.
    void collect_links(const LocalisedText& markdown, std::vector<Located>& out) const;

private:
    std::string text_;
    std::vector<std::size_t> line_starts_;
};

// Fields and values several kinds share.
std::optional<Address> read_address_node(const FileContext& ctx, const YAML::Node& node);
Location read_location(const FileContext& ctx, MapReader& record);
std::optional<Fee> read_fee(const FileContext& ctx, MapReader& record);
std::vector<TimeSlot> read_slots(const FileContext& ctx, MapReader& record, std::string_view key, Need need);
// A field whose value becomes a link on the site (a url, e-mail or phone field): a value the URL
// policy does not allow is an error at its position and stays off the site.
std::string address_field(MapReader& m, std::string_view key, AddressUse use);
// The tags of `words` that are language tags; the others are reported at their position.
std::vector<Located> language_tags(const FileContext& ctx, std::vector<Located> words);
// What every kind of record has: "checked" and "description".
void read_common(const SourceFile& file, MapReader& m, Record& r);

// How a kind of record is read: the keys its file may have, next to the code that reads them
// (content/kinds/<kind>.cpp). `read` gets the file's mapping, already checked for unknown keys.
template <typename Rec>
struct RecordReader {
    static const std::span<const std::string_view> keys;
    static Rec read(const SourceFile& file, MapReader& m);
};
template <> const std::span<const std::string_view> RecordReader<Provider>::keys;
template <> Provider RecordReader<Provider>::read(const SourceFile&, MapReader&);
template <> const std::span<const std::string_view> RecordReader<Offer>::keys;
template <> Offer RecordReader<Offer>::read(const SourceFile&, MapReader&);
template <> const std::span<const std::string_view> RecordReader<Course>::keys;
template <> Course RecordReader<Course>::read(const SourceFile&, MapReader&);
template <> const std::span<const std::string_view> RecordReader<Contact>::keys;
template <> Contact RecordReader<Contact>::read(const SourceFile&, MapReader&);
template <> const std::span<const std::string_view> RecordReader<Pathway>::keys;
template <> Pathway RecordReader<Pathway>::read(const SourceFile&, MapReader&);
template <> const std::span<const std::string_view> RecordReader<GlossaryTerm>::keys;
template <> GlossaryTerm RecordReader<GlossaryTerm>::read(const SourceFile&, MapReader&);

// The other files of content/ (content/site_settings.cpp, content/pages.cpp).
void read_taxonomy(const std::filesystem::path& site_dir, Diagnostics& diags, Content& content);
void read_pages(const std::filesystem::path& site_dir, Diagnostics& diags, Content& content);

}  // namespace lotse
