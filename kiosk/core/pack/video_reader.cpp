// The clip is probed first, so its subtitles can be held to its length.
#include "core/pack/video_reader.hpp"

#include <algorithm>
#include <array>

#include "core/pack/block_reader.hpp"
#include "core/pack/pack_limits.hpp"
#include "core/pack/text_reader.hpp"
#include "core/util/identifiers.hpp"

namespace kiosk::core {
namespace {

using namespace std::string_view_literals;

bool hasExtension(const std::filesystem::path& file, std::string_view extension) {
    std::string actual = file.extension().string();
    std::transform(actual.begin(), actual.end(), actual.begin(), [](unsigned char c) { return std::tolower(c); });
    return actual == extension;
}

void readClip(const TableReader& block, const PackReadContext& context, VideoBlock& video) {
    video.clip = readPackFilePath(block, "src", context, "clip", "videos/intro.mp4");
    if (video.clip.empty()) return;
    auto checked = checkVideoFile(video.clip, *block.string("src", true));
    if (!checked) {
        block.fail(checked.error().code, "src", checked.error().message, checked.error().hint);
        video.clip.clear();
        return;
    }
    video.facts = checked.value();
}

// `everyLanguage`: a missing language is a warning (a clip's sound needs words for those who
// cannot hear it); a signed clip has no sound to transcribe, so its subtitles are a bonus.
void readSubtitles(const TableReader& block, const PackReadContext& context, VideoBlock& video, bool everyLanguage) {
    const toml::node* value = block.raw().get("subtitles");
    if (value && !value->is_table()) {
        block.fail(ErrorCode::WrongType, "subtitles", "'" + block.qualified("subtitles") + "' needs one file per language",
                   "write subtitles.de = \"videos/intro.de.vtt\", one line per language");
        return;
    }
    if (auto table = block.table("subtitles", false)) {
        for (const auto& [key, entry] : table->raw()) {
            const std::string language(key.str());
            if (!isValidLanguageTag(language)) {
                table->fail(ErrorCode::InvalidValue, language, "'" + table->qualified(language) + "' is not a language",
                            "use language tags like de, en, uk or de-x-ls");
                continue;
            }
            const std::filesystem::path file = readPackFilePath(*table, language, context, "subtitle file", "videos/intro.de.vtt");
            if (file.empty()) continue;
            if (!hasExtension(file, ".vtt")) {
                table->fail(ErrorCode::InvalidValue, language, "subtitles '" + *table->string(language, true) + "' are not a .vtt file",
                            "write them as WebVTT (.vtt); ffmpeg -i subtitles.srt subtitles.vtt converts .srt files");
                continue;
            }
            // Without a readable clip its length is unknown (that error is reported): the cues are
            // still checked, only not against the clip's end.
            std::vector<SubtitleCue> cues = readWebVttFile(file, file.string(), video.facts.durationSeconds, table->problems());
            if (!context.languages.empty() &&
                std::find(context.languages.begin(), context.languages.end(), language) == context.languages.end()) {
                table->warn(ErrorCode::MissingTranslation, language,
                            "'" + table->qualified(language) + "' is in a language the pack does not list",
                            "add \"" + language + "\" to 'languages' in pack.toml, or remove the line");
            }
            video.subtitles[language] = SubtitleTrack{file, std::move(cues)};
        }
    }
    if (!everyLanguage) return;
    std::string missing;
    for (const std::string& language : context.languages) {
        if (video.subtitles.count(language) > 0) continue;
        if (!missing.empty()) missing += ", ";
        missing += "'" + language + "'";
    }
    if (!missing.empty()) {
        const std::string first = context.languages.front();
        block.warn(ErrorCode::MissingTranslation, "subtitles", "video '" + video.id + "' has no " + missing + " subtitles",
                   "add them, like subtitles." + first + " = \"videos/" + (video.id.empty() ? "clip" : video.id) + "." + first +
                       ".vtt\": visitors who cannot hear the clip, or not in a noisy room, read them");
    }
}

}  // namespace

VideoBlock readVideoBlock(const TableReader& block, PackReadContext& context) {
    static constexpr std::array known{"type"sv, "id"sv, "src"sv, "poster"sv, "alt"sv, "subtitles"sv, "audio_description"sv,
                                      "loop"sv, "autoplay"sv};
    block.rejectUnknownKeys(known);
    VideoBlock video;
    video.id = readId(block, "id", "video");
    readClip(block, context, video);
    video.poster = readImagePath(block, "poster", context);
    video.alt = readText(block, "alt", limits::kAlt, true, context);
    video.audioDescription = readText(block, "audio_description", limits::kAudioDescription, false, context);
    video.loop = block.boolean("loop").value_or(false);
    video.autoplay = block.boolean("autoplay").value_or(false);
    readSubtitles(block, context, video, true);
    return video;
}

SignLanguageClip readSignLanguage(const TableReader& table, PackReadContext& context) {
    static constexpr std::array known{"src"sv, "poster"sv, "alt"sv, "subtitles"sv, "placeholder"sv};
    table.rejectUnknownKeys(known);
    SignLanguageClip signLanguage;
    VideoBlock& video = signLanguage.clip;
    video.id = "sign-language";
    readClip(table, context, video);
    video.poster = readImagePath(table, "poster", context);
    video.alt = readText(table, "alt", limits::kAlt, true, context);
    readSubtitles(table, context, video, false);
    // A stand-in is no fault of the pack (the kiosk shows it, marked): `pack validate` tells
    // its authors, the kiosk's own list of content problems stays for what is broken.
    signLanguage.placeholder = table.boolean("placeholder").value_or(false);
    return signLanguage;
}

}  // namespace kiosk::core
