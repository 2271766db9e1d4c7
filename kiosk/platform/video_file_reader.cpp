// FFmpeg behind VideoFileReader: probing, opening, decoding, seeking and the IYUV conversion.
#include "platform/video_file_reader.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <limits>
#include <vector>

extern "C" {
#include <libswscale/swscale.h>
}

#include "core/pack/video_formats.hpp"
#include "platform/ffmpeg_input.hpp"

namespace kiosk::platform {

namespace {

using core::ErrorCode;
using ffmpeg::ffmpegSays;
using ffmpeg::fileError;

// The largest picture played: 4K. Larger clips would need more than 50 MiB of buffered frames.
constexpr int kMaxWidth = 3840;
constexpr int kMaxHeight = 2160;
// The probe reads this much of the file's start: enough for MP4's ftyp and WebM's EBML header.
constexpr std::size_t kProbeBytes = 64 * 1024;

bool supportedContainer(const AVInputFormat* format) { return core::videoFormatByDemuxer(format->name) != nullptr; }

bool supportedCodec(const AVInputFormat* format, AVCodecID codec) {
    const core::VideoFormat* supported = core::videoFormatByDemuxer(format->name);
    return supported != nullptr && supported->videoCodec == avcodec_get_name(codec);
}

const std::string kExportHint = "export it as " + std::string(core::kSupportedVideoFormats);

struct FreeScale {
    void operator()(SwsContext* context) const { sws_freeContext(context); }
};

std::string containerName(const AVInputFormat* format) {
    return format->long_name ? format->long_name : format->name;
}

// Which demuxer FFmpeg would pick for the file, from its first bytes, before anything parses it.
core::Result<const AVInputFormat*> probeContainer(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        const bool exists = std::filesystem::exists(file);
        return fileError(exists ? ErrorCode::FileUnreadable : ErrorCode::FileNotFound, file,
                          exists ? "cannot be read" : "does not exist", "check the path and the file's permissions");
    }
    std::vector<unsigned char> start(kProbeBytes + AVPROBE_PADDING_SIZE, 0);
    in.read(reinterpret_cast<char*>(start.data()), static_cast<std::streamsize>(kProbeBytes));
    const auto got = static_cast<int>(in.gcount());
    if (got == 0) return fileError(ErrorCode::InvalidValue, file, "is empty, not a video", "export the clip again");
    const std::string name = file.string();
    AVProbeData probe{name.c_str(), start.data(), got, nullptr};
    int score = 0;
    const AVInputFormat* format = av_probe_input_format3(&probe, 1, &score);
    const std::string& hint = kExportHint;
    // A score at or below "the file name's extension matches" means FFmpeg only guessed from the
    // name: a text renamed to .mp4 is not a video either. Real MP4 and WebM headers score 100.
    if (format == nullptr || score <= AVPROBE_SCORE_EXTENSION)
        return fileError(ErrorCode::InvalidValue, file, "is not a video: FFmpeg recognises no container in it", hint);
    if (!supportedContainer(format))
        return fileError(ErrorCode::InvalidValue, file,
                          "is " + containerName(format) + ", a container the kiosk does not play",
                          hint);
    return format;
}

}  // namespace

// The file, demuxer, decoder, stream, time base, decodedUntil and draining are ffmpeg::Input's.
struct VideoFileReader::Impl : ffmpeg::Input {
    VideoInfo info;
    std::unique_ptr<SwsContext, FreeScale> scale;
    std::int64_t startTimestamp = 0;
    double frameDuration = 0.0;
    double skipUntil = -std::numeric_limits<double>::infinity();  // after a seek: the target

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

    core::Result<bool> endOfStream() const { return endUnlessTruncated(info.duration, "ends at"); }
};

VideoFileReader::VideoFileReader(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
VideoFileReader::~VideoFileReader() = default;

const VideoInfo& VideoFileReader::info() const { return m_impl->info; }

core::Result<std::unique_ptr<VideoFileReader>> VideoFileReader::open(const std::filesystem::path& file) {
    auto impl = std::make_unique<Impl>();
    impl->file = file;
    if (auto unavailable = impl->unavailable()) return *unavailable;
    auto probed = probeContainer(file);
    if (!probed) return probed.error();

    // The probed demuxer, named: FFmpeg must not fall back to another one for these bytes.
    if (const int code = impl->openFormat(probed.value()); code < 0)
        return impl->damaged(std::string("cannot be read as ") + containerName(probed.value()) + ": " + ffmpegSays(code));
    AVFormatContext* opened = impl->format.get();
    if (auto read = impl->readStreamInfo(); !read) return read.error();

    impl->stream = av_find_best_stream(opened, AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
    if (impl->stream < 0)
        return fileError(ErrorCode::InvalidValue, file, "has no video stream, only sound or other data",
                          kExportHint);
    AVStream* stream = opened->streams[impl->stream];
    const AVCodecParameters* parameters = stream->codecpar;
    VideoInfo& info = impl->info;
    info.codec = avcodec_get_name(parameters->codec_id);
    info.container = probed.value()->name;
    if (!supportedCodec(probed.value(), parameters->codec_id))
        return fileError(ErrorCode::InvalidValue, file, "uses the codec " + info.codec + ", which the kiosk does not play",
                          kExportHint);
    const AVCodec* decoder = avcodec_find_decoder(parameters->codec_id);
    if (decoder == nullptr)
        return fileError(ErrorCode::InvalidValue, file, "uses the codec " + info.codec + ", which this FFmpeg cannot decode",
                          ffmpeg::kInstallDecoderHint);
    if (parameters->width <= 0 || parameters->height <= 0)
        return impl->damaged("has a video stream without a picture size");
    if (parameters->width > kMaxWidth || parameters->height > kMaxHeight)
        return fileError(ErrorCode::TooLarge, file,
                          "is " + std::to_string(parameters->width) + "x" + std::to_string(parameters->height) +
                              " pixels, more than the " + std::to_string(kMaxWidth) + "x" + std::to_string(kMaxHeight) +
                              " the kiosk plays",
                          "export it at 1920x1080 or less");

    auto started = impl->openDecoder(decoder, parameters, info.codec, [](AVCodecContext& codec) {
        codec.thread_count = 0;  // as many as the machine has cores: 1080p H.264 needs them on a Pi
    });
    if (!started) return started.error();

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
        if (code != AVERROR(EAGAIN)) return d.damagedAfter("cannot be decoded", code);

        auto fed = d.feed("has a picture that cannot be decoded");
        if (!fed) return fed.error();
        if (!fed.value()) return d.endOfStream();
    }
}

core::Result<bool> VideoFileReader::seek(double target) {
    Impl& d = *m_impl;
    // Past the last frame there would be nothing to show; a clip that gives no duration is not clamped.
    const double last = d.info.duration > 0 ? std::max(0.0, d.info.duration - d.frameDuration)
                                            : std::numeric_limits<double>::max();
    target = std::clamp(std::isfinite(target) ? target : 0.0, 0.0, last);
    const auto timestamp = d.startTimestamp + static_cast<std::int64_t>(std::llround(target / av_q2d(d.timeBase)));
    if (auto sought = d.seekTo(timestamp, target); !sought) return sought.error();
    d.skipUntil = target;
    return true;
}

}  // namespace kiosk::platform
