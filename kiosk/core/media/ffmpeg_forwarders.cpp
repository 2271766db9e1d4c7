// The FFmpeg functions kiosk_core and kiosk_platform call, defined here with FFmpeg's own
// prototypes (the headers make the compiler check each one), each forwarding to the function of
// the libraries FfmpegUse loaded (ffmpeg_libraries.hpp says why they are not linked). A call of a
// function not listed here fails at link time: add it below, with its prototype from the header.
#include "core/media/ffmpeg_libraries.hpp"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/channel_layout.h>
#include <libavutil/dict.h>
#include <libavutil/error.h>
#include <libavutil/frame.h>
#include <libavutil/log.h>
#include <libavutil/mem.h>
#include <libswresample/swresample.h>
#include <libswscale/swscale.h>
}

// The address is looked up once per loading of the libraries and cached in the slot.
#define KIOSK_FFMPEG_FORWARD(result, name, parameters, arguments)                                        \
    result name parameters {                                                                            \
        static kiosk::core::FfmpegFunctionSlot slot;                                                    \
        return reinterpret_cast<decltype(&name)>(kiosk::core::ffmpegFunction(#name, slot)) arguments; \
    }

extern "C" {

KIOSK_FFMPEG_FORWARD(int, av_channel_layout_compare, (const AVChannelLayout *chl, const AVChannelLayout *chl1), (chl, chl1))
KIOSK_FFMPEG_FORWARD(int, av_channel_layout_copy, (AVChannelLayout *dst, const AVChannelLayout *src), (dst, src))
KIOSK_FFMPEG_FORWARD(void, av_channel_layout_default, (AVChannelLayout *ch_layout, int nb_channels), (ch_layout, nb_channels))
KIOSK_FFMPEG_FORWARD(void, av_channel_layout_uninit, (AVChannelLayout *channel_layout), (channel_layout))
KIOSK_FFMPEG_FORWARD(void, av_dict_free, (AVDictionary **m), (m))
KIOSK_FFMPEG_FORWARD(int, av_dict_set, (AVDictionary **pm, const char *key, const char *value, int flags), (pm, key, value, flags))
KIOSK_FFMPEG_FORWARD(int, av_find_best_stream, (AVFormatContext *ic, enum AVMediaType type, int wanted_stream_nb, int related_stream, const AVCodec **decoder_ret, int flags), (ic, type, wanted_stream_nb, related_stream, decoder_ret, flags))
KIOSK_FFMPEG_FORWARD(const AVInputFormat *, av_find_input_format, (const char *short_name), (short_name))
KIOSK_FFMPEG_FORWARD(AVFrame *, av_frame_alloc, (void), ())
KIOSK_FFMPEG_FORWARD(void, av_frame_free, (AVFrame **frame), (frame))
KIOSK_FFMPEG_FORWARD(void, av_frame_unref, (AVFrame *frame), (frame))
KIOSK_FFMPEG_FORWARD(void, av_freep, (void *ptr), (ptr))
KIOSK_FFMPEG_FORWARD(AVRational, av_guess_frame_rate, (AVFormatContext *ctx, AVStream *stream, AVFrame *frame), (ctx, stream, frame))
KIOSK_FFMPEG_FORWARD(int, av_log_get_level, (void), ())
KIOSK_FFMPEG_FORWARD(void *, av_malloc, (size_t size), (size))
KIOSK_FFMPEG_FORWARD(void, av_log_set_level, (int level), (level))
KIOSK_FFMPEG_FORWARD(AVPacket *, av_packet_alloc, (void), ())
KIOSK_FFMPEG_FORWARD(void, av_packet_free, (AVPacket **pkt), (pkt))
KIOSK_FFMPEG_FORWARD(void, av_packet_unref, (AVPacket *pkt), (pkt))
KIOSK_FFMPEG_FORWARD(const AVInputFormat *, av_probe_input_format3, (const AVProbeData *pd, int is_opened, int *score_ret), (pd, is_opened, score_ret))
KIOSK_FFMPEG_FORWARD(int, av_read_frame, (AVFormatContext *s, AVPacket *pkt), (s, pkt))
KIOSK_FFMPEG_FORWARD(int, av_seek_frame, (AVFormatContext *s, int stream_index, int64_t timestamp, int flags), (s, stream_index, timestamp, flags))
KIOSK_FFMPEG_FORWARD(int, av_strerror, (int errnum, char *errbuf, size_t errbuf_size), (errnum, errbuf, errbuf_size))
KIOSK_FFMPEG_FORWARD(AVCodecContext *, avcodec_alloc_context3, (const AVCodec *codec), (codec))
KIOSK_FFMPEG_FORWARD(const AVCodec *, avcodec_find_decoder, (enum AVCodecID id), (id))
KIOSK_FFMPEG_FORWARD(void, avcodec_flush_buffers, (AVCodecContext *avctx), (avctx))
KIOSK_FFMPEG_FORWARD(void, avcodec_free_context, (AVCodecContext **avctx), (avctx))
KIOSK_FFMPEG_FORWARD(const char *, avcodec_get_name, (enum AVCodecID id), (id))
KIOSK_FFMPEG_FORWARD(int, avcodec_open2, (AVCodecContext *avctx, const AVCodec *codec, AVDictionary **options), (avctx, codec, options))
KIOSK_FFMPEG_FORWARD(int, avcodec_parameters_to_context, (AVCodecContext *codec, const AVCodecParameters *par), (codec, par))
KIOSK_FFMPEG_FORWARD(int, avcodec_receive_frame, (AVCodecContext *avctx, AVFrame *frame), (avctx, frame))
KIOSK_FFMPEG_FORWARD(int, avcodec_send_packet, (AVCodecContext *avctx, const AVPacket *avpkt), (avctx, avpkt))
KIOSK_FFMPEG_FORWARD(AVFormatContext *, avformat_alloc_context, (void), ())
KIOSK_FFMPEG_FORWARD(void, avformat_close_input, (AVFormatContext **s), (s))
KIOSK_FFMPEG_FORWARD(int, avformat_find_stream_info, (AVFormatContext *ic, AVDictionary **options), (ic, options))
KIOSK_FFMPEG_FORWARD(int, avformat_open_input, (AVFormatContext **ps, const char *url, const AVInputFormat *fmt, AVDictionary **options), (ps, url, fmt, options))
KIOSK_FFMPEG_FORWARD(AVIOContext *, avio_alloc_context, (unsigned char *buffer, int buffer_size, int write_flag, void *opaque, int (*read_packet)(void *opaque, uint8_t *buf, int buf_size), int (*write_packet)(void *opaque, uint8_t *buf, int buf_size), int64_t (*seek)(void *opaque, int64_t offset, int whence)), (buffer, buffer_size, write_flag, opaque, read_packet, write_packet, seek))
KIOSK_FFMPEG_FORWARD(void, avio_context_free, (AVIOContext **s), (s))
KIOSK_FFMPEG_FORWARD(int, swr_alloc_set_opts2, (struct SwrContext **ps, AVChannelLayout *out_ch_layout, enum AVSampleFormat out_sample_fmt, int out_sample_rate, AVChannelLayout *in_ch_layout, enum AVSampleFormat in_sample_fmt, int in_sample_rate, int log_offset, void *log_ctx), (ps, out_ch_layout, out_sample_fmt, out_sample_rate, in_ch_layout, in_sample_fmt, in_sample_rate, log_offset, log_ctx))
KIOSK_FFMPEG_FORWARD(int, swr_convert, (struct SwrContext *s, uint8_t **out, int out_count, const uint8_t **in , int in_count), (s, out, out_count, in, in_count))
KIOSK_FFMPEG_FORWARD(void, swr_free, (struct SwrContext **s), (s))
KIOSK_FFMPEG_FORWARD(int, swr_get_out_samples, (struct SwrContext *s, int in_samples), (s, in_samples))
KIOSK_FFMPEG_FORWARD(int, swr_init, (struct SwrContext *s), (s))
KIOSK_FFMPEG_FORWARD(void, sws_freeContext, (struct SwsContext *swsContext), (swsContext))
KIOSK_FFMPEG_FORWARD(struct SwsContext *, sws_getCachedContext, (struct SwsContext *context, int srcW, int srcH, enum AVPixelFormat srcFormat, int dstW, int dstH, enum AVPixelFormat dstFormat, int flags, SwsFilter *srcFilter, SwsFilter *dstFilter, const double *param), (context, srcW, srcH, srcFormat, dstW, dstH, dstFormat, flags, srcFilter, dstFilter, param))
KIOSK_FFMPEG_FORWARD(int, sws_scale, (struct SwsContext *c, const uint8_t *const srcSlice[], const int srcStride[], int srcSliceY, int srcSliceH, uint8_t *const dst[], const int dstStride[]), (c, srcSlice, srcStride, srcSliceY, srcSliceH, dst, dstStride))

}  // extern "C"
