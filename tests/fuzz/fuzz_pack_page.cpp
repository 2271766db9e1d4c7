// libFuzzer harness: the input is a page's TOML (pages/start.toml, the start page) of a pack the
// kiosk loads with loadPack, as it loads every pack folder: TOML, blocks, texts, Markdown, links.
#include "fixed_pack.hpp"
#include "fuzz_scratch.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    kiosk::fuzz::loadFixedPackWith("pack_page", "pages/start.toml", kiosk::fuzz::asText(data, size));
    return 0;
}
