// What libcurl this kiosk was built with, for `kiosk --version`.
#include "net/curl_info.hpp"

#include <curl/curl.h>

namespace kiosk::net {

std::string curlVersion() { return curl_version(); }

}  // namespace kiosk::net
