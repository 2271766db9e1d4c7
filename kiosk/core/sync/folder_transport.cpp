#include "core/sync/folder_transport.hpp"

#include <array>
#include <fstream>
#include <string_view>

namespace kiosk::core {
namespace {

// Only the names a sync asks for: index.json, N.root.json and packs/<file> (the catalog's pack
// paths passed its strict grammar already). Anything else, "..", a link out: not there.
bool isServedPath(std::string_view path) {
    if (path.empty() || path.find("..") != std::string_view::npos || path.front() == '/' || path.find('\\') != std::string_view::npos) return false;
    return path.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789._-/") == std::string_view::npos;
}

}  // namespace

Result<FetchResponse> FolderTransport::get(const FetchRequest& request, const FetchSink& sink) {
    const std::string_view prefix = kImportUrl;
    const std::string_view url = request.url;
    FetchResponse response;
    if (url.substr(0, prefix.size()) != prefix || !isServedPath(url.substr(prefix.size()))) {
        response.status = 404;
        return response;
    }
    const std::filesystem::path file = m_folder / std::string(url.substr(prefix.size()));
    std::error_code ec;
    // No link anywhere on the way: what is read must be on the stick, nowhere else.
    const auto real = std::filesystem::canonical(file, ec);
    const auto root = std::filesystem::canonical(m_folder, ec);
    const bool inside = !ec && real == (root / std::string(url.substr(prefix.size()))).lexically_normal();
    if (!inside || !std::filesystem::is_regular_file(std::filesystem::symlink_status(file, ec)) || ec) {
        response.status = 404;
        return response;
    }
    std::ifstream in(file, std::ios::binary);
    if (!in) return Error{ErrorCode::FileUnreadable, file.string(), 0, "cannot read it", "check the USB stick; remove and insert it again"};
    if (request.resumeFrom > 0) in.seekg(request.resumeFrom);
    response.status = request.resumeFrom > 0 ? 206 : 200;
    std::array<char, 64 * 1024> buffer{};
    while (in) {
        in.read(buffer.data(), buffer.size());
        const auto n = static_cast<std::int64_t>(in.gcount());
        if (n == 0) break;
        if (response.bytes + n > request.maxBytes) {
            return Error{ErrorCode::TooLarge, file.string(), 0, "more than the " + std::to_string(request.maxBytes) + " bytes expected",
                         "the stick holds something else than the catalog on it names; nothing of it is used"};
        }
        if (!sink(std::string_view(buffer.data(), static_cast<std::size_t>(n)))) {
            return Error{ErrorCode::WriteFailed, file.string(), 0, "the copy was stopped: the data could not be stored", "check the free disk space"};
        }
        response.bytes += n;
    }
    if (in.bad()) {
        return Error{ErrorCode::FileUnreadable, file.string(), 0, "cannot be read to its end (reading stopped halfway)",
                     "check the USB stick; remove and insert it again"};
    }
    return response;
}

}  // namespace kiosk::core
