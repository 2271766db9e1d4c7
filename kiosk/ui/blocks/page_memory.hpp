// What the page screen keeps between frames: where each gallery is and a swipe in progress. Only
// how the page is shown, never core state: it is forgotten when the visitor arrives on a page.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include <imgui.h>

#include "ui/blocks/qr_matrix.hpp"

namespace kiosk::ui {

// A finger that went down on a gallery picture. Until it has moved past the drag threshold nobody
// knows whether it swipes (sideways) or scrolls the page (up or down).
struct GallerySwipe {
    enum class Direction { Undecided, Sideways, Vertical };
    std::string galleryId;
    ImVec2 start;
    Direction direction = Direction::Undecided;
    float offset = 0;  // how far the picture follows the finger sideways
};

struct PageScreenMemory {
    std::map<std::string, std::size_t, std::less<>> galleryPositions;  // gallery id → picture shown
    std::optional<GallerySwipe> swipe;
    QrCodeCache qrCodes;  // kept across pages: the same URL always makes the same code
    std::set<std::size_t> failedBlocks;  // blocks of this page already reported as failing
    bool signLanguageOpen = false;       // the page's DGS panel

    std::size_t galleryPosition(std::string_view galleryId) const {
        const auto it = galleryPositions.find(galleryId);
        return it == galleryPositions.end() ? 0 : it->second;
    }
    bool swipingSideways() const { return swipe && swipe->direction == GallerySwipe::Direction::Sideways; }

    // The page slides in when a visitor arrives on it: from the right going on, from the left
    // coming back. ImGui's clock (seconds) of the arrival.
    double arrivedAt = -1.0;
    bool cameBack = false;

    // How far the page's column is still shifted, in pixels (0 once it has arrived).
    float entryOffset(float distance, double now) const {
        constexpr double kSlideSeconds = 0.16;  // short: the page is there before the finger has left
        const double t = arrivedAt < 0 ? 1.0 : (now - arrivedAt) / kSlideSeconds;
        if (t >= 1.0) return 0.0f;
        const double remaining = (1.0 - t) * (1.0 - t) * (1.0 - t);  // ease-out: fast, then settling
        return static_cast<float>(remaining) * distance * (cameBack ? -1.0f : 1.0f);
    }

    // A new visitor or a new page: every gallery starts at its first picture.
    void arriveOnPage() {
        galleryPositions.clear();
        swipe.reset();
        failedBlocks.clear();
        signLanguageOpen = false;
    }
};

}  // namespace kiosk::ui
