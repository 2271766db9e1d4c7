#include "core/config/heartbeat_config.hpp"

#include <array>

#include "core/util/identifiers.hpp"
#include "core/util/toml_reader.hpp"

namespace kiosk::core {

using namespace std::string_view_literals;

void readHeartbeatConfig(const TableReader& root, const std::filesystem::path& base, HeartbeatConfig& heartbeat) {
    auto table = root.table("heartbeat", false);
    if (!table) return;
    static constexpr std::array known{"url"sv, "name"sv, "credentials_file"sv, "interval_minutes"sv};
    table->rejectUnknownKeys(known);
    if (auto url = table->string("url", false)) {
        // The same rule as the sync: the password and what the kiosk runs never cross a network in the clear.
        const bool https = url->rfind("https://", 0) == 0;
        const bool local = url->rfind("http://127.0.0.1", 0) == 0 || url->rfind("http://localhost", 0) == 0;
        if (!url->empty() && !https && !local) {
            table->fail(ErrorCode::InvalidValue, "url", "'heartbeat.url' is \"" + *url + "\", not an https:// address",
                        "write the server's folder in full, e.g. \"https://stats.hub.example/kiosk-stats/\" (plain http:// only to this "
                        "machine), or \"\" to send nothing");
        } else {
            heartbeat.url = *url;
        }
    }
    if (auto name = table->string("name", false)) {
        if (!isValidId(*name)) {
            table->fail(ErrorCode::InvalidValue, "name", "'heartbeat.name' is \"" + *name + "\"",
                        "use lowercase letters, digits and '-', e.g. \"foyer\" (it becomes a folder name on the server)");
        } else {
            heartbeat.name = *name;
        }
    }
    if (auto file = table->string("credentials_file", false); file && !file->empty()) {
        heartbeat.credentialsFile = (base / *file).lexically_normal();
    }
    // Under a minute only loads the server; over an hour and a dead kiosk goes unnoticed for half a day.
    if (auto minutes = table->integer("interval_minutes", 1, 60)) heartbeat.interval = std::chrono::minutes(*minutes);
    if (heartbeat.sends() && heartbeat.name.empty() && !table->raw().contains("name")) {
        table->fail(ErrorCode::MissingKey, "url", "'heartbeat.url' is set but 'heartbeat.name' is not",
                    "name this kiosk, e.g. name = \"foyer\": the server keeps each kiosk's heartbeat in a folder of that name");
    }
}

}  // namespace kiosk::core
