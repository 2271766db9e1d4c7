// Clips playing on a page, as a visitor sees them: the real decoder (FFmpeg) on its worker
// thread, the pictures in SDL textures drawn by the software renderer, the subtitles over them
// and the controls under them, driven by taps and by the frames' clock. No sound here (no
// audio device in the tests): the picture runs on the frames' clock.
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstdint>
#include <fstream>
#include <optional>
#include <thread>

#include <SDL.h>
#include <doctest/doctest.h>

#include "../core/temp_dir.hpp"
#include "../platform/video_clips.hpp"
#include "core/nav/navigator.hpp"
#include "core/pack/pack_library.hpp"
#include "platform/headless_renderer.hpp"
#include "platform/system_info.hpp"
#include "clip_pack.hpp"
#include "ui_fixture.hpp"
#include "ui/widgets/video_view.hpp"

using namespace kiosk;
using namespace std::chrono_literals;

namespace {

const char* const kClip = "page/start/video/intro";

// A pack whose start page has a text, the 2 s test clip with German subtitles, and a button to
// a second page.
std::filesystem::path writeVideoPack(const test::TempDir& dir, const std::string& videoOptions = "") {
    const std::filesystem::path pack = test::writeClipPack(dir, test::h264Clip(),
              "title.de = \"Start\"\n\n[sign_language]\nsrc = \"videos/intro.mp4\"\nposter = \"images/poster.svg\"\n"
              "alt.de = \"Diese Seite in Gebärdensprache\"\nplaceholder = true\n\n[[blocks]]\ntype = \"text\"\ntext.de = \"Ein kurzer Film.\"\n\n"
              "[[blocks]]\ntype = \"video\"\nid = \"intro\"\nsrc = \"videos/intro.mp4\"\nposter = \"images/poster.svg\"\n"
              "alt.de = \"Ein Testbild\"\nsubtitles.de = \"videos/intro.de.vtt\"\n" + videoOptions + "\n"
              "[[blocks]]\ntype = \"button\"\nid = \"more\"\nlabel.de = \"Weiter\"\nto = \"more\"\n");
    dir.write("clips/pages/more.toml", "title.de = \"Mehr\"\n\n[[blocks]]\ntype = \"text\"\ntext.de = \"Noch mehr.\"\n");
    dir.write("clips/videos/intro.de.vtt", "WEBVTT\n\n00:00.000 --> 00:01.000\n<i>Hallo</i>\n\n00:01.000 --> 00:02.000\nTschüss\n");
    return pack;
}

// The test pack on a 1280x720 headless kiosk with video playback on, at its start page.
struct PlaybackFixture {
    test::TempDir dir;
    std::filesystem::path content = writeVideoPack(dir).parent_path();
    test::UiFixture ui{1280, 720, content};
    core::Navigator& nav = ui.nav;
    platform::HeadlessRenderer& renderer = ui.renderer;

    PlaybackFixture() {
        renderer.enableVideoPlayback();
        ui.tap("home/pack/clips");
        REQUIRE(nav.location().pageId == "start");
    }

    ui::ItemRect item(const std::string& id) {
        const auto found = renderer.items().find(id);
        REQUIRE_MESSAGE(found.has_value(), "no element '" << id << "' on screen");
        return *found;
    }
    void tap(const std::string& id) { ui.tap(id); }
    std::string positionText() { return item(std::string(kClip) + "/position").value; }
    // Frames 40 ms apart on the clock. The worker decodes in real time: a clip that was just
    // started or sought waits for its first picture (its clock stands until then), so frames are
    // drawn without moving the clock until it has come.
    void playFor(std::chrono::milliseconds duration) {
        for (auto passed = 0ms; passed < duration; passed += 40ms) {
            ui.clock.advance(40ms);
            renderer.frame(nav, ui.clock.now());
            for (int wait = 0; wait < 200 && renderer.videos()->waitingForPictures(); ++wait) {
                std::this_thread::sleep_for(2ms);
                renderer.frame(nav, ui.clock.now());
            }
        }
    }
};

// A checksum of the pixels inside `rect`: tells one picture from another.
std::uint64_t pixelsIn(const platform::HeadlessRenderer& renderer, const ui::ItemRect& rect) {
    const SDL_Surface* surface = renderer.surface();
    std::uint64_t sum = 1469598103934665603ull;
    for (int y = static_cast<int>(rect.min.y) + 4; y < static_cast<int>(rect.max.y) - 4; y += 3) {
        const auto* row = static_cast<const std::uint32_t*>(surface->pixels) + y * (surface->pitch / 4);
        for (int x = static_cast<int>(rect.min.x) + 4; x < static_cast<int>(rect.max.x) - 4; x += 3) sum = (sum ^ row[x]) * 1099511628211ull;
    }
    return sum;
}

}  // namespace

TEST_CASE("video playback: play shows the clip's pictures moving, with the subtitle of the moment") {
    PlaybackFixture f;
    CHECK(f.item(kClip).label == "Video: Ein Testbild. Video abspielen");
    CHECK(f.positionText() == "0:00 / 0:02");
    CHECK_FALSE(f.renderer.items().find(std::string(kClip) + "/subtitle"));
    const std::uint64_t poster = pixelsIn(f.renderer, f.item(kClip));

    f.tap(std::string(kClip) + "/play");
    f.playFor(400ms);
    CHECK(f.item(std::string(kClip) + "/play").label == "Video anhalten");
    CHECK(f.item(std::string(kClip) + "/subtitle").label == "Hallo");  // the <i> markup is gone
    const std::uint64_t early = pixelsIn(f.renderer, f.item(kClip));
    CHECK(early != poster);
    f.playFor(800ms);
    CHECK(f.item(std::string(kClip) + "/subtitle").label == "Tschüss");
    CHECK(f.positionText() == "0:01 / 0:02");
    CHECK(pixelsIn(f.renderer, f.item(kClip)) != early);  // the test picture's counter moved on
    if (const char* folder = std::getenv("KIOSK_VIDEO_SCREENSHOTS")) {
        CHECK(f.renderer.savePng(std::filesystem::path(folder) / "video-playing.png").empty());
    }
}

TEST_CASE("video playback: pause holds the picture, 10 s back returns to the start, the end offers to play again") {
    PlaybackFixture f;
    f.tap(std::string(kClip) + "/play");
    f.playFor(600ms);
    f.tap(std::string(kClip) + "/play");  // now "pause"
    CHECK(f.item(std::string(kClip) + "/play").label == "Video abspielen");
    const std::uint64_t paused = pixelsIn(f.renderer, f.item(kClip));
    const std::string at = f.positionText();
    f.playFor(500ms);
    CHECK(pixelsIn(f.renderer, f.item(kClip)) == paused);
    CHECK(f.positionText() == at);

    f.tap(std::string(kClip) + "/back");
    f.playFor(200ms);
    CHECK(f.positionText() == "0:00 / 0:02");
    CHECK(f.item(std::string(kClip) + "/subtitle").label == "Hallo");  // shown while paused too

    f.tap(std::string(kClip) + "/play");
    f.playFor(2500ms);
    CHECK(f.item(std::string(kClip) + "/play").label == "Noch einmal abspielen");
    CHECK(f.positionText() == "0:02 / 0:02");
}

TEST_CASE("video playback: subtitles can be turned off for the visit, and decoding stops when the page is left") {
    PlaybackFixture f;
    f.tap(std::string(kClip) + "/play");
    f.playFor(300ms);
    REQUIRE(f.renderer.items().find(std::string(kClip) + "/subtitle"));
    f.tap(std::string(kClip) + "/subtitles");
    CHECK_FALSE(f.item(std::string(kClip) + "/subtitles").selected);
    f.playFor(200ms);
    CHECK_FALSE(f.renderer.items().find(std::string(kClip) + "/subtitle"));
    CHECK(f.renderer.videos()->openClips() == 1);

    f.playFor(900ms);
    f.tap("page/start/button/more");
    REQUIRE(f.nav.location().pageId == "more");
    CHECK(f.renderer.videos()->openClips() == 0);  // its decoder and texture are gone
    f.tap("bar/back");
    CHECK(f.renderer.videos()->openClips() == 1);
    CHECK(f.positionText() == "0:01 / 0:02");  // it waits where the visitor left it
    CHECK(f.item(std::string(kClip) + "/play").label == "Video abspielen");
    CHECK_FALSE(f.item(std::string(kClip) + "/subtitles").selected);  // still off in this visit
}

TEST_CASE("video playback: a finger dragged along the seek bar moves the clip there, and the page stays put") {
    PlaybackFixture f;
    f.ui.reveal(std::string(kClip) + "/position");
    const ui::ItemRect bar = f.item(std::string(kClip) + "/position");
    const float y = bar.center().y;
    // From the left end to three quarters, sloping down a little as a real finger does.
    f.renderer.drag(f.nav, ImVec2(bar.min.x + 20, y), ImVec2(bar.min.x + 20 + (bar.max.x - bar.min.x - 40) * 0.75f, y + 30), 8,
                    f.ui.clock.now());
    f.playFor(200ms);
    CHECK(f.item(std::string(kClip) + "/position").center().y == doctest::Approx(y));  // no scroll
    CHECK(f.positionText() == "0:01 / 0:02");  // 1.5 s of 2
    CHECK(f.item(std::string(kClip) + "/play").label == "Video abspielen");  // sought, not started

    // Mostly up the page from the bar, ending over its left end: meant for the page, so the
    // clip stays where it is (a seek would have gone back to the start).
    const ui::ItemRect before = f.item(std::string(kClip) + "/position");
    f.renderer.drag(f.nav, before.center(), ImVec2(before.min.x + 10, before.center().y - 250), 8, f.ui.clock.now());
    f.playFor(200ms);
    CHECK(f.positionText() == "0:01 / 0:02");
}

TEST_CASE("video playback: a visitor watching a clip longer than the idle time is not reset, and is once it has ended") {
    test::TempDir dir;
    const std::filesystem::path clip = test::generatedClip("testsrc-320x240-15s.mp4",
        "-f lavfi -i testsrc=size=320x240:rate=10 -t 15 -c:v libx264 -preset ultrafast -pix_fmt yuv420p -movflags +faststart");
    test::writeClipPack(dir, clip, "title.de = \"Start\"\n\n[[blocks]]\ntype = \"video\"\nid = \"intro\"\nsrc = \"videos/intro.mp4\"\n"
                                   "poster = \"images/poster.svg\"\nalt.de = \"Ein Testbild\"\n");
    core::ManualClock clock;
    core::PackLibrary library = core::loadPackLibrary(std::vector<std::filesystem::path>{dir.path()});
    core::Navigator nav(library, {"de"}, "de", std::chrono::seconds(10), clock.now());  // 10 s: the shortest idle time
    platform::HeadlessRenderer renderer(1280, 720, platform::systemFontFiles());
    REQUIRE(renderer.ok());
    renderer.enableVideoPlayback();
    renderer.settle(nav, clock.now());
    renderer.tap(nav, renderer.items().find("attract/start")->center(), clock.now());
    nav.apply(core::OpenPack{"clips"}, clock.now());
    renderer.settle(nav, clock.now());
    renderer.tap(nav, renderer.items().find(std::string(kClip) + "/play")->center(), clock.now());
    // 14 s of watching without a touch: longer than the idle time and its prompt.
    for (int frame = 0; frame < 140; ++frame) {
        clock.advance(100ms);
        nav.tick(clock.now());  // as the window loop does: the idle time is the navigator's
        renderer.frame(nav, clock.now());
        for (int wait = 0; wait < 2000 && renderer.videos()->waitingForPictures(); ++wait) {
            std::this_thread::sleep_for(2ms);
            renderer.frame(nav, clock.now());
        }
    }
    CHECK(nav.visit().phase() == core::VisitorPhase::Visiting);
    CHECK(renderer.items().find(std::string(kClip) + "/play")->label == "Video anhalten");
    // Ended, the clip keeps nobody there: the idle time runs out as usual.
    for (int frame = 0; frame < 400 && nav.visit().phase() == core::VisitorPhase::Visiting; ++frame) {
        clock.advance(100ms);
        nav.tick(clock.now());
        renderer.frame(nav, clock.now());
    }
    CHECK(nav.visit().phase() != core::VisitorPhase::Visiting);
}

TEST_CASE("video playback: a clip damaged on disk shows an error card, and the rest of the page works") {
    PlaybackFixture f;
    // After the pack was checked and loaded, the file breaks (a failing disk, a bad copy).
    const std::filesystem::path clip = f.dir.path() / "clips/videos/intro.mp4";
    std::filesystem::remove(clip);
    std::ofstream(clip, std::ios::binary) << std::string(4096, 'x');
    f.tap(std::string(kClip) + "/play");
    f.playFor(200ms);
    const ui::ItemRect card = f.item(kClip);
    CHECK(card.role == ui::ItemRole::Problem);
    CHECK(card.label.find("lässt sich gerade nicht abspielen") != std::string::npos);
    CHECK_FALSE(f.renderer.items().find(std::string(kClip) + "/play"));
    f.tap("page/start/button/more");
    CHECK(f.nav.location().pageId == "more");
}

TEST_CASE("sign language: the page's button opens the DGS clip in a panel beside the text, which plays and closes") {
    PlaybackFixture f;
    CHECK_FALSE(f.renderer.items().find("page/sign-language-title"));
    f.tap("page/sign-language");
    CHECK(f.item("page/sign-language").selected);
    CHECK(f.item("page/sign-language-title").role == ui::ItemRole::Heading);
    const ui::ItemRect signer = f.item("page/start/sign-language");
    CHECK(signer.min.x > f.item(kClip).max.x);  // beside the text, not over it
    CHECK(f.item(std::string(kClip) + "/position").max.x < signer.min.x);  // the page's controls too
    f.tap("page/start/sign-language/play");
    f.playFor(500ms);
    CHECK(f.item("page/start/sign-language/play").label == "Video anhalten");
    CHECK(f.renderer.videos()->openClips() == 2);
    if (const char* folder = std::getenv("KIOSK_VIDEO_SCREENSHOTS")) {
        CHECK(f.renderer.savePng(std::filesystem::path(folder) / "sign-language-panel.png").empty());
    }
    f.tap("page/sign-language-close");
    CHECK_FALSE(f.renderer.items().find("page/sign-language-title"));
    CHECK(f.renderer.videos()->openClips() == 1);  // the signer's clip stopped with its panel
}

TEST_CASE("video playback: a start page's autoplaying clip plays in the attract loop without sound, and a visit starts anew") {
    test::TempDir dir;
    const std::filesystem::path content = writeVideoPack(dir, "autoplay = true\nloop = true\n").parent_path();
    core::ManualClock clock;
    core::PackLibrary library = core::loadPackLibrary(std::vector<std::filesystem::path>{content});
    core::Navigator nav(library, {"de"}, "de", std::chrono::seconds(60), clock.now());
    platform::HeadlessRenderer renderer(1280, 720, platform::systemFontFiles());
    REQUIRE(renderer.ok());
    renderer.enableVideoPlayback();
    renderer.settle(nav, clock.now());
    REQUIRE(nav.visit().phase() == core::VisitorPhase::Attract);
    CHECK(renderer.videos()->openClips() == 1);
    const std::uint64_t first = pixelsIn(renderer, *renderer.items().find("attract/start"));
    // The decoder opens on a thread of its own: frames until its first picture is there (at
    // most 10 s of real time), then a second of the clip.
    for (int wait = 0; wait < 5000 && renderer.videos()->waitingForPictures(); ++wait) {
        std::this_thread::sleep_for(2ms);
        renderer.frame(nav, clock.now());
    }
    REQUIRE_FALSE(renderer.videos()->waitingForPictures());
    for (int frame = 0; frame < 25; ++frame) {
        clock.advance(40ms);
        renderer.frame(nav, clock.now());
        std::this_thread::sleep_for(2ms);
    }
    CHECK(renderer.videos()->openClips() == 1);  // not forgotten frame after frame
    CHECK(pixelsIn(renderer, *renderer.items().find("attract/start")) != first);  // it moves
    CHECK(renderer.videos()->millisecondsToNextPicture(clock.now()).has_value());

    renderer.tap(nav, renderer.items().find("attract/start")->center(), clock.now());
    renderer.settle(nav, clock.now());
    CHECK(nav.visit().phase() == core::VisitorPhase::Visiting);
    CHECK(renderer.videos()->openClips() == 0);  // the home screen shows no clip
}

// The sample packs' explainer clips and DGS placeholders, as a visitor finds them on the start page.
TEST_CASE("sample content: each explainer clip plays with subtitles, and each DGS placeholder opens beside the page") {
    const char* const packs[] = {"innovationshub", "online-id", "video-consultation"};
    for (const char* packId : packs) {
        CAPTURE(packId);
        test::UiFixture f(1920, 1080, KIOSK_SOURCE_DIR "/content");
        f.renderer.enableVideoPlayback();
        // As a tile's tap does (some tiles lie below the fold of the home screen).
        f.nav.apply(core::OpenPack{packId}, f.clock.now());
        f.settle();
        REQUIRE(f.nav.location().pageId == "start");
        const auto& items = f.renderer.items().items();
        const auto clip = std::find_if(items.begin(), items.end(), [](const ui::ItemRect& item) {
            return item.id.rfind("page/start/video/", 0) == 0 && item.id.find('/', 17) == std::string::npos;
        });
        REQUIRE_MESSAGE(clip != items.end(), "no clip on the start page");
        const std::string clipId = clip->id;
        f.tap(clipId + "/play");
        std::optional<std::string> subtitle;
        for (int frame = 0; frame < 100 && !subtitle; ++frame) {  // 4 s at most
            f.clock.advance(40ms);
            f.renderer.frame(f.nav, f.clock.now());
            while (f.renderer.videos()->waitingForPictures()) {
                std::this_thread::sleep_for(2ms);
                f.renderer.frame(f.nav, f.clock.now());
            }
            if (auto shown = f.renderer.items().find(clipId + "/subtitle")) subtitle = shown->label;
        }
        REQUIRE_MESSAGE(subtitle.has_value(), "no subtitle within the first 4 s");
        CHECK_FALSE(subtitle->empty());
        CHECK(f.renderer.items().find(clipId + "/play")->label == "Video anhalten");
        if (const char* folder = std::getenv("KIOSK_VIDEO_SCREENSHOTS")) {
            for (int frame = 0; frame < 100; ++frame) {  // 4 s more: a picture in the middle of the story
                f.clock.advance(40ms);
                f.renderer.frame(f.nav, f.clock.now());
                std::this_thread::sleep_for(1ms);
            }
            CHECK(f.renderer.savePng(std::filesystem::path(folder) / (std::string(packId) + "-video.png")).empty());
        }

        f.tap("page/sign-language");
        REQUIRE(f.renderer.items().find("page/sign-language-title"));
        f.tap("page/start/sign-language/play");
        for (int wait = 0; wait < 5000 && f.renderer.videos()->waitingForPictures(); ++wait) {
            std::this_thread::sleep_for(2ms);
            f.renderer.frame(f.nav, f.clock.now());
        }
        for (int frame = 0; frame < 25; ++frame) {
            f.clock.advance(40ms);
            f.renderer.frame(f.nav, f.clock.now());
        }
        CHECK(f.renderer.items().find("page/start/sign-language/play")->label == "Video anhalten");
        if (const char* folder = std::getenv("KIOSK_VIDEO_SCREENSHOTS")) {
            CHECK(f.renderer.savePng(std::filesystem::path(folder) / (std::string(packId) + "-dgs.png")).empty());
        }
    }
}

// Large text makes the controls wrap: at 200 % every control of the page's clip stays in the
// page's column and every control of the signer's clip inside its panel, on a landscape and a
// portrait screen (where the panel scrolls to them).
TEST_CASE("sign language: at 200 % text every control of both clips stays inside its column or panel") {
    for (const auto& [width, height] : {std::pair{1920, 1080}, std::pair{1080, 1920}}) {
        CAPTURE(width);
        test::TempDir dir;
        test::UiFixture f(width, height, writeVideoPack(dir).parent_path());
        f.renderer.enableVideoPlayback();
        core::AccessibilitySettings large;
        large.textSizePercent = 200;
        f.nav.apply(core::SetAccessibility{large}, f.clock.now());
        f.nav.apply(core::OpenPack{"clips"}, f.clock.now());
        f.settle();
        f.tap("page/sign-language");
        const auto title = f.renderer.items().find("page/sign-language-title");
        REQUIRE(title.has_value());
        const ui::ItemRect panelTitle = *title;
        const auto& items = f.renderer.items().items();
        int signerControls = 0;
        for (const ui::ItemRect& item : items) {
            CAPTURE(item.id);
            if (item.id.rfind("page/start/sign-language/", 0) == 0) {
                ++signerControls;
                CHECK(item.min.x >= panelTitle.min.x - 1);
                CHECK(item.max.x <= static_cast<float>(width) + 0.5f);
            } else if (item.id.rfind(std::string(kClip) + "/", 0) == 0 && width > height) {
                CHECK(item.max.x <= panelTitle.min.x);  // left of the panel, in the page's column
            }
        }
        CHECK(signerControls >= 4);  // play, back, the bar, forward at least
        if (const char* folder = std::getenv("KIOSK_VIDEO_SCREENSHOTS")) {
            CHECK(f.renderer.savePng(std::filesystem::path(folder) / ("sign-language-200-" + std::to_string(width) + ".png")).empty());
        }
    }
}

TEST_CASE("video playback: subtitle cues are found by time, between cues there is none") {
    core::SubtitleTrack track;
    track.cues = {{0.0, 1.0, "Eins"}, {1.5, 2.0, "<v Anna>Zwei</v>"}};
    CHECK(ui::subtitleAt(track, 0.0) == "Eins");
    CHECK(ui::subtitleAt(track, 0.999) == "Eins");
    CHECK(ui::subtitleAt(track, 1.2).empty());
    CHECK(ui::subtitleAt(track, 1.5) == "Zwei");
    CHECK(ui::subtitleAt(track, 2.0).empty());
}
