// Operations in the real window loop (issue 8): systemd's watchdog pings stop when the loop
// stalls, and outside opening hours nothing is drawn until the hours begin or a touch wakes it.
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include <SDL.h>
#include <doctest/doctest.h>
#include <imgui.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "core/nav/navigator.hpp"
#include "core/ops/screen_schedule.hpp"
#include "core/pack/pack_library.hpp"
#include "platform/service_notifier.hpp"
#include "platform/system_info.hpp"
#include "platform/window_loop.hpp"
#include "recording_speech.hpp"
#include "sdl_events.hpp"

namespace {

using namespace kiosk;
using namespace std::chrono_literals;

// Stands in for systemd's notify socket: a datagram socket the kiosk's sd_notify() writes to.
class NotifySocket {
public:
    explicit NotifySocket(std::filesystem::path path) : m_path(std::move(path)) {
        m_fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        REQUIRE(m_fd >= 0);
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        REQUIRE(m_path.string().size() < sizeof address.sun_path);
        m_path.string().copy(address.sun_path, sizeof address.sun_path - 1);
        REQUIRE(bind(m_fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0);
    }
    ~NotifySocket() {
        close(m_fd);
        std::filesystem::remove(m_path);
    }
    NotifySocket(const NotifySocket&) = delete;
    NotifySocket& operator=(const NotifySocket&) = delete;

    // Every message queued since the last call.
    std::vector<std::string> drain() {
        std::vector<std::string> messages;
        char buffer[512];
        for (ssize_t n; (n = recv(m_fd, buffer, sizeof buffer, 0)) > 0;) messages.emplace_back(buffer, static_cast<std::size_t>(n));
        return messages;
    }

private:
    std::filesystem::path m_path;
    int m_fd = -1;
};

int count(const std::vector<std::string>& messages, const std::string& text) {
    int n = 0;
    for (const auto& m : messages) n += m == text ? 1 : 0;
    return n;
}

struct LoopFixture {
    core::PackLibrary library;
    core::Navigator nav;

    explicit LoopFixture(const core::Clock& clock)
        : library(core::loadPackLibrary(std::vector<std::filesystem::path>{KIOSK_TEST_DATA "/content"})),
          nav(library, {"de", "en"}, "de", std::chrono::seconds(60), clock.now()) {}
};

void pushQuit() {
    SDL_Event quit{};
    quit.type = SDL_QUIT;
    test::push(quit);
}

void pushTap(float x, float y) {
    SDL_Window* window = test::findKioskWindow();
    REQUIRE(window != nullptr);
    const Uint32 id = SDL_GetWindowID(window);
    test::push(test::finger(SDL_FINGERDOWN, 1, x, y, id));
    test::push(test::finger(SDL_FINGERUP, 1, x, y, id));
}

// 2026-11-30 was a Monday; the tests run in UTC so an instant is a known weekday and hour.
core::WallTime mondayUtc(int hour, int minute) {
    using namespace std::chrono;
    return sys_days{year{2026} / November / 30} + hours(hour) + minutes(minute);
}

core::OpeningHours weekdays9to18() {
    core::OpeningHours hours;
    hours.always = false;
    for (std::size_t day = 0; day < 5; ++day) hours.week.at(day) = {{9 * 60, 18 * 60}};
    return hours;
}

// The real loop with opening hours; `step` runs once per iteration (events it pushes are pumped by the next).
platform::WindowLoopResult runScheduled(core::ScreenSchedule& schedule, const core::WallClock& wall, core::Navigator& nav,
                                        const core::Clock& clock, const std::function<void()>& step) {
    platform::WindowLoopOptions options;
    options.window.mode = core::WindowMode::Fullscreen;
    options.schedule = &schedule;
    options.wallClock = &wall;
    options.pollMilliseconds = 0;  // with a clock that stands still: every iteration
    options.poll = [&](ui::KioskUi&) {
        step();
        return false;
    };
    return platform::runWindowLoop(options, nav, clock, platform::systemFontFiles());
}

}  // namespace

TEST_CASE("watchdog: the frame loop pings systemd while it runs, and not while it is stuck") {
    const auto socketPath = std::filesystem::temp_directory_path() / ("kiosk-notify-" + std::to_string(getpid()));
    NotifySocket systemd(socketPath);
    setenv("NOTIFY_SOCKET", socketPath.c_str(), 1);
    setenv("WATCHDOG_USEC", "100000", 1);  // 100 ms: a ping every 50 ms
    platform::ServiceNotifier notifier = platform::ServiceNotifier::fromEnvironment();
    unsetenv("WATCHDOG_USEC");
    REQUIRE(notifier.pingInterval() == std::optional<core::Duration>(50ms));

    core::SteadyClock clock;
    LoopFixture f(clock);
    std::vector<std::string> beforeStall;
    std::vector<std::string> duringStall;
    std::vector<std::string> afterStall;
    const auto start = clock.now();
    enum class Stage { Running, Stalled, Recovering } stage = Stage::Running;
    core::TimePoint stallEnded{};

    platform::WindowLoopOptions options;
    options.window.mode = core::WindowMode::Fullscreen;
    options.notifier = &notifier;
    options.pollMilliseconds = 10;
    options.poll = [&](ui::KioskUi&) {
        if (stage == Stage::Running && clock.now() - start > 400ms) {
            beforeStall = systemd.drain();
            // A stuck frame loop, as a deadlock or an endless layout would leave it.
            std::this_thread::sleep_for(600ms);
            duringStall = systemd.drain();
            stallEnded = clock.now();
            stage = Stage::Stalled;
        } else if (stage == Stage::Stalled && clock.now() - stallEnded > 400ms) {
            afterStall = systemd.drain();
            stage = Stage::Recovering;
            pushQuit();
        }
        return false;
    };
    const auto result = platform::runWindowLoop(options, f.nav, clock, platform::systemFontFiles());
    unsetenv("NOTIFY_SOCKET");
    const std::vector<std::string> atExit = systemd.drain();

    REQUIRE_MESSAGE(result.error.empty(), result.error);
    REQUIRE(stage == Stage::Recovering);
    CHECK(count(beforeStall, "READY=1") == 1);  // after the first frame
    CHECK(count(beforeStall, "WATCHDOG=1") >= 2);
    CHECK(duringStall.empty());  // 600 ms, twelve intervals, and not one ping: systemd would restart us
    CHECK(count(afterStall, "WATCHDOG=1") >= 2);  // the loop came back, so do the pings
    CHECK(count(atExit, "STOPPING=1") == 1);
}

TEST_CASE("watchdog: without systemd's variables the kiosk sends nothing and sets no ping interval") {
    unsetenv("NOTIFY_SOCKET");
    setenv("WATCHDOG_USEC", "100000", 1);
    const platform::ServiceNotifier notifier = platform::ServiceNotifier::fromEnvironment();
    unsetenv("WATCHDOG_USEC");
    CHECK_FALSE(notifier.supervised());
    CHECK_FALSE(notifier.pingInterval());
    CHECK_FALSE(notifier.nextPingDue());
}

TEST_CASE("schedule: outside opening hours the loop draws nothing, a touch wakes it, the hours light it") {
    setenv("TZ", "UTC", 1);
    tzset();
    core::ManualClock clock;  // steady time stands still: no attract slide or idle reset interferes
    core::ManualWallClock wall(mondayUtc(20, 0));
    core::ScreenSchedule schedule(weekdays9to18(), 10min);
    LoopFixture f(clock);

    // One step per loop iteration; each reads how many frames ImGui has begun so far.
    struct Observed {
        int darkStart = -1, afterIdling = -1, afterWake = -1, afterWakeEnded = -1, laterInTheNight = -1, morning = -1;
        core::VisitorPhase phaseAfterWake{};
    } seen;
    int iteration = 0;
    const auto result = runScheduled(schedule, wall, f.nav, clock, [&] {
        const int frames = ImGui::GetFrameCount();
        switch (iteration++) {
            case 0: seen.darkStart = frames; break;
            case 30: seen.afterIdling = frames; pushTap(0.5f, 0.5f); break;  // a passer-by touches the dark screen
            case 40: seen.afterWake = frames; seen.phaseAfterWake = f.nav.visit().phase(); wall.advance(11min); break;
            case 45: seen.afterWakeEnded = frames; break;
            case 75: seen.laterInTheNight = frames; wall.advance(13h); break;  // Tuesday, 09:00 and a bit
            case 85: seen.morning = frames; pushQuit(); break;
            default: break;
        }
    });
    REQUIRE_MESSAGE(result.error.empty(), result.error);
    REQUIRE(iteration > 85);

    CHECK(seen.darkStart == 0);
    CHECK(seen.afterIdling == 0);   // thirty iterations in the dark: not one frame
    CHECK(seen.afterWake > 0);      // the touch woke it
    CHECK(seen.phaseAfterWake == core::VisitorPhase::Attract);  // and pressed nothing: the attract loop shows
    CHECK(seen.laterInTheNight == seen.afterWakeEnded);  // ten minutes later, dark again: no frames
    CHECK(seen.morning > seen.laterInTheNight);          // opening time lights it without a touch
    CHECK(result.framesDrawn == seen.morning);
}

TEST_CASE("schedule: closing time does not cut off a visitor, and with wake_on_touch_minutes = 0 a touch stays dark") {
    setenv("TZ", "UTC", 1);
    tzset();
    core::ManualClock clock;
    core::ManualWallClock wall(mondayUtc(17, 59));
    core::ScreenSchedule schedule(weekdays9to18(), 0min);
    LoopFixture f(clock);
    f.nav.apply(core::OpenPack{"test-pack"}, clock.now());  // someone is reading a pack at 17:59

    int iteration = 0;
    int atClosing = -1;
    int afterTouchInVisit = -1;
    int afterReset = -1;
    int afterTouchInDark = -1;
    const auto result = runScheduled(schedule, wall, f.nav, clock, [&] {
        const int frames = ImGui::GetFrameCount();
        switch (iteration++) {
            case 10: wall.advance(30min); break;
            case 20: atClosing = frames; pushTap(0.5f, 0.1f); break;
            case 30: afterTouchInVisit = frames; clock.advance(10min); break;  // the visitor leaves: idle reset, notice, attract
            case 40: clock.advance(1min); break;
            case 50: afterReset = frames; pushTap(0.5f, 0.5f); break;
            case 60: afterTouchInDark = frames; pushQuit(); break;
            default: break;
        }
    });
    REQUIRE_MESSAGE(result.error.empty(), result.error);
    CHECK(afterTouchInVisit > atClosing);  // 18:29, and the visitor's touch still draws
    CHECK(f.nav.visit().phase() == core::VisitorPhase::Attract);
    CHECK(afterTouchInDark == afterReset);  // the visit over, the screen went dark and stays so
}

TEST_CASE("read aloud: while a page is read, the visit does not time out, and the countdown starts when reading ends") {
    core::ManualClock clock;
    LoopFixture f(clock);  // the visit resets after 60 s without a touch
    test::RecordingSpeech speech;
    f.nav.apply(core::OpenPack{"test-pack"}, clock.now());
    int iteration = 0;
    core::VisitorPhase whileReading{};
    core::VisitorPhase afterReading{};
    platform::WindowLoopOptions options;
    options.window.mode = core::WindowMode::Fullscreen;
    options.speechOutput = &speech;
    options.pollMilliseconds = 0;
    options.poll = [&](ui::KioskUi&) {
        // After the page's first frame: arriving on a page silences what was read before.
        if (iteration == 1) speech.speak({{"Ein sehr langer Text", "de", "title"}});
        if (iteration >= 2 && iteration <= 11) clock.advance(30s);  // five minutes of listening
        if (iteration == 12) {
            whileReading = f.nav.visit().phase();
            speech.finishCurrent();  // the page is read to its end
        }
        if (iteration >= 13 && iteration <= 16) clock.advance(30s);
        if (iteration == 17) {
            afterReading = f.nav.visit().phase();
            pushQuit();
        }
        ++iteration;
        f.nav.tick(clock.now());
        return false;
    };
    const auto result = platform::runWindowLoop(options, f.nav, clock, platform::systemFontFiles());
    REQUIRE_MESSAGE(result.error.empty(), result.error);
    CHECK(whileReading == core::VisitorPhase::Visiting);
    CHECK(afterReading != core::VisitorPhase::Visiting);  // two minutes later: the prompt or the reset
}
