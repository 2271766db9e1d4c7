// Where synced content lives in the state folder (DESIGN.md §3.4), and which of it is shown:
//   packs/<id>/<version>/        installed pack versions, verified, never changed afterwards
//   staging/                     downloads and extractions in progress (0700), emptied at start
//   trusted/<catalog>/           the catalog's verified metadata, and its active set:
//     active.json                  the pack versions shown, all installed: switched atomically
//     previous.json                the set before, kept installed for a rollback
//   shown/                       what running kiosks show, kept installed while they do
//                                (core/sync/shown_packs_claim.hpp)
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace kiosk::core {

struct PackVersion {
    std::string id;
    std::string version;
    auto operator<=>(const PackVersion&) const = default;
};

// The set of pack versions one catalog version makes visible.
struct ActiveSet {
    std::int64_t catalogVersion = 0;
    std::vector<PackVersion> packs;
    bool operator==(const ActiveSet&) const = default;
};

// A set as the kiosk writes it (active.json, previous.json, a claim: core/sync/shown_packs_claim.hpp).
std::string setJson(const ActiveSet& set);
// nullopt when the file is missing, unreadable, malformed, or names a pack that is no safe path.
std::optional<ActiveSet> readSetFile(const std::filesystem::path& file);

class ContentStore {
public:
    explicit ContentStore(std::filesystem::path stateFolder);
    const std::filesystem::path& stateFolder() const { return m_state; }

    std::filesystem::path packFolder(const PackVersion& pack) const;  // packs/<id>/<version>
    bool isInstalled(const PackVersion& pack) const;
    std::filesystem::path stagingFolder() const;                      // created 0700 if missing
    std::filesystem::path trustedFolder(const std::string& catalog) const;  // created 0700 if missing

    // What an interrupted sync left in staging/ goes (at start, before any sync runs), except
    // downloads that broke off in the last week: the next sync resumes them.
    void clearStaging() const;

    // nullopt: no set yet (or an unreadable file, which counts as none: the kiosk then shows its
    // content folders, and the next sync writes it again).
    std::optional<ActiveSet> activeSet(const std::string& catalog) const;
    // Makes `set` the shown one, the current one becoming previous.json. Every pack of it must be
    // installed. Empty on success, else what failed (the old set stays).
    std::string activate(const std::string& catalog, const ActiveSet& set) const;

    // Deletes installed pack versions that no catalog's active or previous set names, that no
    // running kiosk claims (core/sync/shown_packs_claim.hpp) and that are not in `shownHere` (what
    // this process shows). Returns them. Nothing goes while a claim cannot be read.
    std::vector<PackVersion> removeUnused(const std::vector<std::string>& catalogs, const std::set<PackVersion>& shownHere = {}) const;

    // The installed packs `catalogs` show, in catalog order; a pack id a catalog before it shows
    // already is left out and named in `collisions` ("library from 'partner' hidden by 'hub'").
    std::vector<PackVersion> activePacks(const std::vector<std::string>& catalogs, std::vector<std::string>* collisions = nullptr) const;
    // Their folders.
    std::vector<std::filesystem::path> activePackFolders(const std::vector<std::string>& catalogs, std::vector<std::string>* collisions = nullptr) const;

private:
    std::filesystem::path m_state;
};

}  // namespace kiosk::core
