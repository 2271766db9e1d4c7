// What AudioFileReader and VideoFileReader do alike with FFmpeg: opening, probing, starting the
// decoder, feeding it packets, seeking and the truncation check.
#include "platform/ffmpeg_input.hpp"

#include <cstdio>

#include "core/pack/video_formats.hpp"

namespace kiosk::platform::ffmpeg {

namespace {

// The demuxers of the containers the kiosk plays, as FFmpeg's format_whitelist wants them.
std::string allowedDemuxers() {
    std::string names;
    for (const core::VideoFormat& format : core::kVideoFormats) {
        if (!names.empty()) names += ',';
        names += format.demuxer;
    }
    return names;
}

}  // namespace

std::string ffmpegSays(int code) {
    char text[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(code, text, sizeof text);
    return text;
}

std::string seconds(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.2f s", value);
    return text;
}

core::Error fileError(core::ErrorCode code, const std::filesystem::path& file, std::string message, std::string hint) {
    return core::Error{code, file.string(), 0, std::move(message), std::move(hint)};
}

void quietenFfmpeg() { av_log_set_level(AV_LOG_FATAL); }

std::optional<core::Error> Input::unavailable() const {
    if (!ffmpeg.ok()) return fileError(core::ErrorCode::FileUnreadable, file, "cannot be played: " + ffmpeg.error(), "");
    if (!packet || !decoded) return fileError(core::ErrorCode::FileUnreadable, file, "out of memory", "");
    quietenFfmpeg();
    return std::nullopt;
}

core::Error Input::damaged(std::string what) const {
    return fileError(core::ErrorCode::Damaged, file, std::move(what),
                     "the file is truncated or damaged: copy or export it again");
}

core::Error Input::damagedAfter(const std::string& what, int code) const {
    return damaged(what + " after " + seconds(decodedUntil) + ": " + ffmpegSays(code));
}

int Input::openFormat(const AVInputFormat* demuxer) {
    AVDictionary* options = nullptr;
    av_dict_set(&options, "format_whitelist", allowedDemuxers().c_str(), 0);
    AVFormatContext* opened = nullptr;
    const int code = avformat_open_input(&opened, file.c_str(), demuxer, &options);
    av_dict_free(&options);
    if (code >= 0) format.reset(opened);  // on failure FFmpeg has freed it
    return code;
}

core::Result<bool> Input::readStreamInfo() {
    const int code = avformat_find_stream_info(format.get(), nullptr);
    if (code < 0) return damaged("has no readable stream information: " + ffmpegSays(code));
    return true;
}

core::Result<bool> Input::openDecoder(const AVCodec* decoder, const AVCodecParameters* parameters,
                                      const std::string& codecName, const std::function<void(AVCodecContext&)>& tune) {
    codec.reset(avcodec_alloc_context3(decoder));
    if (!codec) return fileError(core::ErrorCode::FileUnreadable, file, "out of memory", "");
    int code = avcodec_parameters_to_context(codec.get(), parameters);
    if (code >= 0) {
        tune(*codec);
        code = avcodec_open2(codec.get(), decoder, nullptr);
    }
    if (code < 0) return damaged("cannot start the " + codecName + " decoder: " + ffmpegSays(code));
    return true;
}

core::Result<bool> Input::feed(const std::string& undecodable) {
    int code = av_read_frame(format.get(), packet.get());
    if (code == AVERROR_EOF) {
        if (draining) return false;
        draining = true;
        avcodec_send_packet(codec.get(), nullptr);  // hands out the frames the decoder still holds
        return true;
    }
    if (code < 0) return damagedAfter("cannot be read", code);
    if (packet->stream_index != stream) {
        av_packet_unref(packet.get());
        return true;
    }
    code = avcodec_send_packet(codec.get(), packet.get());
    av_packet_unref(packet.get());
    if (code < 0 && code != AVERROR(EAGAIN)) return damagedAfter(undecodable, code);
    return true;
}

core::Result<bool> Input::endUnlessTruncated(double duration, const std::string& endsAt) const {
    if (duration > 0 && decodedUntil + kTruncationTolerance < duration)
        return damaged(endsAt + " " + seconds(decodedUntil) + " although its header says it lasts " + seconds(duration));
    return false;
}

core::Result<bool> Input::seekTo(std::int64_t timestamp, double target) {
    const int code = av_seek_frame(format.get(), stream, timestamp, AVSEEK_FLAG_BACKWARD);
    if (code < 0) return damaged("cannot seek to " + seconds(target) + ": " + ffmpegSays(code));
    avcodec_flush_buffers(codec.get());
    draining = false;
    decodedUntil = 0.0;
    return true;
}

}  // namespace kiosk::platform::ffmpeg
