// Portrait screens mounted on their side: the UI draws upright into a texture that is turned on output.
#pragma once

#include <imgui.h>

struct SDL_Renderer;
struct SDL_Texture;

namespace kiosk::platform {

// Where a point on a window of the given size lies in the UI's upright coordinates, when the UI
// is turned `degrees` clockwise onto the window.
ImVec2 windowToLogical(int degrees, float windowWidth, float windowHeight, ImVec2 point);

class RotatedCanvas {
public:
    // `degrees` clockwise: 0, 90, 180 or 270. At 0 the canvas draws straight to the window.
    RotatedCanvas(SDL_Renderer* renderer, int degrees, int windowWidth, int windowHeight);
    ~RotatedCanvas();
    RotatedCanvas(const RotatedCanvas&) = delete;
    RotatedCanvas& operator=(const RotatedCanvas&) = delete;

    // The size the UI lays out for: the window's, with width and height swapped at 90 and 270.
    ImVec2 logicalSize() const;
    // A point on the window (a touch) in the UI's upright coordinates.
    ImVec2 toLogical(float windowX, float windowY) const;

    void beginFrame();  // directs drawing into the canvas
    void present();     // turns it onto the window and shows it

private:
    SDL_Renderer* m_renderer;
    int m_degrees;
    int m_windowWidth;
    int m_windowHeight;
    SDL_Texture* m_target = nullptr;
};

}  // namespace kiosk::platform
