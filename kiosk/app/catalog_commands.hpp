// `kiosk catalog …`: what the central server's operator runs to sign and publish content.
#pragma once

#include "app/cli.hpp"

namespace kiosk::app {

// A root key, a catalog key and root.json (version 1) trusting them, in a new folder.
// 0 made, 1 cannot write, 2 the folder holds keys already (never overwritten).
int catalogKeygenCommand(const CatalogOptions& options);

// Archives the packs, signs index.json and writes both into the served folder.
// 0 published, 1 the folder could not be written, 3 a key or root problem, 5 a pack problem.
int catalogPublishCommand(const CatalogOptions& options);

// The next root.json beside the one in force, signed by its root key (and a new root key), with
// new keys as asked. 0 written, 1 cannot write, 2 nothing asked, 3 a key or root problem.
int catalogRotateCommand(const CatalogOptions& options);

}  // namespace kiosk::app
