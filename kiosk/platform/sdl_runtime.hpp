// SDL and SDL_image started and stopped in one place, with the hints a kiosk needs.
#pragma once

#include <string>

namespace kiosk::platform {

enum class VideoTarget {
    Display,   // a real screen: X11, Wayland or KMS/DRM, whatever SDL finds
    Headless,  // SDL's dummy driver: screenshots and tests, no display needed
};

class SdlRuntime {
public:
    explicit SdlRuntime(VideoTarget target);
    ~SdlRuntime();
    SdlRuntime(const SdlRuntime&) = delete;
    SdlRuntime& operator=(const SdlRuntime&) = delete;

    bool ok() const { return m_error.empty(); }
    // Why SDL could not start, with what to do about it.
    const std::string& error() const { return m_error; }

private:
    std::string m_error;
};

}  // namespace kiosk::platform

