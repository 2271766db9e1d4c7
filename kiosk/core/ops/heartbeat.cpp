// heartbeat.json: written by nlohmann-json, read back strictly (a field of the wrong type is an
// error naming it), because `kiosk fleet` must tell a broken file from a kiosk with problems.
#include "core/ops/heartbeat.hpp"

#include <nlohmann/json.hpp>

#include "core/util/atomic_file.hpp"
#include "core/util/utc_time.hpp"

namespace kiosk::core {
namespace {

// Ordered: an operator reading the file with `cat` sees who, when and how first.
using Json = nlohmann::ordered_json;

Json timeOrNull(const std::optional<WallTime>& time) { return time ? Json(formatUtc(*time)) : Json(nullptr); }

const char* sourceName(PackSource source) { return source == PackSource::Catalog ? "catalog" : "folder"; }

// Thrown inside parseHeartbeat only, and turned into its Error there.
struct BadField {
    std::string field;
    std::string expected;
};

const Json& field(const Json& object, const std::string& path, const char* key) {
    if (!object.contains(key)) throw BadField{path + key, "present"};
    return object.at(key);
}

std::string text(const Json& object, const std::string& path, const char* key) {
    const Json& value = field(object, path, key);
    if (!value.is_string()) throw BadField{path + key, "a string"};
    return value.get<std::string>();
}

std::optional<std::string> optionalText(const Json& object, const std::string& path, const char* key) {
    if (!object.contains(key) || object.at(key).is_null()) return std::nullopt;
    return text(object, path, key);
}

std::int64_t integer(const Json& object, const std::string& path, const char* key) {
    const Json& value = field(object, path, key);
    if (!value.is_number_integer()) throw BadField{path + key, "a whole number"};
    return value.get<std::int64_t>();
}

std::optional<std::int64_t> optionalInteger(const Json& object, const std::string& path, const char* key) {
    if (!object.contains(key) || object.at(key).is_null()) return std::nullopt;
    return integer(object, path, key);
}

bool boolean(const Json& object, const std::string& path, const char* key) {
    const Json& value = field(object, path, key);
    if (!value.is_boolean()) throw BadField{path + key, "true or false"};
    return value.get<bool>();
}

WallTime time(const Json& object, const std::string& path, const char* key) {
    const auto parsed = parseUtc(text(object, path, key));
    if (!parsed) throw BadField{path + key, "a UTC time like \"2026-12-01T10:00:00Z\""};
    return *parsed;
}

std::optional<WallTime> optionalTime(const Json& object, const std::string& path, const char* key) {
    if (!object.contains(key) || object.at(key).is_null()) return std::nullopt;
    return time(object, path, key);
}

const Json& array(const Json& object, const std::string& path, const char* key) {
    const Json& value = field(object, path, key);
    if (!value.is_array()) throw BadField{path + key, "a list"};
    return value;
}

const Json& element(const Json& list, std::size_t index, const std::string& path) {
    const Json& value = list.at(index);
    if (!value.is_object()) throw BadField{path + "[" + std::to_string(index) + "]", "an object"};
    return value;
}

Heartbeat fromJson(const Json& json) {
    Heartbeat h;
    h.kiosk = text(json, "", "kiosk");
    h.version = text(json, "", "version");
    h.writtenAt = time(json, "", "written_at");
    h.uptimeSeconds = optionalInteger(json, "", "uptime_seconds");
    h.interval = std::chrono::seconds(integer(json, "", "interval_seconds"));
    if (h.interval.count() <= 0) throw BadField{"interval_seconds", "more than 0"};
    h.schedule = optionalText(json, "", "schedule");
    if (const auto free = optionalInteger(json, "", "free_bytes")) {
        if (*free < 0) throw BadField{"free_bytes", "0 or more"};
        h.freeBytes = static_cast<std::uintmax_t>(*free);
    }
    h.clockPlausible = boolean(json, "", "clock_plausible");
    const Json& packs = array(json, "", "packs");
    for (std::size_t i = 0; i < packs.size(); ++i) {
        const std::string path = "packs[" + std::to_string(i) + "].";
        const Json& p = element(packs, i, "packs");
        HeartbeatPack pack{text(p, path, "id"), text(p, path, "version"), PackSource::ContentFolder, text(p, path, "from")};
        const std::string source = text(p, path, "source");
        if (source == "catalog") {
            pack.source = PackSource::Catalog;
        } else if (source != "folder") {
            throw BadField{path + "source", "\"catalog\" or \"folder\""};
        }
        h.packs.push_back(std::move(pack));
    }
    const Json& catalogs = array(json, "", "catalogs");
    for (std::size_t i = 0; i < catalogs.size(); ++i) {
        const std::string path = "catalogs[" + std::to_string(i) + "].";
        const Json& c = element(catalogs, i, "catalogs");
        h.catalogs.push_back(HeartbeatCatalog{text(c, path, "name"), integer(c, path, "active_version"), optionalTime(c, path, "last_attempt"),
                                              optionalTime(c, path, "last_success"), text(c, path, "problem"), boolean(c, path, "refused")});
    }
    const Json& warnings = array(json, "", "warnings");
    for (std::size_t i = 0; i < warnings.size(); ++i) {
        if (!warnings[i].is_string()) throw BadField{"warnings[" + std::to_string(i) + "]", "a string"};
        h.warnings.push_back(warnings[i].get<std::string>());
    }
    return h;
}

}  // namespace

std::string heartbeatJson(const Heartbeat& h) {
    Json packs = Json::array();
    for (const HeartbeatPack& p : h.packs) packs.push_back({{"id", p.id}, {"version", p.version}, {"source", sourceName(p.source)}, {"from", p.from}});
    Json catalogs = Json::array();
    for (const HeartbeatCatalog& c : h.catalogs) {
        catalogs.push_back({{"name", c.name},
                            {"active_version", c.activeVersion},
                            {"last_attempt", timeOrNull(c.lastAttempt)},
                            {"last_success", timeOrNull(c.lastSuccess)},
                            {"problem", c.problem},
                            {"refused", c.refused}});
    }
    Json out;
    out["format"] = kHeartbeatFormat;
    out["kiosk"] = h.kiosk;
    out["version"] = h.version;
    out["written_at"] = formatUtc(h.writtenAt);
    out["uptime_seconds"] = h.uptimeSeconds ? Json(*h.uptimeSeconds) : Json(nullptr);
    out["interval_seconds"] = h.interval.count();
    out["schedule"] = h.schedule ? Json(*h.schedule) : Json(nullptr);
    out["free_bytes"] = h.freeBytes ? Json(*h.freeBytes) : Json(nullptr);
    out["clock_plausible"] = h.clockPlausible;
    out["warnings"] = h.warnings;
    out["catalogs"] = catalogs;
    out["packs"] = packs;
    // Texts from files and servers (problem messages) may hold any bytes: replaced, never a throw.
    return out.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

Result<Heartbeat> parseHeartbeat(std::string_view text, const std::string& source) {
    const auto fail = [&source](std::string message) {
        return Error{ErrorCode::InvalidValue, source, 0, std::move(message), "the kiosk rewrites it with its next heartbeat; if it stays broken, look at that kiosk"};
    };
    const Json json = Json::parse(text, nullptr, false);
    if (json.is_discarded()) return Error{ErrorCode::Syntax, source, 0, "not JSON (cut off, or not a heartbeat file)", "the kiosk rewrites it with its next heartbeat"};
    if (!json.is_object()) return fail("not a heartbeat: the file holds no JSON object");
    if (!json.contains("format") || !json["format"].is_number_integer()) return fail("not a heartbeat: no \"format\" number");
    if (const auto format = json["format"].get<std::int64_t>(); format != kHeartbeatFormat) {
        return Error{ErrorCode::InvalidValue, source, 0, "heartbeat format " + std::to_string(format) + ", this program reads format " + std::to_string(kHeartbeatFormat),
                     "update the kiosk program on this server to the kiosks' version"};
    }
    try {
        return fromJson(json);
    } catch (const BadField& bad) {
        return fail(bad.expected == "present" ? "'" + bad.field + "' is missing" : "'" + bad.field + "' must be " + bad.expected);
    }
}

std::filesystem::path heartbeatFilePath(const std::filesystem::path& stateFolder) { return stateFolder / "heartbeat.json"; }

std::string writeHeartbeatFile(const std::filesystem::path& stateFolder, const Heartbeat& heartbeat) {
    return writeFileAtomically(heartbeatFilePath(stateFolder), heartbeatJson(heartbeat));
}

}  // namespace kiosk::core
