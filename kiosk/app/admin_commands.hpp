// `kiosk admin …`: what an operator does once, at the terminal, when setting a kiosk up.
#pragma once

#include "app/cli.hpp"

namespace kiosk::app {

// Reads a new staff PIN (typed twice, unseen, at a terminal; one line from a pipe) and stores its
// hash in the state folder. 0 stored, 1 cannot write, 2 the PIN is not acceptable, 3 config error.
int adminSetPinCommand(const CommandLine& line);

}  // namespace kiosk::app
