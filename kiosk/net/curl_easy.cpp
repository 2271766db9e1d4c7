#include "net/curl_easy.hpp"

namespace kiosk::net {

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

CurlHandle makeTransfer(const std::string& url, const HttpLimits& limits, char (&errorBuffer)[CURL_ERROR_SIZE]) {
    CurlHandle curl(curl_easy_init(), &curl_easy_cleanup);
    if (!curl) return curl;
    CURL* h = curl.get();
    errorBuffer[0] = '\0';
    curl_easy_setopt(h, CURLOPT_URL, url.c_str());
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);  // timeouts without SIGALRM: safe beside other threads
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, errorBuffer);
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, static_cast<long>(limits.connect.count()));
    curl_easy_setopt(h, CURLOPT_TIMEOUT, static_cast<long>(limits.total.count()));
    curl_easy_setopt(h, CURLOPT_LOW_SPEED_LIMIT, limits.lowSpeedBytesPerSecond);
    curl_easy_setopt(h, CURLOPT_LOW_SPEED_TIME, static_cast<long>(limits.lowSpeedTime.count()));
    curl_easy_setopt(h, CURLOPT_USERAGENT, "showroom-kiosk/" KIOSK_VERSION);
    // Certificates are checked (libcurl's default, set anyway so no one turns it off by accident).
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
    return curl;
}

core::Error transferFailed(const std::string& url, CURLcode code, const char* errorBuffer) {
    const std::string what = errorBuffer[0] ? errorBuffer : curl_easy_strerror(code);
    if (code == CURLE_PEER_FAILED_VERIFICATION || code == CURLE_SSL_PINNEDPUBKEYNOTMATCH || code == CURLE_SSL_CACERT_BADFILE ||
        code == CURLE_SSL_CONNECT_ERROR) {
        return unavailable(url, "the server's certificate was refused: " + what,
                           "either this is not the real server, or its certificate is not one the kiosk trusts "
                           "(check ca_file and pin_sha256 in [[sync.catalogs]])");
    }
    // The server had begun to answer: "no answer" would send staff looking for a dead server or
    // a wrong address when it is the connection that failed midway (reset, closed too early).
    if (code == CURLE_PARTIAL_FILE || code == CURLE_RECV_ERROR || code == CURLE_SEND_ERROR) {
        return unavailable(url, "the transfer broke off: " + what, "the connection or the server failed midway; it is tried again later");
    }
    const bool slow = code == CURLE_OPERATION_TIMEDOUT;
    return unavailable(url, std::string(slow ? "the transfer stalled or took too long: " : "no answer from the server: ") + what,
                       slow ? "the server or the network is too slow; it is tried again later"
                            : "check the network and the address; it is tried again later");
}

}  // namespace kiosk::net
