// Reads flows/<id>.toml: the steps and fields of a simulated service, its summary and result.
#pragma once

#include <filesystem>
#include <optional>

#include "core/pack/flow.hpp"
#include "core/pack/pack_read_context.hpp"
#include "core/util/result.hpp"

namespace kiosk::core {

std::optional<Flow> readFlow(const std::filesystem::path& file, PackReadContext& context, Diagnostics& problems);

}  // namespace kiosk::core
