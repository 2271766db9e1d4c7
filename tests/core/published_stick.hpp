// A catalog that signed the sample pack online-id, written as `kiosk catalog publish` writes it:
// what a USB stick brings a kiosk. For the tests of what a kiosk makes of synced content.
#pragma once

#include <filesystem>
#include <string>

#include <doctest/doctest.h>

#include "core/sync/catalog_publisher.hpp"
#include "core/util/clock.hpp"
#include "trust_keys.hpp"

namespace kiosk::test {

// Signs online-id at `published` with fresh keys (the root valid for a year) into `out`.
// Returns the bytes of root.json, which an operator brings to the kiosk by hand.
inline std::string publishOnlineId(const std::filesystem::path& out, core::WallTime published) {
    const TrustKeys keys(published);
    core::PublishRequest request;
    request.packFolders = {KIOSK_SOURCE_DIR "/content/online-id"};
    request.key = &keys.catalogKey;
    request.rootBytes = keys.rootBytes;
    request.root = keys.root;
    request.out = out;
    request.now = published;
    auto publishedCatalog = core::publishCatalog(request);
    REQUIRE_MESSAGE(publishedCatalog.ok(), publishedCatalog.error().describe());
    return request.rootBytes;
}

}  // namespace kiosk::test
