// Loads config/kiosk.toml strictly: unknown keys, wrong types and bad values name file:line.
#include "core/config/kiosk_config.hpp"

#include <algorithm>
#include <array>
#include <set>

#include "core/util/did_you_mean.hpp"
#include "core/util/identifiers.hpp"
#include "core/util/toml_reader.hpp"

namespace kiosk::core {
namespace {

using namespace std::string_view_literals;

std::filesystem::path resolveAgainst(const std::filesystem::path& base, const std::string& value) {
    std::filesystem::path p(value);
    return p.is_absolute() ? p.lexically_normal() : (base / p).lexically_normal();
}

void readContent(const TableReader& root, const std::filesystem::path& base, KioskConfig& config) {
    auto content = root.table("content", false);
    if (!content) return;
    static constexpr std::array known{"folders"sv};
    content->rejectUnknownKeys(known);
    if (auto folders = content->stringArray("folders")) {
        config.contentFolders.clear();
        for (const auto& f : *folders) config.contentFolders.push_back(resolveAgainst(base, f));
    }
}

void readState(const TableReader& root, const std::filesystem::path& base, KioskConfig& config) {
    auto state = root.table("state", false);
    if (!state) return;
    static constexpr std::array known{"folder"sv};
    state->rejectUnknownKeys(known);
    if (auto folder = state->string("folder", false); folder && !folder->empty()) {
        config.stateFolder = resolveAgainst(base, *folder);
    }
}

void readLanguages(const TableReader& root, KioskConfig& config) {
    auto languages = root.table("languages", false);
    if (!languages) return;
    static constexpr std::array known{"available"sv, "default"sv};
    languages->rejectUnknownKeys(known);
    if (auto available = languages->stringArray("available")) {
        std::set<std::string> seen;
        for (const std::string& tag : *available) {
            if (!seen.insert(tag).second) {
                languages->fail(ErrorCode::InvalidValue, "available", "'" + tag + "' is listed twice",
                                "list each language once");
            }
            if (!isValidLanguageTag(tag)) {
                languages->fail(ErrorCode::InvalidValue, "available", "'" + tag + "' is not a language tag",
                                "use tags like \"de\", \"en\", \"uk\" or \"de-x-ls\" (Leichte Sprache)");
            }
        }
        config.languages = *available;
    }
    if (auto fallback = languages->string("default", false)) config.defaultLanguage = *fallback;
}

void readIdle(const TableReader& root, KioskConfig& config) {
    auto idle = root.table("idle", false);
    if (!idle) return;
    static constexpr std::array known{"reset_after_seconds"sv, "flow_reset_after_seconds"sv, "prompt_seconds"sv,
                                      "speech_hint_minutes"sv};
    idle->rejectUnknownKeys(known);
    // Below 10 s a slow reader is thrown out mid-sentence; above an hour nobody is "forgotten".
    if (auto seconds = idle->integer("reset_after_seconds", 10, 3600)) config.idleReset = std::chrono::seconds(*seconds);
    if (auto seconds = idle->integer("flow_reset_after_seconds", 10, 3600)) config.flowIdleReset = std::chrono::seconds(*seconds);
    // Under 5 s nobody reads the question and finds the button; over 2 minutes it is no warning.
    if (auto seconds = idle->integer("prompt_seconds", 5, 120)) config.idlePrompt = std::chrono::seconds(*seconds);
    if (auto minutes = idle->integer("speech_hint_minutes", 0, 60)) config.speechHintMinutes = static_cast<int>(*minutes);
}

void readStaff(const TableReader& root, KioskConfig& config) {
    auto staff = root.table("staff", false);
    if (!staff) return;
    static constexpr std::array known{"corner"sv, "taps"sv, "within_seconds"sv};
    staff->rejectUnknownKeys(known);
    if (auto corner = staff->string("corner", false)) {
        if (auto parsed = parseScreenCorner(*corner)) {
            config.staffGesture.corner = *parsed;
        } else {
            static constexpr std::array corners{"top-left"sv, "top-right"sv, "bottom-left"sv, "bottom-right"sv};
            staff->fail(ErrorCode::InvalidValue, "corner", "'staff.corner' is \"" + *corner + "\"", suggestionHint(*corner, corners));
        }
    }
    // Fewer than 3 taps happen by chance; more than 10 nobody counts right.
    if (auto taps = staff->integer("taps", 3, 10)) config.staffGesture.taps = static_cast<int>(*taps);
    if (auto seconds = staff->integer("within_seconds", 1, 10)) config.staffGesture.withinSeconds = static_cast<double>(*seconds);
}

void readWindow(const TableReader& root, KioskConfig& config) {
    auto window = root.table("window", false);
    if (!window) return;
    static constexpr std::array known{"mode"sv, "width"sv, "height"sv, "rotation"sv, "diagonal_inches"sv, "bottom_edge_mm"sv};
    window->rejectUnknownKeys(known);
    if (auto mode = window->string("mode", false)) {
        if (*mode == "fullscreen") {
            config.window.mode = WindowMode::Fullscreen;
        } else if (*mode == "windowed") {
            config.window.mode = WindowMode::Windowed;
        } else {
            static constexpr std::array modes{"fullscreen"sv, "windowed"sv};
            window->fail(ErrorCode::InvalidValue, "mode", "'window.mode' is \"" + *mode + "\"",
                         suggestionHint(*mode, modes));
        }
    }
    if (auto width = window->integer("width", kMinWindowWidth, kMaxWindowSide)) config.window.width = static_cast<int>(*width);
    if (auto height = window->integer("height", kMinWindowHeight, kMaxWindowSide)) config.window.height = static_cast<int>(*height);
    // 7" (the Raspberry Pi display) to a 98" panel.
    if (auto inches = window->integer("diagonal_inches", 7, 98)) config.window.diagonalInches = static_cast<float>(*inches);
    // From a panel on a desk (300 mm) to one above head height (2000 mm).
    if (auto mm = window->integer("bottom_edge_mm", 300, 2000)) config.window.bottomEdgeMm = static_cast<float>(*mm);
    if (auto rotation = window->integer("rotation", 0, 270)) {
        if (*rotation % 90 != 0) {
            window->fail(ErrorCode::InvalidValue, "rotation", "'window.rotation' is " + std::to_string(*rotation),
                         "use 0, 90, 180 or 270");
        } else {
            config.window.rotation = static_cast<int>(*rotation);
        }
    }
}

void readUsageUpload(const TableReader& usage, const std::filesystem::path& base, KioskConfig& config) {
    if (auto url = usage.string("upload_url", false)) {
        if (!url->empty() && url->rfind("http://", 0) != 0 && url->rfind("https://", 0) != 0) {
            usage.fail(ErrorCode::InvalidValue, "upload_url", "'usage.upload_url' is \"" + *url + "\"",
                       "write the server's folder in full, e.g. \"https://stats.example.org/kiosks/\", or \"\" to switch the upload off");
        } else {
            config.usage.uploadUrl = *url;
        }
    }
    if (auto name = usage.string("upload_name", false)) {
        if (!isValidId(*name)) {
            usage.fail(ErrorCode::InvalidValue, "upload_name", "'usage.upload_name' is \"" + *name + "\"",
                       "use lowercase letters, digits and '-', e.g. \"foyer\" (it becomes a folder name on the server)");
        } else {
            config.usage.uploadName = *name;
        }
    }
    if (auto file = usage.string("upload_credentials_file", false); file && !file->empty()) {
        config.usage.uploadCredentialsFile = base / *file;
    }
    if (!config.usage.uploadUrl.empty() && config.usage.uploadName.empty() && !usage.raw().contains("upload_name")) {
        usage.fail(ErrorCode::MissingKey, "upload_url", "'usage.upload_url' is set but 'usage.upload_name' is not",
                   "name this kiosk, e.g. upload_name = \"foyer\": the server keeps each kiosk's days in a folder of that name");
    }
}

void readUsage(const TableReader& root, const std::filesystem::path& base, KioskConfig& config) {
    auto usage = root.table("usage", false);
    if (!usage) return;
    static constexpr std::array known{"retention_days"sv, "min_cell_sessions"sv, "upload_url"sv, "upload_name"sv, "upload_credentials_file"sv};
    usage->rejectUnknownKeys(known);
    // Under a week there is nothing to compare; over two years is no longer "bounded retention".
    if (auto days = usage->integer("retention_days", 7, 730)) config.usage.retentionDays = static_cast<int>(*days);
    // Fewer than 3 sessions in a cell can point at one person; the file cannot go below that.
    if (auto cell = usage->integer("min_cell_sessions", kMinCellSessionsFloor, 1000)) {
        config.usage.minCellSessions = static_cast<int>(*cell);
    }
    readUsageUpload(*usage, base, config);
}

}  // namespace

std::optional<PixelSize> parsePixelSize(const std::string& text) {
    const auto x = text.find('x');
    if (x == std::string::npos || x == 0 || x + 1 >= text.size()) return std::nullopt;
    int width = 0;
    int height = 0;
    try {
        std::size_t used = 0;
        width = std::stoi(text.substr(0, x), &used);
        if (used != x) return std::nullopt;
        height = std::stoi(text.substr(x + 1), &used);
        if (used != text.size() - x - 1) return std::nullopt;
    } catch (const std::exception&) {
        return std::nullopt;
    }
    if (width < kMinWindowWidth || height < kMinWindowHeight || width > kMaxWindowSide || height > kMaxWindowSide) {
        return std::nullopt;
    }
    return PixelSize{width, height};
}

Result<KioskConfig, Diagnostics> loadConfig(const std::filesystem::path& file) {
    auto parsed = parseTomlFile(file);
    if (!parsed) return Diagnostics{parsed.error()};

    Diagnostics problems;
    const std::filesystem::path base = std::filesystem::absolute(file).parent_path();
    TableReader root(parsed.value(), file.string(), "", problems);
    static constexpr std::array known{"content"sv, "state"sv, "languages"sv, "idle"sv, "staff"sv, "window"sv, "usage"sv, "sync"sv,
                                     "schedule"sv, "heartbeat"sv};
    root.rejectUnknownKeys(known);

    KioskConfig config;
    config.contentFolders = {base / "content"};
    readContent(root, base, config);
    readState(root, base, config);
    readLanguages(root, config);
    readIdle(root, config);
    readStaff(root, config);
    readWindow(root, config);
    readUsage(root, base, config);
    readSyncConfig(root, base, config.sync);
    readScheduleConfig(root, config.schedule);
    readHeartbeatConfig(root, base, config.heartbeat);

    for (auto& e : validateConfig(config, file.string())) problems.push_back(std::move(e));
    sortByLocation(problems);
    if (!problems.empty()) return problems;
    return config;
}

IdlePolicy idlePolicy(const KioskConfig& config) {
    IdlePolicy policy;
    policy.page = config.idleReset;
    policy.flow = std::max(config.flowIdleReset, config.idleReset);
    policy.prompt = std::min<Duration>(config.idlePrompt, config.idleReset / 2);
    return policy;
}

Diagnostics validateConfig(const KioskConfig& config, const std::string& source) {
    Diagnostics problems;
    auto add = [&](std::string message, std::string hint) {
        problems.push_back(Error{ErrorCode::InvalidValue, source, 0, std::move(message), std::move(hint)});
    };
    if (config.languages.empty()) add("'languages.available' is empty", "list at least one language, e.g. [\"de\", \"en\"]");
    bool defaultAvailable = false;
    for (const auto& tag : config.languages) defaultAvailable = defaultAvailable || tag == config.defaultLanguage;
    if (!config.languages.empty() && !defaultAvailable) {
        add("default language '" + config.defaultLanguage + "' is not in 'languages.available'",
            "add it to the list, or choose one of the listed languages");
    }
    // A kiosk that shows only synced content needs no folder of its own.
    if (config.contentFolders.empty() && config.sync.catalogs.empty()) {
        add("no content folder configured", "set 'content.folders' or pass --content DIR, or follow a catalog in [[sync.catalogs]]");
    }
    return problems;
}

}  // namespace kiosk::core
