// Fuzz target: the cache readers fed arbitrary bytes, through their public interfaces. The first
// byte picks the reader ('0' the record cache, '1' the fragment cache); the rest is the cache
// file. Each reader accepts a file only for its own key (the record cache: this Lotse and the
// source language; the fragment cache: the shared hash), and looks records up by path and stamp,
// fragments by id: the target takes these from the bytes where the file's layout puts them, so
// that the fuzzer spends its time past the header. Then each reader writes its file again, which
// reads every entry it kept.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

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

void record_cache(std::string_view bytes) {
    const fs::path file = fuzz::scratch() / "fuzz.records";
    fuzz::write(file, bytes);
    // Magic, key, time of saving, number of entries; per entry its path, stamp, hash and record.
    Peek p{bytes};
    std::string_view magic, key;
    std::uint64_t saved = 0, count = 0;
    (void)(p.text(magic) && p.text(key) && p.number(saved) && p.number(count));
    RecordCache cache(file, std::string(key));
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

void fragment_cache(std::string_view bytes) {
    const fs::path stem = fuzz::scratch() / "fuzz";
    fuzz::write(stem.string() + ".de.fragments", bytes);
    // Magic, shared hash, number of fragments, size of their HTML; per fragment its id,
    // fingerprint, offset and size.
    constexpr std::string_view kMagic = "lotse fragments 2\n";
    Peek p{bytes.substr(std::min(bytes.size(), kMagic.size()))};
    std::uint64_t shared = 0, count = 0, html_bytes = 0;
    (void)(p.number(shared) && p.number(count) && p.number(html_bytes));
    FragmentCache cache(stem, shared, {"de"});
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
    if (fuzz::pick(bytes, 2) == 0) record_cache(bytes);
    else fragment_cache(bytes);
    return 0;
}
