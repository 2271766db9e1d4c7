// `kiosk pack validate`, `kiosk pack new` and `kiosk preview`: the tools staff write packs with.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "app/cli.hpp"

namespace kiosk::app {

// Every error and warning as file:line:col lines (or JSON); 0 valid, 1 errors, 2 usage.
int packValidateCommand(const PackValidateOptions& options);

// A new pack from the built-in template, ready to edit; 0 created, 1 cannot write, 2 usage.
int packNewCommand(const PackNewOptions& options);

// A window showing one pack, reloaded when its files change; problems listed on screen.
int previewCommand(const CommandLine& line);

}  // namespace kiosk::app
