// How the sync reaches a catalog's server, without knowing libcurl (DESIGN.md §3: core has no
// curl; net/curl_transport implements this, and the app hands it in).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "core/util/result.hpp"

namespace kiosk::core {

struct FetchRequest {
    std::string url;
    // More than this many bytes in the body ends the transfer as an error, whatever the server
    // announced: the cap holds while streaming, before anything parses a byte.
    std::int64_t maxBytes = 0;
    std::string ifNoneMatch;     // an ETag from before: 304 when nothing changed
    std::int64_t resumeFrom = 0;  // > 0: ask for the bytes from here on (Range), to finish a download
};

struct FetchResponse {
    long status = 0;      // 200, 206 (the range asked for), 304 (not modified), or any other the server sent
    std::string etag;
    std::int64_t bytes = 0;  // body bytes handed to the sink
};

// Receives the body as it arrives; returning false aborts the transfer. Only the body of the
// answer asked for reaches it (2xx; for a resume 206): an error page or a whole file sent where
// the rest was asked for is no part of the content, and the caller gets just its status.
using FetchSink = std::function<bool(std::string_view chunk)>;

class Transport {
public:
    virtual ~Transport() = default;
    // An Error (ErrorCode::Unavailable, or TooLarge past maxBytes) when the transfer failed: no
    // answer, a timeout, too slow for too long, the cap, the sink's abort. An HTTP error status
    // is a response, not an Error: the caller decides what a 404 means.
    virtual Result<FetchResponse> get(const FetchRequest& request, const FetchSink& sink) = 0;
};

}  // namespace kiosk::core
