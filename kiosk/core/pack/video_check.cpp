// libavformat reads only what the clip's headers say and the packets of its last seconds; no
// decoder runs, so a hostile clip meets only the demuxer, limited to MP4 and WebM and to files.
#include "core/pack/video_check.hpp"

#include <algorithm>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <cstdio>
#include <memory>
#include <optional>
#include <string_view>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/log.h>
}

#include "core/media/ffmpeg_libraries.hpp"
#include "core/pack/pack_limits.hpp"
#include "core/pack/video_formats.hpp"
#include "core/util/file_descriptor.hpp"
#include "core/util/small_file.hpp"

namespace kiosk::core {
namespace {

// A clip whose packets stop this much before its stated end was cut off (a download that broke
// off, a copy that ran out of space). Less would flag clips whose audio outlasts the last frame.
constexpr double kMissingTailSeconds = 0.5;
// How far before the end the tail check starts reading packets.
constexpr double kTailSeconds = 3.0;

const char* const kConvertHint =
    "convert it, e.g. ffmpeg -i clip -c:v libx264 -pix_fmt yuv420p -c:a aac clip.mp4 "
    "(or -c:v libvpx-vp9 -c:a libopus clip.webm)";

struct FormatContextCloser {
    void operator()(AVFormatContext* context) const { avformat_close_input(&context); }
};
using FormatContext = std::unique_ptr<AVFormatContext, FormatContextCloser>;

struct PacketFree {
    void operator()(AVPacket* packet) const { av_packet_free(&packet); }
};

// FFmpeg prints to stderr by default, which would mix its words ("moov atom not found") into the
// validator's report, which already says what is wrong. Only FFmpeg's default level is changed:
// a part of the program that chose a level for its own logging keeps it.
void quietFfmpegLog() {
    if (av_log_get_level() == AV_LOG_INFO) av_log_set_level(AV_LOG_QUIET);
}

std::string lowercaseExtension(const std::filesystem::path& file) {
    std::string extension = file.extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(), [](unsigned char c) { return std::tolower(c); });
    return extension;
}

std::string formatSeconds(double seconds) {
    std::array<char, 32> text{};
    // Tenths too: the clips that get cut off in tests and at events are often only seconds long.
    const int minutes = static_cast<int>(seconds) / 60;
    std::snprintf(text.data(), text.size(), "%d:%04.1f", minutes, seconds - minutes * 60.0);
    return text.data();
}

std::string formatMegabits(double bitsPerSecond) {
    std::array<char, 32> text{};
    std::snprintf(text.data(), text.size(), "%.1f Mbit/s", bitsPerSecond / 1e6);
    return text.data();
}

// The clip read through a descriptor of ours rather than FFmpeg's file protocol, so that a disk
// that fails an open or a read is known as such: the demuxer's status cannot tell (FFmpeg's WebM
// reader says AVERROR(EIO) for damaged data too, and a failed read ends the stream as EOF).
class ClipInput {
public:
    explicit ClipInput(const std::filesystem::path& file) : m_fd(::open(file.c_str(), O_RDONLY | O_CLOEXEC)) {
        if (!m_fd.valid()) {
            m_errno = errno;
            return;
        }
        auto* buffer = static_cast<unsigned char*>(av_malloc(kBufferBytes));
        if (buffer) m_io = avio_alloc_context(buffer, kBufferBytes, 0, this, &ClipInput::read, nullptr, &ClipInput::seek);
        if (!m_io) av_freep(&buffer);
    }
    ~ClipInput() {  // after the AVFormatContext that used it: declared before it
        if (!m_io) return;
        av_freep(&m_io->buffer);
        avio_context_free(&m_io);
    }
    ClipInput(const ClipInput&) = delete;
    ClipInput& operator=(const ClipInput&) = delete;

    AVIOContext* io() const { return m_io; }
    // The system's error of a failed open or read; nullopt while there was none.
    std::optional<std::string> failure() const {
        if (m_errno == 0) return std::nullopt;
        return std::string(std::strerror(m_errno));
    }

private:
    static constexpr int kBufferBytes = 32 * 1024;

    static int read(void* opaque, std::uint8_t* buffer, int size) {
        auto* self = static_cast<ClipInput*>(opaque);
        for (;;) {
            const ssize_t n = ::read(self->m_fd.get(), buffer, static_cast<std::size_t>(size));
            if (n < 0 && errno == EINTR) continue;
            if (n < 0) {
                self->m_errno = errno;
                return AVERROR(errno);
            }
            return n == 0 ? AVERROR_EOF : static_cast<int>(n);
        }
    }
    static std::int64_t seek(void* opaque, std::int64_t offset, int whence) {
        auto* self = static_cast<ClipInput*>(opaque);
        if (whence & AVSEEK_SIZE) {
            struct stat info{};
            return ::fstat(self->m_fd.get(), &info) == 0 ? static_cast<std::int64_t>(info.st_size) : AVERROR(errno);
        }
        const off_t at = ::lseek(self->m_fd.get(), static_cast<off_t>(offset), whence & ~AVSEEK_FORCE);
        return at < 0 ? AVERROR(errno) : static_cast<std::int64_t>(at);
    }

    UniqueFd m_fd;
    int m_errno = 0;
    AVIOContext* m_io = nullptr;
};

// The latest end time of any packet from `kTailSeconds` before the stated end on; -1 when a
// packet is damaged or cannot be read (ClipInput::failure says whether it was the disk).
double lastPacketEnd(AVFormatContext& context, double durationSeconds) {
    const auto seekTo = static_cast<std::int64_t>(std::max(0.0, durationSeconds - kTailSeconds) * AV_TIME_BASE);
    // A clip that cannot seek is read from where the stream info left off, which also reaches the end.
    av_seek_frame(&context, -1, seekTo, AVSEEK_FLAG_BACKWARD);
    std::unique_ptr<AVPacket, PacketFree> packet(av_packet_alloc());
    if (!packet) return -1;
    double lastEnd = 0;
    for (;;) {
        const int status = av_read_frame(&context, packet.get());
        if (status == AVERROR_EOF) break;
        if (status < 0) return -1;
        const bool corrupt = (packet->flags & AV_PKT_FLAG_CORRUPT) != 0;
        const AVStream& stream = *context.streams[packet->stream_index];
        if (packet->pts != AV_NOPTS_VALUE) {
            const std::int64_t start = stream.start_time == AV_NOPTS_VALUE ? 0 : stream.start_time;
            const double end = static_cast<double>(packet->pts - start + packet->duration) * av_q2d(stream.time_base);
            lastEnd = std::max(lastEnd, end);
        }
        av_packet_unref(packet.get());
        if (corrupt) return -1;
    }
    return lastEnd;
}

// Every stream's codec, the picture's size and the whole length are known from the headers.
bool headersSayEnough(const AVFormatContext& context) {
    if (context.duration == AV_NOPTS_VALUE || context.duration <= 0 || context.nb_streams == 0) return false;
    for (unsigned i = 0; i < context.nb_streams; ++i) {
        const AVCodecParameters& stream = *context.streams[i]->codecpar;
        if (stream.codec_id == AV_CODEC_ID_NONE) return false;
        if (stream.codec_type == AVMEDIA_TYPE_VIDEO && (stream.width <= 0 || stream.height <= 0)) return false;
    }
    return true;
}

}  // namespace

Result<VideoFacts> checkVideoFile(const std::filesystem::path& file, const std::string& shownName) {
    auto failure = [&](ErrorCode code, std::string message, std::string hint) {
        return Error{code, shownName, 0, "clip '" + shownName + "' " + std::move(message), std::move(hint)};
    };
    std::error_code ec;
    const std::uintmax_t bytes = std::filesystem::file_size(file, ec);
    if (ec) return failure(ErrorCode::FileUnreadable, "cannot be read", "check the file");

    VideoFacts facts;
    const VideoFormat* supported = videoFormatByExtension(lowercaseExtension(file));
    if (!supported) return failure(ErrorCode::InvalidValue, "is not an .mp4 or .webm file", kConvertHint);
    facts.container = supported->extension == ".mp4" ? VideoContainer::Mp4 : VideoContainer::WebM;

    // Before everything that calls FFmpeg, so the libraries stay loaded until all of it is freed.
    const FfmpegUse ffmpeg;
    if (!ffmpeg.ok()) return failure(ErrorCode::FileUnreadable, "cannot be checked: " + ffmpeg.error(), "");
    quietFfmpegLog();
    // The demuxer the name promises, and nothing else: no other format's parser, no protocol but
    // plain files (a playlist inside a clip could otherwise ask for URLs or other files).
    const AVInputFormat* format = av_find_input_format(std::string(supported->shortName).c_str());
    AVDictionary* options = nullptr;
    av_dict_set(&options, "protocol_whitelist", "file", 0);
    av_dict_set(&options, "format_whitelist", std::string(supported->demuxer).c_str(), 0);
    const ClipInput input(file);
    const auto unreadable = [&] {
        return failure(ErrorCode::FileUnreadable, "cannot be read: " + input.failure().value_or("out of memory"), kUnreadablePackFileHint);
    };
    AVFormatContext* opened = input.io() ? avformat_alloc_context() : nullptr;
    if (!opened) {
        av_dict_free(&options);
        return unreadable();
    }
    opened->pb = input.io();
    opened->flags |= AVFMT_FLAG_CUSTOM_IO;
    const std::string url = "file:" + file.string();  // what the demuxer's messages and references name
    const int openStatus = avformat_open_input(&opened, url.c_str(), format, &options);  // frees `opened` on failure
    av_dict_free(&options);
    if (input.failure()) {
        if (openStatus >= 0) avformat_close_input(&opened);
        return unreadable();
    }
    if (openStatus < 0) {
        return failure(ErrorCode::Damaged, "is not a readable " + std::string(supported->name) + " file (damaged, cut off, or another format)",
                       std::string("export it again; ") + kConvertHint);
    }
    FormatContext context(opened);
    // MP4 and WebM headers name each stream's codec and the picture's size, and the length: that
    // is all this check needs. FFmpeg's stream probe would decode the first pictures and sound to
    // learn more (20 ms and 6 MB of libavcodec's code at every start with the sample clips), so
    // it runs only for a header that leaves something out.
    if (!headersSayEnough(*context) && avformat_find_stream_info(context.get(), nullptr) < 0) {
        if (input.failure()) return unreadable();
        return failure(ErrorCode::Damaged, "is damaged: its streams cannot be read", "export it again");
    }

    const int videoIndex = av_find_best_stream(context.get(), AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
    if (videoIndex < 0) return failure(ErrorCode::InvalidValue, "has no picture, only sound", "use a clip with a video track");
    const AVCodecParameters& video = *context->streams[videoIndex]->codecpar;
    facts.videoCodec = avcodec_get_name(video.codec_id);
    if (facts.videoCodec != supported->videoCodec) {
        return failure(ErrorCode::InvalidValue,
                       "is " + facts.videoCodec + " video; the kiosk plays " + std::string(supported->described) + " files",
                       kConvertHint);
    }
    for (unsigned i = 0; i < context->nb_streams; ++i) {
        const AVCodecParameters& stream = *context->streams[i]->codecpar;
        if (stream.codec_type != AVMEDIA_TYPE_AUDIO) continue;
        const std::string name = avcodec_get_name(stream.codec_id);
        if (stream.codec_id != AV_CODEC_ID_AAC && stream.codec_id != AV_CODEC_ID_OPUS) {
            return failure(ErrorCode::InvalidValue, "has " + name + " sound; the kiosk plays AAC or Opus", kConvertHint);
        }
        if (facts.audioCodec.empty()) facts.audioCodec = name;
    }

    facts.width = video.width;
    facts.height = video.height;
    // Portrait screens get portrait clips: the limit is 1920 × 1080 either way round.
    const int longSide = std::max(facts.width, facts.height), shortSide = std::min(facts.width, facts.height);
    if (shortSide <= 0) return failure(ErrorCode::Damaged, "is damaged: its picture has no size", "export it again");
    if (longSide > limits::kVideoWidth || shortSide > limits::kVideoHeight) {
        return failure(ErrorCode::TooLarge,
                       "is " + std::to_string(facts.width) + " × " + std::to_string(facts.height) +
                           " pixels; at most 1920 × 1080 (or 1080 × 1920) are allowed",
                       "scale it down, e.g. ffmpeg -i clip -vf scale=1920:-2 …");
    }

    if (context->duration == AV_NOPTS_VALUE || context->duration <= 0) {
        return failure(ErrorCode::Damaged, "does not say how long it is (damaged or cut off)", "export it again");
    }
    facts.durationSeconds = static_cast<double>(context->duration) / AV_TIME_BASE;
    if (facts.durationSeconds > limits::kVideoSeconds) {
        return failure(ErrorCode::TooLarge, "is " + formatSeconds(facts.durationSeconds) + " minutes long; at most 10:00.0 are allowed",
                       "cut it shorter, or split it into several clips");
    }
    facts.bitsPerSecond = static_cast<double>(bytes) * 8.0 / facts.durationSeconds;
    if (facts.bitsPerSecond > limits::kVideoBitsPerSecond) {
        return failure(ErrorCode::TooLarge, "has " + formatMegabits(facts.bitsPerSecond) + "; at most 8 Mbit/s are allowed",
                       "export it with a lower bitrate, e.g. ffmpeg … -b:v 5M");
    }

    const double lastEnd = lastPacketEnd(*context, facts.durationSeconds);
    if (input.failure()) return unreadable();
    if (lastEnd < 0) return failure(ErrorCode::Damaged, "is damaged near its end", "export it again, or copy it again");
    if (lastEnd < facts.durationSeconds - kMissingTailSeconds) {
        return failure(ErrorCode::Damaged,
                       "is cut off: it should run " + formatSeconds(facts.durationSeconds) + " but stops at " + formatSeconds(lastEnd),
                       "copy or download the whole file again");
    }
    return facts;
}

}  // namespace kiosk::core
