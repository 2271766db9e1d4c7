// FFmpeg behind AudioFileReader: opening, decoding, resampling, trimming to the seek target.
#include "platform/audio_file_reader.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <system_error>

extern "C" {
#include <libavutil/channel_layout.h>
#include <libswresample/swresample.h>
}

#include "core/pack/video_formats.hpp"
#include "platform/ffmpeg_input.hpp"

namespace kiosk::platform {

namespace {

using core::ErrorCode;
using ffmpeg::ffmpegSays;
using ffmpeg::fileError;

// Seeks land this much before the target and decode up to it: AAC and Opus frames overlap their
// neighbours, so the first frame after a jump is only right once its predecessor was decoded.
constexpr double kSeekPreroll = 0.1;
// Sound that starts later than the picture is preceded by silence, but not by more than this: a
// timestamp far in the future is damage, not a long pause, and must not allocate minutes of zeros.
constexpr double kMaxLeadingSilence = 30.0;

const std::string kExportHint = "export the clip again as " + std::string(core::kSupportedVideoFormats) +
                                " with AAC or Opus sound";

struct FreeResampler {
    void operator()(SwrContext* context) const { swr_free(&context); }
};

std::int16_t* frameStart(std::vector<std::int16_t>& samples, int frame) {
    return samples.data() + static_cast<std::ptrdiff_t>(frame) * kAudioChannels;
}

}  // namespace

// The file, demuxer, decoder, stream, time base, decodedUntil and draining are ffmpeg::Input's.
struct AudioFileReader::Impl : ffmpeg::Input {
    AudioInfo info;
    std::unique_ptr<SwrContext, FreeResampler> resampler;
    int resamplerRate = 0, resamplerFormat = -1;  // what the resampler was made for: frames may change it
    AVChannelLayout resamplerLayout{};
    double origin = 0.0;  // the video stream's start in seconds: time 0 of the picture
    // The time of the next resampled sample; unknown after open() and seek() until a frame says.
    std::optional<double> nextTime;
    // Where the first chunk must start (0 after open(), the target after seek()); nothing once it did.
    std::optional<double> startAt = 0.0;
    // Where the stream's own duration ends it (MP4 says; WebM does not): AAC encoders pad the last
    // frame with up to 1024 samples of silence that the edit list cuts off and the decoder does not.
    std::optional<double> streamEnd;
    bool resamplerFlushed = false;

    ~Impl() {
        if (ffmpeg.ok()) av_channel_layout_uninit(&resamplerLayout);  // no FFmpeg: nothing was set
    }

    double timeOf(const AVFrame& frame) const {
        const std::int64_t ts = frame.best_effort_timestamp;
        if (ts == AV_NOPTS_VALUE) return nextTime.value_or(decodedUntil);
        return static_cast<double>(ts) * av_q2d(timeBase) - origin;
    }

    // A resampler for the frame's own format, rate and layout (HE-AAC, for one, may change them).
    core::Result<bool> prepareResampler(const AVFrame& frame) {
        if (resampler && frame.sample_rate == resamplerRate && frame.format == resamplerFormat &&
            av_channel_layout_compare(&frame.ch_layout, &resamplerLayout) == 0)
            return true;
        // A resampler made anew drops what the old one held back: at most a few samples.
        AVChannelLayout input{};
        if (frame.ch_layout.order == AV_CHANNEL_ORDER_UNSPEC)
            av_channel_layout_default(&input, frame.ch_layout.nb_channels);
        else
            av_channel_layout_copy(&input, &frame.ch_layout);
        AVChannelLayout output = AV_CHANNEL_LAYOUT_STEREO;
        SwrContext* made = nullptr;
        int code = swr_alloc_set_opts2(&made, &output, AV_SAMPLE_FMT_S16, kAudioRate, &input,
                                       static_cast<AVSampleFormat>(frame.format), frame.sample_rate, 0, nullptr);
        av_channel_layout_uninit(&input);
        resampler.reset(made);
        if (code >= 0) code = swr_init(made);
        if (code < 0) {
            resampler.reset();
            return damaged("has sound that cannot be converted (" + std::to_string(frame.sample_rate) + " Hz, " +
                           std::to_string(frame.ch_layout.nb_channels) + " channels): " + ffmpegSays(code));
        }
        resamplerRate = frame.sample_rate;
        resamplerFormat = frame.format;
        av_channel_layout_uninit(&resamplerLayout);
        av_channel_layout_copy(&resamplerLayout, &frame.ch_layout);
        return true;
    }

    // Resamples `frame` (or, when null, what the resampler still holds) onto the end of `chunk`,
    // stamped with the running sample clock.
    core::Result<bool> resample(const AVFrame* frame, AudioChunk& chunk) {
        if (!resampler) return true;
        const int inputFrames = frame ? frame->nb_samples : 0;
        const int room = swr_get_out_samples(resampler.get(), inputFrames);
        if (room <= 0) return true;
        const int already = chunk.frames();
        chunk.samples.resize(static_cast<std::size_t>(already + room) * kAudioChannels);
        auto* out = reinterpret_cast<std::uint8_t*>(frameStart(chunk.samples, already));
        const int made = swr_convert(resampler.get(), &out, room, frame ? const_cast<const std::uint8_t**>(frame->extended_data) : nullptr,
                                     inputFrames);
        if (made < 0) return damagedAfter("has sound that cannot be converted", made);
        chunk.samples.resize(static_cast<std::size_t>(already + made) * kAudioChannels);
        return true;
    }

    // Cuts what lies before the first chunk's start, or fills the gap up to a late first sample
    // with silence: either way the first chunk starts exactly where playing was asked to start.
    void placeFirstChunk(AudioChunk& chunk) {
        if (!startAt || chunk.samples.empty()) return;
        const double start = *startAt;
        const auto offset = static_cast<long>(std::lround((chunk.time - start) * kAudioRate));
        if (offset < 0) {
            const int cut = static_cast<int>(std::min<long>(-offset, chunk.frames()));
            chunk.samples.erase(chunk.samples.begin(), chunk.samples.begin() + static_cast<std::ptrdiff_t>(cut) * kAudioChannels);
            if (chunk.samples.empty()) return;  // all before the start: the next chunk tries again
        } else if (offset > 0) {
            const long silence = std::min<long>(offset, static_cast<long>(kMaxLeadingSilence * kAudioRate));
            chunk.samples.insert(chunk.samples.begin(), static_cast<std::size_t>(silence) * kAudioChannels, 0);
        }
        chunk.time = start;
        startAt.reset();
        nextTime = chunk.endTime();  // the cut was rounded to a sample: the next chunk follows this one exactly
    }

    void cutAtStreamEnd(AudioChunk& chunk) const {
        if (!streamEnd || chunk.endTime() <= *streamEnd) return;
        const long keep = std::max(0L, std::lround((*streamEnd - chunk.time) * kAudioRate));
        if (keep < chunk.frames()) chunk.samples.resize(static_cast<std::size_t>(keep) * kAudioChannels);
    }

    core::Result<bool> endOfStream() const { return endUnlessTruncated(info.duration, "has sound that ends at"); }
};

AudioFileReader::AudioFileReader(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
AudioFileReader::~AudioFileReader() = default;

const AudioInfo& AudioFileReader::info() const { return m_impl->info; }

bool AudioFileReader::hasSound(const std::filesystem::path& file) {
    auto opened = open(file);
    return opened.ok() && opened.value() != nullptr;
}

core::Result<std::unique_ptr<AudioFileReader>> AudioFileReader::open(const std::filesystem::path& file) {
    std::error_code ignored;
    if (!std::filesystem::is_regular_file(file, ignored))
        return fileError(ErrorCode::FileNotFound, file, "does not exist", "check the path and the file's permissions");
    auto impl = std::make_unique<Impl>();
    impl->file = file;
    if (auto unavailable = impl->unavailable()) return *unavailable;

    // Whichever of the MP4 and WebM demuxers recognises the file (VideoFileReader probes first).
    if (const int code = impl->openFormat(nullptr); code < 0)
        return fileError(ErrorCode::InvalidValue, file, "cannot be read as an MP4 or WebM clip: " + ffmpegSays(code),
                          kExportHint);
    AVFormatContext* opened = impl->format.get();
    // The probe reads the picture's first packets too (no discarding them yet): WebM tells when the
    // picture starts only by its first frame, and that is time 0 here (below).
    if (auto probed = impl->readStreamInfo(); !probed) return probed.error();

    const int video = av_find_best_stream(opened, AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
    impl->stream = av_find_best_stream(opened, AVMEDIA_TYPE_AUDIO, -1, video, nullptr, 0);
    if (impl->stream < 0) return std::unique_ptr<AudioFileReader>();  // a clip without sound

    // The picture's packets are VideoFileReader's: this demuxer skips them rather than reading
    // every byte of a 1080p stream a second time only to throw it away.
    for (unsigned i = 0; i < opened->nb_streams; ++i)
        if (static_cast<int>(i) != impl->stream) opened->streams[i]->discard = AVDISCARD_ALL;
    AVStream* stream = opened->streams[impl->stream];
    const AVCodecParameters* parameters = stream->codecpar;
    AudioInfo& info = impl->info;
    info.codec = avcodec_get_name(parameters->codec_id);
    if (parameters->codec_id != AV_CODEC_ID_AAC && parameters->codec_id != AV_CODEC_ID_OPUS)
        return fileError(ErrorCode::InvalidValue, file, "has " + info.codec + " sound; the kiosk plays AAC or Opus", kExportHint);
    const AVCodec* decoder = avcodec_find_decoder(parameters->codec_id);
    if (decoder == nullptr)
        return fileError(ErrorCode::InvalidValue, file, "has " + info.codec + " sound, which this FFmpeg cannot decode",
                          ffmpeg::kInstallDecoderHint);
    auto started = impl->openDecoder(decoder, parameters, info.codec, [stream](AVCodecContext& codec) {
        // The decoder needs the stream's time base to honour the encoder's delay (priming samples).
        codec.pkt_timebase = stream->time_base;
    });
    if (!started) return started.error();

    impl->timeBase = stream->time_base;
    // Time 0 is the picture's first frame, as in VideoFileReader: a container that starts its
    // sound a little before or after the picture keeps that offset, so the two stay in sync.
    const AVStream* timeLine = video >= 0 ? opened->streams[video] : stream;
    if (timeLine->start_time != AV_NOPTS_VALUE) impl->origin = static_cast<double>(timeLine->start_time) * av_q2d(timeLine->time_base);
    info.sourceRate = parameters->sample_rate;
    info.sourceChannels = parameters->ch_layout.nb_channels;
    if (stream->duration != AV_NOPTS_VALUE && stream->duration > 0) {
        info.duration = static_cast<double>(stream->duration) * av_q2d(stream->time_base);
        const double start = stream->start_time != AV_NOPTS_VALUE ? static_cast<double>(stream->start_time) * av_q2d(stream->time_base) : 0.0;
        impl->streamEnd = start - impl->origin + info.duration;
    } else if (opened->duration != AV_NOPTS_VALUE && opened->duration > 0)
        info.duration = static_cast<double>(opened->duration) / AV_TIME_BASE;
    return std::unique_ptr<AudioFileReader>(new AudioFileReader(std::move(impl)));
}

core::Result<bool> AudioFileReader::next(AudioChunk& chunk) {
    Impl& d = *m_impl;
    chunk.samples.clear();
    for (;;) {
        int code = avcodec_receive_frame(d.codec.get(), d.decoded.get());
        if (code == 0) {
            const AVFrame& frame = *d.decoded;
            const double time = d.timeOf(frame);
            if (frame.sample_rate > 0)
                d.decodedUntil = std::max(d.decodedUntil, time + static_cast<double>(frame.nb_samples) / frame.sample_rate);
            // A fresh resampler holds nothing back: its first output sample is this frame's first.
            if (!d.nextTime) d.nextTime = time;
            chunk.time = *d.nextTime;
            auto prepared = d.prepareResampler(frame);
            if (prepared) prepared = d.resample(&frame, chunk);
            av_frame_unref(d.decoded.get());
            if (!prepared) return prepared.error();
            *d.nextTime += static_cast<double>(chunk.frames()) / kAudioRate;
            d.placeFirstChunk(chunk);
            d.cutAtStreamEnd(chunk);
            if (!chunk.samples.empty()) return true;
            continue;
        }
        if (code == AVERROR_EOF) {
            if (!d.resamplerFlushed) {  // the resampler's last few samples
                d.resamplerFlushed = true;
                chunk.time = d.nextTime.value_or(0.0);
                if (auto flushed = d.resample(nullptr, chunk); !flushed) return flushed.error();
                if (d.nextTime) *d.nextTime += static_cast<double>(chunk.frames()) / kAudioRate;
                d.placeFirstChunk(chunk);
                d.cutAtStreamEnd(chunk);
                if (!chunk.samples.empty()) return true;
            }
            return d.endOfStream();
        }
        if (code != AVERROR(EAGAIN)) return d.damagedAfter("has sound that cannot be decoded", code);

        auto fed = d.feed("has sound that cannot be decoded");
        if (!fed) return fed.error();
        if (!fed.value()) return d.endOfStream();
    }
}

core::Result<bool> AudioFileReader::seek(double target) {
    Impl& d = *m_impl;
    const double last = d.info.duration > 0 ? d.info.duration : std::numeric_limits<double>::max();
    target = std::clamp(std::isfinite(target) ? target : 0.0, 0.0, last);
    const double from = std::max(0.0, target - kSeekPreroll) + d.origin;
    const auto timestamp = static_cast<std::int64_t>(std::llround(from / av_q2d(d.timeBase)));
    if (auto sought = d.seekTo(timestamp, target); !sought) return sought.error();
    d.resampler.reset();  // it would hand out samples from before the jump
    d.nextTime.reset();
    d.startAt = target;
    d.resamplerFlushed = false;
    return true;
}

}  // namespace kiosk::platform
