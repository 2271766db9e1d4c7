// The sync's Transport over libcurl: certificates checked, plain http only to this machine
// (tests, a local mirror), an optional pinned server key, proxies from the environment
// (http_proxy, https_proxy, no_proxy: libcurl reads them itself).
#pragma once

#include <atomic>
#include <filesystem>
#include <string>

#include "core/sync/transport.hpp"
#include "net/http_client.hpp"

namespace kiosk::net {

struct TransportOptions {
    // A pack of a few MiB over a poor mobile link: minutes, not seconds. Below 1 kB/s for 30 s
    // the transfer counts as stalled (slow retrieval), whatever the total.
    HttpLimits limits{std::chrono::seconds(15), std::chrono::seconds(600), 1000, std::chrono::seconds(30)};
    // Set (by another thread) to end a transfer within about a second: the kiosk shuts down.
    const std::atomic<bool>* cancel = nullptr;
    // "sha256//<base64>" of the server's public key (CURLOPT_PINNEDPUBLICKEY): a certificate from
    // any other key is refused even if a trusted authority signed it. Empty: no pin.
    std::string pinnedPublicKey;
    // A PEM file of the certificate authorities to trust instead of the system's: a hub that
    // runs its own. Empty: the system's (ca-certificates).
    std::filesystem::path caFile;
};

class CurlTransport final : public core::Transport {
public:
    explicit CurlTransport(TransportOptions options = {}) : m_options(std::move(options)) {}
    core::Result<core::FetchResponse> get(const core::FetchRequest& request, const core::FetchSink& sink) override;

private:
    TransportOptions m_options;
};

}  // namespace kiosk::net
