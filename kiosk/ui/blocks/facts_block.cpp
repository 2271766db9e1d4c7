// The number of columns is chosen so every value fits its tile in the big font: a value that had
// to wrap ("24 Stunden" over two lines) would no longer read as one figure.
#include "ui/blocks/facts_block.hpp"

#include <algorithm>
#include <string_view>
#include <vector>

#include "ui/blocks/block_shapes.hpp"
#include "ui/widgets/text_layout.hpp"

namespace kiosk::ui {
namespace {

struct FactLayout {
    TextLayout value;
    TextLayout label;
};

// The widest word of a label: where the text layout may break (spaces, after a dash) a label
// wraps, but no word of it must be wider than its tile.
float widestWord(const ImFont* font, std::string_view text) {
    float widest = 0;
    std::size_t begin = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        const bool space = i == text.size() || text[i] == ' ';
        if (!space && text[i] != '-') continue;
        const std::size_t end = space ? i : i + 1;  // a dash stays with the word before it
        if (end > begin) widest = std::max(widest, textWidth(font, text.substr(begin, end - begin)));
        begin = i + 1;
    }
    return widest;
}

// Side by side while every tile is at least this wide and every value, and every word of every
// label, fits; four facts may also make a 2 × 2 grid; otherwise one tile per row.
int chooseColumns(const Theme& theme, const std::vector<float>& valueWidths, float widestLabelWord, float width) {
    const int count = static_cast<int>(valueWidths.size());
    const float widest = *std::max_element(valueWidths.begin(), valueWidths.end());
    const float gap = theme.em(1.0f);
    const float padding = theme.em(1.0f);
    for (int columns = count; columns >= 2; --columns) {
        if (columns == 3 && count == 4) continue;  // 3 + 1 looks like a mistake
        const float tile = (width - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
        if (tile >= theme.em(7.5f) && widest <= tile - 2 * padding && widestLabelWord <= tile - 2 * padding) return columns;
    }
    return 1;
}

}  // namespace

void drawFactsBlock(FrameContext& ctx, const BlockPlace& place, const core::FactsBlock& block) {
    if (block.facts.empty()) return;
    const Theme& theme = ctx.theme;
    const Palette& colors = theme.colors();
    ImFont* valueFont = theme.fonts().display;
    std::vector<float> valueWidths;
    float widestLabelWord = 0;
    for (const core::Fact& fact : block.facts) {
        valueWidths.push_back(textWidth(valueFont, fact.value.in(ctx.languages)));
        widestLabelWord = std::max(widestLabelWord, widestWord(theme.fonts().body, fact.label.in(ctx.languages)));
    }

    const int columns = chooseColumns(theme, valueWidths, widestLabelWord, place.width);
    const float gap = theme.em(1.0f);
    const float padding = theme.em(1.0f);
    const float tileWidth = (place.width - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    // One per row: the value on the left in a column as wide as the widest value, the label beside
    // it; while the value fits in under half the tile on one line and leaves the label room for a
    // few words. On a narrow column (200 % text in portrait) the tile stacks as in a grid instead:
    // a value wrapped, or a label a word wide, would be no figure to read at a glance.
    const float widest = *std::max_element(valueWidths.begin(), valueWidths.end());
    const float besideLabel = tileWidth - 2 * padding - widest - theme.em(1.0f);
    const bool rowsOfOne = columns == 1 && widest <= tileWidth * 0.45f && besideLabel >= std::max(theme.em(9.0f), widestLabelWord);
    const float valueColumn = rowsOfOne ? widest : tileWidth - 2 * padding;
    const float labelWidth = rowsOfOne ? besideLabel : tileWidth - 2 * padding;

    std::vector<FactLayout> facts;
    for (const core::Fact& fact : block.facts) {
        facts.push_back(FactLayout{
            layoutText(valueFont, colors.primary, fact.value.in(ctx.languages), valueColumn, kLabelLineHeight, ctx.audit),
            layoutText(theme.fonts().body, colors.text, fact.label.in(ctx.languages), labelWidth, kReadingLineHeight,
                       ctx.audit)});
    }

    const ImVec2 origin = beginBlock(place);
    ImDrawList& draw = *ImGui::GetWindowDrawList();
    const float accent = theme.em(0.3f);
    float y = origin.y;
    for (std::size_t rowStart = 0; rowStart < facts.size(); rowStart += static_cast<std::size_t>(columns)) {
        const std::size_t rowEnd = std::min(facts.size(), rowStart + static_cast<std::size_t>(columns));
        float rowHeight = 0;
        for (std::size_t i = rowStart; i < rowEnd; ++i) {
            const FactLayout& f = facts[i];
            const float content = rowsOfOne ? std::max(f.value.size.y, f.label.size.y)
                                            : f.value.size.y + theme.em(0.3f) + f.label.size.y;
            rowHeight = std::max(rowHeight, content + 2 * padding + accent);
        }
        for (std::size_t i = rowStart; i < rowEnd; ++i) {
            const FactLayout& f = facts[i];
            const float x = origin.x + static_cast<float>(i - rowStart) * (tileWidth + gap);
            const ImVec2 min(x, y);
            const ImVec2 max(x + tileWidth, y + rowHeight);
            drawCard(draw, theme, min, max, colors.surface, colors.border, theme.hairline());
            // A band of the primary colour on top: the tiles read as a set of figures.
            draw.AddRectFilled(min, ImVec2(max.x, min.y + accent), colors.primary, theme.cornerRadius(),
                               ImDrawFlags_RoundCornersTop);
            const float top = min.y + accent + padding;
            if (rowsOfOne) {
                const float middle = (top + max.y - padding) * 0.5f;
                drawTextLayout(draw, ImVec2(min.x + padding, middle - f.value.size.y * 0.5f), f.value);
                drawTextLayout(draw, ImVec2(min.x + padding + valueColumn + theme.em(1.0f), middle - f.label.size.y * 0.5f),
                               f.label);
            } else {
                drawTextLayout(draw, ImVec2(min.x + padding, top), f.value);
                drawTextLayout(draw, ImVec2(min.x + padding, top + f.value.size.y + theme.em(0.3f)), f.label);
            }
        }
        y += rowHeight + (rowEnd < facts.size() ? gap : 0.0f);
    }
    endBlock(place, origin, y - origin.y);
}

}  // namespace kiosk::ui
