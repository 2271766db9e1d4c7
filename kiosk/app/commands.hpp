// The subcommands of `kiosk`, each returning an ExitCode.
#pragma once

#include "app/cli.hpp"
#include "core/util/clock.hpp"

namespace kiosk::app {

// `kiosk` / `kiosk run`: the visitor-facing kiosk on a screen.
int runCommand(const CommandLine& line, core::TimePoint startedAt);

// `kiosk screenshot`: one screen rendered headless into a PNG.
int screenshotCommand(const CommandLine& line);

// `kiosk stats`: the usage log summarised for staff, as a table, CSV or JSON on stdout.
int statsCommand(const CommandLine& line);

// `kiosk sync [--once]`: the signed catalogs of [sync], fetched, verified and installed.
int syncCommand(const CommandLine& line);

// `kiosk import PATH`: signed content from a folder (a USB stick), checked like a sync.
int importCommand(const CommandLine& line);

// `kiosk status`: the content shown and the syncs' outcome, from the state folder.
int statusCommand(const CommandLine& line);

// `kiosk selftest`: whether everything an event without network needs is there (exit code 0),
// else one line per thing to fix (exit code 1).
int selftestCommand(const CommandLine& line);

// `kiosk out-of-service`: a fixed notice for staff and visitors after the kiosk failed repeatedly;
// uses only the config's [window] (and defaults when the config itself is what broke).
int outOfServiceCommand(const CommandLine& line);

// `kiosk stats upload`: the finished days' suppressed numbers to the central server.
int statsUploadCommand(const CommandLine& line);

// `kiosk heartbeat`: one heartbeat now, to <state>/heartbeat.json and heartbeat.url.
int heartbeatCommand(const CommandLine& line);

// `kiosk fleet DIR`: every kiosk's last heartbeat, problems first (exit code 1 when any).
int fleetCommand(const CommandLine& line);

// `kiosk stats report`: the same suppressed numbers as one HTML file with charts, for staff to mail or print.
int statsReportCommand(const CommandLine& line);

}  // namespace kiosk::app
