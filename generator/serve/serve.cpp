#include "serve/serve.h"

#include <httplib.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <optional>
#include <ostream>
#include <thread>

#include "common/interrupt.h"
#include "serve/live_site.h"
#include "serve/preview_marks.h"
#include "serve/preview_server.h"
#include "serve/preview_state.h"
#include "serve/watcher.h"

namespace lotse {

namespace fs = std::filesystem;

namespace {

// A burst of saves shorter than this is one change.
constexpr std::chrono::milliseconds kQuiet{30};

// A temporary folder for the preview, removed when serving ends, by Ctrl-C too. The site is built
// into its "site" folder, in place (serve/live_site.h).
class PreviewFolder {
public:
    PreviewFolder() {
        std::error_code ec;
        std::string name = (fs::temp_directory_path(ec) / "lotse-preview-XXXXXX").string();
        if (ec || !::mkdtemp(name.data())) return;
        root_ = name;
        leftover_.emplace(root_);
    }
    ~PreviewFolder() {
        std::error_code ec;
        if (!root_.empty()) fs::remove_all(root_, ec);
    }
    PreviewFolder(const PreviewFolder&) = delete;
    PreviewFolder& operator=(const PreviewFolder&) = delete;
    bool made() const { return !root_.empty(); }
    fs::path site() const { return root_ / "site"; }

private:
    fs::path root_;
    std::optional<interrupt::Leftover> leftover_;
};

// Why `host`:`port` cannot be listened on, in words; httplib says only that it failed.
std::string why_not_listening(const std::string& host, int port) {
    const int probe = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    int yes = 1;
    ::setsockopt(probe, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    std::string why = "is it an address of this computer?";
    if (host == "localhost" || ::inet_pton(AF_INET, host.c_str(), &address.sin_addr) == 1) {
        if (::bind(probe, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 || ::listen(probe, 1) != 0)
            why = errno == EADDRINUSE ? "the port is in use by another program; stop it or give another port, e.g. --port " +
                                            std::to_string(port == 65535 ? 1313 : port + 1)
                  : errno == EACCES ? "ports below 1024 need administrator rights; give another port, e.g. --port 1313"
                                    : std::strerror(errno);
        else why = "unknown reason";
    }
    ::close(probe);
    return why;
}

std::string clock_time() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    ::localtime_r(&now, &local);
    char text[16];
    std::strftime(text, sizeof text, "%H:%M:%S", &local);
    return text;
}

std::string what_changed(const std::vector<fs::path>& changed) {
    if (changed.empty()) return "";
    std::string what = changed.front().generic_string();
    if (changed.size() > 1) what += " and " + std::to_string(changed.size() - 1) + " more";
    return what + " changed: ";
}

// Builds the site into the preview, publishes the outcome to the open pages and prints it in one
// line. A build with errors writes nothing: the last good site stays.
void rebuild(const RunOptions& o, LiveSite& site, PreviewState& state, const std::vector<fs::path>& changed,
             std::ostream& out) {
    using std::chrono::milliseconds, std::chrono::steady_clock;
    const auto start = steady_clock::now();
    auto since_start = [&] { return std::chrono::duration_cast<milliseconds>(steady_clock::now() - start).count(); };
    // The open pages reload as soon as the pages are written; the files once per site follow.
    std::optional<std::string> published;
    long long pages_ms = 0;
    BuildOutcome outcome;
    const int rc = site.rebuild(changed, outcome, [&](const Diagnostics& found) {
        if (!published) pages_ms = since_start();
        state.publish(*(published = problems_html(found, o.site_dir)));
    });
    const long long all_ms = since_start();
    if (std::string problems = problems_html(outcome.diags, o.site_dir); problems != published) state.publish(std::move(problems));
    out << clock_time() << ' ' << what_changed(changed);
    if (rc == kSuccess) {
        out << (changed.empty() ? "built" : "rebuilt") << " in " << (published ? pages_ms : all_ms) << " ms: " << outcome.rendered
            << " pages rendered, " << outcome.kept << " kept";
        if (published) out << " (the site's data files " << all_ms - pages_ms << " ms later)";
        out << "; " << summary(outcome.diags);
    } else {
        const std::vector<Diagnostic> sorted = outcome.diags.sorted();
        auto first = std::find_if(sorted.begin(), sorted.end(), [](const Diagnostic& d) { return d.severity == Severity::error; });
        out << summary(outcome.diags) << (first != sorted.end() ? " (" + format(*first) + ")" : "")
            << "; the preview keeps the last good site and shows the problems on every page";
    }
    out << std::endl;
}

}  // namespace

int run_serve(const RunOptions& options, const ServeOptions& serve, std::ostream& out, std::ostream& err) {
    std::error_code ec;
    if (!fs::is_directory(options.site_dir, ec)) {
        err << options.site_dir.string() << " is not a folder; give the site folder, e.g. lotse serve mysite\n";
        return kUsageError;
    }
    // A page closed while it is sent must not end the program.
    ::signal(SIGPIPE, SIG_IGN);
    PreviewFolder folder;
    if (!folder.made()) {
        err << "cannot make a preview folder in " << fs::temp_directory_path(ec).string() << ": " << std::strerror(errno) << '\n';
        return kUsageError;
    }
    PreviewState state;
    httplib::Server server;
    // Each open page keeps one thread for its events, a side-by-side view three.
    server.new_task_queue = [] { return new httplib::ThreadPool(32); };
    RunOptions o = options;
    o.out = folder.site();
    o.exits_after = false;
    LiveSite site(o);
    add_preview_routes(server, site.output(), state);
    int port = serve.port;
    if (port == 0) port = server.bind_to_any_port(serve.host);
    else if (!server.bind_to_port(serve.host, port)) port = -1;
    if (port <= 0) {
        err << "cannot listen on " << serve.host << ':' << serve.port << ": " << why_not_listening(serve.host, serve.port) << '\n';
        return kUsageError;
    }
    std::optional<Watcher> watcher;
    try {
        watcher.emplace(options.site_dir, std::vector<std::string>{"content", "i18n", "templates"});
    } catch (const std::system_error& e) {
        err << "cannot watch the site folder for changes: " << e.what() << '\n';
        return kUsageError;
    }
    rebuild(o, site, state, {}, out);
    std::thread listening([&server] { server.listen_after_bind(); });
    const std::string host = serve.host.find(':') != std::string::npos ? "[" + serve.host + "]" : serve.host;
    out << "preview: http://" << host << ':' << port << "/ (rebuilt on every saved change; Ctrl-C stops)" << std::endl;
    try {
        for (;;) rebuild(o, site, state, watcher->wait(kQuiet), out);
    } catch (const std::system_error& e) {
        err << "cannot watch the site folder for changes any more: " << e.what() << '\n';
    }
    server.stop();
    listening.join();
    return kContentErrors;
}

}  // namespace lotse
