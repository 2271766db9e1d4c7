// Running out of memory is an error the kiosk reports, not a crash.
#pragma once

namespace kiosk::app {

// Makes a std::bad_alloc that reaches std::terminate end the process with a message on stderr
// and exit code 1 (kExitFailure) instead of an abort. Such a bad_alloc is thrown where no code
// can catch it: in a destructor of nlohmann::json, inside libstdc++'s directory iterator, in a
// library's constructor while FFmpeg is loaded (found by tests/faults). Every other reason for
// std::terminate still aborts, with the runtime's own message, so real bugs leave a core dump.
void reportOutOfMemoryOnTerminate();

}  // namespace kiosk::app
