// libFuzzer harness: the input is a pack's manifest, pack.toml, of a pack loaded with loadPack:
// id, versions, category, languages (which every text of the pages is then held to), start page.
#include "fixed_pack.hpp"
#include "fuzz_scratch.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    kiosk::fuzz::loadFixedPackWith("pack_toml", "pack.toml", kiosk::fuzz::asText(data, size));
    return 0;
}
