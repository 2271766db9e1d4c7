// What every subcommand does first: the effective config, the pack library, fonts, state folder.
#pragma once

#include <filesystem>
#include <optional>

#include "app/cli.hpp"
#include "core/config/kiosk_config.hpp"
#include "core/pack/pack_library.hpp"
#include "core/sync/shown_packs_claim.hpp"

namespace kiosk::app {

// The config file with the command-line flags applied and validated again. Every problem is
// printed with file:line; nullopt then (exit code kExitConfig).
std::optional<core::KioskConfig> loadEffectiveConfig(const ConfigOverrides& overrides);

// Loads all packs; packs with problems are reported on stderr and left out, the rest run.
// `shown` (may be null: a command that shows nothing for long) claims the synced packs loaded
// before a file of theirs is read, so that no other process removes them while they are shown.
core::PackLibrary loadLibraryReporting(const core::KioskConfig& config, core::ShownPacksClaim* shown = nullptr);

// Creates the state folder (its default under XDG_STATE_HOME) if it does not exist.
std::filesystem::path prepareStateFolder(const core::KioskConfig& config);

}  // namespace kiosk::app
