// Diagnostics a coordinator reads: `path:line:column: error|warning: message`, collected over
// a whole run so that one `lotse check` shows every problem at once.
#pragma once

#include <cstddef>
#include <iosfwd>
#include <string>
#include <vector>

namespace lotse {

// A place in a source file; line and column count from 1. A column of 0 means "the whole file".
struct SourcePos {
    std::string file;
    int line = 0;
    int column = 0;

    bool operator==(const SourcePos&) const = default;
};

enum class Severity { error, warning };

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

    bool has_errors() const { return errors_ > 0; }
    std::size_t error_count() const { return errors_; }
    std::size_t warning_count() const { return items_.size() - errors_; }
    const std::vector<Diagnostic>& items() const { return items_; }

    // Ordered by file, line and column, so that output does not depend on loading order.
    std::vector<Diagnostic> sorted() const;

private:
    std::vector<Diagnostic> items_;
    std::size_t errors_ = 0;
};

std::string format(const Diagnostic& d);
// "3 errors, 1 warning" — the summary line after the diagnostics.
std::string summary(const Diagnostics& diags);
void print(std::ostream& out, const Diagnostics& diags);

}  // namespace lotse
