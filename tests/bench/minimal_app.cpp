// The minimal-app reference of tests/bench/reference_run.sh (issue 9, item 8): the smallest honest
// SDL2 + Dear ImGui 1.86 program showing the kiosk's six first home tiles as plain ImGui text and
// buttons. What the kiosk costs beyond this is what its own design costs, not what SDL and ImGui do.
// Like the kiosk: the renderer SDL picks (GPU first, software if that fails), Noto Sans at the
// kiosk's body size (1/36 of the shorter side), an event-waiting loop that draws nothing without an
// event, and the same "first frame presented N ms after start" line, "start" being main()'s first line.
//
//   bench_minimal_app [--size WxH] [--frames N]     (default 1920x1080, run until the window closes)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include <SDL.h>
#include <imgui.h>
#include <imgui_impl_sdl.h>
#include <imgui_impl_sdlrenderer.h>

namespace {

struct Tile {
    const char* category;
    const char* title;
    const char* teaser;
};

// The first six tiles of the kiosk's home screen (content/*/pack.toml, in the kiosk's order).
constexpr Tile kTiles[] = {
    {"Unser Haus", "Willkommen im InnovationsHub",
     "Was der Hub ist, was er Ihnen bietet und was Sie hier am Bildschirm ausprobieren können."},
    {"Verwaltung digital", "Adresse online ändern", "Umgezogen? So melden Sie Ihre neue Wohnung online an – mit dem Ausweis."},
    {"Verwaltung digital", "Online-Ausweis nutzen", "Mit Ausweis, PIN und Smartphone weisen Sie sich im Internet sicher aus."},
    {"Verwaltung digital", "Fahrzeug online an-, um- und abmelden",
     "Ohne Wartemarke: So erledigen Sie die Fahrzeugzulassung im Internet (i-Kfz)."},
    {"Gesundheit digital", "116117: Termine und Bereitschaftsdienst",
     "Arzttermin gesucht oder krank am Wochenende? Die 116117 hilft – kostenlos, am Telefon und online."},
    {"Gesundheit digital", "Das E-Rezept", "Rezepte digital einlösen: mit Gesundheitskarte, App oder Ausdruck."},
};

// Latin-1 for the umlauts and ß, Cyrillic for "Українська", punctuation for the teasers' en dash.
const ImWchar kGlyphRanges[] = {0x0020, 0x00FF, 0x0400, 0x045F, 0x2010, 0x205E, 0};

constexpr const char* kFontFile = "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf";

void drawHome(float em) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->Pos);
    ImGui::SetNextWindowSize(viewport->Size);
    ImGui::Begin("home", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
    ImGui::Button("Besuch beenden");
    ImGui::SameLine();
    ImGui::TextUnformatted("Digitaler Showroom");
    for (const char* language : {"Deutsch", "English", "Leichte Sprache", "Українська"}) {
        ImGui::SameLine();
        ImGui::Button(language);
    }
    ImGui::SameLine();
    ImGui::Button("Barrierefreiheit");
    ImGui::Separator();
    ImGui::TextUnformatted("Willkommen!");
    ImGui::TextUnformatted("Tippen Sie auf ein Thema und probieren Sie es aus.");
    const float gap = em;
    const float tileWidth = (ImGui::GetContentRegionAvail().x - 2 * gap) / 3;
    for (int i = 0; i < 6; ++i) {
        if (i % 3 != 0) ImGui::SameLine(0, gap);
        ImGui::PushID(kTiles[i].title);
        ImGui::BeginChild("tile", ImVec2(tileWidth, em * 12), true);
        ImGui::TextUnformatted(kTiles[i].category);
        ImGui::TextUnformatted(kTiles[i].title);
        ImGui::TextWrapped("%s", kTiles[i].teaser);
        ImGui::Button("Ausprobieren");
        ImGui::EndChild();
        ImGui::PopID();
    }
    ImGui::End();
}

bool parseArguments(int argc, char** argv, int& width, int& height, long& frames) {
    for (int i = 1; i < argc; ++i) {
        const bool hasValue = i + 1 < argc;
        if (std::strcmp(argv[i], "--size") == 0 && hasValue) {
            if (std::sscanf(argv[++i], "%dx%d", &width, &height) != 2 || width < 64 || height < 64) {
                std::fprintf(stderr, "bench_minimal_app: --size '%s' is not a size like 1920x1080\n", argv[i]);
                return false;
            }
        } else if (std::strcmp(argv[i], "--frames") == 0 && hasValue) {
            frames = std::strtol(argv[++i], nullptr, 10);
            if (frames < 1) {
                std::fprintf(stderr, "bench_minimal_app: --frames '%s' is not a positive number\n", argv[i]);
                return false;
            }
        } else {
            std::fprintf(stderr, "usage: bench_minimal_app [--size WxH] [--frames N]\n");
            return false;
        }
    }
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    const auto startedAt = std::chrono::steady_clock::now();  // where the kiosk's main() starts its clock
    int width = 1920;
    int height = 1080;
    long maxFrames = 0;  // 0: until the window is closed
    if (!parseArguments(argc, argv, width, height, maxFrames)) return 2;

    if (SDL_Init(SDL_INIT_VIDEO) != 0) {
        std::fprintf(stderr, "bench_minimal_app: cannot start SDL video: %s (no display? run under xvfb-run -a)\n", SDL_GetError());
        return 1;
    }
    SDL_Window* window = SDL_CreateWindow("bench_minimal_app", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, width, height, 0);
    if (window == nullptr) {
        std::fprintf(stderr, "bench_minimal_app: cannot open a window: %s\n", SDL_GetError());
        return 1;
    }
    // The kiosk's choice (kiosk/platform/kiosk_window.cpp): SDL's first GPU renderer, software if none works.
    SDL_Renderer* renderer = SDL_CreateRenderer(window, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
    if (renderer == nullptr) renderer = SDL_CreateRenderer(window, -1, SDL_RENDERER_SOFTWARE);
    if (renderer == nullptr) {
        std::fprintf(stderr, "bench_minimal_app: cannot create a renderer: %s\n", SDL_GetError());
        return 1;
    }
    SDL_RendererInfo info{};
    SDL_GetRendererInfo(renderer, &info);
    std::fprintf(stderr, "bench_minimal_app: renderer '%s'\n", info.name != nullptr ? info.name : "?");

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // nothing written next to the working directory
    const float em = static_cast<float>(std::min(width, height)) / 36.0f;  // the kiosk's Theme::forDisplay
    if (io.Fonts->AddFontFromFileTTF(kFontFile, em, nullptr, kGlyphRanges) == nullptr) {
        std::fprintf(stderr, "bench_minimal_app: cannot load %s (install fonts-noto-core)\n", kFontFile);
        return 1;
    }
    ImGui::StyleColorsLight();
    ImGui_ImplSDL2_InitForSDLRenderer(window);  // 1.86: the window only
    ImGui_ImplSDLRenderer_Init(renderer);

    long framesDrawn = 0;
    bool running = true;
    while (running) {
        // Waits for an event, except before the first frame: nothing is drawn without a reason.
        // With --frames the frames follow each other without waiting, so the run always ends.
        SDL_Event event;
        if (framesDrawn > 0 && (maxFrames > 0 ? SDL_PollEvent(&event) : SDL_WaitEvent(&event)) != 0) {
            do {
                ImGui_ImplSDL2_ProcessEvent(&event);
                if (event.type == SDL_QUIT) running = false;
                if (event.type == SDL_WINDOWEVENT && event.window.event == SDL_WINDOWEVENT_CLOSE) running = false;
            } while (SDL_PollEvent(&event) != 0);
        }
        ImGui_ImplSDLRenderer_NewFrame();
        ImGui_ImplSDL2_NewFrame();
        ImGui::NewFrame();
        drawHome(em);
        ImGui::Render();
        SDL_SetRenderDrawColor(renderer, 240, 240, 240, 255);
        SDL_RenderClear(renderer);
        ImGui_ImplSDLRenderer_RenderDrawData(ImGui::GetDrawData());
        SDL_RenderPresent(renderer);
        if (++framesDrawn == 1) {
            const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - startedAt).count();
            std::fprintf(stderr, "bench_minimal_app: first frame presented %lld ms after start\n", static_cast<long long>(ms));
        }
        if (maxFrames > 0 && framesDrawn >= maxFrames) running = false;
    }

    ImGui_ImplSDLRenderer_Shutdown();
    ImGui_ImplSDL2_Shutdown();
    ImGui::DestroyContext();
    SDL_DestroyRenderer(renderer);
    SDL_DestroyWindow(window);
    SDL_Quit();
    return 0;
}
