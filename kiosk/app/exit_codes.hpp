// The kiosk's exit codes: scripts and systemd units rely on them, so they never change meaning.
#pragma once

namespace kiosk::app {

enum ExitCode : int {
    kExitOk = 0,
    kExitFailure = 1,    // an unexpected internal error; the message says what
    kExitUsage = 2,      // a wrong command-line flag or value
    kExitConfig = 3,     // the config file is missing or invalid
    kExitNoDisplay = 4,  // no screen to draw on (see the message for xvfb-run or `kiosk screenshot`)
    kExitNotFound = 5,   // a pack or page named on the command line does not exist
    kExitUnavailable = 6,  // a server could not be reached or refused; nothing was lost, try again later
    kExitRefused = 7,      // content failed verification (signature, version, expiry, hash); the last good state stays
    kExitStaffQuit = 8,    // staff quit the kiosk on its staff screen (offered only when not run by systemd)
};

// Not an exit code: runCommand's answer when staff asked for a restart; main starts the same
// program again in the same process (so systemd and cage see the kiosk carry on).
inline constexpr int kRestartRequested = -1;

}  // namespace kiosk::app
