// The staff screen's event self-test: the checks `kiosk selftest` makes, run when staff tap the
// button, as a list that says "ready" or what to fix, scrolling where it is long.
#pragma once

#include <vector>

#include "core/ops/self_test.hpp"
#include "ui/frame_context.hpp"

namespace kiosk::ui {

class StaffSelfTestView {
public:
    void open(std::vector<core::SelfTestCheck> checks);
    // Draws over the whole window. True on the frame staff tapped "back".
    bool draw(FrameContext& ctx);
    void close() { m_checks.clear(); }

private:
    std::vector<core::SelfTestCheck> m_checks;
    bool m_toTop = true;
};

}  // namespace kiosk::ui
