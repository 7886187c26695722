#include "content/record_cache.h"

#include <fcntl.h>
#include <sys/stat.h>

#include <chrono>
#include <cstring>
#include <type_traits>

#include "cache/cache_file.h"
#include "content/record_fields.h"

namespace lotse {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kKind = "records 2";
// A file changed within this long before the cache was saved may have changed again within the
// same tick of the file system's clock, so its stamp alone does not vouch for it.
constexpr std::uint64_t kRacyNs = 2'000'000'000;
// The cache is written again when one entry in this many changed.
constexpr std::size_t kWorthSaving = 64;

std::uint64_t ns(const timespec& t) {
    return static_cast<std::uint64_t>(t.tv_sec) * 1'000'000'000u + static_cast<std::uint64_t>(t.tv_nsec);
}

// Writes values in a fixed binary layout. Positions in the record's own file are written as a
// flag, so a record found under another spelling of the site folder points at the right file.
class Writer : public ReadingWalk<Writer> {
public:
    using ReadingWalk<Writer>::operator();
    Writer(std::string& out, const std::string& file) : out_(out), file_(file) {}

    void operator()(std::uint64_t v) { out_.append(reinterpret_cast<const char*>(&v), sizeof v); }
    void operator()(int v) { (*this)(static_cast<std::uint64_t>(static_cast<std::int64_t>(v))); }
    void operator()(bool v) { out_.push_back(v ? 1 : 0); }
    void operator()(double v) {
        std::uint64_t bits;
        std::memcpy(&bits, &v, sizeof bits);
        (*this)(bits);
    }
    void operator()(std::string_view s) {
        (*this)(static_cast<std::uint64_t>(s.size()));
        out_ += s;
    }
    void operator()(const SourcePos& p) {
        const std::uint64_t kind = p.file.empty() ? 0 : p.file == file_ ? 1 : 2;
        (*this)(kind);
        if (kind == 2) (*this)(std::string_view(p.file.str()));
        (*this)(p.line);
        (*this)(p.column);
    }
    void operator()(const Date& d) { (*this)(static_cast<int>(std::chrono::sys_days(d).time_since_epoch().count())); }
    template <typename T>
    void operator()(const std::map<std::string, T>& m) {
        (*this)(static_cast<std::uint64_t>(m.size()));
        for (const auto& [k, v] : m) {
            (*this)(k);
            (*this)(v);
        }
    }

private:
    std::string& out_;
    const std::string& file_;
};

// How many values each enum of the records has: a number read for an enum is checked against it,
// so that no value outside the enum reaches a table indexed by it.
template <typename E>
constexpr int kEnumValues = 0;
template <>
constexpr int kEnumValues<Location::Kind> = 3;
template <>
constexpr int kEnumValues<Weekday> = 7;
template <>
constexpr int kEnumValues<Severity> = 2;

// Reads what Writer wrote; any value that does not fit the bytes left, or its type, marks the
// whole entry bad. The file's checksum vouches for its bytes; this vouches that no bytes, whatever
// they are, are read out of bounds or become a value its type cannot hold.
class Reader {
public:
    Reader(std::string_view in, const FilePath& file) : in_(in), file_(file) {}
    bool ok() const { return ok_ && in_.empty(); }

    void operator()(std::uint64_t& v) {
        if (!take(sizeof v)) return;
        std::memcpy(&v, in_.data() - sizeof v, sizeof v);
    }
    void operator()(int& v) {
        std::uint64_t raw = 0;
        (*this)(raw);
        v = static_cast<int>(static_cast<std::int64_t>(raw));
    }
    void operator()(bool& v) {
        if (take(1)) v = in_.data()[-1] != 0;
    }
    void operator()(double& v) {
        std::uint64_t bits = 0;
        (*this)(bits);
        std::memcpy(&v, &bits, sizeof v);
    }
    void operator()(std::string& s) {
        std::uint64_t n = 0;
        (*this)(n);
        if (!take(n)) return;
        s.assign(in_.data() - n, n);
    }
    void operator()(SourcePos& p) {
        std::uint64_t kind = 0;
        (*this)(kind);
        if (kind == 1) {
            p.file = file_;
        } else if (kind == 2) {
            std::string other;
            (*this)(other);
            p.file = std::move(other);
        }
        else if (kind != 0) ok_ = false;
        (*this)(p.line);
        (*this)(p.column);
    }
    void operator()(Date& d) {
        int days = 0;
        (*this)(days);
        d = Date{std::chrono::sys_days(std::chrono::days(days))};
    }
    template <typename E>
        requires std::is_enum_v<E>
    void operator()(E& e) {
        static_assert(kEnumValues<E> > 0, "say in kEnumValues how many values the enum has");
        int v = 0;
        (*this)(v);
        if (v < 0 || v >= kEnumValues<E>) ok_ = false;
        else e = static_cast<E>(v);
    }
    template <typename T>
    void operator()(std::optional<T>& o) {
        bool has = false;
        (*this)(has);
        if (!has) return o.reset();
        o.emplace();
        (*this)(*o);
    }
    template <typename T>
    void operator()(std::vector<T>& v) {
        std::uint64_t n = 0;
        (*this)(n);
        if (n > in_.size()) ok_ = false;  // every item takes at least a byte
        for (std::uint64_t i = 0; i < n && ok_; ++i) (*this)(v.emplace_back());
    }
    template <typename T>
    void operator()(std::map<std::string, T>& m) {
        std::uint64_t n = 0;
        (*this)(n);
        for (std::uint64_t i = 0; i < n && ok_; ++i) {
            std::string k;
            (*this)(k);
            (*this)(m[k]);
        }
    }
    template <typename T>
        requires requires(Reader& r, T& t) { fields(r, t); }
    void operator()(T& t) {
        fields(*this, t);
    }

private:
    bool take(std::uint64_t n) {
        if (!ok_ || n > in_.size()) return ok_ = false;
        in_.remove_prefix(n);
        return true;
    }
    std::string_view in_;
    const FilePath file_;  // shared by every position in the record's own file
    bool ok_ = true;
};

}  // namespace

std::optional<FileStamp> stamp_of(const fs::path& file) { return stamp_of(AT_FDCWD, file.c_str()); }

std::optional<FileStamp> stamp_of(int folder, const char* name) {
    struct stat st {};
    if (::fstatat(folder, name, &st, 0) != 0) return std::nullopt;
    return FileStamp{static_cast<std::uint64_t>(st.st_size), ns(st.st_mtim), ns(st.st_ctim),
                     static_cast<std::uint64_t>(st.st_ino)};
}

// Mapped, not read: most of it is only looked at, and pages come straight from the page cache.
RecordCache::RecordCache(fs::path file, std::string key)
    : file_(std::move(file)), key_(std::move(key)), cached_(CacheFile::read(file_, kKind, key_)), mapped_(cached_.payload()) {
    if (!read_index()) entries_.clear();
}

RecordCache::~RecordCache() = default;

// The cache file's payload (cache/cache_file.h; its identity is the key): the time it was saved,
// then per record file its path (relative to the site), stamp, hash of its bytes, and the record
// with its diagnostics; numbers are 8 bytes, strings their length and their bytes.
bool RecordCache::read_index() {
    std::string_view rest(mapped_);
    auto number = [&](std::uint64_t& v) {
        if (rest.size() < sizeof v) return false;
        std::memcpy(&v, rest.data(), sizeof v);
        rest.remove_prefix(sizeof v);
        return true;
    };
    auto text = [&](std::string_view& v) {
        std::uint64_t n = 0;
        if (!number(n) || n > rest.size()) return false;
        v = rest.substr(0, n);
        rest.remove_prefix(n);
        return true;
    };
    std::uint64_t count = 0;
    if (!number(saved_ns_) || !number(count)) return false;
    for (std::uint64_t i = 0; i < count; ++i) {
        std::string_view path;
        Entry e;
        if (!text(path) || !number(e.stamp.size) || !number(e.stamp.mtime_ns) || !number(e.stamp.ctime_ns) ||
            !number(e.stamp.inode) || !number(e.hash) || !text(e.blob))
            return false;
        entries_.emplace(path, e);
    }
    return rest.empty();
}

template <typename Rec>
bool RecordCache::find(const std::string& path, const FileStamp& stamp,
                       const std::function<const std::string*()>& text, Rec& out, Diagnostics& diags) {
    auto it = entries_.find(path);
    if (it == entries_.end()) return false;
    const Entry& e = it->second;
    const bool settled = stamp == e.stamp && e.stamp.ctime_ns + kRacyNs < saved_ns_ && e.stamp.mtime_ns + kRacyNs < saved_ns_;
    if (!settled) {
        const std::string* bytes = text();
        if (!bytes || bytes->size() != e.stamp.size || std::hash<std::string>{}(*bytes) != e.hash) return false;
    }
    std::vector<Diagnostic> found;
    Reader r(e.blob, FilePath(out.path));  // the record, then its diagnostics
    fields(r, out);
    r(found);
    if (!r.ok()) return false;
    for (const Diagnostic& d : found)
        if (d.severity == Severity::error) return false;  // files with errors are never cached
    for (const Diagnostic& d : found) diags.warning(d.pos, d.message);
    std::lock_guard<std::mutex> lock(mutex_);
    // A new stamp, or one too close to the last save to vouch for the file: saved again, it saves
    // reading the file next time. (Files checked out or copied just before a build would otherwise
    // be read on every run until enough records changed.)
    if (stamp != e.stamp || !settled) ++changes_;
    next_[path] = {stamp, e.hash, {}, e.blob};
    return true;
}

template <typename Rec>
void RecordCache::put(const std::string& path, const FileStamp& stamp, std::uint64_t hash, const Rec& record,
                      const Diagnostics& diags) {
    if (file_.empty()) return;
    std::string blob;
    Writer w(blob, record.path);
    w(record);
    w(diags.items());
    std::lock_guard<std::mutex> lock(mutex_);
    Next& n = next_[path];
    n = {stamp, hash, std::move(blob), {}};
    n.blob = n.owned;
    ++changes_;
}

void RecordCache::save() {
    if (file_.empty()) return;
    // Writing the cache costs about as much as parsing one file in a hundred; a few files read
    // anew are left to be read again next time, until enough have changed (or gone) to be worth it.
    const std::size_t gone = entries_.size() > next_.size() ? entries_.size() - next_.size() : 0;
    if (entries_.empty() ? next_.empty() : (changes_ + gone) * kWorthSaving <= entries_.size()) return;
    std::size_t size = 16;
    for (const auto& [path, e] : next_) size += path.size() + 64 + e.blob.size();
    std::string payload;
    payload.reserve(size);
    const std::string none;
    Writer w(payload, none);
    const auto now = std::chrono::system_clock::now().time_since_epoch();
    w(static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::nanoseconds>(now).count()));
    w(static_cast<std::uint64_t>(next_.size()));
    for (const auto& [path, e] : next_) {
        w(path);
        w(e.stamp.size), w(e.stamp.mtime_ns), w(e.stamp.ctime_ns), w(e.stamp.inode), w(e.hash);
        w(e.blob);
    }
    write_cache_file(file_, kKind, key_, payload);
}

#define LOTSE_RECORD_CACHE(Rec)                                                                                     \
    template bool RecordCache::find<Rec>(const std::string&, const FileStamp&,                                      \
                                         const std::function<const std::string*()>&, Rec&, Diagnostics&);           \
    template void RecordCache::put<Rec>(const std::string&, const FileStamp&, std::uint64_t, const Rec&,             \
                                        const Diagnostics&);
LOTSE_RECORD_CACHE(Provider)
LOTSE_RECORD_CACHE(Offer)
LOTSE_RECORD_CACHE(Course)
LOTSE_RECORD_CACHE(Contact)
LOTSE_RECORD_CACHE(Pathway)
LOTSE_RECORD_CACHE(GlossaryTerm)

}  // namespace lotse
