// The preview's HTTP side: the files of the preview folder with the preview's marks on its pages,
// the events that tell open pages to reload (/_lotse/events, Server-Sent Events), the script
// that listens to them and the side-by-side view (/_lotse/compare?path=/de/…&with=ar).
#pragma once

#include "serve/preview_output.h"
#include "serve/preview_state.h"

namespace httplib {
class Server;
}

namespace lotse {

// `preview` and `state` are used by reference: they must outlive the server.
void add_preview_routes(httplib::Server& server, const PreviewOutput& preview, const PreviewState& state);

}  // namespace lotse
