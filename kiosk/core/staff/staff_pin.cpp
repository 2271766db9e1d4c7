// Files are small text: the hash in libsodium's own string format, the attempts as two lines.
#include "core/staff/staff_pin.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <vector>

#include <sodium.h>

#include "core/util/atomic_file.hpp"

namespace kiosk::core {
namespace {

std::string readWhole(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

// libsodium wants a NUL-terminated hash string; trailing newlines from editors are dropped.
std::string trimmed(std::string text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) text.pop_back();
    return text;
}

}  // namespace

std::string checkNewPin(std::string_view pin) {
    if (pin.size() < 4 || pin.size() > 12) return "a staff PIN has 4 to 12 digits";
    if (!std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        return "a staff PIN has digits only (the staff screen's keypad has no letters)";
    }
    return "";
}

std::chrono::seconds delayAfterFailures(int failures) {
    if (failures < 3) return std::chrono::seconds(0);
    const int doublings = std::min(failures - 3, 7);  // 30 s · 2^7 > 1 h: the cap takes over
    return std::min(std::chrono::seconds(30) * (1 << doublings), std::chrono::seconds(3600));
}

StaffPin::StaffPin(std::filesystem::path stateFolder, const WallClock& clock)
    : m_hashFile(stateFolder / "staff-pin"), m_attemptsFile(stateFolder / "staff-pin-attempts"), m_clock(clock) {
    // Idempotent and thread-safe; it only fails where the system has no source of randomness.
    if (sodium_init() < 0) throw std::runtime_error("libsodium cannot start: no source of randomness");
}

bool StaffPin::isSet() const {
    std::error_code error;
    return std::filesystem::is_regular_file(m_hashFile, error);
}

std::string StaffPin::set(std::string_view pin) {
    if (std::string problem = checkNewPin(pin); !problem.empty()) return problem;
    std::vector<char> hash(crypto_pwhash_STRBYTES, '\0');
    if (crypto_pwhash_str(hash.data(), pin.data(), pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
        return "not enough memory to hash the PIN (Argon2id needs 64 MiB)";
    }
    if (std::string error = writeFileAtomically(m_hashFile, std::string(hash.data()) + "\n", 0600); !error.empty()) {
        return error;
    }
    return writeAttempts(Attempts{});
}

StaffPin::Attempts StaffPin::readAttempts() const {
    Attempts attempts;
    std::istringstream in(readWhole(m_attemptsFile));
    std::string key;
    long long value = 0;
    while (in >> key >> value) {
        if (key == "failures") attempts.failures = static_cast<int>(std::clamp<long long>(value, 0, 1000));
        // Clamped to the year 2242 at most: a garbled file must not overflow the nanosecond clock
        // (and a time far ahead only makes the wait count from now, see waitLeft).
        if (key == "last") attempts.last = WallTime{std::chrono::seconds(std::clamp<long long>(value, 0, 1LL << 33))};
    }
    return attempts;
}

std::string StaffPin::writeAttempts(const Attempts& attempts) const {
    const auto last = std::chrono::duration_cast<std::chrono::seconds>(attempts.last.time_since_epoch()).count();
    return writeFileAtomically(m_attemptsFile,
                               "failures " + std::to_string(attempts.failures) + "\nlast " + std::to_string(last) + "\n", 0600);
}

std::chrono::seconds StaffPin::waitLeft() const {
    const Attempts attempts = readAttempts();
    const std::chrono::seconds delay = delayAfterFailures(attempts.failures);
    if (delay.count() == 0) return delay;
    const WallTime now = m_clock.now();
    // A clock set back (or a faked file from the future) must not shorten the wait: count it
    // from now then.
    if (now < attempts.last) return delay;
    const auto passed = std::chrono::duration_cast<std::chrono::seconds>(now - attempts.last);
    return passed >= delay ? std::chrono::seconds(0) : delay - passed;
}

StaffPin::Verdict StaffPin::verify(std::string_view pin) {
    if (!isSet()) return Verdict{Verdict::Kind::NotSet, {}, {}};
    if (const auto wait = waitLeft(); wait.count() > 0) return Verdict{Verdict::Kind::Waiting, wait, {}};
    const std::string hash = trimmed(readWhole(m_hashFile));
    if (hash.empty()) return Verdict{Verdict::Kind::Unreadable, {}, "cannot read " + m_hashFile.string()};
    Attempts attempts = readAttempts();
    if (crypto_pwhash_str_verify(hash.c_str(), pin.data(), pin.size()) == 0) {
        if (attempts.failures > 0) writeAttempts(Attempts{});
        return Verdict{Verdict::Kind::Accepted, {}, {}};
    }
    ++attempts.failures;
    attempts.last = m_clock.now();
    // Counted before the answer is given: pulling the plug now does not undo the attempt.
    if (std::string error = writeAttempts(attempts); !error.empty()) {
        return Verdict{Verdict::Kind::Unreadable, {}, error};
    }
    return Verdict{Verdict::Kind::Wrong, delayAfterFailures(attempts.failures), {}};
}

}  // namespace kiosk::core
