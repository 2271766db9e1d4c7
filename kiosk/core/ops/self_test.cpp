// Each check of the event-mode self-test looks at one thing an event without network depends
// on. Messages name the file or folder and say what staff do; they repair nothing themselves,
// because a kiosk that "fixed" its state on a button press could hide what went wrong.
#include "core/ops/self_test.hpp"

#include <algorithm>
#include <fstream>
#include <set>

#include "core/pack/pack_library.hpp"
#include "core/staff/staff_pin.hpp"
#include "core/sync/content_store.hpp"
#include "core/sync/sync_status.hpp"
#include "core/sync/trust_store.hpp"
#include "core/trust/catalog_metadata.hpp"
#include "core/trust/root_metadata.hpp"
#include "core/util/free_space.hpp"
#include "core/util/small_file.hpp"
#include "core/util/utc_time.hpp"

namespace kiosk::core {
namespace {

std::string mib(std::uintmax_t bytes) { return std::to_string(bytes / (1024 * 1024)) + " MiB"; }

std::string joined(const std::vector<std::string>& parts) {
    std::string out;
    for (const auto& part : parts) out += (out.empty() ? "" : "; ") + part;
    return out;
}

// Several problems of one check often share their fix: it is said once.
void addFix(std::vector<std::string>& fixes, std::string fix) {
    if (std::find(fixes.begin(), fixes.end(), fix) == fixes.end()) fixes.push_back(std::move(fix));
}

SelfTestCheck verdict(std::string name, const std::vector<std::string>& problems, const std::vector<std::string>& fixes, std::string okDetail) {
    if (problems.empty()) return {std::move(name), true, std::move(okDetail), {}};
    return {std::move(name), false, joined(problems), joined(fixes)};
}

// The pack a problem belongs to: the folder under a content folder, or the installed folder, so
// one broken pack with ten problems is named once, with its first.
std::string ownerOf(const std::filesystem::path& file, const std::vector<std::filesystem::path>& contentFolders,
                    const std::vector<std::filesystem::path>& installed) {
    for (const auto& folder : installed) {
        const auto relative = file.lexically_relative(folder);
        if (!relative.empty() && *relative.begin() != "..") return folder.string();
    }
    for (const auto& folder : contentFolders) {
        const auto relative = file.lexically_relative(folder);
        if (!relative.empty() && *relative.begin() != ".." && *relative.begin() != ".") return (folder / *relative.begin()).string();
    }
    return file.string();
}

SelfTestCheck checkContent(const SelfTestInput& input) {
    const ContentStore store(input.stateFolder);
    const auto catalogs = catalogNames(input.config.sync);
    const std::vector<std::filesystem::path> installed = catalogs.empty() ? std::vector<std::filesystem::path>{} : store.activePackFolders(catalogs);
    const PackLibrary library = loadPackLibrary(input.config.contentFolders, installed);
    std::vector<std::string> problems;
    std::set<std::string> named;
    for (const Error& problem : library.problems) {
        if (problem.isWarning()) continue;  // a warning shows something odd, but the pack is shown
        if (named.insert(ownerOf(problem.file, input.config.contentFolders, installed)).second) problems.push_back(problem.describe());
    }
    const std::size_t count = library.packs.size();
    const std::string loads = count == 1 ? "1 pack loads" : std::to_string(count) + " packs load";
    if (!problems.empty()) {
        const std::string broken = problems.size() == 1 ? "1 pack does not load" : std::to_string(problems.size()) + " packs do not load";
        return {"content", false, broken + " (" + loads + "): " + joined(problems),
                "correct the file named (`kiosk pack validate PATH` lists every problem), or remove the pack from the content folder"};
    }
    if (count == 0) {
        return {"content", false, "no pack to show",
                "put packs into a content folder ('content.folders' in the config, or --content), or install a catalog with `kiosk sync --once` or `kiosk import`"};
    }
    return {"content", true, loads, {}};
}

// The trusted root of a catalog as the sync would use it: the rotated one in trusted/, else the
// operator's initial one.
std::optional<RootMetadata> trustedRoot(const std::filesystem::path& trustedFolder, const CatalogSource& source) {
    std::error_code ec;
    const std::filesystem::path rotated = trustedFolder / "root.json";
    const std::string bytes = readSmallFile(std::filesystem::exists(rotated, ec) ? rotated : source.initialRoot, kMaxRootBytes);
    auto root = verifyInitialRoot(bytes);
    if (!root) return std::nullopt;
    return std::move(root).value();
}

SelfTestCheck checkSyncedContent(const SelfTestInput& input) {
    if (input.config.sync.catalogs.empty()) {
        return {"synced content", true, "not applicable: sync is off (the config names no [[sync.catalogs]]), the content folders are shown", {}};
    }
    const ContentStore store(input.stateFolder);
    const std::string getContent = "with network: `kiosk sync --once`, without: `kiosk import` from the publisher's USB stick";
    std::vector<std::string> problems, fixes, fine;
    for (const CatalogSource& source : input.config.sync.catalogs) {
        const std::string catalog = "catalog '" + source.name + "'";
        const auto active = store.activeSet(source.name);
        if (!active) {
            problems.push_back(catalog + ": nothing installed yet (no " + (input.stateFolder / "trusted" / source.name / "active.json").string() + ")");
            addFix(fixes, getContent);
            continue;
        }
        bool complete = true;
        for (const PackVersion& pack : active->packs) {
            if (store.isInstalled(pack)) continue;
            problems.push_back(catalog + ": pack " + pack.id + " " + pack.version + " is not installed (" + (store.packFolder(pack) / "pack.toml").string() +
                               " is missing)");
            addFix(fixes, getContent);
            complete = false;
        }
        const std::filesystem::path trustedFolder = store.trustedFolder(source.name);
        const TrustStore trust(trustedFolder);
        const std::string bytes = trust.trustedCatalogBytes();
        const auto root = trustedRoot(trustedFolder, source);
        if (bytes.empty() || !root) {
            problems.push_back(catalog + ": its verified metadata in " + trustedFolder.string() + " cannot be read");
            addFix(fixes, getContent);
            continue;
        }
        const auto verified = verifyCatalog(bytes, *root, trust.trustedCatalog(), input.now);
        if (!verified && verified.error().failure == TrustFailure::Expired) {
            problems.push_back(catalog + ": " + verified.error().message +
                               ": the content will keep showing, but no new content can be installed until the server publishes again");
            addFix(fixes, "ask the publisher to run `kiosk catalog publish` (or `kiosk catalog rotate` for an expired root), then sync or import once before the event");
            continue;
        }
        if (!verified) {
            problems.push_back(catalog + ": " + (trustedFolder / "index.json").string() + " does not verify any more: " + verified.error().message);
            addFix(fixes, getContent);
            continue;
        }
        if (complete) {
            fine.push_back(catalog + " version " + std::to_string(active->catalogVersion) + ", " + std::to_string(active->packs.size()) +
                           " pack(s) installed, valid until " + formatUtc(verified.value().expires));
        }
    }
    return verdict("synced content", problems, fixes, joined(fine));
}

bool readable(const std::filesystem::path& file) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec)) return false;
    std::ifstream in(file, std::ios::binary);
    char byte = 0;
    return static_cast<bool>(in.read(&byte, 1));  // an empty file is no font either
}

SelfTestCheck checkFonts(const SelfTestInput& input) {
    std::vector<std::string> missing, missingOptional;
    for (const auto& file : input.fontFiles) {
        if (!readable(file)) missing.push_back(file.string());
    }
    for (const auto& file : input.optionalFontFiles) {
        if (!readable(file)) missingOptional.push_back(file.string());
    }
    if (!missing.empty()) {
        return {"fonts", false, "cannot read " + joined(missing) + ": the kiosk cannot draw its text", input.fontFix};
    }
    std::string detail = std::to_string(input.fontFiles.size() + input.optionalFontFiles.size() - missingOptional.size()) + " font file(s) readable";
    if (!missingOptional.empty()) detail += " (missing " + joined(missingOptional) + ": emphasis shows upright)";
    return {"fonts", true, detail, {}};
}

// Each configured language's voice must load, as the speech output would load it. A language
// the kiosk does not know and the engine has no voice for is read in German: worth saying, but
// nothing staff could install changes it, so only a missing German voice fails it then.
SelfTestCheck checkSpeech(const SelfTestInput& input) {
    if (!input.speechVoice) return {"speech voices", true, "not checked: no speech engine to ask", {}};
    // Languages by the engine's reason, so "espeak-ng cannot start" is said once, not per language.
    std::vector<std::pair<std::string, std::vector<std::string>>> missing;
    const auto addMissing = [&](const std::string& language, const std::string& problem) {
        auto same = std::find_if(missing.begin(), missing.end(), [&](const auto& entry) { return entry.first == problem; });
        if (same == missing.end()) same = missing.insert(missing.end(), {problem, {}});
        same->second.push_back(language);
    };
    std::vector<std::string> found;
    std::optional<VoiceLookup> german;
    const auto germanVoice = [&] {
        if (!german) german = input.speechVoice(std::string(kFallbackVoiceLanguage));
        return *german;
    };
    for (const std::string& language : input.config.languages) {
        const VoicePlan plan = voicePlanFor(language);
        const VoiceLookup lookup = input.speechVoice(plan.voiceLanguage);
        const std::string slower = plan.wordsPerMinute < voicePlanFor(kFallbackVoiceLanguage).wordsPerMinute ? ", read slower" : "";
        if (lookup.found()) {
            found.push_back(language + ": " + lookup.voice + slower);
        } else if (plan.kioskLanguage) {
            addMissing(language, lookup.problem);
        } else if (const VoiceLookup fallback = germanVoice(); fallback.found()) {
            found.push_back(language + ": no voice of its own, read with " + fallback.voice);
        } else {
            addMissing(language, fallback.problem);
        }
    }
    if (!missing.empty()) {
        std::vector<std::string> problems;
        for (const auto& [problem, languages] : missing) {
            std::string named;
            for (const auto& language : languages) named += (named.empty() ? "'" : ", '") + language + "'";
            problems.push_back("speech output cannot read " + named + " aloud: " + problem);
        }
        return {"speech voices", false, joined(problems), input.speechFix};
    }
    return {"speech voices", true, joined(found), {}};
}

SelfTestCheck checkDiskSpace(const SelfTestInput& input) {
    const auto free = input.freeBytes ? input.freeBytes(input.stateFolder) : freeBytesAt(input.stateFolder);
    const std::string folder = input.stateFolder.string();
    if (!free) {
        return {"disk space", false, "cannot ask the file system of " + folder + " how much room it has",
                "check that the state folder exists and can be read ('state.folder' in the config, or --state)"};
    }
    const std::string found = mib(*free) + " free in " + folder + ", " + mib(input.minFreeBytes) + " needed";
    if (*free < input.minFreeBytes) {
        return {"disk space", false, found,
                "delete old files on that disk (old logs: journalctl --vacuum-size=100M; exported reports) or give the kiosk a larger disk: "
                "the usage log and every sync need the room"};
    }
    return {"disk space", true, found, {}};
}

std::vector<std::filesystem::path> sortedEntries(const std::filesystem::path& folder) {
    std::vector<std::filesystem::path> entries;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) entries.push_back(entry.path());
    std::sort(entries.begin(), entries.end());
    return entries;
}

SelfTestCheck checkBrokenState(const SelfTestInput& input) {
    std::vector<std::string> problems, fixes;
    std::error_code ec;
    // A .tar.gz.part is a download the next sync resumes; half an extraction is never finished.
    for (const auto& entry : sortedEntries(input.stateFolder / "staging")) {
        if (!entry.filename().string().ends_with(".unpacked") || !std::filesystem::is_directory(entry, ec)) continue;
        problems.push_back(entry.string() + ": a sync was interrupted while unpacking");
        addFix(fixes, "start the kiosk once (it empties staging/ at start), or delete the folder");
    }
    const std::string aside = "usage.sqlite.corrupt-";
    for (const auto& entry : sortedEntries(input.stateFolder)) {
        const std::string name = entry.filename().string();
        if (name.rfind(aside, 0) != 0 || name.ends_with("-wal")) continue;
        problems.push_back(entry.string() + ": the usage log was damaged and set aside (a fresh usage.sqlite counts on)");
        addFix(fixes, "copy the file off for a technician if its numbers matter, then delete it and its -wal");
    }
    const auto configured = catalogNames(input.config.sync);
    for (const CatalogStatus& status : readSyncStatus(input.stateFolder)) {
        // A catalog the config no longer follows would otherwise ask for a fix forever.
        if (!status.refused || std::find(configured.begin(), configured.end(), status.catalog) == configured.end()) continue;
        problems.push_back((input.stateFolder / "status.json").string() + ": the last sync of catalog '" + status.catalog + "' was refused: " + status.problem);
        addFix(fixes, "the last good content stays shown; tell the publisher, then run `kiosk sync --once` (or `kiosk import`) again");
    }
    return verdict("broken state", problems, fixes, "nothing left over from interrupted work in " + input.stateFolder.string());
}

// StaffPin takes a clock for its delays; isSet never reads it.
class FixedWallClock final : public WallClock {
public:
    explicit FixedWallClock(WallTime now) : m_now(now) {}
    WallTime now() const override { return m_now; }

private:
    WallTime m_now;
};

SelfTestCheck checkStaffPin(const SelfTestInput& input) {
    const FixedWallClock clock(input.now);
    if (StaffPin(input.stateFolder, clock).isSet()) return {"staff PIN", true, "set in " + input.stateFolder.string(), {}};
    return {"staff PIN", false, "no staff PIN is set in " + input.stateFolder.string() + ": nobody can open the staff screen at the event",
            "run `kiosk admin set-pin --state " + input.stateFolder.string() + "`"};
}

SelfTestCheck checkClock(const SelfTestInput& input) {
    const std::string now = formatUtc(input.now);
    const std::string setClock =
        "set the date and time (timedatectl set-time 'YYYY-MM-DD HH:MM:SS', or let NTP set it while there is network): usage is counted by it";
    const int year = static_cast<int>(std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(input.now)).year());
    if (year < input.earliestYear) {
        return {"clock", false, "the clock says " + now + ", before this kiosk was built (" + std::to_string(input.earliestYear) + ")", setClock};
    }
    const ContentStore store(input.stateFolder);
    for (const CatalogSource& source : input.config.sync.catalogs) {
        const std::filesystem::path folder = store.trustedFolder(source.name);
        const WallTime floor = TrustStore(folder).trustedCatalog().timeFloor;
        if (input.now < floor) {
            return {"clock", false,
                    "the clock says " + now + ", but catalog '" + source.name + "' was signed at " + formatUtc(floor) + " (" +
                        (folder / "catalog.json").string() + ")",
                    setClock};
        }
    }
    return {"clock", true, "says " + now, {}};
}

}  // namespace

std::vector<SelfTestCheck> runSelfTest(const SelfTestInput& input) {
    return {checkContent(input),   checkSyncedContent(input), checkFonts(input),    checkSpeech(input),
            checkDiskSpace(input), checkBrokenState(input),   checkStaffPin(input), checkClock(input)};
}

}  // namespace kiosk::core
