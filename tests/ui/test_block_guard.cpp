// A block that fails to draw leaves a friendly card in its place; the blocks around it and the
// rest of the frame carry on. Drawn in a real ImGui frame with the kiosk's fonts.
#include <stdexcept>
#include <vector>

#include <doctest/doctest.h>
#include <imgui.h>

#include "block_frame.hpp"
#include "ui/blocks/block_guard.hpp"

namespace {

using namespace kiosk;

// Draws `count` blocks through the guard with `draw`, in one frame.
void drawBlocks(test::BlockFrame& f, int count, const ui::BlockDrawer& draw) {
    f.draw([&](ui::FrameContext& ctx, const ui::BlockPlace& place) {
        const core::Block block = core::HeadingBlock{};
        for (int i = 0; i < count; ++i) ui::drawBlockGuarded(ctx, place, block, static_cast<std::size_t>(i), draw);
    });
}

}  // namespace

TEST_CASE("a block that throws while drawing shows 'cannot be shown' in its place, and the next block is drawn") {
    test::BlockFrame f;
    int drawn = 0;
    drawBlocks(f, 3, [&](ui::FrameContext& ctx, const ui::BlockPlace&, const core::Block&) {
        if (drawn++ == 1) throw std::runtime_error("a picture ran out of memory");
        ctx.items.record("page/start/block/" + std::to_string(drawn), ImVec2(0, 0), ImVec2(1, 1));
    });
    CHECK(drawn == 3);  // the third block was still asked to draw
    CHECK(f.items.find("page/start/block/1").has_value());
    CHECK(f.items.find("page/start/unavailable/1").has_value());
    CHECK(f.items.find("page/start/block/3").has_value());
    CHECK_FALSE(f.items.find("page/start/unavailable/0").has_value());
    CHECK(f.memory.failedBlocks.count(1) == 1);  // reported once, not on every frame
}
