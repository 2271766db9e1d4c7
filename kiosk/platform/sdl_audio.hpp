// SDL's audio subsystem, started only while an audio device is open. Started for the kiosk's
// whole run, SDL 2.26's ALSA back end keeps a thread that wakes ten times a second and looks
// for new sound cards every five: 0.1 % of a core on a page where nothing moves, against the
// 0.05 % of issue 9 (tests/bench/RESULTS.md, "Idle CPU"). Speech (on its worker thread) and the
// video sound (on the frame thread) both start it; SDL counts the starts of a subsystem without
// a lock, so both go through these two functions, which take one.
#pragma once

#include <string>

namespace kiosk::platform {

// Starts the subsystem, or counts one more user: empty on success, else SDL's reason.
std::string startSdlAudio();
// One user less, after its device was closed: the last one stops the subsystem.
void stopSdlAudio();

}  // namespace kiosk::platform
