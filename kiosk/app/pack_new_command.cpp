// `kiosk pack new ID`: a pack that validates from the first minute and shows by example how
// pages, blocks, a quiz and a flow are written.
#include <cstdio>
#include <fstream>

#include "app/embedded_files.hpp"
#include "app/exit_codes.hpp"
#include "app/pack_commands.hpp"
#include "core/pack/pack_loader.hpp"
#include "core/util/identifiers.hpp"

namespace kiosk::app {
namespace {

constexpr std::string_view kTemplateId = "pack-template";

std::string withId(std::string_view contents, const std::string& id) {
    std::string out(contents);
    const std::string from = "id = \"" + std::string(kTemplateId) + "\"";
    if (auto at = out.find(from); at != std::string::npos) out.replace(at, from.size(), "id = \"" + id + "\"");
    return out;
}

}  // namespace

int packNewCommand(const PackNewOptions& options) {
    if (!core::isValidId(options.id)) {
        std::fprintf(stderr,
                     "kiosk pack new: '%s' is not a valid pack id (use up to 48 lowercase letters, digits and '-', "
                     "starting with a letter, e.g. library-card)\n",
                     options.id.c_str());
        return kExitUsage;
    }
    const std::filesystem::path folder = options.out / options.id;
    std::error_code ec;
    if (std::filesystem::exists(folder, ec)) {
        std::fprintf(stderr, "kiosk pack new: %s already exists; choose another id or --out folder\n", folder.c_str());
        return kExitUsage;
    }
    for (const EmbeddedFile& file : packTemplateFiles()) {
        const std::filesystem::path target = folder / file.path;
        std::filesystem::create_directories(target.parent_path(), ec);
        std::ofstream out(target, std::ios::binary);
        const std::string contents = file.path == "pack.toml" ? withId(file.contents, options.id) : std::string(file.contents);
        out << contents;
        out.close();
        if (ec || !out) {
            std::fprintf(stderr, "kiosk pack new: cannot write %s%s%s\n", target.c_str(), ec ? ": " : "",
                         ec ? ec.message().c_str() : "");
            return kExitFailure;
        }
    }
    // The template is tested to validate; checking again here catches a kiosk built from a broken one.
    const core::PackReport report = core::loadPack(folder);
    for (const auto& problem : report.problems) std::printf("%s\n", problem.describe().c_str());
    if (report.hasErrors()) return kExitFailure;
    std::printf("Created %s: a small example with pages, a quiz and a flow. Next:\n"
                "  edit its files (content/FORMAT.md explains every key),\n"
                "  kiosk preview %s      shows it and reloads when you save,\n"
                "  kiosk pack validate %s   lists every mistake.\n",
                folder.c_str(), folder.c_str(), folder.c_str());
    return kExitOk;
}

}  // namespace kiosk::app
