// A published folder on a USB stick (what `kiosk catalog publish --out` wrote, copied there) as
// if it were the server: the import goes through exactly the sync's checks, only the bytes come
// from a file. URLs are "import:/<path in the folder>".
#pragma once

#include <filesystem>

#include "core/sync/transport.hpp"

namespace kiosk::core {

inline constexpr const char* kImportUrl = "import:/";

class FolderTransport final : public Transport {
public:
    explicit FolderTransport(std::filesystem::path folder) : m_folder(std::move(folder)) {}
    // 200 with the file, 206 from `resumeFrom`, 404 for a file that is not there or a path that
    // would leave the folder; an Error past maxBytes or when the stick cannot be read.
    Result<FetchResponse> get(const FetchRequest& request, const FetchSink& sink) override;

private:
    std::filesystem::path m_folder;
};

}  // namespace kiosk::core
