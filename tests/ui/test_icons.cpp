// Every icon drawn by the kiosk's own renderer at 24, 48 and 96 px, in the light palette and in
// high contrast, on one contact sheet: each must put ink inside its box and none outside it.
// KIOSK_ICON_SHEET=<file.png> saves the sheet to look at (assets/screenshots/media-icons.png).
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string>
#include <vector>

#include <SDL.h>
#include <doctest/doctest.h>
#include <imgui.h>

#include "platform/headless_renderer.hpp"
#include "platform/system_info.hpp"
#include "ui/theme.hpp"
#include "ui/widgets/icons.hpp"

namespace {

using namespace kiosk;
using ui::Icon;

struct NamedIcon {
    Icon icon;
    const char* name;
};

constexpr NamedIcon kAllIcons[] = {
    {Icon::Back, "Back"},         {Icon::Home, "Home"},
    {Icon::Forward, "Forward"},   {Icon::Shift, "Shift"},
    {Icon::ShiftOn, "ShiftOn"},   {Icon::Backspace, "Backspace"},
    {Icon::HideKeyboard, "HideKeyboard"}, {Icon::Accessibility, "Accessibility"},
    {Icon::Minus, "Minus"},       {Icon::Plus, "Plus"},
    {Icon::Play, "Play"},         {Icon::Pause, "Pause"},
    {Icon::Replay, "Replay"},     {Icon::SoundOn, "SoundOn"},
    {Icon::SoundOff, "SoundOff"}, {Icon::Subtitles, "Subtitles"},
    {Icon::SubtitlesOff, "SubtitlesOff"}, {Icon::Close, "Close"},
    {Icon::AudioDescription, "AudioDescription"}, {Icon::SignLanguage, "SignLanguage"},
};

constexpr int kSizes[] = {24, 48, 96};
constexpr int kMargin = 12;  // around each box: where an icon that is too big or off centre shows
constexpr int kRowHeight = 96 + 2 * kMargin;
constexpr int kGutter = 2;
constexpr int kLabelWidth = 170;
constexpr int kHeaderHeight = 40;
constexpr int kRowsPerColumn = 10;
constexpr int kSheetWidth = 1360;
constexpr int kSheetHeight = kHeaderHeight + kRowsPerColumn * (kRowHeight + kGutter);
constexpr ImU32 kSheetBackground = IM_COL32(0xB8, 0xBE, 0xC8, 0xFF);
constexpr ImU32 kLabelInk = IM_COL32(0x1B, 0x23, 0x30, 0xFF);

// One icon at one size in one palette: its cell, its box (size × size around its centre) inside.
struct Cell {
    NamedIcon icon;
    int size;
    bool highContrast;
    ImU32 background;
    ImU32 ink;
    int left, top, right, bottom;  // the cell, [left, right) × [top, bottom)
    int boxLeft, boxTop;           // the box, [boxLeft, boxLeft + size) …
    ImVec2 center() const { return ImVec2(static_cast<float>(boxLeft) + size * 0.5f, static_cast<float>(boxTop) + size * 0.5f); }
    std::string describe() const {
        return std::string(icon.name) + " at " + std::to_string(size) + " px" + (highContrast ? " in high contrast" : "");
    }
};

// Two columns of icons; a row shows one icon in the light palette at 24, 48, 96 px, then the
// same in high contrast.
std::vector<Cell> layout(const std::vector<NamedIcon>& icons) {
    ui::Theme light = ui::Theme::forDisplay(kSheetWidth, kSheetHeight);
    ui::Theme contrast = light;
    contrast.setHighContrast(true);
    std::vector<Cell> cells;
    for (std::size_t i = 0; i < icons.size(); ++i) {
        const int column = static_cast<int>(i) / kRowsPerColumn;
        const int top = kHeaderHeight + (static_cast<int>(i) % kRowsPerColumn) * (kRowHeight + kGutter);
        int x = 10 + column * (kSheetWidth / 2) + kLabelWidth;
        for (const ui::Theme* theme : {&light, &contrast}) {
            for (int size : kSizes) {
                const int width = size + 2 * kMargin;
                cells.push_back(Cell{icons[i], size, theme->highContrast(), theme->colors().background, theme->colors().text,
                                     x, top, x + width, top + kRowHeight, x + kMargin, top + (kRowHeight - size) / 2});
                x += width + kGutter;
            }
            x += 3 * kGutter;
        }
    }
    return cells;
}

// Draws the sheet with strokes of `strokePerSize` times each icon's size.
void drawSheet(platform::HeadlessRenderer& renderer, const std::vector<Cell>& cells, float strokePerSize) {
    renderer.drawShapes(kSheetBackground, [&](ImDrawList& draw) {
        ImFont* font = renderer.theme().fonts().body;
        for (int column = 0; column < 2; ++column) {
            const float x = static_cast<float>(10 + column * (kSheetWidth / 2) + kLabelWidth);
            draw.AddText(font, 18.0f, ImVec2(x, 12.0f), kLabelInk, "light: 24, 48, 96 px");
            draw.AddText(font, 18.0f, ImVec2(x + 250.0f, 12.0f), kLabelInk, "high contrast");
        }
        for (const Cell& cell : cells) {
            if (cell.size == kSizes[0] && !cell.highContrast) {
                // Clipped to the label column: a long name must not reach a cell's margin.
                const ImVec2 from(static_cast<float>(cell.left - kLabelWidth), static_cast<float>(cell.top));
                draw.PushClipRect(from, ImVec2(static_cast<float>(cell.left - 4), static_cast<float>(cell.bottom)), true);
                draw.AddText(font, 18.0f, ImVec2(from.x, from.y + kRowHeight * 0.5f - 9.0f), kLabelInk, cell.icon.name);
                draw.PopClipRect();
            }
            draw.AddRectFilled(ImVec2(static_cast<float>(cell.left), static_cast<float>(cell.top)),
                               ImVec2(static_cast<float>(cell.right), static_cast<float>(cell.bottom)), cell.background);
            ui::drawIcon(draw, cell.icon.icon, cell.center(), static_cast<float>(cell.size), cell.size * strokePerSize, cell.ink);
        }
    });
}

int channel(ImU32 color, int shift) { return static_cast<int>((color >> shift) & 0xFF); }

// Where a cell's pixels differ clearly from its background: the icon's ink. Faint anti-aliased
// fringes (less than about a fifth of the way to the ink colour) do not count.
struct Ink {
    long inside = 0;
    long outside = 0;
    int minX = 1 << 30, minY = 1 << 30, maxX = -1, maxY = -1;
    double massX = 0, massY = 0, mass = 0;  // weighted by how far each pixel is towards the ink
    std::vector<bool> mask;                 // the box's pixels, row by row: ink or not
};

Ink measure(const SDL_Surface* surface, const Cell& cell) {
    const int shifts[] = {IM_COL32_R_SHIFT, IM_COL32_G_SHIFT, IM_COL32_B_SHIFT};
    int background[3];
    int span = 1;
    for (int c = 0; c < 3; ++c) {
        background[c] = channel(cell.background, shifts[c]);
        span = std::max(span, std::abs(channel(cell.ink, shifts[c]) - background[c]));
    }
    Ink ink;
    ink.mask.assign(static_cast<std::size_t>(cell.size * cell.size), false);
    const auto* pixels = static_cast<const Uint32*>(surface->pixels);
    const int stride = surface->pitch / 4;
    for (int y = cell.top; y < cell.bottom; ++y) {
        for (int x = cell.left; x < cell.right; ++x) {
            const Uint32 p = pixels[y * stride + x];  // XRGB8888
            const int rgb[3] = {static_cast<int>((p >> 16) & 0xFF), static_cast<int>((p >> 8) & 0xFF), static_cast<int>(p & 0xFF)};
            int difference = 0;
            for (int c = 0; c < 3; ++c) difference = std::max(difference, std::abs(rgb[c] - background[c]));
            const double weight = std::min(1.0, static_cast<double>(difference) / span);
            if (weight < 0.2) continue;
            const bool inBox = x >= cell.boxLeft && x < cell.boxLeft + cell.size && y >= cell.boxTop && y < cell.boxTop + cell.size;
            if (!inBox) {
                ++ink.outside;
                continue;
            }
            ++ink.inside;
            ink.mask[static_cast<std::size_t>((y - cell.boxTop) * cell.size + (x - cell.boxLeft))] = true;
            ink.minX = std::min(ink.minX, x);
            ink.maxX = std::max(ink.maxX, x);
            ink.minY = std::min(ink.minY, y);
            ink.maxY = std::max(ink.maxY, y);
            ink.massX += weight * (x + 0.5);
            ink.massY += weight * (y + 0.5);
            ink.mass += weight;
        }
    }
    return ink;
}

// Each icon puts a visible amount of ink in its box, none beyond it, and its ink is centred.
void checkEveryCell(const platform::HeadlessRenderer& renderer, const std::vector<Cell>& cells) {
    for (const Cell& cell : cells) {
        const Ink ink = measure(renderer.surface(), cell);
        INFO(cell.describe());
        const double area = static_cast<double>(cell.size) * cell.size;
        CHECK(ink.inside >= static_cast<long>(area * 0.03));
        CHECK(ink.outside == 0);
        if (ink.inside == 0) continue;
        // The middle of what is drawn, not only its extent: shifted by a tenth of the size, an
        // icon looks out of place in its button even when it fits.
        const ImVec2 middle = cell.center();
        CHECK(std::abs((ink.minX + ink.maxX + 1) * 0.5 - middle.x) <= cell.size * 0.1);
        CHECK(std::abs((ink.minY + ink.maxY + 1) * 0.5 - middle.y) <= cell.size * 0.1);
    }
}

const Cell& cellOf(const std::vector<Cell>& cells, Icon icon, int size, bool highContrast) {
    const auto it = std::find_if(cells.begin(), cells.end(), [&](const Cell& cell) {
        return cell.icon.icon == icon && cell.size == size && cell.highContrast == highContrast;
    });
    REQUIRE(it != cells.end());
    return *it;
}

}  // namespace

TEST_CASE("icons: every icon at 24 48 and 96 px in both palettes stays centred in its box on the contact sheet") {
    platform::HeadlessRenderer renderer(kSheetWidth, kSheetHeight, platform::systemFontFiles());
    REQUIRE_MESSAGE(renderer.ok(), renderer.error());
    const std::vector<Cell> cells = layout(std::vector<NamedIcon>(std::begin(kAllIcons), std::end(kAllIcons)));
    // About the kiosk's own strokes: 0.07 of the size on keyboard keys, 0.12 on buttons.
    drawSheet(renderer, cells, 0.08f);
    if (const char* sheet = std::getenv("KIOSK_ICON_SHEET")) {
        CHECK(renderer.savePng(sheet).empty());
        MESSAGE("saved the icon sheet to " << std::string(sheet));
    }
    checkEveryCell(renderer, cells);

    // Play's centre of mass is the box's centre: a triangle centred by its extent looks pushed left.
    for (bool highContrast : {false, true}) {
        const Cell& play = cellOf(cells, Icon::Play, 96, highContrast);
        const Ink ink = measure(renderer.surface(), play);
        REQUIRE(ink.mass > 0);
        CHECK(std::abs(ink.massX / ink.mass - play.center().x) <= 96 * 0.02);
        CHECK(std::abs(ink.massY / ink.mass - play.center().y) <= 96 * 0.02);
    }

    // "Off" and "on" differ in shape, not only in colour: visitors who cannot tell colours apart
    // and high contrast, which has one ink colour, still see which is which.
    const std::pair<Icon, Icon> pairs[] = {{Icon::Subtitles, Icon::SubtitlesOff}, {Icon::SoundOn, Icon::SoundOff},
                                           {Icon::Play, Icon::Pause}, {Icon::Shift, Icon::ShiftOn}};
    for (const auto& [on, off] : pairs) {
        const Ink a = measure(renderer.surface(), cellOf(cells, on, 48, true));
        const Ink b = measure(renderer.surface(), cellOf(cells, off, 48, true));
        long different = 0;
        for (std::size_t i = 0; i < a.mask.size(); ++i) different += a.mask[i] != b.mask[i];
        INFO(cellOf(cells, on, 48, true).describe(), " against ", cellOf(cells, off, 48, true).icon.name);
        CHECK(different >= static_cast<long>(48 * 48 * 0.05));
    }
}

TEST_CASE("icons: the video player icons stay in their box with the thick stroke of a button") {
    platform::HeadlessRenderer renderer(kSheetWidth, kSheetHeight, platform::systemFontFiles());
    REQUIRE_MESSAGE(renderer.ok(), renderer.error());
    std::vector<NamedIcon> media;
    for (const NamedIcon& icon : kAllIcons) {
        if (static_cast<int>(icon.icon) >= static_cast<int>(Icon::Play)) media.push_back(icon);
    }
    REQUIRE(media.size() == 10);
    const std::vector<Cell> cells = layout(media);
    drawSheet(renderer, cells, 0.12f);  // buttons draw their icons at em(1) with em(0.12) strokes
    checkEveryCell(renderer, cells);
}
