// What every transfer of the net layer shares: one easy handle per transfer with the same
// limits, protocols and user agent, and the rule which URLs may be used at all. Internal to net.
#pragma once

#include <curl/curl.h>

#include <memory>
#include <string>

#include "core/util/error.hpp"
#include "net/http_client.hpp"

namespace kiosk::net {

struct UrlParts {
    std::string scheme;  // empty: not a URL libcurl can parse
    std::string host;
};

UrlParts urlParts(const std::string& url);
bool isLoopback(const std::string& host);

core::Error unavailable(const std::string& url, std::string message, std::string hint);

using CurlHandle = std::unique_ptr<CURL, decltype(&curl_easy_cleanup)>;
using CurlHeaders = std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)>;

// A handle for `url` with the limits, http(s) only, no signals (threads), no redirects (a
// redirect to another host would dodge the checks on the URL), the error text into `errorBuffer`.
CurlHandle makeTransfer(const std::string& url, const HttpLimits& limits, char (&errorBuffer)[CURL_ERROR_SIZE]);

// The Error for a transfer that ended without an HTTP answer.
core::Error transferFailed(const std::string& url, CURLcode code, const char* errorBuffer);

}  // namespace kiosk::net
