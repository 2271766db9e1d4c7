// libFuzzer harness: the input is a picture of a pack, checked by checkImageFile before anything
// decodes it (PNG and JPEG headers and their sizes, SVG text), under each ending a pack may give
// it. The endings are links, made once, to the one file each input is written to.
#include <array>
#include <system_error>

#include "core/pack/image_check.hpp"
#include "core/pack/pack_limits.hpp"
#include "fuzz_scratch.hpp"

namespace {

using namespace kiosk;

constexpr std::array kNames{"picture.png", "picture.jpg", "picture.jpeg", "picture.svg", "picture.gif"};

const std::filesystem::path& inputFile() {
    static const std::filesystem::path file = [] {
        const std::filesystem::path& folder = fuzz::scratchFolder("image");
        for (const char* name : kNames) {
            std::error_code ec;
            std::filesystem::create_symlink("input", folder / name, ec);
            if (ec) fuzz::broken("cannot link " + (folder / name).string() + ": " + ec.message());
        }
        return folder / "input";
    }();
    return file;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::filesystem::path& input = inputFile();
    fuzz::writeFile(input, fuzz::asText(data, size));
    for (const char* name : kNames) {
        const std::string shown = std::string("images/") + name;
        const auto facts = core::checkImageFile(input.parent_path() / name, shown);
        if (!facts) {
            fuzz::require(facts.error().file == shown && !facts.error().message.empty(), "a picture refused without its name and why");
            continue;
        }
        const std::string_view ending = std::string_view(name).substr(std::string_view(name).find('.'));
        switch (facts.value().type) {
            case core::ImageType::Svg:
                fuzz::require(ending == ".svg" && facts.value().width == 0, "an SVG accepted under another ending");
                break;
            case core::ImageType::Png:
            case core::ImageType::Jpeg:
                fuzz::require(facts.value().type == core::ImageType::Png ? ending == ".png" : ending == ".jpg" || ending == ".jpeg",
                              "a PNG or JPEG accepted under another ending");
                fuzz::require(facts.value().width >= 1 && facts.value().height >= 1 && facts.value().width <= core::limits::kImageSide &&
                                  facts.value().height <= core::limits::kImageSide,
                              "a picture accepted with a size outside 1-4096 pixels");
                break;
        }
    }
    return 0;
}
