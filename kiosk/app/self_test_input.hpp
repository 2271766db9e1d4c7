// The self-test's input as this kiosk has it: its config, state folder, the system's fonts and speech voices.
// Shared by `kiosk selftest` and the staff screen's button.
#pragma once

#include "core/ops/self_test.hpp"

namespace kiosk::app {

core::SelfTestInput selfTestInput(const core::KioskConfig& config, const std::filesystem::path& stateFolder);

}  // namespace kiosk::app
