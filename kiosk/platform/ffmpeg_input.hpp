// One clip opened with FFmpeg for decoding one of its streams: the demuxer, the decoder and the
// packet and frame they pass, plus the errors that name the file. AudioFileReader and
// VideoFileReader each build on it (each opens the file itself, so picture and sound never wait
// for each other's packets), so both open, feed, seek and report a cut-short clip the same way.
// Unlike the readers' headers this one shows FFmpeg's types: it is private to kiosk_platform and
// included only by audio_file_reader.cpp and video_file_reader.cpp, never by another header.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
}

#include "core/media/ffmpeg_libraries.hpp"
#include "core/util/result.hpp"

namespace kiosk::platform::ffmpeg {

// A clip that ends more than this before the duration its header gives was cut short. Looser
// than a frame because containers round durations and audio may outlast the picture a little.
constexpr double kTruncationTolerance = 0.5;

// What a reader says when the decoder a supported codec needs is missing from this FFmpeg.
inline constexpr const char* kInstallDecoderHint = "install Debian's libavcodec59 (deploy/install-deps.sh)";

// FFmpeg's text for one of its error codes.
std::string ffmpegSays(int code);
// "1.25 s": how error messages give a time in the clip.
std::string seconds(double value);
// An error about `file` (its path is the error's file, no line).
core::Error fileError(core::ErrorCode code, const std::filesystem::path& file, std::string message, std::string hint);

// FFmpeg's own messages about a damaged file would otherwise fill the kiosk's log with a line per
// broken packet, without the file's name; the readers report what matters as one error instead.
// Called at every open: the setting goes with the libraries when they are unloaded.
void quietenFfmpeg();

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

// The readers' Impl derive from this: what both hold and do with the file's stream they decode.
struct Input {
    // First: the libraries are loaded before the members below call them, and stay until the
    // last of them is freed.
    core::FfmpegUse ffmpeg;
    std::filesystem::path file;
    std::unique_ptr<AVFormatContext, CloseFormat> format;
    std::unique_ptr<AVCodecContext, FreeCodec> codec;
    std::unique_ptr<AVPacket, FreePacket> packet{ffmpeg.ok() ? av_packet_alloc() : nullptr};
    std::unique_ptr<AVFrame, FreeFrame> decoded{ffmpeg.ok() ? av_frame_alloc() : nullptr};
    int stream = -1;             // the index of the stream decoded
    AVRational timeBase{1, 1};   // that stream's
    double decodedUntil = 0.0;   // the end of the last decoded frame, for the truncation check
    bool draining = false;       // the file is read to its end; the decoder hands out what it holds

    // Why the clip cannot be read before its file is even opened: FFmpeg missing, or no memory
    // for the packet and frame. Nothing when all is there.
    std::optional<core::Error> unavailable() const;

    core::Error damaged(std::string what) const;
    // "<what> after 1.25 s: <FFmpeg's reason>", at the end of the last decoded frame.
    core::Error damagedAfter(const std::string& what, int code) const;

    // Opens the file with `demuxer` (null: the one FFmpeg recognises in it), in either case only
    // one of the demuxers of core::kVideoFormats, so fewer parsers see a pack's bytes. FFmpeg's
    // code: negative when the file cannot be opened (the caller says how, it knows what it expected).
    int openFormat(const AVInputFormat* demuxer);
    // Probes the streams after openFormat(); a damaged-file error when it cannot.
    core::Result<bool> readStreamInfo();
    // Starts `decoder` for the chosen stream's `parameters`, after `tune` set what that reader
    // needs (threads, the packets' time base); `codecName` is for the error.
    core::Result<bool> openDecoder(const AVCodec* decoder, const AVCodecParameters* parameters,
                                   const std::string& codecName, const std::function<void(AVCodecContext&)>& tune);

    // One step of feeding the decoder, for when it asked for more (EAGAIN): the next packet of the
    // stream (packets of other streams are skipped), or at the file's end a request for the
    // frames the decoder still holds. True to go on receiving frames, false when the decoder was
    // drained already (the clip is over). `undecodable` starts the error for a packet the decoder
    // refuses ("has sound that cannot be decoded").
    core::Result<bool> feed(const std::string& undecodable);
    // The end of the stream: false, or an error when the frames decoded end well before
    // `duration` (0: unknown), the header's; `endsAt` starts that message ("ends at").
    core::Result<bool> endUnlessTruncated(double duration, const std::string& endsAt) const;
    // Jumps to the key frame at or before `timestamp` (in the stream's time base) and empties the
    // decoder; `target` in seconds is for the error.
    core::Result<bool> seekTo(std::int64_t timestamp, double target);
};

}  // namespace kiosk::platform::ffmpeg
