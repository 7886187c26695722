// Fuzz target: the cache readers fed arbitrary bytes. The first byte picks what the bytes are:
// '0' a record cache's payload and '1' a fragment cache's, each written as a cache file that
// verifies (cache/cache_file.h), so the fuzzer reaches the readers past the checksum; '2' and '3'
// the same readers given the bytes as the whole file, which must verify first. The record and
// fragment readers look entries up by path and stamp or by id: the target takes these from the
// bytes where the payload's layout puts them. Then each reader writes its file again, which reads
// every entry it kept.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "cache/cache_file.h"
#include "content/record_cache.h"
#include "content/record_fields.h"
#include "render/fragment_cache.h"
#include "scratch.h"

namespace {

using namespace lotse;
namespace fs = std::filesystem;

// Reads the numbers (8 bytes) and strings (length, bytes) both cache files are made of.
struct Peek {
    std::string_view rest;
    bool number(std::uint64_t& v) {
        if (rest.size() < sizeof v) return false;
        std::memcpy(&v, rest.data(), sizeof v);
        rest.remove_prefix(sizeof v);
        return true;
    }
    bool text(std::string_view& v) {
        std::uint64_t n = 0;
        if (!number(n) || n > rest.size()) return false;
        v = rest.substr(0, n);
        rest.remove_prefix(n);
        return true;
    }
};

template <typename Rec>
void find(RecordCache& cache, const std::string& path, const FileStamp& stamp) {
    Rec rec;
    rec.id = "fuzz";
    rec.path = "content/" + path;
    Diagnostics diags;
    if (cache.find(path, stamp, [] { return nullptr; }, rec, diags))
        for (const Diagnostic& d : diags.items()) (void)format(d);
}

// The kinds and identities the readers ask for (record_cache.cpp, fragment_cache.cpp).
constexpr std::string_view kRecordKind = "records 2", kRecordKey = "fuzz";
constexpr std::string_view kFragmentKind = "fragments 3", kShared = "0000000000000001";

void record_cache(std::string_view bytes, bool wrapped) {
    const fs::path file = fuzz::scratch() / "fuzz.records";
    if (wrapped) write_cache_file(file, kRecordKind, kRecordKey, bytes);
    else fuzz::write(file, bytes);
    RecordCache cache(file, std::string(kRecordKey));
    // The payload: time of saving, number of entries; per entry its path, stamp, hash and record.
    Peek p{bytes};
    std::uint64_t saved = 0, count = 0;
    (void)(wrapped && p.number(saved) && p.number(count));
    for (std::uint64_t i = 0; i < count; ++i) {
        std::string_view path, blob;
        FileStamp s;
        std::uint64_t hash = 0;
        if (!p.text(path) || !p.number(s.size) || !p.number(s.mtime_ns) || !p.number(s.ctime_ns) || !p.number(s.inode) ||
            !p.number(hash) || !p.text(blob))
            break;
        const std::string at(path);
        // By its folder, as the loader asks; a path in no kind's folder is asked as every kind.
        const std::string_view folder = path.substr(0, path.find('/'));
        const bool any = folder != "providers" && folder != "offers" && folder != "courses" && folder != "contacts" &&
                         folder != "pathways";
        if (any || folder == "providers") find<Provider>(cache, at, s);
        if (any || folder == "offers") find<Offer>(cache, at, s);
        if (any || folder == "courses") find<Course>(cache, at, s);
        if (any || folder == "contacts") find<Contact>(cache, at, s);
        if (any || folder == "pathways") find<Pathway>(cache, at, s);
    }
    cache.save();
}

void fragment_cache(std::string_view bytes, bool wrapped) {
    const fs::path stem = fuzz::scratch() / "fuzz";
    const fs::path file = stem.string() + ".de.fragments";
    if (wrapped) write_cache_file(file, kFragmentKind, kShared, bytes);
    else fuzz::write(file, bytes);
    // The payload: number of fragments, size of their HTML; per fragment its id, fingerprint,
    // offset and size.
    Peek p{bytes};
    std::uint64_t count = 0, html_bytes = 0;
    (void)(wrapped && p.number(count) && p.number(html_bytes));
    FragmentCache cache(stem, 1, {"de"});
    std::uint64_t last = 0;
    for (std::uint64_t i = 0; i < count; ++i) {
        std::uint64_t id = 0, fingerprint = 0, offset = 0, length = 0;
        if (!p.number(id) || !p.number(fingerprint) || !p.number(offset) || !p.number(length)) break;
        if (auto html = cache.find(0, id, fingerprint)) (void)std::string(*html);
        (void)cache.find(0, id + 1, fingerprint);
        last = id;
    }
    (void)cache.find(0, last, 0);
    std::vector<Fragment> rendered;
    rendered.push_back({last + 1, 1, "<li>neu</li>"});
    cache.add(0, std::move(rendered));
    cache.save(0);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view bytes = fuzz::as_text(data, size);
    switch (fuzz::pick(bytes, 4)) {
        case 0: record_cache(bytes, true); break;
        case 1: fragment_cache(bytes, true); break;
        case 2: record_cache(bytes, false); break;
        default: fragment_cache(bytes, false); break;
    }
    return 0;
}
