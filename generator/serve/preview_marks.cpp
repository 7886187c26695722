#include "serve/preview_marks.h"

#include <cctype>
#include <fstream>
#include <vector>

namespace lotse {

namespace fs = std::filesystem;

namespace {

std::string escaped(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

// Percent-encodes what a query value must not hold as it is.
std::string query_value(std::string_view text) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        if (std::isalnum(c) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~') out += static_cast<char>(c);
        else out += {'%', hex[c >> 4], hex[c & 15]};
    }
    return out;
}

// Line `line` of `file` (counting from 1), shortened to a screen's width; empty if it has none.
std::string source_line(const std::string& file, int line) {
    std::ifstream in(file, std::ios::binary);
    std::string text;
    for (int n = 1; n <= line && std::getline(in, text); ++n)
        if (n == line) return text.size() > 200 ? text.substr(0, 200) + "…" : text;
    return {};
}

std::string problem_html(const Diagnostic& d, const fs::path& site_dir) {
    fs::path shown = fs::path(d.pos.file.str()).lexically_relative(site_dir);
    if (shown.empty() || *shown.begin() == "..") shown = d.pos.file.str();
    std::string where = shown.generic_string();
    if (d.pos.line > 0) where += ':' + std::to_string(d.pos.line) + ':' + std::to_string(d.pos.column);
    std::string out = "<li><code>" + escaped(where) + "</code>: " +
                      (d.severity == Severity::error ? "error: " : "warning: ") + escaped(d.message);
    if (const std::string line = d.pos.line > 0 ? source_line(d.pos.file, d.pos.line) : ""; !line.empty()) {
        const std::string number = std::to_string(d.pos.line) + " | ";
        out += "<pre>" + escaped(number + line);
        if (d.pos.column > 0) out += '\n' + std::string(number.size() + d.pos.column - 1, ' ') + '^';
        out += "</pre>";
    }
    return out + "</li>";
}

// The overlay's and the toolbar's looks, from /_lotse/preview.css: the pages' Content-Security-Policy
// allows the site's own stylesheets and no inline style.
constexpr std::string_view kPreviewStyleLink = "<link rel=\"stylesheet\" href=\"/_lotse/preview.css\">";

std::string problems_list(const std::vector<Diagnostic>& items, Severity severity, const fs::path& site_dir) {
    std::string out = "<ol>";
    for (const Diagnostic& d : items)
        if (d.severity == severity) out += problem_html(d, site_dir);
    return out + "</ol>";
}

std::string counted(std::size_t n, std::string_view one, std::string_view many) {
    return std::to_string(n) + ' ' + std::string(n == 1 ? one : many);
}

bool language_code(std::string_view text) {
    if (text.empty() || text.size() > 12) return false;
    for (char c : text)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-') return false;
    return true;
}

// The toolbar: the page side by side with each other language of the page, from its alternates.
std::string toolbar(std::string_view page, std::string_view path) {
    // Pages of a language are under /<language>/; the language chooser at / has no counterpart.
    const std::size_t slash = path.find('/', 1);
    if (slash == std::string_view::npos) return {};
    const std::string_view own = path.substr(1, slash - 1);
    std::string links;
    constexpr std::string_view mark = "<link rel=\"alternate\" hreflang=\"";
    for (std::size_t at = page.find(mark); at != std::string_view::npos; at = page.find(mark, at)) {
        at += mark.size();
        const std::string_view lang = page.substr(at, page.find('"', at) - at);
        if (lang == "x-default" || lang == own || !language_code(lang)) continue;
        links += " <a href=\"/_lotse/compare?path=" + escaped(query_value(path)) + "&amp;with=" + escaped(lang) +
                 "\">" + escaped(lang) + "</a>";
    }
    if (links.empty()) return {};
    return std::string(kPreviewStyleLink) + "<div id=\"lotse-toolbar\" lang=\"en\" dir=\"ltr\">Lotse preview · side by side with" +
           links + "</div>";
}

std::string script_tag(const PreviewState::Now& now) {
    return "<script src=\"/_lotse/client.js\" data-version=\"" + escaped(now.version) + "\"></script>";
}

// `page` with `marks` before its last </body> (at the end without one).
std::string inserted(std::string page, const std::string& marks) {
    const std::size_t body = page.rfind("</body>");
    page.insert(body == std::string::npos ? page.size() : body, marks);
    return page;
}

}  // namespace

std::string problems_html(const Diagnostics& diags, const fs::path& site_dir) {
    const std::size_t errors = diags.error_count(), warnings = diags.warning_count();
    if (errors == 0 && warnings == 0) return {};
    const std::vector<Diagnostic> items = diags.sorted();
    std::string out(kPreviewStyleLink);
    if (errors > 0) {
        out += "<div id=\"lotse-problems\" class=\"errors\" lang=\"en\" dir=\"ltr\" role=\"alert\"><h2>" +
               counted(errors, "error", "errors") + " in the content: the preview shows the last good site until " +
               (errors == 1 ? "it is" : "they are") + " fixed</h2>" + problems_list(items, Severity::error, site_dir);
        if (warnings > 0)
            out += "<details><summary>" + counted(warnings, "warning", "warnings") + "</summary>" +
                   problems_list(items, Severity::warning, site_dir) + "</details>";
        return out + "</div>";
    }
    return out + "<details id=\"lotse-problems\" class=\"warnings\" lang=\"en\" dir=\"ltr\"><summary>" +
           counted(warnings, "warning", "warnings") + "</summary>" + problems_list(items, Severity::warning, site_dir) +
           "</details>";
}

std::string mark_page(std::string page, std::string_view path, const PreviewState::Now& now) {
    std::string marks = toolbar(page, path) + now.problems + script_tag(now);
    return inserted(std::move(page), marks);
}

std::string compare_page(std::string_view path, std::string_view with, const PreviewState::Now& now) {
    if (path.size() < 2 || path.front() != '/' || !language_code(with)) return {};
    const std::size_t slash = path.find('/', 1);
    const std::string_view lang = path.substr(1, slash == std::string_view::npos ? std::string_view::npos : slash - 1);
    if (!language_code(lang)) return {};
    std::string other = "/";
    other += with;
    other += slash == std::string_view::npos ? std::string_view("/") : path.substr(slash);
    const std::string frame = "style=\"flex:1;border:0;border-left:1px solid #999;height:100%\"";
    std::string page =
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Side by side: " + escaped(lang) +
        " and " + escaped(with) + "</title></head>\n<body style=\"margin:0;height:100vh;display:flex;flex-direction:column\">"
        "<p style=\"margin:0;padding:.3em .6em;font:14px system-ui,sans-serif;background:#eef\">Lotse preview, side by "
        "side: <a href=\"" + escaped(path) + "\">" + escaped(path) + "</a> and <a href=\"" + escaped(other) + "\">" +
        escaped(other) + "</a></p>\n<div style=\"flex:1;display:flex\"><iframe title=\"" + escaped(lang) + "\" src=\"" +
        escaped(path) + "\" " + frame + "></iframe><iframe title=\"" + escaped(with) + "\" src=\"" + escaped(other) +
        "\" " + frame + "></iframe></div>\n</body></html>\n";
    return inserted(std::move(page), now.problems + script_tag(now));
}

std::string missing_page(std::string_view path, const PreviewState::Now& now) {
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not in the preview</title></head>\n"
           "<body><h1>Not in the preview</h1><p>The preview has no page at <code>" + escaped(path) +
           "</code>.</p><p><a href=\"/\">The start page</a></p>\n" + now.problems + script_tag(now) + "</body></html>\n";
}

std::string_view preview_style() {
    return "#lotse-problems{all:initial;position:fixed;z-index:2147483647;font:15px/1.4 system-ui,sans-serif;"
           "color:#111;direction:ltr;text-align:left}#lotse-problems.errors{inset:0;overflow:auto;padding:2em;"
           "background:rgba(255,250,250,.97)}#lotse-problems.warnings{left:.5em;bottom:.5em;max-width:40em;max-height:50vh;"
           "overflow:auto;padding:.3em .8em;background:#fffbe6;border:1px solid #d9b600;font-size:13px}"
           "#lotse-problems h2{font:bold 1.3em system-ui,sans-serif;color:#a00;margin:0 0 .5em}"
           "#lotse-problems li{margin:.6em 0}#lotse-problems pre{background:#f3f3f3;padding:.4em;overflow:auto;"
           "font:13px/1.3 monospace}#lotse-problems code{font-weight:bold}"
           "#lotse-toolbar{all:initial;position:fixed;z-index:2147483646;right:.5em;bottom:.5em;padding:.2em .6em;"
           "background:#eef;border:1px solid #99c;font:13px system-ui,sans-serif}\n";
}

std::string_view client_script() {
    return R"(// Lotse preview: reloads the page when the site was rebuilt or its problems changed.
(function () {
  var script = document.currentScript, version = script && script.getAttribute('data-version');
  if (window.top !== window) {
    // A page in the side-by-side view: the view reloads it, and has links of its own.
    var toolbar = document.getElementById('lotse-toolbar');
    if (toolbar) toolbar.remove();
    return;
  }
  var events = new EventSource('/_lotse/events');
  events.addEventListener('state', function (e) { if (e.data !== version) location.reload(); });
})();
)";
}

}  // namespace lotse
