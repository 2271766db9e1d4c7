// FFmpeg behind VideoFileReader: probing, opening, decoding, seeking and the IYUV conversion.
#include "platform/video_file_reader.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <limits>
#include <mutex>
#include <vector>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libswscale/swscale.h>
}

#include "core/pack/video_formats.hpp"

namespace kiosk::platform {

namespace {

using core::ErrorCode;

// The largest picture played: 4K. Larger clips would need more than 50 MiB of buffered frames.
constexpr int kMaxWidth = 3840;
constexpr int kMaxHeight = 2160;
// A clip that ends more than this before the duration its header gives was cut short. Looser
// than a frame because containers round durations and audio may outlast the picture a little.
constexpr double kTruncationTolerance = 0.5;
// The probe reads this much of the file's start: enough for MP4's ftyp and WebM's EBML header.
constexpr std::size_t kProbeBytes = 64 * 1024;

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

core::Error videoError(ErrorCode code, const std::filesystem::path& file, std::string message, std::string hint) {
    return core::Error{code, file.string(), 0, std::move(message), std::move(hint)};
}

bool supportedContainer(const AVInputFormat* format) { return core::videoFormatByDemuxer(format->name) != nullptr; }

bool supportedCodec(const AVInputFormat* format, AVCodecID codec) {
    const core::VideoFormat* supported = core::videoFormatByDemuxer(format->name);
    return supported != nullptr && supported->videoCodec == avcodec_get_name(codec);
}

const std::string kExportHint = "export it as " + std::string(core::kSupportedVideoFormats);

struct CloseFormat {
    void operator()(AVFormatContext* context) const { avformat_close_input(&context); }
};
struct FreeCodec {
    void operator()(AVCodecContext* context) const { avcodec_free_context(&context); }
};
struct FreePacket {
    void operator()(AVPacket* packet) const { av_packet_free(&packet); }
};
struct FreeFrame {
    void operator()(AVFrame* frame) const { av_frame_free(&frame); }
};
struct FreeScale {
    void operator()(SwsContext* context) const { sws_freeContext(context); }
};

// FFmpeg's own messages about a damaged file would otherwise fill the kiosk's log with a line per
// broken packet, without the file's name; the reader reports what matters as one error instead.
void quietenFfmpegOnce() {
    static std::once_flag once;
    std::call_once(once, [] { av_log_set_level(AV_LOG_FATAL); });
}

std::string containerName(const AVInputFormat* format) {
    return format->long_name ? format->long_name : format->name;
}

// Which demuxer FFmpeg would pick for the file, from its first bytes, before anything parses it.
core::Result<const AVInputFormat*> probeContainer(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        const bool exists = std::filesystem::exists(file);
        return videoError(exists ? ErrorCode::FileUnreadable : ErrorCode::FileNotFound, file,
                          exists ? "cannot be read" : "does not exist", "check the path and the file's permissions");
    }
    std::vector<unsigned char> start(kProbeBytes + AVPROBE_PADDING_SIZE, 0);
    in.read(reinterpret_cast<char*>(start.data()), static_cast<std::streamsize>(kProbeBytes));
    const auto got = static_cast<int>(in.gcount());
    if (got == 0) return videoError(ErrorCode::InvalidValue, file, "is empty, not a video", "export the clip again");
    const std::string name = file.string();
    AVProbeData probe{name.c_str(), start.data(), got, nullptr};
    int score = 0;
    const AVInputFormat* format = av_probe_input_format3(&probe, 1, &score);
    const std::string& hint = kExportHint;
    // A score at or below "the file name's extension matches" means FFmpeg only guessed from the
    // name: a text renamed to .mp4 is not a video either. Real MP4 and WebM headers score 100.
    if (format == nullptr || score <= AVPROBE_SCORE_EXTENSION)
        return videoError(ErrorCode::InvalidValue, file, "is not a video: FFmpeg recognises no container in it", hint);
    if (!supportedContainer(format))
        return videoError(ErrorCode::InvalidValue, file,
                          "is " + containerName(format) + ", a container the kiosk does not play",
                          hint);
    return format;
}

}  // namespace

struct VideoFileReader::Impl {
    std::filesystem::path file;
    VideoInfo info;
    std::unique_ptr<AVFormatContext, CloseFormat> format;
    std::unique_ptr<AVCodecContext, FreeCodec> codec;
    std::unique_ptr<AVPacket, FreePacket> packet{av_packet_alloc()};
    std::unique_ptr<AVFrame, FreeFrame> decoded{av_frame_alloc()};
    std::unique_ptr<SwsContext, FreeScale> scale;
    int stream = -1;
    AVRational timeBase{1, 1};
    std::int64_t startTimestamp = 0;
    double frameDuration = 0.0;
    double skipUntil = -std::numeric_limits<double>::infinity();  // after a seek: the target
    double decodedUntil = 0.0;  // the end of the last decoded picture, for the truncation check
    bool draining = false;

    core::Error damaged(std::string what) const {
        return videoError(ErrorCode::Damaged, file, std::move(what),
                          "the file is truncated or damaged: copy or export it again");
    }

    double timeOf(const AVFrame& frame) const {
        const std::int64_t ts = frame.best_effort_timestamp;
        if (ts == AV_NOPTS_VALUE) return decodedUntil;
        return static_cast<double>(ts - startTimestamp) * av_q2d(timeBase);
    }

    void convert(const AVFrame& source, VideoFrame& target) {
        scale.reset(sws_getCachedContext(scale.release(), source.width, source.height,
                                         static_cast<AVPixelFormat>(source.format), source.width, source.height,
                                         AV_PIX_FMT_YUV420P, SWS_BILINEAR, nullptr, nullptr, nullptr));
        target.allocate(source.width, source.height);
        std::uint8_t* planes[4] = {target.plane(0), target.plane(1), target.plane(2), nullptr};
        const int pitches[4] = {target.pitch(0), target.pitch(1), target.pitch(2), 0};
        sws_scale(scale.get(), source.data, source.linesize, 0, source.height, planes, pitches);
    }

    core::Result<bool> endOfStream() const {
        if (info.duration > 0 && decodedUntil + kTruncationTolerance < info.duration)
            return damaged("ends at " + seconds(decodedUntil) + " although its header says it lasts " +
                           seconds(info.duration));
        return false;
    }
};

VideoFileReader::VideoFileReader(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
VideoFileReader::~VideoFileReader() = default;

const VideoInfo& VideoFileReader::info() const { return m_impl->info; }

core::Result<std::unique_ptr<VideoFileReader>> VideoFileReader::open(const std::filesystem::path& file) {
    quietenFfmpegOnce();
    auto probed = probeContainer(file);
    if (!probed) return probed.error();
    auto impl = std::make_unique<Impl>();
    impl->file = file;
    if (!impl->packet || !impl->decoded) return videoError(ErrorCode::FileUnreadable, file, "out of memory", "");

    AVFormatContext* opened = nullptr;
    // The probed demuxer, named: FFmpeg must not fall back to another one for these bytes.
    int code = avformat_open_input(&opened, file.c_str(), probed.value(), nullptr);
    if (code < 0) return impl->damaged(std::string("cannot be read as ") + containerName(probed.value()) + ": " + ffmpegSays(code));
    impl->format.reset(opened);
    code = avformat_find_stream_info(opened, nullptr);
    if (code < 0) return impl->damaged("has no readable stream information: " + ffmpegSays(code));

    impl->stream = av_find_best_stream(opened, AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
    if (impl->stream < 0)
        return videoError(ErrorCode::InvalidValue, file, "has no video stream, only sound or other data",
                          kExportHint);
    AVStream* stream = opened->streams[impl->stream];
    const AVCodecParameters* parameters = stream->codecpar;
    VideoInfo& info = impl->info;
    info.codec = avcodec_get_name(parameters->codec_id);
    info.container = probed.value()->name;
    if (!supportedCodec(probed.value(), parameters->codec_id))
        return videoError(ErrorCode::InvalidValue, file, "uses the codec " + info.codec + ", which the kiosk does not play",
                          kExportHint);
    const AVCodec* decoder = avcodec_find_decoder(parameters->codec_id);
    if (decoder == nullptr)
        return videoError(ErrorCode::InvalidValue, file, "uses the codec " + info.codec + ", which this FFmpeg cannot decode",
                          "install Debian's libavcodec59 (deploy/install-deps.sh)");
    if (parameters->width <= 0 || parameters->height <= 0)
        return impl->damaged("has a video stream without a picture size");
    if (parameters->width > kMaxWidth || parameters->height > kMaxHeight)
        return videoError(ErrorCode::TooLarge, file,
                          "is " + std::to_string(parameters->width) + "x" + std::to_string(parameters->height) +
                              " pixels, more than the " + std::to_string(kMaxWidth) + "x" + std::to_string(kMaxHeight) +
                              " the kiosk plays",
                          "export it at 1920x1080 or less");

    impl->codec.reset(avcodec_alloc_context3(decoder));
    if (!impl->codec) return videoError(ErrorCode::FileUnreadable, file, "out of memory", "");
    code = avcodec_parameters_to_context(impl->codec.get(), parameters);
    if (code >= 0) {
        impl->codec->thread_count = 0;  // as many as the machine has cores: 1080p H.264 needs them on a Pi
        code = avcodec_open2(impl->codec.get(), decoder, nullptr);
    }
    if (code < 0) return impl->damaged("cannot start the " + info.codec + " decoder: " + ffmpegSays(code));

    impl->timeBase = stream->time_base;
    impl->startTimestamp = stream->start_time == AV_NOPTS_VALUE ? 0 : stream->start_time;
    info.width = parameters->width;
    info.height = parameters->height;
    const AVRational rate = av_guess_frame_rate(opened, stream, nullptr);
    info.frameRate = rate.num > 0 && rate.den > 0 ? av_q2d(rate) : 0.0;
    impl->frameDuration = info.frameRate > 0 ? 1.0 / info.frameRate : 0.0;
    // The video stream's own duration where the container gives one (MP4); WebM gives the file's.
    if (stream->duration != AV_NOPTS_VALUE && stream->duration > 0)
        info.duration = static_cast<double>(stream->duration) * av_q2d(stream->time_base);
    else if (opened->duration != AV_NOPTS_VALUE && opened->duration > 0)
        info.duration = static_cast<double>(opened->duration) / AV_TIME_BASE;
    return std::unique_ptr<VideoFileReader>(new VideoFileReader(std::move(impl)));
}

core::Result<bool> VideoFileReader::next(VideoFrame& frame) {
    Impl& d = *m_impl;
    for (;;) {
        int code = avcodec_receive_frame(d.codec.get(), d.decoded.get());
        if (code == 0) {
            const double time = d.timeOf(*d.decoded);
            const double shownFor = d.frameDuration > 0 ? d.frameDuration : 0.001;
            d.decodedUntil = std::max(d.decodedUntil, time + shownFor);
            // After a seek: pictures that are over before the target are only decoded, never shown.
            const bool beforeTarget = time + shownFor <= d.skipUntil + 1e-6;
            if (!beforeTarget) {
                d.convert(*d.decoded, frame);
                frame.time = time;
            }
            av_frame_unref(d.decoded.get());
            if (!beforeTarget) return true;
            continue;
        }
        if (code == AVERROR_EOF) return d.endOfStream();
        if (code != AVERROR(EAGAIN))
            return d.damaged("cannot be decoded after " + seconds(d.decodedUntil) + ": " + ffmpegSays(code));

        code = av_read_frame(d.format.get(), d.packet.get());
        if (code == AVERROR_EOF) {
            if (d.draining) return d.endOfStream();
            d.draining = true;
            avcodec_send_packet(d.codec.get(), nullptr);  // hands out the pictures the decoder still holds
            continue;
        }
        if (code < 0) return d.damaged("cannot be read after " + seconds(d.decodedUntil) + ": " + ffmpegSays(code));
        if (d.packet->stream_index != d.stream) {
            av_packet_unref(d.packet.get());
            continue;
        }
        code = avcodec_send_packet(d.codec.get(), d.packet.get());
        av_packet_unref(d.packet.get());
        if (code < 0 && code != AVERROR(EAGAIN))
            return d.damaged("has a picture that cannot be decoded after " + seconds(d.decodedUntil) + ": " +
                             ffmpegSays(code));
    }
}

core::Result<bool> VideoFileReader::seek(double target) {
    Impl& d = *m_impl;
    // Past the last frame there would be nothing to show; a clip that gives no duration is not clamped.
    const double last = d.info.duration > 0 ? std::max(0.0, d.info.duration - d.frameDuration)
                                            : std::numeric_limits<double>::max();
    target = std::clamp(std::isfinite(target) ? target : 0.0, 0.0, last);
    const auto timestamp = d.startTimestamp + static_cast<std::int64_t>(std::llround(target / av_q2d(d.timeBase)));
    const int code = av_seek_frame(d.format.get(), d.stream, timestamp, AVSEEK_FLAG_BACKWARD);
    if (code < 0) return d.damaged("cannot seek to " + seconds(target) + ": " + ffmpegSays(code));
    avcodec_flush_buffers(d.codec.get());
    d.draining = false;
    d.skipUntil = target;
    d.decodedUntil = 0.0;
    return true;
}

}  // namespace kiosk::platform
