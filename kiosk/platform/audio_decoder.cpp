// The audio decoder's worker thread: reads orders from the sample queue, decodes, hands sound over.
#include "platform/audio_decoder.hpp"

#include "core/util/log.hpp"

namespace kiosk::platform {

core::Result<std::unique_ptr<AudioDecoder>> AudioDecoder::open(const std::filesystem::path& file, int bufferedFrames) {
    auto reader = AudioFileReader::open(file);
    if (!reader) return reader.error();
    if (!reader.value()) return std::unique_ptr<AudioDecoder>();  // no sound in the clip
    return std::unique_ptr<AudioDecoder>(new AudioDecoder(file, std::move(reader).value(), bufferedFrames));
}

AudioDecoder::AudioDecoder(std::filesystem::path file, std::unique_ptr<AudioFileReader> reader, int bufferedFrames)
    : m_file(std::move(file)), m_reader(std::move(reader)), m_info(m_reader->info()), m_queue(bufferedFrames) {
    m_worker = std::thread([this] { decodeUntilStopped(); });
}

AudioDecoder::~AudioDecoder() { stop(); }

void AudioDecoder::stop() {
    m_queue.requestStop();
    if (m_worker.joinable()) m_worker.join();
}

void AudioDecoder::decodeUntilStopped() {
    // A thread entry point: an exception here is a bug, but it becomes the decoder's error state
    // (the player goes on without sound) rather than std::terminate taking the kiosk down.
    try {
        AudioChunk chunk;  // its samples' memory is reused chunk after chunk
        for (;;) {
            const AudioSampleQueue::Order order = m_queue.nextOrder();
            if (order.kind == AudioSampleQueue::Order::Kind::Stop) return;
            if (order.kind == AudioSampleQueue::Order::Kind::Seek) {
                if (auto sought = m_reader->seek(order.seekTo); !sought) m_queue.markFailed(sought.error());
                continue;
            }
            auto decoded = m_reader->next(chunk);
            if (!decoded)
                m_queue.markFailed(decoded.error());
            else if (!decoded.value())
                m_queue.markEnd(order.generation);
            else
                m_queue.push(chunk, order.generation);
        }
    } catch (...) {
        const std::string what = core::describeCurrentException();
        core::logError("audio", m_file.string() + ": the sound decoder failed: " + what);
        m_queue.markFailed(core::Error{core::ErrorCode::Damaged, m_file.string(), 0, "the sound decoder failed: " + what,
                                       "the kiosk's log has the details"});
    }
}

}  // namespace kiosk::platform
