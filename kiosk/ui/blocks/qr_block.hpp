// The hand-over to the visitor's own phone: a QR code of the real service's address, the address
// in large type under it, and how to scan it.
#pragma once

#include "core/pack/blocks.hpp"
#include "ui/blocks/block_place.hpp"

namespace kiosk::ui {

// Registers the code as "page/<page>/qr/<id>" (not a tap target: for tests and speech output).
// A URL that cannot be encoded shows the address in words instead of a code.
void drawQrBlock(FrameContext& ctx, const BlockPlace& place, const core::QrBlock& block);

}  // namespace kiosk::ui
