// Loading content/: the settings, the taxonomy, each kind's folder of records and the pages.
// How one file of each kind is read is in content/kinds/<kind>.cpp; this file reads the folders.
#include "content/loader.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <thread>

#include "common/crew.h"
#include "common/hash.h"
#include "common/site_files.h"
#include "common/whole_file.h"
#include "content/encoding.h"
#include "content/ids.h"
#include "content/reading.h"
#include "content/record_cache.h"

namespace lotse {

namespace fs = std::filesystem;

namespace {

// Runs body(i) for i in [0, n) on all cores; each i is independent. A thread is used for every
// `per_thread` items at most: handing work to one costs about as much as reading a few hundred
// records from the cache, or parsing two or three files.
template <typename Body>
void parallel_for(std::size_t n, std::size_t per_thread, Body body) {
    const unsigned threads =
        std::max(1u, std::min<unsigned>(std::thread::hardware_concurrency(), static_cast<unsigned>(n / per_thread + 1)));
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t i; (i = next.fetch_add(1)) < n;) body(i);
    };
    run_together(threads, [&](unsigned) { work(); });
}

// The files of one kind's folder (content/<folder>/) while they are read, on several threads at
// once, each file by one of them. Per file: the path diagnostics show for it (the folder's,
// normalised once, and the name: normalising every file's path costs more than reading a record
// from the cache), its own diagnostics (merged in file order at the end), its stamp and its bytes.
class RecordFolder {
public:
    RecordFolder(const fs::path& site_dir, std::string_view folder, Diagnostics& diags) : folder_(folder) {
        const fs::path dir = site_dir / "content" / folder;
        const std::string shown = shown_path(dir) + "/";
        // Entries that are not files Lotse reads are reported (common/site_files.h).
        for (SiteFile& f : site_files(dir, site_dir, &diags)) files_.push_back({std::move(f.path), shown + f.name});
        found_.resize(files_.size());
        readings_.resize(files_.size());
        dir_fd_ = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    }
    ~RecordFolder() {
        if (dir_fd_ >= 0) ::close(dir_fd_);
    }
    RecordFolder(const RecordFolder&) = delete;
    RecordFolder& operator=(const RecordFolder&) = delete;

    std::size_t size() const { return files_.size(); }
    std::string id(std::size_t i) const { return files_[i].path.stem().string(); }
    const std::string& shown(std::size_t i) const { return files_[i].shown; }
    Diagnostics& found(std::size_t i) { return found_[i]; }
    // The file's name in the record cache.
    std::string cached_as(std::size_t i) const { return folder_ + "/" + files_[i].path.filename().string(); }

    // The files named as records are (<id>.yaml); the others are reported.
    std::vector<std::size_t> record_files();
    // Takes the file's stamp before it is read: a change while reading makes the stamp too old,
    // never too new.
    const std::optional<FileStamp>& take_stamp(std::size_t i);
    const std::optional<FileStamp>& stamp(std::size_t i) const { return readings_[i].stamp; }
    // The file's bytes, read once; nullptr if it cannot be read.
    const std::string* bytes(std::size_t i);
    // The bytes read, handed over (once).
    std::string take_bytes(std::size_t i) { return std::move(readings_[i].text); }
    // Every file's diagnostics, in file order.
    void report(Diagnostics& diags) const;

private:
    struct FolderFile {
        fs::path path;
        std::string shown;
    };
    struct Reading {
        std::optional<FileStamp> stamp;
        std::string text;
        std::optional<bool> readable;
    };
    std::string folder_;
    std::vector<FolderFile> files_;
    std::vector<Diagnostics> found_;
    std::vector<Reading> readings_;
    int dir_fd_ = -1;
};

std::vector<std::size_t> RecordFolder::record_files() {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < files_.size(); ++i) {
        const fs::path& p = files_[i].path;
        Diagnostics& d = found_[i];
        const std::string& path = files_[i].shown;
        if (p.extension() != ".yaml") {
            if (p.filename().string().front() != '.') d.warning({path, 0, 0}, "this file is ignored; records are .yaml files");
            continue;
        }
        const std::string id = p.stem().string();
        if (!is_valid_id(id)) {
            d.error({path, 0, 0}, "the file name \"" + id +
                                      "\" is not a valid id; use lowercase letters a-z, digits and single hyphens, e.g. vhs-integrationskurs-1.yaml");
            continue;
        }
        if (id == "index") {
            d.error({path, 0, 0}, "the file name \"index\" is reserved for list pages; give the record another id");
            continue;
        }
        out.push_back(i);
    }
    return out;
}

const std::optional<FileStamp>& RecordFolder::take_stamp(std::size_t i) {
    const fs::path& p = files_[i].path;
    readings_[i].stamp = dir_fd_ >= 0 ? stamp_of(dir_fd_, p.filename().c_str()) : stamp_of(p);
    return readings_[i].stamp;
}

const std::string* RecordFolder::bytes(std::size_t i) {
    Reading& r = readings_[i];
    if (!r.readable) r.readable = read_whole_file(files_[i].path, r.text);
    return *r.readable ? &r.text : nullptr;
}

void RecordFolder::report(Diagnostics& diags) const {
    for (const Diagnostics& found : found_) diags.append(found);
}

// Finds the records of `files` whose bytes are the same as on an earlier run in the cache; returns
// the files that must be parsed.
template <typename Rec>
std::vector<std::size_t> from_cache(RecordFolder& folder, const std::vector<std::size_t>& files, RecordCache& cache,
                                    std::vector<std::optional<Rec>>& records) {
    std::vector<char> not_cached(folder.size(), 0);
    // Reading a record from the cache takes microseconds: threads pay off only for many.
    parallel_for(files.size(), 128, [&](std::size_t k) {
        const std::size_t i = files[k];
        const std::optional<FileStamp>& stamp = folder.take_stamp(i);
        Rec rec;
        rec.id = folder.id(i);
        rec.path = folder.shown(i);
        if (stamp && cache.find(folder.cached_as(i), *stamp, [&] { return folder.bytes(i); }, rec, folder.found(i)))
            records[i] = std::move(rec);
        else
            not_cached[i] = 1;
    });
    std::vector<std::size_t> to_parse;
    for (std::size_t i : files)
        if (not_cached[i]) to_parse.push_back(i);
    return to_parse;
}

// The record with `id` that the bytes `text` of the file at `path` (as diagnostics name it) hold.
template <typename Rec>
std::optional<Rec> parse_text(const std::string& path, const std::string& id, std::string text,
                              const std::string& source_language, Diagnostics& d) {
    check_utf8(path, text, d);
    SourceFile file(path, std::move(text), d, source_language);
    auto root = parse_yaml(file.ctx, file.text());
    if (!root) return std::nullopt;
    MapReader m(file.ctx, *root, std::string(name(KindOf<Rec>::value)), RecordReader<Rec>::keys);
    if (!m.valid()) return std::nullopt;
    Rec rec = RecordReader<Rec>::read(file, m);
    rec.id = id;
    rec.path = path;
    return rec;
}

// Parses the file `i` of `folder` as a record of its kind, and keeps it in the cache for the next
// run unless it has errors.
template <typename Rec>
std::optional<Rec> parse_record(RecordFolder& folder, std::size_t i, const std::string& source_language,
                                RecordCache& cache) {
    Diagnostics& d = folder.found(i);
    const std::string& path = folder.shown(i);
    if (!folder.bytes(i)) {
        d.error({path, 0, 0}, "cannot read this file");
        return std::nullopt;
    }
    std::string text = folder.take_bytes(i);
    const std::uint64_t hash = hash_of(text);
    std::optional<Rec> rec = parse_text<Rec>(path, folder.id(i), std::move(text), source_language, d);
    if (rec && folder.stamp(i) && !d.has_errors()) cache.put(folder.cached_as(i), *folder.stamp(i), hash, *rec, d);
    return rec;
}

// Puts `rec` (nullopt: none) in `records` as the record of the file `file_name`, where the folder's
// files in name order would put it.
template <typename Rec>
void place_record(std::vector<Rec>& records, const std::string& id, const std::string& file_name, std::optional<Rec> rec) {
    auto same = std::find_if(records.begin(), records.end(), [&](const Rec& r) { return r.id == id; });
    if (same != records.end()) records.erase(same);
    if (!rec) return;
    auto after = std::find_if(records.begin(), records.end(), [&](const Rec& r) { return r.id + ".yaml" > file_name; });
    records.insert(after, std::move(*rec));
}

// Reads every record of a kind: first the records of files whose bytes are the same as on an
// earlier run, from the cache, then the other files, parsed in parallel (YAML parsing is most of
// loading).
template <typename Rec>
void read_records(const fs::path& site_dir, const std::string& source_language, RecordCache& cache,
                  Diagnostics& diags, std::vector<Rec>& out) {
    RecordFolder folder(site_dir, info(KindOf<Rec>::value).folder, diags);
    std::vector<std::optional<Rec>> records(folder.size());
    const std::vector<std::size_t> to_parse = from_cache(folder, folder.record_files(), cache, records);
    parallel_for(to_parse.size(), 2, [&](std::size_t k) {
        records[to_parse[k]] = parse_record<Rec>(folder, to_parse[k], source_language, cache);
    });
    folder.report(diags);
    for (std::optional<Rec>& r : records)
        if (r) out.push_back(std::move(*r));
}

}  // namespace

Content read_content(const fs::path& site_dir, SiteConfig site, Diagnostics& diags, const RecordCacheFile& cache_file) {
    Content content;
    content.site = std::move(site);
    read_taxonomy(site_dir, diags, content);
    const std::string& src = content.site.source_language;
    // Plain strings are read as the source language, so records read for another one do not count.
    RecordCache cache = cache_file.file.empty() ? RecordCache()
                                                : RecordCache(cache_file.file, cache_file.program + "\n" + src);
    for_each_kind(content, [&](auto& records) { read_records(site_dir, src, cache, diags, records); });
    cache.save();
    read_pages(site_dir, diags, content);
    return content;
}

bool reread_record_file(const fs::path& site_dir, const fs::path& file, Content& content, Diagnostics& diags) {
    auto part = file.begin();
    if (part == file.end() || *part != "content" || ++part == file.end()) return false;
    const std::string folder = part->string();
    if (++part == file.end() || std::next(part) != file.end()) return false;
    const std::string file_name = part->string();
    if (file_name.empty()) return false;
    if (file_name.front() == '.') return true;  // not read by the whole content's reading either
    const fs::path f(file_name);
    const std::string id = f.stem().string();
    if (f.extension() != ".yaml" || !is_valid_id(id) || id == "index") return false;
    const fs::path dir = site_dir / "content" / folder;
    const std::string shown = shown_path(dir) + "/" + file_name;
    bool known = false;
    for_each_kind(content, [&](auto& records) {
        using Rec = typename std::remove_cvref_t<decltype(records)>::value_type;
        if (known || info(KindOf<Rec>::value).folder != folder) return;
        known = true;
        std::error_code ec;
        const fs::file_status status = fs::symlink_status(dir / file_name, ec);
        std::optional<Rec> rec;
        if (fs::is_regular_file(status)) {
            std::string text;
            if (!read_whole_file(dir / file_name, text)) diags.error({shown, 0, 0}, "cannot read this file");
            else rec = parse_text<Rec>(shown, id, std::move(text), content.site.source_language, diags);
        } else if (status.type() != fs::file_type::not_found) {
            known = false;  // a link or something else: the whole content's reading says what it is
            return;
        }
        place_record(records, id, file_name, std::move(rec));
    });
    return known;
}

Content load_content(const fs::path& site_dir, Diagnostics& diags, const RecordCacheFile& cache) {
    std::optional<SiteConfig> site = read_site_settings(site_dir, diags);
    if (!site) return {};
    return read_content(site_dir, std::move(*site), diags, cache);
}

}  // namespace lotse
