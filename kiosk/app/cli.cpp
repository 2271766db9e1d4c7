// Flag names are promises to users and their scripts (`--frames`, `screenshot --out` …): keep them.
#include "app/cli.hpp"

#include <CLI/CLI.hpp>

#include "core/config/kiosk_config.hpp"

namespace kiosk::app {

std::string sizeRangeText() {
    return std::to_string(core::kMinWindowWidth) + "x" + std::to_string(core::kMinWindowHeight) + " to " +
           std::to_string(core::kMaxWindowSide) + "x" + std::to_string(core::kMaxWindowSide);
}

void defineCommandLine(CLI::App& app, CommandLine& line) {
    auto& o = line.overrides;
    app.add_option("-c,--config", o.configFile, std::string("Config file (default: ") + KIOSK_DEFAULT_CONFIG + ")");
    app.add_option("--content", o.contentFolders, "Content folder with one sub-folder per pack; repeat for several")
        ->type_name("DIR");
    app.add_option("--state", o.stateFolder, "Folder for the kiosk's own data (default: XDG state dir)")->type_name("DIR");
    app.add_option("--languages", o.languages, "Languages a visitor can choose, e.g. de,en,uk")
        ->delimiter(',')
        ->type_name("TAG,TAG");
    app.add_option("--lang", o.defaultLanguage, "Default language, e.g. de or en")->type_name("TAG");
    app.add_option("--idle-seconds", o.idleSeconds, "Seconds without a touch before the kiosk returns home")
        ->check(CLI::Range(10, 3600));
    auto* windowed = app.add_flag("--windowed", o.windowed, "Run in a window (closable) instead of fullscreen");
    app.add_flag("--fullscreen", o.fullscreen, "Run fullscreen (closing is for staff)")->excludes(windowed);
    app.add_option("--size", o.windowSize, "Window size in windowed mode")->type_name("WxH");
    app.add_option("--rotation", o.rotation, "Rotate the picture clockwise for portrait-mounted screens")
        ->check(CLI::IsMember({0, 90, 180, 270}));
    app.add_option("--frames", line.run.frames, "Draw N frames and exit (smoke tests, benchmarks)")
        ->check(CLI::Range(1, 1'000'000));

    auto* run = app.add_subcommand("run", "Run the kiosk (the default when no subcommand is given)");
    run->fallthrough();  // `kiosk run --windowed` and `kiosk --windowed` mean the same
    run->callback([&line] { line.command = Command::Run; });

    auto* shot = app.add_subcommand("screenshot", "Render one screen to a PNG file, with no display needed");
    shot->fallthrough();  // `kiosk screenshot --content DIR …` works like `kiosk --content DIR screenshot …`
    auto& s = line.screenshot;
    auto* packOption = shot->add_option("--pack", s.packId, "Pack to show (default: the home screen)")->type_name("ID");
    shot->add_option("--page", s.pageId, "Page of that pack (default: its start page)")->type_name("ID")->needs(packOption);
    auto* flowOption =
        shot->add_option("--flow", s.flowId, "Flow of that pack, filled with sample answers up to --step")->type_name("ID")->needs(packOption);
    shot->add_option("--step", s.step, "Step of the flow: 1, 2 … summary or result (default: 1)")->type_name("N")->needs(flowOption);
    auto* attractFlag = shot->add_flag("--attract", s.attract, "The attract loop, as the kiosk shows it when nobody is there");
    shot->add_option("--slide", s.slide, "Which picture of the attract loop (counted from 0)")
        ->check(CLI::Range(0, 10'000))
        ->needs(attractFlag);
    attractFlag->excludes(packOption);
    shot->add_option("--lang", s.language, "Language to render (default: the configured default)")->type_name("TAG");
    shot->add_option("--size", s.size, "Picture size")->capture_default_str()->type_name("WxH");
    shot->add_option("--out", s.out, "PNG file to write")->required()->type_name("FILE");
    shot->callback([&line] { line.command = Command::Screenshot; });

    auto* pack = app.add_subcommand("pack", "Tools for content packs: validate, new");
    pack->require_subcommand(1);
    auto* validate = pack->add_subcommand("validate", "Check packs and print every problem as file:line:col");
    validate->add_option("PATH", line.packValidate.paths, "Pack folders, or folders of packs (e.g. content/*)")
        ->required()
        ->type_name("PATH");
    validate->add_flag("--json", line.packValidate.json, "Print the problems as JSON, for tools");
    validate->callback([&line] { line.command = Command::PackValidate; });
    auto* create = pack->add_subcommand("new", "Create a new pack from a template that shows how things are done");
    create->add_option("ID", line.packNew.id, "The new pack's id, e.g. library-card")->required()->type_name("ID");
    create->add_option("--out", line.packNew.out, "Folder to create it in (default: the current folder)")->type_name("DIR");
    create->callback([&line] { line.command = Command::PackNew; });

    auto* preview = app.add_subcommand("preview", "Show one pack in a window and reload it when a file changes");
    preview->fallthrough();
    preview->add_option("PATH", line.preview.pack, "The pack folder")->required()->type_name("PATH");
    preview->add_option("--lang", line.preview.language, "Language to start in")->type_name("TAG");
    preview->callback([&line] { line.command = Command::Preview; });

    auto* admin = app.add_subcommand("admin", "Set-up tasks for operators: set-pin");
    admin->require_subcommand(1);
    admin->fallthrough();
    auto* setPin = admin->add_subcommand("set-pin", "Set the staff PIN (read from the terminal, stored only as a hash)");
    setPin->fallthrough();  // `kiosk admin set-pin --state DIR` like `kiosk --state DIR admin set-pin`
    setPin->callback([&line] { line.command = Command::AdminSetPin; });

    auto* catalog = app.add_subcommand("catalog", "For the central server: keys, and publishing signed packs (keygen, publish, rotate)");
    catalog->require_subcommand(1);
    auto& c = line.catalog;
    auto* keygen = catalog->add_subcommand("keygen", "Make a root key, a catalog key and the first root.json that trusts them");
    keygen->add_option("--out", c.out, "Folder for the keys and root.json (must not hold keys yet)")->required()->type_name("DIR");
    keygen->add_option("--expires-days", c.expiresDays, "How long root.json is valid (default 730)")->check(CLI::Range(1, 3650));
    keygen->callback([&line] { line.command = Command::CatalogKeygen; });
    auto* publish = catalog->add_subcommand("publish", "Archive packs and sign a new catalog (index.json) into a folder a web server serves");
    publish->add_option("PACK", c.packs, "Pack folders, or folders of packs (e.g. content)")->required()->type_name("PATH");
    publish->add_option("--key", c.key, "The catalog key that signs (catalog.key from keygen)")->required()->type_name("FILE");
    publish->add_option("--root", c.root, "The root.json that lists that key")->required()->type_name("FILE");
    publish->add_option("--out", c.out, "The folder to publish into (its index.json is replaced)")->required()->type_name("DIR");
    publish->add_option("--expires-days", c.expiresDays, "How long kiosks may install this catalog (default 30)")->check(CLI::Range(1, 365));
    publish->add_option("--version", c.version, "The catalog's version (default: the published one + 1)")->check(CLI::Range(1, 1'000'000'000));
    publish->callback([&line] { line.command = Command::CatalogPublish; });
    auto* rotate = catalog->add_subcommand("rotate", "Sign the next root.json that replaces the catalog key, the root key, or both");
    rotate->add_option("--root", c.root, "The root.json in force (the new one is written beside it)")->required()->type_name("FILE");
    rotate->add_option("--root-key", c.key, "A root key of it (root.key from the safe)")->required()->type_name("FILE");
    rotate->add_flag("--new-catalog-key", c.newCatalogKey, "Make a new catalog key; the old one signs nothing kiosks accept any more");
    rotate->add_flag("--new-root-key", c.newRootKey, "Make a new root key");
    rotate->add_option("--expires-days", c.expiresDays, "How long the new root.json is valid (default 730)")->check(CLI::Range(1, 3650));
    rotate->callback([&line] { line.command = Command::CatalogRotate; });

    auto* sync = app.add_subcommand("sync", "Fetch, verify and install the signed catalogs of [sync] (the running kiosk does this by itself)");
    sync->fallthrough();
    sync->add_flag("--once", line.sync.once, "One sync of every catalog, then exit (exit code 0: all installed)");
    sync->callback([&line] { line.command = Command::Sync; });

    auto* import = app.add_subcommand("import", "Install signed content from a folder, e.g. a USB stick (same checks as a sync)");
    import->fallthrough();
    import->add_option("PATH", line.importPath, "A folder `kiosk catalog publish` wrote, or a folder of such folders")->required()->type_name("PATH");
    import->callback([&line] { line.command = Command::Import; });

    auto* status = app.add_subcommand("status", "What this kiosk shows and how its last syncs went (exit code 0: all well)");
    status->fallthrough();
    status->callback([&line] { line.command = Command::Status; });

    auto* selftest = app.add_subcommand("selftest", "Check what an event without network needs: content, fonts, disk space, staff PIN, clock (exit code 0: ready)");
    selftest->fallthrough();
    selftest->callback([&line] { line.command = Command::Selftest; });

    auto* outOfService = app.add_subcommand("out-of-service", "Show only 'temporarily out of service, please ask staff' (systemd's fallback after repeated crashes)");
    outOfService->fallthrough();
    outOfService->callback([&line] { line.command = Command::OutOfService; });

    auto* heartbeat = app.add_subcommand("heartbeat", "Write <state>/heartbeat.json now and send it to heartbeat.url, as the running kiosk does every few minutes (exit code 6: not sent)");
    heartbeat->fallthrough();
    heartbeat->callback([&line] { line.command = Command::Heartbeat; });

    auto* fleet = app.add_subcommand("fleet", "For the hub's server: every kiosk's last heartbeat from DIR/<kiosk>/heartbeat.json, problems first "
                                              "(exit code 0: all fine, 1: any silent, broken or with warnings, or none)");
    fleet->add_option("DIR", line.fleet.dir, "The folder the heartbeats arrive in (the WebDAV folder, e.g. /srv/kiosk-stats)")->required()->type_name("DIR");
    fleet->add_option("--stale-minutes", line.fleet.staleMinutes, "A kiosk is silent after this long without a heartbeat (default: three of its intervals)")
        ->check(CLI::Range(1, 10080));
    fleet->add_option("--html", line.fleet.html, "Also write the listing as one static HTML page (nothing loaded from elsewhere)")->type_name("FILE");
    fleet->callback([&line] { line.command = Command::Fleet; });

    auto* stats = app.add_subcommand("stats", "Summarise the anonymous usage log (small counts are suppressed)");
    stats->fallthrough();  // `kiosk stats --state DIR` like `kiosk --state DIR stats`
    stats->add_option("--days", line.stats.days, "The period: the last N days")->capture_default_str()->check(CLI::Range(1, 3650));
    auto* format = stats->add_option("--format", line.stats.format, "table (to read), csv or json (to process)")
        ->capture_default_str()
        ->check(CLI::IsMember({"table", "csv", "json"}));
    // Subcommands of stats set their own command; whichever callback CLI11 runs first, a plain
    // `kiosk stats` is the only case that leaves the default.
    stats->callback([&line] {
        if (line.command == Command::Run) line.command = Command::Stats;
    });
    auto* upload = stats->add_subcommand("upload", "Send each finished day's suppressed numbers to usage.upload_url (off unless set)");
    upload->fallthrough();
    upload->callback([&line] { line.command = Command::StatsUpload; });
    auto* report = stats->add_subcommand("report", "Write the statistics as one HTML file with charts, to mail or print");
    report->fallthrough();  // `--days` is stats', `--state` the kiosk's
    report->add_option("--out", line.stats.reportOut, "HTML file to write, e.g. nutzung.html")->type_name("FILE");
    report->add_option("--lang", line.stats.reportLanguage, "Language of the report")->capture_default_str()->check(CLI::IsMember({"de", "en"}));
    report->excludes(format);  // the report is HTML; silently ignoring --format would mislead
    report->callback([&line] { line.command = Command::StatsReport; });

    app.footer(
        "Exit codes: 0 ok, 1 internal error (pack validate: a pack has errors. selftest: not ready. fleet: a kiosk is silent,\n"
        "has a broken heartbeat file or reports warnings, or there is none), 2 wrong flags, 3 config error,\n"
        "4 no display, 5 pack or page not found, 6 a server could not be reached or refused (nothing is lost),\n"
        "7 content refused: it failed verification (signature, version, expiry, hash); the last good content stays,\n"
        "8 staff quit the kiosk on its staff screen.\n"
        "Without a display: xvfb-run -a kiosk --windowed, or kiosk screenshot --out home.png");
}

}  // namespace kiosk::app
