#include "net/curl_transport.hpp"

#include <cstring>
#include <strings.h>

#include "net/curl_easy.hpp"

namespace kiosk::net {
namespace {

struct Receiving {
    CURL* handle = nullptr;
    const core::FetchSink* sink = nullptr;
    bool resuming = false;
    std::int64_t maxBytes = 0;
    std::int64_t bytes = 0;
    bool overCap = false;
    bool sinkStopped = false;
    std::string etag;
};

// The answers whose body is the content asked for: 2xx, and for a resume only 206 (libcurl has
// checked that its Content-Range starts where we asked). Any other body, an error page or a
// whole file where the rest was asked for, must never be appended to an archive being resumed.
bool wanted(long status, bool resuming) { return resuming ? status == 206 : status >= 200 && status < 300; }

// Only the final response's body reaches the sink, and only when it is wanted; 304 has none.
std::size_t receive(char* data, std::size_t size, std::size_t count, void* user) {
    auto* r = static_cast<Receiving*>(user);
    const std::size_t n = size * count;
    long status = 0;
    curl_easy_getinfo(r->handle, CURLINFO_RESPONSE_CODE, &status);
    if (!wanted(status, r->resuming)) return 0;  // aborts: the status is all the caller needs of it
    if (r->bytes + static_cast<std::int64_t>(n) > r->maxBytes) {
        r->overCap = true;
        return 0;  // anything but n aborts the transfer
    }
    r->bytes += static_cast<std::int64_t>(n);
    if (!(*r->sink)(std::string_view(data, n))) {
        r->sinkStopped = true;
        return 0;
    }
    return n;
}

std::size_t header(char* data, std::size_t size, std::size_t count, void* user) {
    auto* r = static_cast<Receiving*>(user);
    const std::size_t n = size * count;
    constexpr std::string_view name = "etag:";
    if (n > name.size() && strncasecmp(data, name.data(), name.size()) == 0) {
        std::string value(data + name.size(), n - name.size());
        const auto first = value.find_first_not_of(" \t");
        const auto last = value.find_last_not_of(" \t\r\n");
        r->etag = first == std::string::npos ? std::string() : value.substr(first, last - first + 1);
    }
    return n;
}

int checkCancel(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
    const auto* cancel = static_cast<const std::atomic<bool>*>(user);
    return cancel->load() ? 1 : 0;  // non-zero aborts the transfer
}

}  // namespace

core::Result<core::FetchResponse> CurlTransport::get(const core::FetchRequest& request, const core::FetchSink& sink) {
    const std::string& url = request.url;
    const UrlParts parts = urlParts(url);
    if (parts.scheme != "https" && !(parts.scheme == "http" && isLoopback(parts.host))) {
        return unavailable(url, parts.scheme == "http" ? "plain http:// is only for this machine" : "not an https:// URL",
                           "use the server's https:// address in the config's [sync] section");
    }
    char curlError[CURL_ERROR_SIZE];
    CurlHandle curl = makeTransfer(url, m_options.limits, curlError);
    if (!curl) return unavailable(url, "libcurl could not start a transfer", "the machine may be out of memory");
    CURL* h = curl.get();
    Receiving receiving;
    receiving.handle = h;
    receiving.sink = &sink;
    receiving.resuming = request.resumeFrom > 0;
    receiving.maxBytes = request.maxBytes;
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, &receive);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &receiving);
    curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, &header);
    curl_easy_setopt(h, CURLOPT_HEADERDATA, &receiving);
    // Content as stored: a compressed archive must hash to its sha256 byte for byte.
    curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, nullptr);
    // A server announcing more than the cap is refused before its first body byte.
    curl_easy_setopt(h, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(request.maxBytes));
    if (m_options.cancel) {
        curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, &checkCancel);
        curl_easy_setopt(h, CURLOPT_XFERINFODATA, m_options.cancel);
        curl_easy_setopt(h, CURLOPT_NOPROGRESS, 0L);
    }
    if (!m_options.caFile.empty()) curl_easy_setopt(h, CURLOPT_CAINFO, m_options.caFile.c_str());
    if (!m_options.pinnedPublicKey.empty()) curl_easy_setopt(h, CURLOPT_PINNEDPUBLICKEY, m_options.pinnedPublicKey.c_str());
    CurlHeaders headers(nullptr, &curl_slist_free_all);
    if (!request.ifNoneMatch.empty()) {
        const std::string line = "If-None-Match: " + request.ifNoneMatch;
        headers.reset(curl_slist_append(headers.release(), line.c_str()));
        curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers.get());
    }
    if (request.resumeFrom > 0) curl_easy_setopt(h, CURLOPT_RESUME_FROM_LARGE, static_cast<curl_off_t>(request.resumeFrom));

    const CURLcode code = curl_easy_perform(h);
    long status = 0;
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
    if (receiving.overCap || (code == CURLE_FILESIZE_EXCEEDED && wanted(status, receiving.resuming))) {
        return core::Error{core::ErrorCode::TooLarge, url, 0, "more than the " + std::to_string(request.maxBytes) + " bytes expected; the transfer was stopped",
                           "the server sends something else than it announced; nothing of it is used"};
    }
    if (receiving.sinkStopped) return unavailable(url, "the transfer was stopped: the data could not be stored", "check the free disk space");
    // Any other answer (304, 404, a 500, a 200 where a range was asked for) is the caller's to
    // judge by its status, whatever became of its body: receive() dropped it, or libcurl stopped
    // at the headers (a Range not honoured: CURLE_RANGE_ERROR; a length over the cap, which for a
    // 200 to a resume is the whole file: CURLE_FILESIZE_EXCEEDED). As transfer errors they would
    // read "no answer" for a 500 to a resume, and "more than expected" for a server that ignores
    // Range, which also threw the part away instead of starting again from the first byte.
    if (status >= 200 && !wanted(status, receiving.resuming)) return core::FetchResponse{status, receiving.etag, 0};
    if (code != CURLE_OK) return transferFailed(url, code, curlError);
    return core::FetchResponse{status, receiving.etag, receiving.bytes};
}

}  // namespace kiosk::net
