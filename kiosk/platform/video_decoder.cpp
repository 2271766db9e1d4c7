// The video decoder's worker thread: reads orders from the frame queue, decodes, hands frames over.
#include "platform/video_decoder.hpp"

#include "core/util/log.hpp"

namespace kiosk::platform {

core::Result<std::unique_ptr<VideoDecoder>> VideoDecoder::open(const std::filesystem::path& file,
                                                                std::size_t bufferedFrames) {
    auto reader = VideoFileReader::open(file);
    if (!reader) return reader.error();
    return std::unique_ptr<VideoDecoder>(new VideoDecoder(file, std::move(reader).value(), bufferedFrames));
}

VideoDecoder::VideoDecoder(std::filesystem::path file, std::unique_ptr<VideoFileReader> reader,
                           std::size_t bufferedFrames)
    : m_file(std::move(file)), m_reader(std::move(reader)), m_info(m_reader->info()), m_queue(bufferedFrames) {
    m_worker = std::thread([this] { decodeUntilStopped(); });
}

VideoDecoder::~VideoDecoder() { stop(); }

std::shared_ptr<const VideoFrame> VideoDecoder::frameFor(double mediaTime) { return m_queue.frameFor(mediaTime); }

void VideoDecoder::seek(double seconds) { m_queue.requestSeek(seconds); }

void VideoDecoder::stop() {
    m_queue.requestStop();
    if (m_worker.joinable()) m_worker.join();
}

void VideoDecoder::decodeUntilStopped() {
    // A thread entry point: an exception here is a bug, but it becomes the decoder's error state
    // (an error card) rather than std::terminate taking the kiosk down.
    try {
        for (;;) {
            const VideoFrameQueue::Order order = m_queue.nextOrder();
            if (order.kind == VideoFrameQueue::Order::Kind::Stop) return;
            if (order.kind == VideoFrameQueue::Order::Kind::Seek) {
                if (auto sought = m_reader->seek(order.seekTo); !sought) m_queue.markFailed(sought.error());
                continue;
            }
            auto frame = std::make_shared<VideoFrame>();
            auto decoded = m_reader->next(*frame);
            if (!decoded)
                m_queue.markFailed(decoded.error());
            else if (!decoded.value())
                m_queue.markEnd(order.generation);
            else
                m_queue.push(std::move(frame), order.generation);
        }
    } catch (...) {
        const std::string what = core::describeCurrentException();
        core::logError("video", m_file.string() + ": the decoder failed: " + what);
        m_queue.markFailed(core::Error{core::ErrorCode::Damaged, m_file.string(), 0, "the video decoder failed: " + what,
                                       "the kiosk's log has the details"});
    }
}

}  // namespace kiosk::platform
