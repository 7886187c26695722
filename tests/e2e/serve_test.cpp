// End to end: `lotse serve` runs as a coordinator starts it, on a free port, and is talked to
// over HTTP as a browser does: pages, the reload events, the problems overlay, refused paths.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <regex>
#include <thread>

#include "test_site.h"

extern char** environ;

namespace lotse::test {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

// `lotse serve SITE --port 0` running in the background, its temporary files in `tmp`.
class Served {
public:
    Served(const fs::path& site, const fs::path& tmp, const std::string& port = "0") {
        int fds[2];
        if (::pipe(fds) != 0) throw std::runtime_error("pipe");
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, fds[1], 1);
        posix_spawn_file_actions_adddup2(&actions, fds[1], 2);
        posix_spawn_file_actions_addclose(&actions, fds[0]);
        std::vector<std::string> env{"TMPDIR=" + tmp.string(), "XDG_CACHE_HOME=" + (tmp / "cache").string()};
        for (char** e = environ; *e; ++e)
            if (!std::string_view(*e).starts_with("TMPDIR=") && !std::string_view(*e).starts_with("XDG_CACHE_HOME="))
                env.emplace_back(*e);
        std::vector<char*> envp;
        for (auto& e : env) envp.push_back(e.data());
        envp.push_back(nullptr);
        std::vector<std::string> args{"lotse", "serve", site.string(), "--port", port, "--date", "2026-11-22"};
        std::vector<char*> argv;
        for (auto& a : args) argv.push_back(a.data());
        argv.push_back(nullptr);
        if (posix_spawn(&pid_, LOTSE_BINARY, &actions, nullptr, argv.data(), envp.data()) != 0) pid_ = -1;
        posix_spawn_file_actions_destroy(&actions);
        ::close(fds[1]);
        out_fd_ = fds[0];
    }
    ~Served() {
        stop();
        ::close(out_fd_);
    }

    // Reads what the program prints until `pattern` matches or `timeout` passes.
    bool wait_for(const std::regex& pattern, std::chrono::milliseconds timeout, std::smatch* match = nullptr) {
        const auto until = std::chrono::steady_clock::now() + timeout;
        for (;;) {
            std::smatch m;
            if (std::regex_search(output_, m, pattern)) {
                if (match) *match = m;
                return true;
            }
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - std::chrono::steady_clock::now());
            pollfd p{out_fd_, POLLIN, 0};
            if (left.count() <= 0 || ::poll(&p, 1, static_cast<int>(left.count())) <= 0) return false;
            char buf[4096];
            const ssize_t n = ::read(out_fd_, buf, sizeof buf);
            if (n <= 0) return false;
            output_.append(buf, static_cast<std::size_t>(n));
        }
    }
    // The port from the line that says where to open the preview; 0 if it does not come.
    int port() {
        std::smatch m;
        if (!wait_for(std::regex("preview: http://127\\.0\\.0\\.1:([0-9]+)/"), 60s, &m)) return 0;
        return std::stoi(m[1]);
    }
    // Interrupts the program as Ctrl-C does; its wait status.
    int stop() {
        if (pid_ <= 0) return status_;
        ::kill(pid_, SIGINT);
        ::waitpid(pid_, &status_, 0);
        pid_ = -1;
        wait_for(std::regex("$^"), 100ms);  // what it printed last
        return status_;
    }
    const std::string& output() const { return output_; }

private:
    pid_t pid_ = -1;
    int out_fd_ = -1;
    int status_ = 0;
    std::string output_;
};

// The preview's event stream, read on a thread of its own: the versions it announces, in order.
class Events {
public:
    explicit Events(int port) : client_("127.0.0.1", port) {
        client_.set_read_timeout(30s);
        reader_ = std::thread([this] {
            client_.Get("/_lotse/events", [this](const char* data, std::size_t size) {
                std::lock_guard<std::mutex> lock(mutex_);
                text_.append(data, size);
                for (std::size_t end; (end = text_.find("\n\n")) != std::string::npos; text_.erase(0, end + 2)) {
                    const std::string event = text_.substr(0, end);
                    if (const std::size_t at = event.find("event: state\ndata: "); at != std::string::npos)
                        versions_.push_back(event.substr(at + 19));
                }
                arrived_.notify_all();
                return true;
            });
        });
    }
    ~Events() {
        client_.stop();
        reader_.join();
    }
    // The next version announced, or "" if none comes within `timeout`.
    std::string next(std::chrono::milliseconds timeout) {
        std::unique_lock<std::mutex> lock(mutex_);
        if (!arrived_.wait_for(lock, timeout, [&] { return versions_.size() > taken_; })) return "";
        return versions_[taken_++];
    }

private:
    httplib::Client client_;
    std::thread reader_;
    std::mutex mutex_;
    std::condition_variable arrived_;
    std::string text_;
    std::vector<std::string> versions_;
    std::size_t taken_ = 0;
};

// A request sent byte for byte as given (an HTTP library would tidy the path); the whole response.
std::string raw_get(int port, const std::string& target) {
    const int s = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    std::string response;
    if (::connect(s, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0) {
        const std::string request = "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
        if (::send(s, request.data(), request.size(), 0) == static_cast<ssize_t>(request.size())) {
            char buf[4096];
            for (ssize_t n; (n = ::recv(s, buf, sizeof buf, 0)) > 0;) response.append(buf, static_cast<std::size_t>(n));
        }
    }
    ::close(s);
    return response;
}

std::string version_of(const std::string& page) {
    std::smatch m;
    return std::regex_search(page, m, std::regex("data-version=\"([^\"]+)\"")) ? std::string(m[1]) : "";
}

constexpr const char* kOffer =
    "title: {de: \"Zeitungswerkstatt\", en: \"Newspaper workshop\"}\n"
    "summary: {de: \"Kurz\", en: \"Short\", ar: \"ملخص\"}\n"
    "provider: vhs\n"
    "life_phases: [school]\ntopics: [school]\n"
    "checked: 2026-11-02\n";

// What `lotse check` says about the offer with "topics: [work" added as its 7th line.
const std::string kBroken = "the &quot;[&quot; here is not closed; add the &quot;]&quot; that ends the list";

class ServeTest : public ::testing::Test {
protected:
    void SetUp() override {
        site.file("content/offers/zeitung.yaml", kOffer);
        site.file("content/courses/ik.yaml",
                  "type: integration\nprovider: vhs\nlevel: {from: A1, to: B1}\nstart: 2027-01-11\nend: 2027-07-16\n"
                  "checked: 2026-11-10\n");
    }
    // Whether the program left no preview folder and wrote nothing into the site's output folder.
    void expect_nothing_left() {
        for (const auto& e : fs::directory_iterator(tmp.path()))
            EXPECT_THAT(e.path().filename().string(), Not(StartsWith("lotse-preview-")));
        EXPECT_FALSE(fs::exists(site.out()));
    }
    TestSite site;
    TempDir tmp;
};

TEST_F(ServeTest, ServesThePagesWithTheirTypesAndTheScriptOnlyInTheResponse) {
    Served served(site.path(), tmp.path());
    const int port = served.port();
    ASSERT_NE(port, 0) << served.output();
    EXPECT_THAT(served.output(), testing::ContainsRegex("[0-9:]{8} built in [0-9]+ ms: [0-9]+ pages rendered, 0 kept "
                                                        "\\(the site's data files [0-9]+ ms later\\); 0 errors, 0 warnings\n"));
    httplib::Client client("127.0.0.1", port);
    auto page = client.Get("/de/offers/zeitung.html");
    ASSERT_TRUE(page);
    EXPECT_EQ(page->status, 200);
    EXPECT_EQ(page->get_header_value("Content-Type"), "text/html; charset=utf-8");
    EXPECT_THAT(page->body, HasSubstr("<h1>Zeitungswerkstatt</h1>"));
    EXPECT_THAT(page->body, HasSubstr("<script src=\"/_lotse/client.js\" data-version=\""));
    EXPECT_THAT(page->body, HasSubstr("href=\"/_lotse/compare?path=/de/offers/zeitung.html&amp;with=ar\">ar</a>"));
    auto folder = client.Get("/de/");
    ASSERT_TRUE(folder);
    EXPECT_EQ(folder->status, 200);
    EXPECT_THAT(folder->body, HasSubstr("<html lang=\"de\""));
    auto bare = client.Get("/de");
    ASSERT_TRUE(bare);
    EXPECT_EQ(bare->status, 301);
    EXPECT_EQ(bare->get_header_value("Location"), "/de/");
    auto script = client.Get("/_lotse/client.js");
    ASSERT_TRUE(script);
    EXPECT_EQ(script->get_header_value("Content-Type"), "text/javascript; charset=utf-8");
    EXPECT_THAT(script->body, HasSubstr("new EventSource('/_lotse/events')"));
    for (const auto& [path, type] : std::vector<std::pair<std::string, std::string>>{
             {"/assets/style.css", "text/css; charset=utf-8"},
             {"/courses.ics", "text/calendar; charset=utf-8"},
             {"/courses.csv", "text/csv; charset=utf-8"}}) {
        auto file = client.Get(path.c_str());
        ASSERT_TRUE(file) << path;
        EXPECT_EQ(file->status, 200) << path;
        EXPECT_EQ(file->get_header_value("Content-Type"), type) << path;
        EXPECT_THAT(file->body, Not(HasSubstr("_lotse"))) << path;
    }
    // The page's own Content-Security-Policy stays: the marks are a script and a stylesheet of the
    // preview's origin, with no inline style or script that the policy would block.
    EXPECT_THAT(page->body, HasSubstr("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                                      "script-src 'self'; style-src 'self'; "));
    EXPECT_THAT(page->body, HasSubstr("<link rel=\"stylesheet\" href=\"/_lotse/preview.css\"><div id=\"lotse-toolbar\" "
                                      "lang=\"en\" dir=\"ltr\">Lotse preview · side by side with"));
    EXPECT_THAT(page->body, Not(HasSubstr(" style=\"")));
    auto style = client.Get("/_lotse/preview.css");
    ASSERT_TRUE(style);
    EXPECT_EQ(style->get_header_value("Content-Type"), "text/css; charset=utf-8");
    EXPECT_THAT(style->body, HasSubstr("#lotse-toolbar{all:initial;position:fixed;"));
    auto missing = client.Get("/de/offers/nothing.html");
    ASSERT_TRUE(missing);
    EXPECT_EQ(missing->status, 404);
    EXPECT_THAT(missing->body, HasSubstr("The preview has no page at <code>/de/offers/nothing.html</code>"));
    // The files on disk are the site as `lotse build` writes it, without the preview's marks.
    for (const auto& e : fs::recursive_directory_iterator(tmp.path()))
        if (e.path().filename() == "zeitung.html") {
            EXPECT_THAT(read(e.path()), Not(HasSubstr("_lotse")));
        }
    served.stop();
    expect_nothing_left();
}

TEST_F(ServeTest, AnEditedRecordReloadsTheOpenPageWithItsNewContent) {
    Served served(site.path(), tmp.path());
    const int port = served.port();
    ASSERT_NE(port, 0) << served.output();
    httplib::Client client("127.0.0.1", port);
    const std::string before = client.Get("/de/offers/zeitung.html")->body;
    Events events(port);
    EXPECT_EQ(events.next(10s), version_of(before));
    const auto saved = std::chrono::steady_clock::now();
    std::string edited = kOffer;
    edited.replace(edited.find("Zeitungswerkstatt"), 17, "Zeitungswerkstatt neu");
    site.file("content/offers/zeitung.yaml", edited);
    const std::string version = events.next(2s);
    EXPECT_LT(std::chrono::steady_clock::now() - saved, 2s);
    ASSERT_NE(version, "") << served.output();
    EXPECT_NE(version, version_of(before));
    const std::string after = client.Get("/de/offers/zeitung.html")->body;
    EXPECT_THAT(after, HasSubstr("<h1>Zeitungswerkstatt neu</h1>"));
    EXPECT_EQ(version_of(after), version);
    EXPECT_TRUE(served.wait_for(std::regex("[0-9:]{8} content/offers/zeitung.yaml changed: rebuilt in [0-9]+ ms: "
                                           "[0-9]+ pages rendered, [0-9]+ kept \\(the site's data files [0-9]+ ms later\\); 0 errors, 0 warnings\n"),
                                5s))
        << served.output();
    served.stop();
    expect_nothing_left();
}

TEST_F(ServeTest, BrokenContentShowsTheProblemsOverTheLastGoodSiteUntilFixed) {
    Served served(site.path(), tmp.path());
    const int port = served.port();
    ASSERT_NE(port, 0) << served.output();
    httplib::Client client("127.0.0.1", port);
    Events events(port);
    ASSERT_NE(events.next(10s), "");
    site.file("content/offers/zeitung.yaml", std::string(kOffer) + "topics: [work\n");
    ASSERT_NE(events.next(2s), "") << served.output();
    for (const char* path : {"/de/offers/zeitung.html", "/ar/", "/"}) {
        const std::string page = client.Get(path)->body;
        EXPECT_THAT(page, HasSubstr("<div id=\"lotse-problems\" class=\"errors\" lang=\"en\" dir=\"ltr\" role=\"alert\">"
                                    "<h2>1 error in the content: the preview shows the last good site until it is fixed</h2>"))
            << path;
        EXPECT_THAT(page, HasSubstr("<li><code>content/offers/zeitung.yaml:7:9</code>: error: " + kBroken)) << path;
    }
    const std::string old = client.Get("/de/offers/zeitung.html")->body;
    EXPECT_THAT(old, HasSubstr("<h1>Zeitungswerkstatt</h1>"));
    EXPECT_TRUE(served.wait_for(std::regex("content/offers/zeitung.yaml changed: 1 error, 0 warnings \\(.*zeitung.yaml:7:9: "
                                           "error: the \"\\[\" here is not closed; add the \"\\]\" that ends the list\\); the preview keeps the last good site and shows the problems on "
                                           "every page\n"),
                                5s))
        << served.output();

    std::string fixed = kOffer;
    fixed.replace(fixed.find("Zeitungswerkstatt"), 17, "Zeitungswerkstatt repariert");
    site.file("content/offers/zeitung.yaml", fixed);
    // Generous for a loaded test machine: the preview's own speed is measured by bench/serve-latency.
    ASSERT_NE(events.next(10s), "") << served.output();
    const std::string page = client.Get("/de/offers/zeitung.html")->body;
    EXPECT_THAT(page, HasSubstr("<h1>Zeitungswerkstatt repariert</h1>"));
    EXPECT_THAT(page, Not(HasSubstr("lotse-problems")));
}

TEST_F(ServeTest, RefusesEveryPathOutsideThePreview) {
    site.file("secret.txt", "the site's own secret\n");
    Served served(site.path(), tmp.path());
    const int port = served.port();
    ASSERT_NE(port, 0) << served.output();
    // A link inside the preview folder that leads out of it.
    fs::path preview;
    for (const auto& e : fs::directory_iterator(tmp.path()))
        if (e.path().filename().string().starts_with("lotse-preview-")) preview = e.path() / "site";
    ASSERT_FALSE(preview.empty());
    fs::create_symlink(site.path() / "secret.txt", preview / "secret.txt");
    fs::create_directory_symlink(site.path(), preview / "outside");
    const std::string secret = "the site's own secret";
    for (const std::string& target : std::vector<std::string>{"/../secret.txt", "/de/../../secret.txt", "/%2e%2e/secret.txt", "/de/%2E%2E/%2e%2e/secret.txt", "/..%2fsecret.txt",
          site.path().string() + "/secret.txt", "/" + site.path().string() + "/secret.txt", "/secret.txt",
          "/outside/secret.txt", "/outside/", "/etc/passwd", "//etc/passwd"}) {
        const std::string response = raw_get(port, target);
        EXPECT_THAT(response, testing::ContainsRegex("^HTTP/1.1 (403|404|400) ")) << target;
        EXPECT_THAT(response, Not(HasSubstr(secret))) << target;
        EXPECT_THAT(response, Not(HasSubstr("root:"))) << target;
    }
    EXPECT_THAT(raw_get(port, "/%2e%2e/secret.txt"), StartsWith("HTTP/1.1 403 "));
    EXPECT_THAT(raw_get(port, "/secret.txt"), StartsWith("HTTP/1.1 403 "));
    // A folder is its index.html or nothing, never a listing.
    fs::create_directory(preview / "empty");
    EXPECT_THAT(raw_get(port, "/empty/"), StartsWith("HTTP/1.1 404 "));
}

TEST_F(ServeTest, ShowsAPageBesideTheSamePageInAnotherLanguage) {
    Served served(site.path(), tmp.path());
    const int port = served.port();
    ASSERT_NE(port, 0) << served.output();
    httplib::Client client("127.0.0.1", port);
    auto view = client.Get("/_lotse/compare?path=/de/offers/zeitung.html&with=ar");
    ASSERT_TRUE(view);
    EXPECT_EQ(view->status, 200);
    EXPECT_THAT(view->body, HasSubstr("<iframe title=\"de\" src=\"/de/offers/zeitung.html\""));
    EXPECT_THAT(view->body, HasSubstr("<iframe title=\"ar\" src=\"/ar/offers/zeitung.html\""));
    EXPECT_THAT(client.Get("/ar/offers/zeitung.html")->body, HasSubstr("dir=\"rtl\""));
    auto wrong = client.Get("/_lotse/compare?path=/de/&with=%22%3E");
    ASSERT_TRUE(wrong);
    EXPECT_EQ(wrong->status, 400);
    EXPECT_EQ(wrong->body, "give a page and a language, e.g. /_lotse/compare?path=/de/&with=ar\n");
}

TEST_F(ServeTest, WarningsAreASmallFoldedNote) {
    site.file("content/offers/alt.yaml", std::string(kOffer).replace(std::string(kOffer).find("2026-11-02"), 10, "2025-01-02"));
    Served served(site.path(), tmp.path());
    const int port = served.port();
    ASSERT_NE(port, 0) << served.output();
    const std::string page = httplib::Client("127.0.0.1", port).Get("/de/")->body;
    EXPECT_THAT(page, HasSubstr("<details id=\"lotse-problems\" class=\"warnings\" lang=\"en\" dir=\"ltr\"><summary>1 warning"
                                "</summary><ol><li><code>content/offers/alt.yaml:"));
    EXPECT_THAT(page, Not(HasSubstr("class=\"errors\"")));
}

TEST_F(ServeTest, ASiteWithErrorsFromTheStartShowsThemOnEveryPath) {
    site.file("content/offers/zeitung.yaml", std::string(kOffer) + "topics: [work\n");
    Served served(site.path(), tmp.path());
    const int port = served.port();
    ASSERT_NE(port, 0) << served.output();
    auto page = httplib::Client("127.0.0.1", port).Get("/");
    ASSERT_TRUE(page);
    EXPECT_EQ(page->status, 404);
    EXPECT_THAT(page->body, HasSubstr("<li><code>content/offers/zeitung.yaml:7:9</code>: error: " + kBroken));
}

TEST_F(ServeTest, APortInUseIsAClearError) {
    const int s = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t size = sizeof address;
    ASSERT_EQ(::bind(s, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
    ASSERT_EQ(::listen(s, 1), 0);
    ::getsockname(s, reinterpret_cast<sockaddr*>(&address), &size);
    const int port = ntohs(address.sin_port);
    std::string output;
    EXPECT_EQ(run("serve " + site.path().string() + " --port " + std::to_string(port), &output), 2);
    EXPECT_EQ(output, "cannot listen on 127.0.0.1:" + std::to_string(port) +
                          ": the port is in use by another program; stop it or give another port, e.g. --port " +
                          std::to_string(port + 1) + "\n");
    ::close(s);
    EXPECT_FALSE(fs::exists(site.out()));
}

TEST_F(ServeTest, ASiteFolderThatIsNoFolderIsAUsageError) {
    std::string output;
    EXPECT_EQ(run("serve " + (site.path() / "nothing").string(), &output), 2);
    EXPECT_EQ(output, (site.path() / "nothing").string() + " is not a folder; give the site folder, e.g. lotse serve mysite\n");
}

TEST_F(ServeTest, CtrlCRemovesThePreviewAndLeavesThePublicFolderAlone) {
    site.file("public/own.txt", "mine\n");
    Served served(site.path(), tmp.path());
    ASSERT_NE(served.port(), 0) << served.output();
    site.file("content/offers/zeitung.yaml", std::string(kOffer) + "# edited\n");
    EXPECT_TRUE(served.wait_for(std::regex("zeitung.yaml changed: rebuilt"), 5s)) << served.output();
    const int status = served.stop();
    EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGINT) << status;
    for (const auto& e : fs::directory_iterator(tmp.path()))
        EXPECT_THAT(e.path().filename().string(), Not(StartsWith("lotse-preview-")));
    std::vector<fs::path> in_public;
    for (const auto& e : fs::recursive_directory_iterator(site.out())) in_public.push_back(e.path().filename());
    EXPECT_EQ(in_public, std::vector<fs::path>{"own.txt"});
    EXPECT_EQ(read(site.out() / "own.txt"), "mine\n");
}

}  // namespace
}  // namespace lotse::test
