// The command line: options shared by every subcommand, and each subcommand's own.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace kiosk::app {

// Flags that override config/kiosk.toml. Unset flags leave the file's value.
struct ConfigOverrides {
    std::filesystem::path configFile;
    std::vector<std::filesystem::path> contentFolders;
    std::filesystem::path stateFolder;
    std::vector<std::string> languages;
    std::string defaultLanguage;
    std::optional<int> idleSeconds;
    bool windowed = false;
    bool fullscreen = false;
    std::string windowSize;  // "WxH"
    std::optional<int> rotation;
};

struct RunOptions {
    int frames = 0;  // > 0: draw this many frames and exit
};

struct ScreenshotOptions {
    std::string packId;
    std::string pageId;
    std::string flowId;  // a flow of the pack, shown at `step`
    std::string step;    // "1" … the number of steps, "summary" or "result"; empty: the first step
    bool attract = false;  // the attract loop instead of a visitor's screen
    int slide = 0;         // which of its pictures
    std::string language;
    std::string size = "1920x1080";
    std::filesystem::path out;
};

struct PackValidateOptions {
    std::vector<std::filesystem::path> paths;  // pack folders, folders of packs, or their pack.toml
    bool json = false;
};

struct PackNewOptions {
    std::string id;
    std::filesystem::path out = ".";  // the folder the new pack folder is created in
};

struct PreviewOptions {
    std::filesystem::path pack;
    std::string language;
};

struct StatsOptions {
    int days = 30;
    std::string format = "table";  // table, csv or json
    std::filesystem::path reportOut;    // `kiosk stats report --out`
    std::string reportLanguage = "de";  // `kiosk stats report --lang`: de or en
};

// `kiosk catalog keygen|publish`: the publisher's side of the signed sync.
struct CatalogOptions {
    std::filesystem::path out;        // keygen: where the keys go; publish: the folder a web server serves
    std::filesystem::path key;        // publish: the catalog key (.key) that signs
    std::filesystem::path root;       // publish: root.json naming that key
    std::vector<std::filesystem::path> packs;  // publish: pack folders, or folders of packs
    int expiresDays = 0;              // 0: the command's default (root 730, catalog 30)
    std::int64_t version = 0;         // publish: 0 is the published one + 1
    bool newCatalogKey = false;       // rotate: replace the catalog key
    bool newRootKey = false;          // rotate: replace the root key
};

struct SyncOptions {
    bool once = false;  // one sync of every catalog, then exit (else: every [sync] interval)
};

// `kiosk fleet DIR`: the heartbeats the kiosks sent to the hub's server.
struct FleetCommandOptions {
    std::filesystem::path dir;   // DIR/<kiosk>/heartbeat.json
    int staleMinutes = 0;        // > 0: silent after this long; else after three of a kiosk's intervals
    std::filesystem::path html;  // also write the listing as a static page here
};

enum class Command { Run, Screenshot, PackValidate, PackNew, Preview, AdminSetPin, Stats, StatsUpload, StatsReport, CatalogKeygen, CatalogPublish, CatalogRotate, Sync, Status, Selftest, Import, Heartbeat, Fleet, OutOfService };

struct CommandLine {
    Command command = Command::Run;
    ConfigOverrides overrides;
    RunOptions run;
    ScreenshotOptions screenshot;
    PackValidateOptions packValidate;
    PackNewOptions packNew;
    PreviewOptions preview;
    StatsOptions stats;
    CatalogOptions catalog;
    SyncOptions sync;
    std::filesystem::path importPath;  // `kiosk import PATH`
    FleetCommandOptions fleet;
};

// "320x240 to 8192x8192", for messages about --size.
std::string sizeRangeText();

// Declares every flag on `app`, writing into `line`; CLI11 fills it during parse.
void defineCommandLine(CLI::App& app, CommandLine& line);

}  // namespace kiosk::app
