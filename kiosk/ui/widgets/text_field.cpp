// A text field: ImGui's InputText made large, plus a chip that fills in the author's invented example.
// The value lives in the navigator; this frame's copy goes into a buffer and every edit is sent
// back as SetFieldValue, so the field never holds state of its own a later visitor could see.
#include <algorithm>
#include <cstring>
#include <vector>

#include <imgui_internal.h>  // ImGuiInputTextState: ImGui's own copy of the text being edited

#include "ui/imgui_scoped.hpp"
#include "ui/widgets/buttons.hpp"
#include "ui/widgets/form_fields.hpp"

namespace kiosk::ui {
namespace {

// max_length counts characters as a visitor sees them (UTF-8 code points), like core's check;
// ImGui's buffer size counts bytes, so the limit is applied here, while typing and on paste.
int keepWithinLength(ImGuiInputTextCallbackData* data) {
    const int maxCharacters = *static_cast<const int*>(data->UserData);
    int characters = 0;
    int cut = 0;
    for (; cut < data->BufTextLen; ++cut) {
        if ((static_cast<unsigned char>(data->Buf[cut]) & 0xC0) == 0x80) continue;  // inside a character
        if (characters == maxCharacters) break;
        ++characters;
    }
    if (cut < data->BufTextLen) data->DeleteChars(cut, data->BufTextLen - cut);
    return 0;
}

template <class T>
void wipe(ImVector<T>& buffer) {
    if (!buffer.empty()) std::memset(buffer.Data, 0, static_cast<std::size_t>(buffer.size_in_bytes()));
    buffer.clear();
}

// Starts editing `id` when it is drawn next frame: the request that Tab (and SetKeyboardFocusHere)
// end up queuing for an input in 1.86, set directly. Going through SetKeyboardFocusHere would add a
// navigation scoring pass and navigation's own scrolling; the flow screen scrolls the field itself.
void startEditingWithoutTap(ImGuiID id) {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    g.NavNextActivateId = id;
    g.NavNextActivateFlags = ImGuiActivateFlags_PreferInput;
}

}  // namespace

void forgetTypedText() {
    ImGui::ClearActiveID();
    ImGuiInputTextState& state = ImGui::GetCurrentContext()->InputTextState;
    wipe(state.TextW);
    wipe(state.TextA);
    wipe(state.InitialTextA);
    // stb_textedit keeps deleted characters for undo even with NoUndoRedo: wipe its state too.
    std::memset(static_cast<void*>(&state.Stb), 0, sizeof(state.Stb));
    state.CurLenW = state.CurLenA = 0;
    state.ID = 0;
    wipe(ImGui::GetIO().InputQueueCharacters);  // typed but not yet read by any field
}

void drawTextInput(FrameContext& ctx, const FieldView& view, float width) {
    const Theme& theme = ctx.theme;
    const Palette& colors = theme.colors();
    const float height = theme.touchTarget();
    const ButtonSpec example{view.itemId + "/example", ctx.strings.flow.fillExample, ButtonStyle::Chip};
    const float exampleWidth = buttonWidth(ctx, example);
    const float gap = theme.em(0.6f);
    // Beside the field where both fit comfortably, under it on narrow columns.
    const bool exampleBeside = width - exampleWidth - gap >= theme.em(14.0f);
    const float inputWidth = exampleBeside ? width - exampleWidth - gap : width;
    const float x = ImGui::GetCursorPosX();

    int maxCharacters = std::clamp(view.field.maxLength, 1, 200);
    std::vector<char> buffer(static_cast<std::size_t>(maxCharacters) * 4 + 1, '\0');
    std::copy_n(view.value.data(), std::min(view.value.size(), buffer.size() - 1), buffer.data());
    bool edited = false;
    {
        ImFont* font = theme.fonts().body;
        scoped::Font useFont(font);
        scoped::StyleVar padding(ImGuiStyleVar_FramePadding, ImVec2(theme.em(0.7f), (height - font->FontSize) * 0.5f));
        scoped::StyleVar rounding(ImGuiStyleVar_FrameRounding, theme.cornerRadius());
        scoped::StyleVar noBorder(ImGuiStyleVar_FrameBorderSize, 0.0f);  // drawn below, thicker and by state
        scoped::StyleColor background(ImGuiCol_FrameBg, colors.surface);
        scoped::StyleColor hovered(ImGuiCol_FrameBgHovered, colors.surface);
        scoped::StyleColor active(ImGuiCol_FrameBgActive, colors.surface);
        scoped::StyleColor text(ImGuiCol_Text, colors.text);
        scoped::StyleColor selection(ImGuiCol_TextSelectedBg, colors.chip);
        ImGui::SetNextItemWidth(inputWidth);
        // No undo: the undo stack would outlive the flow and could bring back a previous visitor's text.
        const std::string label = "##" + view.itemId;
        const ImGuiID id = ImGui::GetID(label.c_str());
        if (view.startEditing && ImGui::GetActiveID() != id) startEditingWithoutTap(id);
        edited = ImGui::InputText(label.c_str(), buffer.data(), buffer.size(),
                                  ImGuiInputTextFlags_CallbackEdit | ImGuiInputTextFlags_NoUndoRedo, keepWithinLength,
                                  &maxCharacters);
        // ImGui selects all text of a field it activates this way (as after Tab); a visitor coming
        // from "next" on the on-screen keyboard expects the cursor at the end, as on a phone, not a
        // selection the next key would replace.
        if (view.startEditing && ImGui::IsItemActivated()) ImGui::GetCurrentContext()->InputTextState.ClearSelection();
    }
    const ImVec2 min = ImGui::GetItemRectMin();
    const ImVec2 max = ImGui::GetItemRectMax();
    const bool editing = ImGui::IsItemActive();
    ctx.items.recordTarget(view.itemId, min, max);
    ctx.items.describeLast(view.field.label.in(ctx.languages), ItemRole::TextField, editing, buffer.data());
    if (editing && view.editing) *view.editing = TextEditing{view.field.id, view.field.format, min, max};
    ImDrawList& draw = *ImGui::GetWindowDrawList();
    const bool problem = view.problem != core::FieldProblem::None;
    const ImU32 borderColor = editing ? colors.primary : (problem ? colors.text : colors.textMuted);
    const float borderWidth = editing || problem ? theme.em(0.12f) : theme.hairline() * 2;
    draw.AddRect(min, max, borderColor, theme.cornerRadius(), 0, borderWidth);
    if (edited) ctx.emit<core::SetFieldValue>(view.field.id, std::string(buffer.data()));
    std::fill(buffer.begin(), buffer.end(), '\0');  // the heap it returns to keeps no visitor's text

    if (exampleBeside) {
        ImGui::SetCursorScreenPos(ImVec2(max.x + gap, min.y));
    } else {
        ImGui::SetCursorPosX(x);
    }
    if (touchButton(ctx, example, ImVec2(exampleWidth, exampleBeside ? height : theme.em(2.2f)))) {
        ctx.emit<core::SetFieldValue>(view.field.id, view.field.example.in(ctx.languages));
    }
}

}  // namespace kiosk::ui
