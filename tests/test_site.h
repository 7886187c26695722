// Test helpers: a throw-away site folder that tests fill file by file, and the pipeline run on it.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "build.h"
#include "content/calendar.h"

namespace lotse::test {

class TempDir {
public:
    TempDir() {
        std::string templ = (std::filesystem::temp_directory_path() / "lotse-test-XXXXXX").string();
        path_ = mkdtemp(templ.data());
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

inline std::string read(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

inline void write(const std::filesystem::path& p, const std::string& text) {
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
}

inline Date day(const char* iso) { return parse_date(iso).date; }

// Runs the lotse program as a coordinator does (`args` as typed in a shell), given a minute at
// most: a FIFO opened for reading would keep it waiting for ever (exit 124 from timeout). Returns
// the exit code; what it printed, both streams, goes to `output`.
inline int run(const std::string& args, std::string* output = nullptr) {
    const std::string cmd = "timeout 60 " + std::string(LOTSE_BINARY) + " " + args + " 2>&1";
    FILE* pipe = popen(cmd.c_str(), "r");
    std::string text;
    char buf[4096];
    while (size_t n = fread(buf, 1, sizeof buf, pipe)) text.append(buf, n);
    const int status = pclose(pipe);
    if (output) *output = text;
    return WEXITSTATUS(status);
}

// A small valid site: German source, English and Arabic pages, one provider. Tests add or replace
// files to make the case they need.
class TestSite {
public:
    TestSite() {
        file("content/site.yaml",
             "title: {de: \"Bildung Teststadt\", en: \"Education Teststadt\", ar: \"التعليم في تستشتات\"}\n"
             "source_language: de\n"
             "languages: [de, en, ar]\n"
             "region: Teststadt\n"
             "review_after_days: 180\n"
             "contact: {email: info@teststadt.example, phone: \"+49 000 1\"}\n");
        file("content/taxonomy.yaml",
             "life_phases: [school, work-and-career]\n"
             "topics: [german-language, school, work]\n");
        file("content/providers/vhs.yaml",
             "name: {de: \"Volkshochschule Teststadt\", en: \"Adult education centre Teststadt\"}\n"
             "location: {street: \"Hauptstraße 1\", postcode: \"00100\", city: \"Teststadt\", district: \"Mitte\"}\n"
             "phone: \"+49 000 2\"\n"
             "checked: 2026-11-01\n");
        for (const char* slug : {"imprint", "privacy", "accessibility"})
            file(std::string("content/pages/") + slug + ".de.md", std::string("---\ntitle: Seite ") + slug + "\n---\nText.\n");
    }

    void file(const std::string& rel, const std::string& text) const { write(dir_.path() / rel, text); }
    void remove(const std::string& rel) const { std::filesystem::remove(dir_.path() / rel); }
    const std::filesystem::path& path() const { return dir_.path(); }
    std::filesystem::path out() const { return dir_.path() / "public"; }

    // Runs `lotse check`; returns the exit code, keeps what it printed.
    int check(Date today = day("2026-11-22")) {
        return run(false, today);
    }
    int build(Date today = day("2026-11-22"), std::filesystem::path out = {}) {
        out_dir_ = out;
        return run(true, today);
    }
    const std::string& err() const { return err_; }
    SitemapLimits sitemap_limits;  // the protocol's, unless a test lowers them
    const std::string& out_text() const { return out_; }
    std::string page(const std::string& rel) const { return read((out_dir_.empty() ? out() : out_dir_) / rel); }

    // Diagnostics with the temporary folder cut off: "content/offers/x.yaml:3:8: error: …".
    std::vector<std::string> diagnostics() const {
        std::vector<std::string> lines;
        std::istringstream in(err_);
        const std::string prefix = (dir_.path() / "").lexically_normal().generic_string();
        for (std::string line; std::getline(in, line);) {
            if (line.rfind(prefix, 0) == 0) line = line.substr(prefix.size());
            if (line.find(": error: ") != std::string::npos || line.find(": warning: ") != std::string::npos)
                lines.push_back(line);
        }
        return lines;
    }

private:
    int run(bool build, Date today) {
        RunOptions o;
        o.site_dir = dir_.path();
        o.out = out_dir_;
        o.today = today;
        o.sitemap = sitemap_limits;
        std::ostringstream out, err;
        const int rc = build ? run_build(o, out, err) : run_check(o, out, err);
        out_ = out.str();
        err_ = err.str();
        return rc;
    }

    TempDir dir_;
    std::filesystem::path out_dir_;
    std::string out_, err_;
};

}  // namespace lotse::test
