// std::filesystem iteration with error codes throughout: range-for would throw on a failed step.
#include "core/util/directory_listing.hpp"

#include <algorithm>

namespace kiosk::core {

Result<std::vector<std::filesystem::path>> listDirectory(const std::filesystem::path& folder) {
    std::error_code ec;
    std::filesystem::directory_iterator it(folder, ec);
    std::vector<std::filesystem::path> entries;
    for (; !ec && it != std::filesystem::directory_iterator(); it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (!name.empty() && name.front() != '.') entries.push_back(it->path());
    }
    if (ec) {
        return Error{ErrorCode::FileUnreadable, folder.string(), 0, "cannot read the folder: " + ec.message(),
                     "check that it exists and that the kiosk's user may read it"};
    }
    std::sort(entries.begin(), entries.end());
    return entries;
}

}  // namespace kiosk::core
