// The staff PIN: kept only as a libsodium password hash (Argon2id) in the state folder, with a
// delay after wrong attempts that grows and survives restarts (it is counted in a file, by the
// wall clock), so a visitor cannot try PINs by the thousand, not even by pulling the plug.
#pragma once

#include <chrono>
#include <filesystem>
#include <string>
#include <string_view>

#include "core/util/clock.hpp"

namespace kiosk::core {

// "" if `pin` may be a staff PIN (4 to 12 digits), else what is wrong with it.
std::string checkNewPin(std::string_view pin);

// How long entry is refused after `failures` wrong PINs in a row: none for the first two
// (typos), then 30 s, doubling with each further one, at most an hour.
std::chrono::seconds delayAfterFailures(int failures);

class StaffPin {
public:
    // Files: <stateFolder>/staff-pin (the hash) and <stateFolder>/staff-pin-attempts.
    StaffPin(std::filesystem::path stateFolder, const WallClock& clock);

    bool isSet() const;
    // Hashes and stores a new PIN (and forgets earlier wrong attempts). "" or what failed.
    std::string set(std::string_view pin);

    struct Verdict {
        enum class Kind { Accepted, Wrong, Waiting, NotSet, Unreadable };
        Kind kind;
        std::chrono::seconds wait{0};  // Wrong and Waiting: until the next attempt is taken
        std::string detail;            // Unreadable: which file and why
    };
    // Checks `pin` unless a delay is running (then it is not even looked at). Takes about 0.1 s
    // (Argon2id's "interactive" cost): staff wait that long once, an attacker every time.
    Verdict verify(std::string_view pin);
    // The delay still running, 0 if a PIN may be tried now.
    std::chrono::seconds waitLeft() const;

private:
    struct Attempts {
        int failures = 0;
        WallTime last{};
    };
    Attempts readAttempts() const;
    std::string writeAttempts(const Attempts& attempts) const;

    std::filesystem::path m_hashFile;
    std::filesystem::path m_attemptsFile;
    const WallClock& m_clock;
};

}  // namespace kiosk::core
