// The net layer's first piece; the sync client (issue: signed content sync) grows beside it.
#include "net/curl_info.hpp"

#include <curl/curl.h>

namespace kiosk::net {

std::string curlVersion() { return curl_version(); }

}  // namespace kiosk::net
