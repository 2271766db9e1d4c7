// The PIN never appears on screen, in the shell history or in a process list: it is read from
// the terminal with echo off (or from standard input, for provisioning scripts), never from argv.
#include <cstdio>
#include <iostream>
#include <string>

#include <termios.h>
#include <unistd.h>

#include <sodium.h>

#include "app/admin_commands.hpp"
#include "app/exit_codes.hpp"
#include "app/startup.hpp"
#include "core/staff/staff_pin.hpp"

namespace kiosk::app {
namespace {

// One line from standard input; with echo off when it is a terminal.
std::string readSecretLine(const char* prompt, bool terminal) {
    if (terminal) std::fprintf(stderr, "%s", prompt);
    termios saved{};
    if (terminal && tcgetattr(STDIN_FILENO, &saved) == 0) {
        termios quiet = saved;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    std::string line;
    std::getline(std::cin, line);
    if (terminal) {
        tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        std::fprintf(stderr, "\n");
    }
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
}

void wipe(std::string& secret) {
    if (!secret.empty()) sodium_memzero(secret.data(), secret.size());
    secret.clear();
}

}  // namespace

int adminSetPinCommand(const CommandLine& line) {
    auto config = loadEffectiveConfig(line.overrides);
    if (!config) return kExitConfig;
    const std::filesystem::path state = prepareStateFolder(*config);

    const bool terminal = isatty(STDIN_FILENO) != 0;
    std::string pin = readSecretLine("New staff PIN (4 to 12 digits): ", terminal);
    if (terminal) {
        std::string again = readSecretLine("The same PIN again: ", true);
        const bool same = again == pin;
        wipe(again);
        if (!same) {
            wipe(pin);
            std::fprintf(stderr, "kiosk admin set-pin: the two PINs differ; nothing was changed\n");
            return kExitUsage;
        }
    }
    if (const std::string problem = core::checkNewPin(pin); !problem.empty()) {
        wipe(pin);
        std::fprintf(stderr, "kiosk admin set-pin: %s; nothing was changed\n", problem.c_str());
        return kExitUsage;
    }
    const core::SystemWallClock clock;
    core::StaffPin store(state, clock);
    const std::string error = store.set(pin);
    wipe(pin);
    if (!error.empty()) {
        std::fprintf(stderr, "kiosk admin set-pin: %s\n", error.c_str());
        return kExitFailure;
    }
    std::printf("staff PIN stored as a hash in %s (the staff screen opens with %s)\n", (state / "staff-pin").c_str(),
                "the hidden corner taps, see [staff] in the config");
    return kExitOk;
}

}  // namespace kiosk::app
