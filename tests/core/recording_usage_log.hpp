// A UsageLog that keeps every event in memory, for tests of what the Navigator reports.
#pragma once

#include <algorithm>
#include <vector>

#include "core/usage/usage_event.hpp"

namespace kiosk::test {

class RecordingUsageLog final : public core::UsageLog {
public:
    void record(core::UsageEvent event) noexcept override { events.push_back(std::move(event)); }

    std::vector<core::UsageEvent> of(core::UsageKind kind) const {
        std::vector<core::UsageEvent> out;
        std::copy_if(events.begin(), events.end(), std::back_inserter(out), [&](const core::UsageEvent& e) { return e.kind == kind; });
        return out;
    }

    std::vector<core::UsageEvent> events;
};

}  // namespace kiosk::test
