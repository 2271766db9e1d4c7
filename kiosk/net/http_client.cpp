// libcurl's easy interface, one handle per call: the kiosk talks to its server a few times a
// day, so reusing connections would buy nothing and cost shared state between threads.
#include "net/http_client.hpp"

#include <algorithm>
#include <cstring>

#include "net/curl_easy.hpp"

namespace kiosk::net {
namespace {

constexpr std::size_t kKeptBodyBytes = 16 * 1024;

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

int checkCancel(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
    return static_cast<const std::atomic<bool>*>(user)->load() ? 1 : 0;  // non-zero aborts the transfer
}

}  // namespace

CurlRuntime::CurlRuntime() { curl_global_init(CURL_GLOBAL_DEFAULT); }
CurlRuntime::~CurlRuntime() { curl_global_cleanup(); }

core::Result<HttpResponse> httpPut(const std::string& url, std::string_view body, std::string_view contentType,
                                   const HttpCredentials& credentials, const HttpLimits& limits, const std::atomic<bool>* cancel) {
    const UrlParts parts = urlParts(url);
    if (parts.scheme != "http" && parts.scheme != "https") {
        return unavailable(url, "not an http:// or https:// URL", "write the server's address in full, e.g. https://stats.example.org/kiosk/");
    }
    if (!credentials.empty() && parts.scheme != "https" && !isLoopback(parts.host)) {
        return unavailable(url, "refusing to send a password over plain http://", "use the server's https:// address");
    }

    char curlError[CURL_ERROR_SIZE];
    CurlHandle curl = makeTransfer(url, limits, curlError);
    if (!curl) return unavailable(url, "libcurl could not start a transfer", "the machine may be out of memory");
    CURL* h = curl.get();
    Upload upload{body};
    HttpResponse response;
    const std::string contentTypeHeader = "Content-Type: " + std::string(contentType);
    CurlHeaders headers(nullptr, &curl_slist_free_all);
    headers.reset(curl_slist_append(headers.release(), contentTypeHeader.c_str()));
    // No "Expect: 100-continue": the bodies are small, and waiting for the go-ahead costs a second
    // with servers that never send it.
    headers.reset(curl_slist_append(headers.release(), "Expect:"));
    curl_easy_setopt(h, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(h, CURLOPT_READFUNCTION, &readBody);
    curl_easy_setopt(h, CURLOPT_READDATA, &upload);
    curl_easy_setopt(h, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(body.size()));
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers.get());
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, &keepBodyStart);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &response.body);
    if (cancel) {
        curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, &checkCancel);
        curl_easy_setopt(h, CURLOPT_XFERINFODATA, cancel);
        curl_easy_setopt(h, CURLOPT_NOPROGRESS, 0L);
    }
    if (!credentials.empty()) {
        curl_easy_setopt(h, CURLOPT_HTTPAUTH, CURLAUTH_BASIC);
        curl_easy_setopt(h, CURLOPT_USERNAME, credentials.user.c_str());
        curl_easy_setopt(h, CURLOPT_PASSWORD, credentials.password.c_str());
    }

    const CURLcode code = curl_easy_perform(h);
    if (code != CURLE_OK) return transferFailed(url, code, curlError);
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &response.status);
    return response;
}

}  // namespace kiosk::net
