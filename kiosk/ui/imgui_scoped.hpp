// RAII guards for every ImGui Begin/Push: Debian's ImGui asserts, so an imbalance aborts the kiosk.
#pragma once

#include <imgui.h>

namespace kiosk::ui::scoped {

// Begin and BeginChild must always be ended, whatever they return (imgui.h, "Windows").
class Window {
public:
    Window(const char* name, ImGuiWindowFlags flags) : m_visible(ImGui::Begin(name, nullptr, flags)) {}
    ~Window() { ImGui::End(); }
    Window(const Window&) = delete;
    Window& operator=(const Window&) = delete;
    explicit operator bool() const { return m_visible; }

private:
    bool m_visible;
};

class Child {
public:
    Child(const char* id, ImVec2 size, ImGuiWindowFlags flags) : m_visible(ImGui::BeginChild(id, size, false, flags)) {}
    ~Child() { ImGui::EndChild(); }
    Child(const Child&) = delete;
    Child& operator=(const Child&) = delete;
    explicit operator bool() const { return m_visible; }

private:
    bool m_visible;
};

class Id {
public:
    explicit Id(const char* id) { ImGui::PushID(id); }
    // For content without an id of its own (a text block): its address, stable while loaded.
    explicit Id(const void* id) { ImGui::PushID(id); }
    ~Id() { ImGui::PopID(); }
    Id(const Id&) = delete;
    Id& operator=(const Id&) = delete;
};

class Font {
public:
    explicit Font(ImFont* font) { ImGui::PushFont(font); }
    ~Font() { ImGui::PopFont(); }
    Font(const Font&) = delete;
    Font& operator=(const Font&) = delete;
};

class StyleColor {
public:
    StyleColor(ImGuiCol which, ImU32 color) { ImGui::PushStyleColor(which, color); }
    ~StyleColor() { ImGui::PopStyleColor(); }
    StyleColor(const StyleColor&) = delete;
    StyleColor& operator=(const StyleColor&) = delete;
};

class StyleVar {
public:
    StyleVar(ImGuiStyleVar which, ImVec2 value) { ImGui::PushStyleVar(which, value); }
    StyleVar(ImGuiStyleVar which, float value) { ImGui::PushStyleVar(which, value); }
    ~StyleVar() { ImGui::PopStyleVar(); }
    StyleVar(const StyleVar&) = delete;
    StyleVar& operator=(const StyleVar&) = delete;
};

class TextWrapPos {
public:
    explicit TextWrapPos(float localX) { ImGui::PushTextWrapPos(localX); }
    ~TextWrapPos() { ImGui::PopTextWrapPos(); }
    TextWrapPos(const TextWrapPos&) = delete;
    TextWrapPos& operator=(const TextWrapPos&) = delete;
};

// Draw-list clipping, paired like every other push: an exception between push and pop would
// leave the window's clip stack unbalanced.
class DrawClip {
public:
    DrawClip(ImDrawList& draw, ImVec2 min, ImVec2 max) : m_draw(draw) { m_draw.PushClipRect(min, max, true); }
    ~DrawClip() { m_draw.PopClipRect(); }
    DrawClip(const DrawClip&) = delete;
    DrawClip& operator=(const DrawClip&) = delete;

private:
    ImDrawList& m_draw;
};

}  // namespace kiosk::ui::scoped
