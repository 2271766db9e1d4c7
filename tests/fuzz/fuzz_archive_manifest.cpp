// libFuzzer harness: the input is manifest.json, the first entry of a pack archive, which the
// extraction parses before it looks at any other entry (the archive harness reaches it only
// through tar and gzip). What it accepts must survive the archiver's own writing unchanged.
#include "core/pack/pack_manifest.hpp"
#include "fuzz_scratch.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace kiosk;
    const core::PackArchiveLimits limits;
    const auto manifest = core::parseManifest(fuzz::asText(data, size), limits);
    if (!manifest) {
        fuzz::require(!manifest.error().message.empty() && manifest.error().file == core::kManifestEntryName,
                      "a manifest refused without naming manifest.json and why");
        return 0;
    }
    std::uint64_t total = 0;
    for (const core::PackManifestFile& file : manifest.value().files) total += file.size;
    fuzz::require(manifest.value().files.size() <= limits.fileCount && total <= limits.totalBytes, "a manifest over the limits accepted");
    const auto again = core::parseManifest(core::manifestJson(manifest.value()), limits);
    fuzz::require(again && again.value() == manifest.value(), "an accepted manifest does not survive manifestJson and parseManifest");
    return 0;
}
