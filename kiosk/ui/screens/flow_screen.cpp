// Flow layout: top bar, the demo notice, a scrolling column (progress, step title, intro, fields),
// and the way on (Back / Next) in a bar pinned to the bottom, always in reach without scrolling.
#include "ui/screens/flow_screen.hpp"

#include <algorithm>
#include <cfloat>
#include <iterator>
#include <optional>
#include <string_view>

#include "core/nav/field_check.hpp"
#include "ui/imgui_scoped.hpp"
#include "ui/screens/flow_outcome.hpp"
#include "ui/screens/reading_column.hpp"
#include "ui/widgets/buttons.hpp"
#include "ui/widgets/form_fields.hpp"
#include "ui/widgets/placeholders.hpp"
#include "ui/widgets/text_layout.hpp"
#include "ui/widgets/top_bar.hpp"
#include "ui/widgets/touch.hpp"

namespace kiosk::ui {
namespace {

// The notice is part of the frame, not of the scrolling content: it never scrolls out of sight.
void drawDemoBanner(FrameContext& ctx) {
    const Theme& theme = ctx.theme;
    const Palette& colors = theme.colors();
    const FlowStrings& words = ctx.strings.flow;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    const float margin = theme.em(1.2f);
    ImFont* badgeFont = theme.fonts().bodyBold;
    ImFont* font = theme.fonts().body;
    const float badgePadding = theme.em(0.5f);
    const float badgeWidth = badgeFont->CalcTextSizeA(badgeFont->FontSize, FLT_MAX, 0.0f, words.demoBadge).x + 2 * badgePadding;
    const float textX = margin + badgeWidth + theme.em(0.7f);
    const float textWidth = width - textX - margin;
    const float textHeight = font->CalcTextSizeA(font->FontSize, FLT_MAX, textWidth, words.demoNotice).y;
    const float padding = theme.em(0.5f);
    const float height = std::max(textHeight, badgeFont->FontSize + theme.em(0.3f)) + 2 * padding;

    ImDrawList& draw = *ImGui::GetWindowDrawList();
    draw.AddRectFilled(origin, ImVec2(origin.x + width, origin.y + height), colors.chip);
    const float badgeHeight = badgeFont->FontSize + theme.em(0.3f);
    const ImVec2 badgeMin(origin.x + margin, origin.y + (height - badgeHeight) * 0.5f);
    draw.AddRectFilled(badgeMin, ImVec2(badgeMin.x + badgeWidth, badgeMin.y + badgeHeight), colors.primary,
                       theme.em(0.25f));
    draw.AddText(badgeFont, badgeFont->FontSize, ImVec2(badgeMin.x + badgePadding, badgeMin.y + theme.em(0.15f)),
                 colors.onPrimary, words.demoBadge);
    draw.AddText(font, font->FontSize, ImVec2(origin.x + textX, origin.y + (height - textHeight) * 0.5f), colors.text,
                 words.demoNotice, nullptr, textWidth);
    ctx.items.record("flow/demo-notice", origin, ImVec2(origin.x + width, origin.y + height));
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + height));
}

// Segments for every step, the summary and the result, and the same in words. The current segment
// is taller, finished ones are filled and those still ahead are hollow: readable without colour.
void drawProgress(FrameContext& ctx, const core::Flow& flow, const core::FlowSession& session, const FlowColumn& column) {
    const Theme& theme = ctx.theme;
    const Palette& colors = theme.colors();
    const std::size_t total = flow.steps.size() + 2;
    const std::size_t current = std::min(session.step, total - 1);

    ImGui::SetCursorPosX(column.x);
    drawWrapped(ctx, theme.fonts().bodyBold, colors.textMuted, flow.title.in(ctx.languages), column.width, kLabelLineHeight);
    ImGui::Dummy(ImVec2(0, theme.em(0.2f)));

    const float gap = theme.em(0.3f);
    const float segment = (column.width - gap * static_cast<float>(total - 1)) / static_cast<float>(total);
    const float tall = theme.em(0.7f);
    const float thin = theme.em(0.4f);
    ImGui::SetCursorPosX(column.x);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImDrawList& draw = *ImGui::GetWindowDrawList();
    for (std::size_t i = 0; i < total; ++i) {
        const float x = origin.x + static_cast<float>(i) * (segment + gap);
        const float height = i == current ? tall : thin;
        const ImVec2 min(x, origin.y + (tall - height) * 0.5f);
        const ImVec2 max(x + segment, min.y + height);
        if (i <= current) {
            draw.AddRectFilled(min, max, colors.primary, height * 0.5f);
        } else {
            const float border = theme.em(0.08f);
            draw.AddRectFilled(min, max, colors.textMuted, height * 0.5f);
            draw.AddRectFilled(ImVec2(min.x + border, min.y + border), ImVec2(max.x - border, max.y - border), colors.background,
                               height * 0.5f - border);
        }
    }
    ImGui::Dummy(ImVec2(column.width, tall));
    ImGui::SetCursorPosX(column.x);
    const std::string words = fillPlaceholders(ctx.strings.flow.stepOf, {{"step", std::to_string(current + 1)},
                                                                         {"total", std::to_string(total)}});
    drawWrapped(ctx, theme.fonts().small, colors.textMuted, words, column.width);
    ImGui::Dummy(ImVec2(0, theme.em(0.6f)));
}

std::string stepItemId(const core::Flow& flow, const core::FlowStep& step) {
    return "flow/" + flow.id + "/step/" + step.id;
}

bool stepIsValid(const core::FlowStep& step, const core::FlowSession& session) {
    return std::all_of(step.fields.begin(), step.fields.end(), [&](const core::FlowField& field) {
        return core::checkField(field, session.value(field.id)) == core::FieldProblem::None;
    });
}

// Where the field the keyboard types into lies in the column: it is kept in view above the keyboard.
struct FieldBlock {
    bool found = false;
    float top = 0.0f;  // the label's top, screen coordinates
    float bottom = 0.0f;
    float inputTop = 0.0f;  // the input box alone, for fields too tall to show whole
    float inputBottom = 0.0f;
};

// The text field Enter on the keyboard moves on to: choices, dates and checks take no typing.
const core::FlowField* nextTextField(const core::FlowStep& step, std::string_view fieldId) {
    auto field = std::find_if(step.fields.begin(), step.fields.end(), [&](const core::FlowField& f) { return f.id == fieldId; });
    if (field == step.fields.end()) return nullptr;
    auto next = std::find_if(std::next(field), step.fields.end(),
                             [](const core::FlowField& f) { return f.type == core::FlowField::Type::Text; });
    return next == step.fields.end() ? nullptr : &*next;
}

// The smallest scroll that shows the block whole (or, when it is taller than the view, its input),
// a little away from the edges. SetScrollY takes effect next frame, before the visitor types on.
void keepInView(const Theme& theme, const FieldBlock& block) {
    const float margin = theme.em(0.6f);
    const float viewTop = ImGui::GetWindowPos().y + margin;
    const float viewBottom = ImGui::GetWindowPos().y + ImGui::GetWindowHeight() - margin;
    float top = block.top;
    float bottom = block.bottom;
    if (bottom - top > viewBottom - viewTop && block.inputBottom > block.inputTop) {
        top = block.inputTop;
        bottom = block.inputBottom;
    }
    if (top < viewTop) {
        ImGui::SetScrollY(ImGui::GetScrollY() - (viewTop - top));
    } else if (bottom > viewBottom) {
        ImGui::SetScrollY(ImGui::GetScrollY() + std::min(bottom - viewBottom, top - viewTop));
    }
}

void drawStep(FrameContext& ctx, const core::Flow& flow, const core::FlowStep& step, const core::FlowSession& session,
              FlowScreenMemory& memory, const FlowColumn& column, TextEditing& editing, FieldBlock& typedInto) {
    const Theme& theme = ctx.theme;
    ImGui::SetCursorPosX(column.x);
    drawWrapped(ctx, theme.fonts().display, theme.colors().text, step.title.in(ctx.languages), column.width, kLabelLineHeight);
    if (!step.intro.empty()) {
        ImGui::SetCursorPosX(column.x);
        drawFlowText(ctx, step.intro.in(ctx.languages), column);
    }
    const std::string stepId = stepItemId(flow, step);
    for (const core::FlowField& field : step.fields) {
        ImGui::Dummy(ImVec2(0, theme.em(0.9f)));
        const std::string_view value = session.value(field.id);
        const auto problem = session.showProblems ? core::checkField(field, value) : core::FieldProblem::None;
        ImGui::SetCursorPosX(column.x);
        const float top = ImGui::GetCursorScreenPos().y;
        const bool startEditing = field.id == memory.startEditing;
        drawFormField(ctx, FieldView{field, stepId + "/field/" + field.id, value, problem, &editing, startEditing},
                      column.width);
        // A field Enter moved on to comes first: it has to be in view to be drawn, and so to take over.
        if (startEditing || (editing.fieldId == field.id && memory.startEditing.empty())) {
            const bool isEdited = editing.fieldId == field.id;
            typedInto = FieldBlock{true, top, ImGui::GetCursorScreenPos().y, isEdited ? editing.min.y : 0.0f,
                                   isEdited ? editing.max.y : 0.0f};
        }
        if (memory.scrollToProblem && problem != core::FieldProblem::None) {
            // The first field the visitor still has to fix comes into view with its message, unless
            // it is in view already: the screen should not jump under a finger for nothing.
            const float windowTop = ImGui::GetWindowPos().y;
            const float bottom = ImGui::GetCursorScreenPos().y;
            if (top < windowTop || bottom > windowTop + ImGui::GetWindowHeight()) {
                ImGui::SetScrollFromPosY(top - windowTop - theme.em(1.0f), 0.0f);
            }
            memory.scrollToProblem = false;
        }
    }
}

// Back and the way on, each as wide as its label needs (at least a comfortable width): side by
// side while both fit, else one above the other across the column (200 % text on a portrait
// screen), Back on top so the way on stays where it always is, at the bottom right.
struct ActionBarLayout {
    ButtonSpec back;
    ButtonSpec onward;
    bool result;   // only "Done": nothing to go back to
    bool stacked;
    float backWidth;
    float onwardWidth;
    float height;
};

ActionBarLayout layoutActionBar(const FrameContext& ctx, const core::Flow& flow, const core::FlowSession& session,
                                const FlowColumn& column) {
    const Theme& theme = ctx.theme;
    const FlowStrings& words = ctx.strings.flow;
    const std::size_t summary = flow.steps.size();
    const std::string prefix = "flow/" + flow.id + "/";
    ActionBarLayout bar{
        ButtonSpec{prefix + "back", ctx.strings.back, ButtonStyle::Secondary, Icon::Back},
        session.step < summary    ? ButtonSpec{prefix + "next", words.next, ButtonStyle::Primary, Icon::Forward}
        : session.step == summary ? ButtonSpec{prefix + "submit", words.submit, ButtonStyle::Primary, Icon::Forward}
                                  : ButtonSpec{prefix + "done", words.done, ButtonStyle::Primary},
        session.step > summary, false, 0, 0, 0};
    const float gap = theme.em(1.0f);
    const float back = std::max(buttonWidth(ctx, bar.back), theme.em(8.0f));
    const float onward = std::max(buttonWidth(ctx, bar.onward), theme.em(10.0f));
    if (bar.result) {
        bar.onwardWidth = std::min(onward, column.width);
    } else if (back + gap + onward <= column.width) {
        bar.backWidth = back;
        bar.onwardWidth = onward;
    } else {
        bar.stacked = true;
        bar.backWidth = column.width;
        bar.onwardWidth = column.width;
    }
    const float rows = bar.stacked ? 2.0f : 1.0f;
    bar.height = theme.touchTarget() * rows + theme.em(0.6f) * (rows - 1.0f) + 2 * theme.em(0.7f);
    return bar;
}

void drawActionBar(FrameContext& ctx, const core::Flow& flow, const core::FlowSession& session, FlowScreenMemory& memory,
                   const FlowColumn& column, const ActionBarLayout& bar) {
    const Theme& theme = ctx.theme;
    const Palette& colors = theme.colors();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetWindowWidth();
    ImDrawList& draw = *ImGui::GetWindowDrawList();
    draw.AddRectFilled(origin, ImVec2(origin.x + width, origin.y + bar.height), colors.surface);
    draw.AddRectFilled(origin, ImVec2(origin.x + width, origin.y + theme.hairline()), colors.border);

    const float buttonHeight = theme.touchTarget();
    const float left = origin.x + column.x;
    const float bottomRow = origin.y + bar.height - theme.em(0.7f) - buttonHeight;
    if (!bar.result) {
        ImGui::SetCursorScreenPos(ImVec2(left, bar.stacked ? origin.y + theme.em(0.7f) : bottomRow));
        if (touchButton(ctx, bar.back, ImVec2(bar.backWidth, buttonHeight))) ctx.emit<core::GoBack>();
    }
    ImGui::SetCursorScreenPos(ImVec2(left + column.width - bar.onwardWidth, bottomRow));
    if (touchButton(ctx, bar.onward, ImVec2(bar.onwardWidth, buttonHeight))) {
        const std::size_t summary = flow.steps.size();
        if (bar.result) {
            ctx.emit<core::FinishFlow>();
        } else {
            if (session.step < summary && !stepIsValid(flow.steps[session.step], session)) memory.scrollToProblem = true;
            ctx.emit<core::NextStep>();
        }
    }
}

}  // namespace

void drawFlowScreen(FrameContext& ctx, const core::Pack& pack, const core::Flow& flow, const core::FlowSession& session,
                    FlowScreenMemory& memory) {
    const Theme& theme = ctx.theme;
    const bool arrived = memory.flowId != flow.id || memory.step != session.step;
    if (arrived) {
        memory = FlowScreenMemory{};  // the keyboard too: a new step starts with nothing being edited
        memory.flowId = flow.id;
        memory.step = session.step;
    }

    // The keyboard comes first: it takes a finger on its keys before the fields could see it, and
    // what its keys type reaches the field drawn below in this same frame.
    const std::size_t summary = flow.steps.size();
    const core::FlowStep* step = session.step < summary ? &flow.steps[session.step] : nullptr;
    std::optional<KeyboardTarget> target;
    if (step && !memory.editing.fieldId.empty()) {
        target = KeyboardTarget{memory.editing.fieldId, memory.editing.format,
                                nextTextField(*step, memory.editing.fieldId) != nullptr};
    }
    OnScreenKeyboard keyboard(ctx, memory.keyboard, target);
    if (keyboard.nextFieldRequested()) memory.startEditing = nextTextField(*step, memory.editing.fieldId)->id;
    // Typing on a short screen (200 % text in landscape), the top bar and the notice make room for
    // the field and the way on, as a phone's keyboard covers an app's bar: hiding the keyboard
    // brings them back, and Back and the way on stay in the bar above the keyboard.
    if (!(keyboard.shown() && keyboard.compact())) {
        drawTopBar(ctx, pack.title.in(ctx.languages), TopBarLeft::BackAndHome);
        drawDemoBanner(ctx);
    }

    // The column is measured on the whole width, so the bar's buttons line up with it below.
    // With the keyboard out, the bar stays above it rather than under it: the way on stays in
    // reach, so a visitor who has typed enough taps "Next" as on any web form, without first
    // having to find out how the keyboard goes away, and "Back" never disappears. The column
    // gives the keyboard its room, so no field is ever under the keyboard, only scrolled.
    const float available = ImGui::GetContentRegionAvail().x;
    const float columnWidth = readingColumnWidth(theme, available);
    const FlowColumn column{(available - columnWidth) * 0.5f, columnWidth};
    const ActionBarLayout bar = layoutActionBar(ctx, flow, session, column);
    const ImVec2 area(available, ImGui::GetContentRegionAvail().y - bar.height - keyboard.height());
    {
        const std::string scrollId = "flow/" + flow.id;
        scoped::Child scroll(scrollId.c_str(), area, 0);
        if (arrived) ImGui::SetScrollY(0.0f);
        ImGui::SetCursorPos(ImVec2(column.x, theme.em(1.5f)));
        drawProgress(ctx, flow, session, column);
        TextEditing editing;
        FieldBlock typedInto;
        if (step) {
            drawStep(ctx, flow, *step, session, memory, column, editing, typedInto);
        } else if (session.step == summary) {
            drawFlowSummary(ctx, flow, session, column);
        } else {
            drawFlowResult(ctx, flow, session, column);
        }
        ImGui::Dummy(ImVec2(0, theme.em(2.0f)));
        if (keyboard.shown() && typedInto.found) keepInView(theme, typedInto);
        touchScroll(ctx);
        // Until the field Enter moved on to is edited; given up once nothing is edited any more.
        if (editing.fieldId.empty() || editing.fieldId == memory.startEditing) memory.startEditing.clear();
        memory.editing = editing;
    }
    drawActionBar(ctx, flow, session, memory, column, bar);
    keyboard.draw();
}

}  // namespace kiosk::ui
