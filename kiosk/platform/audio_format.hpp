// The one sample format video sound is played in: every clip is resampled to it (libswresample,
// platform/audio_file_reader.cpp), so one SDL device format fits every clip and the sample queue
// counts time in frames of one fixed rate. 48 kHz because Opus always decodes to it and most
// sound cards run at it; stereo S16 interleaved (left, right, left, ...) because SDL converts it
// to anything and it halves the memory of float.
#pragma once

#include <cstdint>
#include <vector>

namespace kiosk::platform {

constexpr int kAudioRate = 48000;
constexpr int kAudioChannels = 2;

// A run of decoded sound: `samples` holds frames() frames of kAudioChannels interleaved S16
// samples, the first of them heard at `time` seconds of the clip (the video's own time line).
struct AudioChunk {
    double time = 0.0;
    std::vector<std::int16_t> samples;

    int frames() const { return static_cast<int>(samples.size() / kAudioChannels); }
    double endTime() const { return time + static_cast<double>(frames()) / kAudioRate; }
};

}  // namespace kiosk::platform
