#include "serve/preview_server.h"

#include <httplib.h>

#include <memory>

#include "serve/preview_files.h"
#include "serve/preview_marks.h"

namespace lotse {

namespace {

// How long an event stream stays silent before a comment line checks that the page is still there.
constexpr std::chrono::seconds kHeartbeat{5};

void serve_file(const PreviewOutput& preview, const PreviewState& state, const httplib::Request& req, httplib::Response& res) {
    const PreviewFile found = find_preview_file(preview.folder(), req.path);
    switch (found.kind) {
        case PreviewFile::Kind::refused:
            res.status = 403;
            res.set_content("refused: the preview serves only the files of its own folder\n", "text/plain; charset=utf-8");
            return;
        case PreviewFile::Kind::redirect:
            res.set_redirect(found.location, 301);
            return;
        case PreviewFile::Kind::not_found:
            res.status = 404;
            res.set_content(missing_page(req.path, state.now()), "text/html; charset=utf-8");
            return;
        case PreviewFile::Kind::file: break;
    }
    const std::string_view type = content_type(found.file);
    std::string bytes = preview.read(found.file);
    if (type.starts_with("text/html")) bytes = mark_page(std::move(bytes), req.path, state.now());
    res.set_content(std::move(bytes), std::string(type).c_str());
}

void serve_events(const PreviewState& state, httplib::Response& res) {
    auto seen = std::make_shared<std::string>();
    res.set_chunked_content_provider("text/event-stream", [&state, seen](std::size_t, httplib::DataSink& sink) {
        const std::string version = state.wait_for_change(*seen, kHeartbeat);
        // A page whose stream broke (the preview was restarted) asks again soon.
        std::string message = seen->empty() ? "retry: 500\n" : "";
        message += version == *seen ? ": still here\n\n" : "event: state\ndata: " + version + "\n\n";
        *seen = version;
        return sink.write(message.data(), message.size());
    });
}

}  // namespace

void add_preview_routes(httplib::Server& server, const PreviewOutput& preview, const PreviewState& state) {
    // Every response is the preview as it is now: a browser keeps nothing from an earlier build.
    server.set_default_headers({{"Cache-Control", "no-store"}});
    server.Get("/_lotse/events", [&state](const httplib::Request&, httplib::Response& res) { serve_events(state, res); });
    server.Get("/_lotse/client.js", [](const httplib::Request&, httplib::Response& res) {
        res.set_content(std::string(client_script()), "text/javascript; charset=utf-8");
    });
    server.Get("/_lotse/preview.css", [](const httplib::Request&, httplib::Response& res) {
        res.set_content(std::string(preview_style()), "text/css; charset=utf-8");
    });
    server.Get("/_lotse/compare", [&state](const httplib::Request& req, httplib::Response& res) {
        const std::string page = compare_page(req.get_param_value("path"), req.get_param_value("with"), state.now());
        if (page.empty()) {
            res.status = 400;
            res.set_content("give a page and a language, e.g. /_lotse/compare?path=/de/&with=ar\n", "text/plain; charset=utf-8");
            return;
        }
        res.set_content(page, "text/html; charset=utf-8");
    });
    server.Get(".*", [&preview, &state](const httplib::Request& req, httplib::Response& res) {
        serve_file(preview, state, req, res);
    });
}

}  // namespace lotse
