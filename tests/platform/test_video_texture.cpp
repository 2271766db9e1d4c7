// A decoded frame reaches the screen: VideoTexture uploads it into an IYUV texture of SDL's
// software renderer (no display needed), which draws the clip's colour, and uploads nothing for
// the frame it shows already.
#include <doctest/doctest.h>

#include <SDL.h>

#include <chrono>
#include <cstdlib>
#include <thread>

#include "platform/video_decoder.hpp"
#include "platform/video_texture.hpp"
#include "video_clips.hpp"

using namespace kiosk;

TEST_CASE("video texture: a frame of a red clip draws red, and the same frame is uploaded once") {
    const auto clip = test::generatedClip("red-h264.mp4", "-f lavfi -i color=c=red:size=64x48:rate=25 -t 0.2 "
                                                          "-c:v libx264 -preset ultrafast -pix_fmt yuv420p");
    auto opened = platform::VideoDecoder::open(clip);
    REQUIRE(opened.ok());
    auto& decoder = *opened.value();
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (decoder.bufferedFrames() == 0 && !decoder.error() && std::chrono::steady_clock::now() < until)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    const auto frame = decoder.frameFor(0.0);
    REQUIRE(frame != nullptr);

    SDL_Surface* surface = SDL_CreateRGBSurfaceWithFormat(0, 64, 48, 32, SDL_PIXELFORMAT_ARGB8888);
    REQUIRE(surface != nullptr);
    SDL_Renderer* renderer = SDL_CreateSoftwareRenderer(surface);
    REQUIRE(renderer != nullptr);
    {
        platform::VideoTexture texture(renderer);
        CHECK(texture.texture() == nullptr);
        REQUIRE_MESSAGE(texture.show(frame), texture.lastError());
        CHECK(texture.show(frame));
        CHECK(texture.show(nullptr));
        CHECK(texture.uploads() == 1);
        REQUIRE(texture.texture() != nullptr);
        SDL_RenderCopy(renderer, texture.texture(), nullptr, nullptr);
        SDL_RenderPresent(renderer);

        const auto pixel = static_cast<const Uint32*>(surface->pixels)[24 * (surface->pitch / 4) + 32];
        Uint8 r = 0, g = 0, b = 0;
        SDL_GetRGB(pixel, surface->format, &r, &g, &b);
        CHECK(r > 230);
        CHECK(g < 25);
        CHECK(b < 25);
    }
    SDL_DestroyRenderer(renderer);
    SDL_FreeSurface(surface);
}
