// libFuzzer harness: the input is a flow (flows/apply.toml, started by a button of the start page)
// of a pack loaded with loadPack: steps, fields, options, summary and result.
#include "fixed_pack.hpp"
#include "fuzz_scratch.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    kiosk::fuzz::loadFixedPackWith("pack_flow", "flows/apply.toml", kiosk::fuzz::asText(data, size));
    return 0;
}
