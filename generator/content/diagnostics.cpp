#include "content/diagnostics.h"

#include <algorithm>
#include <ostream>
#include <tuple>

namespace lotse {

std::ostream& operator<<(std::ostream& out, const FilePath& path) { return out << path.str(); }

void Diagnostics::error(const SourcePos& pos, std::string message) {
    items_.push_back({Severity::error, pos, std::move(message)});
    ++errors_;
}

void Diagnostics::warning(const SourcePos& pos, std::string message) {
    items_.push_back({Severity::warning, pos, std::move(message)});
}

void Diagnostics::note(const SourcePos& pos, std::string message) {
    items_.push_back({Severity::note, pos, std::move(message)});
    ++notes_;
}

void Diagnostics::append(const Diagnostics& other) {
    items_.insert(items_.end(), other.items_.begin(), other.items_.end());
    errors_ += other.errors_;
    notes_ += other.notes_;
}

std::vector<Diagnostic> Diagnostics::sorted() const {
    std::vector<Diagnostic> out = items_;
    std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::tie(a.pos.file, a.pos.line, a.pos.column) <
               std::tie(b.pos.file, b.pos.line, b.pos.column);
    });
    return out;
}

std::string format(const Diagnostic& d) {
    std::string out = d.pos.file;
    if (d.pos.line > 0) {
        out += ':' + std::to_string(d.pos.line) + ':' + std::to_string(d.pos.column);
    }
    out += d.severity == Severity::error ? ": error: " : d.severity == Severity::warning ? ": warning: " : ": note: ";
    out += d.message;
    return out;
}

namespace {
std::string counted(std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + ' ' + (n == 1 ? one : many);
}
}  // namespace

std::string summary(const Diagnostics& diags) {
    return counted(diags.error_count(), "error", "errors") + ", " +
           counted(diags.warning_count(), "warning", "warnings");
}

void print(std::ostream& out, const Diagnostics& diags) {
    for (const Diagnostic& d : diags.sorted()) out << format(d) << '\n';
}

}  // namespace lotse
