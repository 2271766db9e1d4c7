#include "app/self_test_input.hpp"

#include "platform/espeak_synth.hpp"
#include "platform/system_info.hpp"

namespace kiosk::app {

core::SelfTestInput selfTestInput(const core::KioskConfig& config, const std::filesystem::path& stateFolder) {
    core::SelfTestInput input;
    input.config = config;
    input.stateFolder = stateFolder;
    const ui::FontFiles fonts = platform::systemFontFiles();
    input.fontFiles = {fonts.regular, fonts.bold};
    input.optionalFontFiles = {fonts.italic, fonts.boldItalic};
    input.fontFix = "install Debian's Noto fonts: apt-get install fonts-noto-core";
    input.speechVoice = [](const std::string& voiceLanguage) { return platform::espeakVoiceFor(voiceLanguage); };
    // --reinstall: a voice file deleted from an installed package does not come back otherwise.
    input.speechFix = "install espeak-ng's voices: apt-get install --reinstall espeak-ng-data";
    input.now = core::SystemWallClock().now();
    return input;
}

}  // namespace kiosk::app
