#include "app/credentials_file.hpp"

#include <sys/stat.h>

#include <fstream>

namespace kiosk::app {

CredentialsFile readCredentialsFile(const std::filesystem::path& file, std::string_view configKey) {
    CredentialsFile out;
    std::ifstream in(file);
    std::string line;
    if (!in || !std::getline(in, line)) {
        out.error = file.string() + ": error: cannot read the credentials (" + std::string(configKey) + "; put \"user:password\" on its first line)";
        return out;
    }
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const auto colon = line.find(':');
    if (colon == std::string::npos || colon == 0) {
        out.error = file.string() + ":1: error: not \"user:password\" (the first line must hold both, separated by ':')";
        return out;
    }
    struct stat info{};
    if (::stat(file.c_str(), &info) == 0 && (info.st_mode & S_IROTH)) {
        out.warning = file.string() + ": warning: anyone on this machine can read the password (chmod 600 " + file.string() + ")";
    }
    out.credentials = net::HttpCredentials{line.substr(0, colon), line.substr(colon + 1)};
    return out;
}

}  // namespace kiosk::app
