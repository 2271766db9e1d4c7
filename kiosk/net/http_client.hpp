// HTTP through libcurl, for the kiosk's few conversations with its central server. Every call
// is bounded in time (a hung server never hangs the caller) and in what it keeps of an answer.
#pragma once

#include <atomic>
#include <chrono>
#include <string>
#include <string_view>

#include "core/util/result.hpp"

namespace kiosk::net {

struct HttpLimits {
    std::chrono::seconds connect{10};
    std::chrono::seconds total{60};
    // Slower than this for `lowSpeedTime` counts as a dead connection (a stalled mobile link).
    long lowSpeedBytesPerSecond = 100;
    std::chrono::seconds lowSpeedTime{20};
};

struct HttpCredentials {
    std::string user;
    std::string password;
    bool empty() const { return user.empty(); }
};

// Any answer the server gave, whatever its status. Of the body only the start is kept: an
// error page's first lines are all a message needs.
struct HttpResponse {
    long status = 0;
    std::string body;
};

// Makes libcurl ready for the process's threads. One, in main, before any other thread starts.
class CurlRuntime {
public:
    CurlRuntime();
    ~CurlRuntime();
    CurlRuntime(const CurlRuntime&) = delete;
    CurlRuntime& operator=(const CurlRuntime&) = delete;
};

// PUT `body` to `url`. Error (ErrorCode::Unavailable, naming the URL) when no HTTP answer came:
// no route, refused, timed out, TLS failed. Basic authentication only over https:// or to this
// machine, so a password never crosses a network in the clear. `cancel`, set by another thread,
// ends the transfer within about a second (the kiosk shuts down).
core::Result<HttpResponse> httpPut(const std::string& url, std::string_view body, std::string_view contentType,
                                   const HttpCredentials& credentials = {}, const HttpLimits& limits = {},
                                   const std::atomic<bool>* cancel = nullptr);

}  // namespace kiosk::net
