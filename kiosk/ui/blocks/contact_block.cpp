// On a wide column the card has two columns: where and when on the left, how to reach on the right.
#include "ui/blocks/contact_block.hpp"

#include <algorithm>
#include <vector>

#include "ui/blocks/block_shapes.hpp"
#include "ui/widgets/text_layout.hpp"

namespace kiosk::ui {
namespace {

struct ContactRow {
    Pictogram icon;
    TextLayout text;
};

float rowsHeight(const std::vector<ContactRow>& rows, float gap) {
    float height = 0;
    for (const ContactRow& row : rows) height += row.text.size.y + gap;
    return rows.empty() ? 0.0f : height - gap;
}

void drawRows(ImDrawList& draw, const Theme& theme, const std::vector<ContactRow>& rows, ImVec2 at, float iconColumn, float gap) {
    for (const ContactRow& row : rows) {
        const float firstLine = row.text.lines > 0 ? row.text.size.y / static_cast<float>(row.text.lines) : 0.0f;
        drawPictogram(draw, row.icon, ImVec2(at.x + iconColumn * 0.4f, at.y + firstLine * 0.5f), theme.em(1.1f),
                      theme.colors().primary, theme.colors().surface);
        drawTextLayout(draw, ImVec2(at.x + iconColumn, at.y), row.text);
        at.y += row.text.size.y + gap;
    }
}

}  // namespace

void drawContactBlock(FrameContext& ctx, const BlockPlace& place, const core::ContactBlock& block) {
    const Theme& theme = ctx.theme;
    const Palette& colors = theme.colors();
    const float padding = theme.em(1.4f);
    const float inner = place.width - 2 * padding;
    const float iconColumn = theme.em(2.0f);
    const float columnGap = theme.em(1.5f);
    const float rowGap = theme.em(0.8f);
    const bool twoColumns = inner >= theme.em(26.0f);
    const float columnWidth = twoColumns ? (inner - columnGap) * 0.5f : inner;
    const float textColumn = columnWidth - iconColumn;

    auto row = [&](Pictogram icon, std::string_view text, ImFont* font) {
        return ContactRow{icon, layoutText(font, colors.text, text, textColumn, kReadingLineHeight, ctx.audit)};
    };
    std::vector<ContactRow> where;
    std::vector<ContactRow> reach;
    if (!block.address.empty()) where.push_back(row(Pictogram::Pin, block.address, theme.fonts().body));
    if (!block.hours.empty()) where.push_back(row(Pictogram::Clock, block.hours.in(ctx.languages), theme.fonts().body));
    if (!block.phone.empty()) reach.push_back(row(Pictogram::Phone, block.phone, theme.fonts().bodyBold));
    if (!block.email.empty()) reach.push_back(row(Pictogram::Mail, block.email, theme.fonts().body));
    if (!block.web.empty()) reach.push_back(row(Pictogram::Globe, block.web, theme.fonts().body));
    const TextLayout name = layoutText(theme.fonts().subheading, colors.text, block.name.in(ctx.languages), inner,
                                       kLabelLineHeight, ctx.audit);

    const float whereHeight = rowsHeight(where, rowGap);
    const float reachHeight = rowsHeight(reach, rowGap);
    const float body = twoColumns ? std::max(whereHeight, reachHeight)
                                  : whereHeight + reachHeight + (where.empty() || reach.empty() ? 0.0f : rowGap);
    const float height = padding + name.size.y + theme.em(0.9f) + body + padding;

    const ImVec2 origin = beginBlock(place);
    ImDrawList& draw = *ImGui::GetWindowDrawList();
    drawCard(draw, theme, origin, ImVec2(origin.x + place.width, origin.y + height), colors.surface, colors.border,
             theme.hairline());
    const float left = origin.x + padding;
    const float top = origin.y + padding;
    drawTextLayout(draw, ImVec2(left, top), name);
    const float rowsTop = top + name.size.y + theme.em(0.9f);
    drawRows(draw, theme, where, ImVec2(left, rowsTop), iconColumn, rowGap);
    if (twoColumns) {
        drawRows(draw, theme, reach, ImVec2(left + columnWidth + columnGap, rowsTop), iconColumn, rowGap);
    } else {
        drawRows(draw, theme, reach, ImVec2(left, rowsTop + whereHeight + (where.empty() ? 0.0f : rowGap)), iconColumn, rowGap);
    }
    endBlock(place, origin, height);
}

}  // namespace kiosk::ui
