// Diagnostics a coordinator reads: `path:line:column: error|warning: message`, collected over
// a whole run so that one `lotse check` shows every problem at once.
#pragma once

#include <compare>
#include <cstddef>
#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace lotse {

// A source file's path as positions name it. Copies share one string: every position read from
// a file (an offer has a hundred) names the same file, and a copy of the path in each of them
// would be a large part of the memory of a site's records and of the time to read them from the
// cache.
class FilePath {
public:
    FilePath() = default;
    FilePath(std::string path)
        : text_(path.empty() ? nullptr : std::make_shared<const std::string>(std::move(path))) {}
    FilePath(const char* path) : FilePath(std::string(path)) {}

    const std::string& str() const { return text_ ? *text_ : empty_text(); }
    operator const std::string&() const { return str(); }
    bool empty() const { return str().empty(); }

    friend bool operator==(const FilePath& a, const FilePath& b) { return a.text_ == b.text_ || a.str() == b.str(); }
    friend bool operator==(const FilePath& a, const std::string& b) { return a.str() == b; }
    friend bool operator==(const FilePath& a, const char* b) { return a.str() == b; }
    friend std::weak_ordering operator<=>(const FilePath& a, const FilePath& b) { return a.str().compare(b.str()) <=> 0; }

private:
    static const std::string& empty_text() {
        static const std::string empty;
        return empty;
    }
    std::shared_ptr<const std::string> text_;
};
std::ostream& operator<<(std::ostream& out, const FilePath& path);

// A place in a source file; line and column count from 1. A column of 0 means "the whole file".
struct SourcePos {
    FilePath file;
    int line = 0;
    int column = 0;

    bool operator==(const SourcePos&) const = default;
};

// A note tells something worth knowing that needs no change (it is not counted in the summary).
enum class Severity { error, warning, note };

struct Diagnostic {
    Severity severity;
    SourcePos pos;
    std::string message;

    bool operator==(const Diagnostic&) const = default;
};

class Diagnostics {
public:
    void error(const SourcePos& pos, std::string message);
    void warning(const SourcePos& pos, std::string message);
    void note(const SourcePos& pos, std::string message);
    // Adds what `other` found, in its order (diagnostics found on another thread or by another stage).
    void append(const Diagnostics& other);

    bool has_errors() const { return errors_ > 0; }
    std::size_t error_count() const { return errors_; }
    std::size_t warning_count() const { return items_.size() - errors_ - notes_; }
    const std::vector<Diagnostic>& items() const { return items_; }

    // Ordered by file, line and column, so that output does not depend on loading order.
    std::vector<Diagnostic> sorted() const;

private:
    std::vector<Diagnostic> items_;
    std::size_t errors_ = 0, notes_ = 0;
};

std::string format(const Diagnostic& d);
// "3 errors, 1 warning" — the summary line after the diagnostics.
std::string summary(const Diagnostics& diags);
void print(std::ostream& out, const Diagnostics& diags);

}  // namespace lotse
