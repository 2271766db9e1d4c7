// What the network layer is built on, for `kiosk --version` and support reports.
#pragma once

#include <string>

namespace kiosk::net {

// e.g. "libcurl/7.88.1 OpenSSL/3.0.11 zlib/1.2.13"
std::string curlVersion();

}  // namespace kiosk::net
