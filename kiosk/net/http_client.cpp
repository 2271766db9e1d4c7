// libcurl's easy interface, one handle per call: the kiosk talks to its server a few times a
// day, so reusing connections would buy nothing and cost shared state between threads.
#include "net/http_client.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <cstring>
#include <memory>

namespace kiosk::net {
namespace {

constexpr std::size_t kKeptBodyBytes = 16 * 1024;

struct UrlParts {
    std::string scheme;
    std::string host;
};

// Empty scheme: not a URL libcurl can parse.
UrlParts urlParts(const std::string& url) {
    UrlParts parts;
    std::unique_ptr<CURLU, decltype(&curl_url_cleanup)> handle(curl_url(), &curl_url_cleanup);
    if (!handle || curl_url_set(handle.get(), CURLUPART_URL, url.c_str(), 0) != CURLUE_OK) return parts;
    auto get = [&](CURLUPart part) {
        char* value = nullptr;
        if (curl_url_get(handle.get(), part, &value, 0) != CURLUE_OK || !value) return std::string();
        std::string out = value;
        curl_free(value);
        return out;
    };
    parts.scheme = get(CURLUPART_SCHEME);
    parts.host = get(CURLUPART_HOST);
    return parts;
}

bool isLoopback(const std::string& host) { return host == "localhost" || host == "127.0.0.1" || host == "[::1]" || host == "::1"; }

core::Error unavailable(const std::string& url, std::string message, std::string hint) {
    return core::Error{core::ErrorCode::Unavailable, url, 0, std::move(message), std::move(hint)};
}

struct Upload {
    std::string_view rest;
};

std::size_t readBody(char* buffer, std::size_t size, std::size_t count, void* user) {
    auto* upload = static_cast<Upload*>(user);
    const std::size_t n = std::min(size * count, upload->rest.size());
    std::memcpy(buffer, upload->rest.data(), n);
    upload->rest.remove_prefix(n);
    return n;
}

std::size_t keepBodyStart(char* data, std::size_t size, std::size_t count, void* user) {
    auto* body = static_cast<std::string*>(user);
    const std::size_t n = size * count;
    if (body->size() < kKeptBodyBytes) body->append(data, std::min(n, kKeptBodyBytes - body->size()));
    return n;  // the rest is read and dropped: stopping early would fail the transfer
}

}  // namespace

CurlRuntime::CurlRuntime() { curl_global_init(CURL_GLOBAL_DEFAULT); }
CurlRuntime::~CurlRuntime() { curl_global_cleanup(); }

core::Result<HttpResponse> httpPut(const std::string& url, std::string_view body, std::string_view contentType,
                                   const HttpCredentials& credentials, const HttpLimits& limits) {
    const UrlParts parts = urlParts(url);
    if (parts.scheme != "http" && parts.scheme != "https") {
        return unavailable(url, "not an http:// or https:// URL", "write the server's address in full, e.g. https://stats.example.org/kiosk/");
    }
    if (!credentials.empty() && parts.scheme != "https" && !isLoopback(parts.host)) {
        return unavailable(url, "refusing to send a password over plain http://", "use the server's https:// address");
    }

    std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), &curl_easy_cleanup);
    if (!curl) return unavailable(url, "libcurl could not start a transfer", "the machine may be out of memory");
    CURL* h = curl.get();
    Upload upload{body};
    HttpResponse response;
    char curlError[CURL_ERROR_SIZE] = "";
    const std::string contentTypeHeader = "Content-Type: " + std::string(contentType);
    std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> headers(nullptr, &curl_slist_free_all);
    headers.reset(curl_slist_append(headers.release(), contentTypeHeader.c_str()));
    // No "Expect: 100-continue": the bodies are small, and waiting for the go-ahead costs a second
    // with servers that never send it.
    headers.reset(curl_slist_append(headers.release(), "Expect:"));

    curl_easy_setopt(h, CURLOPT_URL, url.c_str());
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);  // timeouts without SIGALRM: safe beside other threads
    curl_easy_setopt(h, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(h, CURLOPT_READFUNCTION, &readBody);
    curl_easy_setopt(h, CURLOPT_READDATA, &upload);
    curl_easy_setopt(h, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(body.size()));
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers.get());
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, &keepBodyStart);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &response.body);
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, curlError);
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, static_cast<long>(limits.connect.count()));
    curl_easy_setopt(h, CURLOPT_TIMEOUT, static_cast<long>(limits.total.count()));
    curl_easy_setopt(h, CURLOPT_LOW_SPEED_LIMIT, limits.lowSpeedBytesPerSecond);
    curl_easy_setopt(h, CURLOPT_LOW_SPEED_TIME, static_cast<long>(limits.lowSpeedTime.count()));
    curl_easy_setopt(h, CURLOPT_USERAGENT, "showroom-kiosk/" KIOSK_VERSION);
    if (!credentials.empty()) {
        curl_easy_setopt(h, CURLOPT_HTTPAUTH, CURLAUTH_BASIC);
        curl_easy_setopt(h, CURLOPT_USERNAME, credentials.user.c_str());
        curl_easy_setopt(h, CURLOPT_PASSWORD, credentials.password.c_str());
    }

    const CURLcode code = curl_easy_perform(h);
    if (code != CURLE_OK) {
        const std::string what = curlError[0] ? curlError : curl_easy_strerror(code);
        return unavailable(url, "no answer from the server: " + what,
                           code == CURLE_OPERATION_TIMEDOUT ? "the server or the network is too slow; it is tried again later"
                                                            : "check the network and the address; it is tried again later");
    }
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &response.status);
    return response;
}

}  // namespace kiosk::net
