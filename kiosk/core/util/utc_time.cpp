#include "core/util/utc_time.hpp"

#include <cstdio>
#include <ctime>

namespace kiosk::core {

std::string formatUtc(WallTime time) {
    const std::time_t t = std::chrono::system_clock::to_time_t(time);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buffer;
}

std::optional<WallTime> parseUtc(std::string_view text) {
    if (text.size() != 20 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':' || text[19] != 'Z') {
        return std::nullopt;
    }
    for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u, 11u, 12u, 14u, 15u, 17u, 18u}) {
        if (text[i] < '0' || text[i] > '9') return std::nullopt;
    }
    const auto number = [&](std::size_t at, std::size_t digits) {
        int n = 0;
        for (std::size_t i = 0; i < digits; ++i) n = n * 10 + (text[at + i] - '0');
        return n;
    };
    std::tm tm{};
    tm.tm_year = number(0, 4) - 1900;
    tm.tm_mon = number(5, 2) - 1;
    tm.tm_mday = number(8, 2);
    tm.tm_hour = number(11, 2);
    tm.tm_min = number(14, 2);
    tm.tm_sec = number(17, 2);
    if (tm.tm_mon > 11 || tm.tm_mday < 1 || tm.tm_mday > 31 || tm.tm_hour > 23 || tm.tm_min > 59 || tm.tm_sec > 60) return std::nullopt;
    // timegm normalises (in place) 30 February into March: only a date that comes back the same is real.
    std::tm normalised = tm;
    const std::time_t t = timegm(&normalised);
    if (normalised.tm_mday != tm.tm_mday || normalised.tm_mon != tm.tm_mon) return std::nullopt;
    // WallTime counts nanoseconds in 64 bits, from 1677 to 2262: a year outside would overflow
    // (an "expires" of 9999 in signed metadata; found by tests/fuzz, harness catalog).
    using Seconds = std::chrono::seconds;
    constexpr auto kFirst = std::chrono::duration_cast<Seconds>(WallTime::duration::min()).count() + 1;
    constexpr auto kLast = std::chrono::duration_cast<Seconds>(WallTime::duration::max()).count() - 1;
    if (t < kFirst || t > kLast) return std::nullopt;
    return std::chrono::system_clock::from_time_t(t);
}

}  // namespace kiosk::core
