// The password files of the kiosk's uploads (usage.upload_credentials_file,
// heartbeat.credentials_file): one line "user:password", the operator's (0600), not part of the
// config, so the config can be shown to anyone.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "net/http_client.hpp"

namespace kiosk::app {

struct CredentialsFile {
    std::optional<net::HttpCredentials> credentials;  // none: `error` says why
    std::string error;    // "<file>: error: …", naming `configKey` where that helps
    std::string warning;  // "<file>: warning: anyone on this machine can read the password …"
};

CredentialsFile readCredentialsFile(const std::filesystem::path& file, std::string_view configKey);

}  // namespace kiosk::app
