// `kiosk selftest`: the event-mode self-test at the terminal, one line per check, so an operator
// (or a provisioning script, by the exit code) knows before leaving whether the kiosk can run an
// event without network.
#include <cstdio>

#include "app/commands.hpp"
#include "app/exit_codes.hpp"
#include "app/startup.hpp"
#include "app/self_test_input.hpp"

namespace kiosk::app {

int selftestCommand(const CommandLine& line) {
    auto config = loadEffectiveConfig(line.overrides);
    if (!config) return kExitConfig;
    const core::SelfTestInput input = selfTestInput(*config, prepareStateFolder(*config));

    int toFix = 0;
    for (const core::SelfTestCheck& check : core::runSelfTest(input)) {
        if (check.ok) {
            std::printf("ok  %s: %s\n", check.name.c_str(), check.detail.c_str());
        } else {
            ++toFix;
            std::printf("FIX %s: %s — %s\n", check.name.c_str(), check.detail.c_str(), check.fix.c_str());
        }
    }
    if (toFix == 0) {
        std::printf("ready for an event without network\n");
        return kExitOk;
    }
    std::printf("not ready: %d thing(s) to fix\n", toFix);
    return kExitFailure;
}

}  // namespace kiosk::app
