#include "core/sync/catalog_sync.hpp"

#include "core/sync/pack_install.hpp"
#include "core/sync/trust_store.hpp"

namespace kiosk::core {
namespace {

std::string folderUrl(const std::string& url) { return url.empty() || url.back() == '/' ? url : url + "/"; }

// A small document (root, catalog) into memory, capped while it streams.
Result<std::pair<FetchResponse, std::string>> fetchDocument(Transport& transport, const std::string& url, std::size_t maxBytes,
                                                            const std::string& etag = {}) {
    std::string body;
    FetchRequest request{url, static_cast<std::int64_t>(maxBytes), etag, 0};
    auto response = transport.get(request, [&body](std::string_view chunk) {
        body.append(chunk);
        return true;
    });
    if (!response) return response.error();
    return std::make_pair(response.value(), std::move(body));
}

void refuse(CatalogSyncReport& report, const std::string& what, const TrustError& error) {
    report.refused = error.failure;
    report.problem = what + ": refused (" + std::string(trustFailureName(error.failure)) + "): " + error.message;
}

// Newer roots, one version at a time, until the server has none (404). Returns the root in force.
std::optional<RootMetadata> updateRoot(RootMetadata root, const std::string& base, TrustStore& trust, Transport& transport, CatalogSyncReport& report) {
    for (int rotation = 0; rotation < kMaxRootRotations; ++rotation) {
        const std::string url = base + std::to_string(root.version + 1) + ".root.json";
        auto fetched = fetchDocument(transport, url, kMaxRootBytes);
        if (!fetched) {
            report.problem = fetched.error().describe();
            return std::nullopt;
        }
        const long status = fetched.value().first.status;
        if (status == 404 || status == 403) return root;  // no newer root: the usual case
        if (status != 200) {
            report.problem = url + ": the server answered HTTP " + std::to_string(status);
            return std::nullopt;
        }
        auto next = verifyNextRoot(fetched.value().second, root);
        if (!next) {
            refuse(report, url, next.error());
            return std::nullopt;
        }
        if (std::string error = trust.saveRoot(fetched.value().second, root, next.value()); !error.empty()) {
            report.problem = error;
            return std::nullopt;
        }
        root = std::move(next).value();
    }
    report.problem = base + ": more than " + std::to_string(kMaxRootRotations) + " new roots in one sync; the rest waits for the next";
    return root;
}

}  // namespace

CatalogSyncReport syncCatalog(const CatalogSource& source, const ContentStore& store, Transport& transport, WallTime now) {
    CatalogSyncReport report;
    report.catalog = source.name;
    if (const auto active = store.activeSet(source.name)) report.activeVersion = active->catalogVersion;
    TrustStore trust(store.trustedFolder(source.name));
    auto initial = trust.loadRoot(source.initialRoot);
    if (!initial) {
        report.problem = initial.error().describe();
        return report;
    }
    const std::string base = folderUrl(source.url);
    const auto root = updateRoot(std::move(initial).value(), base, trust, transport, report);
    if (!root) return report;
    report.rootVersion = root->version;

    // The catalog: unchanged (304) means the trusted copy, checked again, since it may have
    // expired meanwhile and a kiosk never installs from an expired catalog.
    const TrustedCatalog trusted = trust.trustedCatalog();
    const std::string trustedBytes = trust.trustedCatalogBytes();
    auto fetched = fetchDocument(transport, base + "index.json", kMaxCatalogBytes, trustedBytes.empty() ? std::string() : trust.etag());
    if (!fetched) {
        report.problem = fetched.error().describe();
        return report;
    }
    const auto& [response, body] = fetched.value();
    if (response.status != 200 && response.status != 304) {
        report.problem = base + "index.json: the server answered HTTP " + std::to_string(response.status);
        return report;
    }
    const std::string& bytes = response.status == 304 ? trustedBytes : body;
    auto catalog = verifyCatalog(bytes, *root, trusted, now);
    if (!catalog) {
        refuse(report, base + "index.json", catalog.error());
        return report;
    }
    if (response.status == 200) {
        if (std::string error = trust.saveCatalog(bytes, catalog.value(), response.etag); !error.empty()) {
            report.problem = error;
            return report;
        }
    }

    // Every pack first; the set switches only when all are there (no partial bundle).
    ActiveSet set{catalog.value().version, {}};
    for (const CatalogPack& pack : catalog.value().packs) {
        const bool had = store.isInstalled({pack.id, pack.version});
        auto installed = installPack(pack, base, store, transport);
        if (!installed) {
            report.problem = installed.error().describe() + "; catalog version " + std::to_string(catalog.value().version) +
                             " stays inactive until every pack of it is installed";
            return report;
        }
        report.bytesFetched += installed.value().bytesFetched;
        if (!had) report.installed.push_back(pack.id + " " + pack.version);
        set.packs.push_back({pack.id, pack.version});
    }
    const auto current = store.activeSet(source.name);
    if (!current || !(*current == set)) {
        if (std::string error = store.activate(source.name, set); !error.empty()) {
            report.problem = error;
            return report;
        }
        report.activated = true;
    }
    report.activeVersion = set.catalogVersion;
    report.ok = true;
    return report;
}

}  // namespace kiosk::core
