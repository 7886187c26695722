// `lotse serve`: builds the site into a preview folder of its own (never the site's output),
// serves it on a local port, rebuilds on every saved change and reloads the open pages.
#pragma once

#include <iosfwd>
#include <string>

#include "build.h"

namespace lotse {

struct ServeOptions {
    std::string host = "127.0.0.1";
    int port = 1313;  // 0: any free port
};

// Runs until the program is interrupted (Ctrl-C); returns only when it cannot start: kUsageError
// if the port cannot be had or the site folder is not a folder.
int run_serve(const RunOptions& options, const ServeOptions& serve, std::ostream& out, std::ostream& err);

}  // namespace lotse
