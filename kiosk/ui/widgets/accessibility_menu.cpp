// The menu is laid out before it is drawn: the card's height (and whether it scrolls) depends on
// every row's text at the visitor's text size, and a card that grew a frame late would jump.
#include "ui/widgets/accessibility_menu.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <string_view>
#include <utility>
#include <vector>

#include "core/access/accessibility_settings.hpp"
#include "ui/access_strings.hpp"
#include "ui/blocks/block_shapes.hpp"
#include "ui/imgui_scoped.hpp"
#include "ui/widgets/buttons.hpp"
#include "ui/widgets/icons.hpp"
#include "ui/widgets/text_layout.hpp"
#include "ui/widgets/touch.hpp"

namespace kiosk::ui {
namespace {

constexpr const char* kEasyLanguage = "de-x-ls";

// One control of a row: a stepper's quieter/louder, a text size.
struct Choice {
    std::string id{};
    std::string label{};   // on the control
    std::string spoken{};  // for the non-visual mode, where the label alone would say too little
    Icon icon = Icon::None;
    bool selected = false;
};

struct MenuRow {
    enum class Kind {
        Toggle,   // the whole row is one button; a switch with "on"/"off" shows the state
        Stepper,  // name and level, two buttons (quieter, louder)
        Choices,  // name, one button per value, the current one filled and ticked
        Note,     // a hint to read
    };
    Kind kind = Kind::Note;
    std::string id{};
    std::string label{};   // the setting's name; a note's text
    std::string detail{};  // a toggle's help, a stepper's level
    bool on = false;
    std::vector<Choice> choices{};
    std::function<void(std::size_t)> chosen{};  // a toggle: 0; otherwise the choice's index
};

// Where a row's controls go: beside its words where both fit, else below them in a row, else
// one under the other (a narrow portrait screen at 200 %).
enum class Arrangement { Beside, Below, Stacked };

struct RowLayout {
    TextLayout label;
    TextLayout detail;
    Arrangement arrangement = Arrangement::Beside;
    float controlWidth = 0;  // each control's (a toggle: its switch with the word)
    float height = 0;
};

struct Metrics {
    float pad;         // inside a row
    float gap;         // between a row's words and its controls
    float rowGap;      // between rows
    float controlGap;  // between a row's controls
    float pillWidth;   // the switch
    float pillHeight;

    explicit Metrics(const Theme& theme)
        : pad(theme.em(0.7f)),
          gap(theme.em(0.8f)),
          rowGap(theme.em(0.5f)),
          controlGap(theme.em(0.5f)),
          pillWidth(theme.em(2.6f)),
          pillHeight(theme.em(1.4f)) {}
};

std::string percent(float value) { return std::to_string(static_cast<int>(std::lround(value * 100.0f))) + " %"; }

// One step of a setting, on a grid so that repeated steps never drift (0.1 + 0.1 + 0.1 …).
float stepped(float value, float step, int direction, float lowest, float highest) {
    return std::clamp(std::round(value / step + static_cast<float>(direction)) * step, lowest, highest);
}

std::string withoutFinalStop(std::string text) {
    if (!text.empty() && text.back() == '.') text.pop_back();
    return text;
}

float widestWord(const ImFont* font, std::string_view text) {
    float widest = 0;
    while (!text.empty()) {
        const std::size_t space = text.find(' ');
        widest = std::max(widest, textWidth(font, text.substr(0, space)));
        text = space == std::string_view::npos ? std::string_view() : text.substr(space + 1);
    }
    return widest;
}

float textHeight(const RowLayout& layout, const Theme& theme) {
    return layout.label.size.y + (layout.detail.lines > 0 ? theme.em(0.2f) + layout.detail.size.y : 0.0f);
}

float toggleControlWidth(const FrameContext& ctx, const Metrics& m) {
    const AccessStrings& words = accessStrings(ctx.languages);
    ImFont* font = ctx.theme.fonts().bodyBold;
    return std::max(textWidth(font, words.on), textWidth(font, words.off)) + ctx.theme.em(0.5f) + m.pillWidth;
}

// The widest control of the row, so that all of them are the same size.
float choiceWidth(const FrameContext& ctx, const MenuRow& row) {
    float widest = 0;
    for (const Choice& choice : row.choices) {
        if (row.kind == MenuRow::Kind::Stepper) {
            widest = std::max(widest, buttonWidth(ctx, ButtonSpec{choice.id, choice.label, ButtonStyle::Secondary, choice.icon}));
        } else {
            // Room for the tick on every one, not only the chosen: the row does not shift when it moves.
            widest = std::max(widest, textWidth(ctx.theme.fonts().bodyBold, choice.label) + ctx.theme.em(2.6f));
        }
    }
    return widest;
}

RowLayout layoutRow(const FrameContext& ctx, const MenuRow& row, float width) {
    const Theme& theme = ctx.theme;
    const Fonts& fonts = theme.fonts();
    const Palette& colors = theme.colors();
    const Metrics m(theme);
    RowLayout layout;
    if (row.kind == MenuRow::Kind::Note) {
        layout.label = layoutText(fonts.body, colors.textMuted, row.label, width, kReadingLineHeight, ctx.audit);
        layout.height = layout.label.size.y;
        return layout;
    }
    const float inner = width - 2 * m.pad;
    const std::size_t count = row.kind == MenuRow::Kind::Toggle ? 1 : row.choices.size();
    layout.controlWidth = row.kind == MenuRow::Kind::Toggle ? toggleControlWidth(ctx, m) : choiceWidth(ctx, row);
    const float group = layout.controlWidth * static_cast<float>(count) + m.controlGap * static_cast<float>(count - 1);
    float textRoom = inner - m.gap - group;
    // Beside the controls the name may wrap, but no word of it may be cut; a toggle's help text
    // needs more room than that to stay readable.
    const float besideNeeds = row.kind == MenuRow::Kind::Toggle ? theme.em(8.0f) : std::max(theme.em(4.5f), widestWord(fonts.bodyBold, row.label));
    if (textRoom >= besideNeeds) {
        layout.arrangement = Arrangement::Beside;
    } else if (group <= inner || row.kind == MenuRow::Kind::Toggle) {
        layout.arrangement = Arrangement::Below;
        textRoom = inner;
        if (row.kind != MenuRow::Kind::Toggle) {
            layout.controlWidth = (inner - m.controlGap * static_cast<float>(count - 1)) / static_cast<float>(count);
        }
    } else {
        layout.arrangement = Arrangement::Stacked;
        textRoom = inner;
        layout.controlWidth = inner;
    }
    layout.label = layoutText(fonts.bodyBold, colors.text, row.label, textRoom, kLabelLineHeight, ctx.audit);
    if (!row.detail.empty()) {
        const bool help = row.kind == MenuRow::Kind::Toggle;
        layout.detail = layoutText(help ? fonts.small : fonts.body, help ? colors.textMuted : colors.text, row.detail, textRoom,
                                   help ? kReadingLineHeight : kLabelLineHeight, ctx.audit);
    }
    const float controlHeight = row.kind == MenuRow::Kind::Toggle ? m.pillHeight : theme.touchTarget();
    const float controls = layout.arrangement == Arrangement::Stacked
                               ? controlHeight * static_cast<float>(count) + m.controlGap * static_cast<float>(count - 1)
                               : controlHeight;
    const float text = textHeight(layout, theme);
    layout.height = layout.arrangement == Arrangement::Beside ? 2 * m.pad + std::max(text, controls)
                                                              : 2 * m.pad + text + theme.em(0.6f) + controls;
    // A toggle row is itself the button: never lower than a finger.
    layout.height = std::max(layout.height, theme.touchTarget());
    return layout;
}

void drawTile(ImDrawList& draw, const Theme& theme, ImVec2 min, ImVec2 max, ImU32 fill) {
    drawCard(draw, theme, min, max, fill, theme.colors().border, theme.hairline());
}

// "on" beside a filled pill with its knob to the right and a tick, "off" beside an outlined one
// with its knob to the left: the state is told by a word and by a shape, never by colour alone.
void drawSwitch(ImDrawList& draw, const FrameContext& ctx, const Metrics& m, ImVec2 min, float width, bool on) {
    const Theme& theme = ctx.theme;
    const Palette& colors = theme.colors();
    const AccessStrings& words = accessStrings(ctx.languages);
    ImFont* font = theme.fonts().bodyBold;
    const char* word = on ? words.on : words.off;
    const float midY = min.y + m.pillHeight * 0.5f;
    const ImVec2 pillMin(min.x + width - m.pillWidth, min.y);
    const ImVec2 pillMax(pillMin.x + m.pillWidth, pillMin.y + m.pillHeight);
    const float wordWidth = checkLabel(ctx, font, word, width - m.pillWidth - theme.em(0.5f));
    draw.AddText(font, font->FontSize, ImVec2(pillMin.x - theme.em(0.5f) - wordWidth, midY - font->FontSize * 0.55f), colors.text, word);
    const float radius = m.pillHeight * 0.5f;
    const float knob = radius - theme.em(0.2f);
    if (on) {
        draw.AddRectFilled(pillMin, pillMax, colors.primary, radius);
        draw.AddCircleFilled(ImVec2(pillMax.x - radius, midY), knob, colors.onPrimary, 24);
        drawPictogram(draw, Pictogram::Check, ImVec2(pillMin.x + radius, midY), m.pillHeight * 0.6f, colors.onPrimary, colors.primary);
    } else {
        // Outlined in the muted text colour: a control's edge needs 3:1 against the row (WCAG 1.4.11).
        drawCard(draw, theme, pillMin, pillMax, colors.surfaceMuted, colors.textMuted, theme.hairline() * 2);
        draw.AddCircleFilled(ImVec2(pillMin.x + radius, midY), knob, colors.textMuted, 24);
    }
}

// A value to pick (a text size): outlined, or filled and ticked when it is the current one.
bool choiceButton(FrameContext& ctx, const Choice& choice, ImVec2 size) {
    const Theme& theme = ctx.theme;
    const Palette& colors = theme.colors();
    const auto [tapped, pressed, min, max] = tapTarget(ctx, choice.id, size);
    ctx.items.describeLast(choice.spoken, ItemRole::Option, choice.selected);
    const ImU32 fill = choice.selected ? colors.primary : (pressed ? colors.surfacePressed : colors.surface);
    const ImU32 ink = choice.selected ? colors.onPrimary : colors.text;
    ImDrawList& draw = *ImGui::GetWindowDrawList();
    draw.AddRectFilled(min, max, fill, theme.cornerRadius());
    draw.AddRect(min, max, choice.selected ? colors.primary : colors.border, theme.cornerRadius(), 0, theme.hairline() * 2);
    ImFont* font = theme.fonts().bodyBold;
    const float label = checkLabel(ctx, font, choice.label, size.x - theme.em(1.0f));
    const float tick = choice.selected ? theme.em(1.3f) : 0.0f;
    const float x = min.x + (size.x - label - tick) * 0.5f;
    const float midY = (min.y + max.y) * 0.5f;
    if (choice.selected) drawPictogram(draw, Pictogram::Check, ImVec2(x + theme.em(0.45f), midY), theme.em(0.9f), ink, fill);
    draw.AddText(font, font->FontSize, ImVec2(x + tick, midY - font->FontSize * 0.55f), ink, choice.label.c_str());
    return tapped;
}

std::string spokenToggle(const FrameContext& ctx, const MenuRow& row) {
    const AccessStrings& words = accessStrings(ctx.languages);
    std::string text = row.label + ": " + (row.on ? words.on : words.off);
    if (!row.detail.empty()) text += ". " + withoutFinalStop(row.detail);
    return text;
}

// Draws `row` at the cursor (its top-left corner), `width` wide, as `layout` measured it.
void drawRow(FrameContext& ctx, const MenuRow& row, const RowLayout& layout, float width) {
    const Theme& theme = ctx.theme;
    const Palette& colors = theme.colors();
    const Metrics m(theme);
    ImDrawList& draw = *ImGui::GetWindowDrawList();
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const ImVec2 max(min.x + width, min.y + layout.height);
    if (row.kind == MenuRow::Kind::Note) {
        drawTextLayout(draw, min, layout.label);
        ctx.items.record(row.id, min, max);
        ctx.items.describeLast(row.label, ItemRole::Text);
        ImGui::Dummy(ImVec2(width, layout.height));
        return;
    }
    const float text = textHeight(layout, theme);
    const bool beside = layout.arrangement == Arrangement::Beside;
    const float controlHeight = row.kind == MenuRow::Kind::Toggle ? m.pillHeight : theme.touchTarget();
    const float textTop = beside ? min.y + std::max(m.pad, (layout.height - text) * 0.5f) : min.y + m.pad;
    // Where the controls start: right-aligned and centred beside the words, or under them.
    const std::size_t count = row.kind == MenuRow::Kind::Toggle ? 1 : row.choices.size();
    const float group = layout.controlWidth * static_cast<float>(count) + m.controlGap * static_cast<float>(count - 1);
    const ImVec2 controls = beside ? ImVec2(max.x - m.pad - group, min.y + (layout.height - controlHeight) * 0.5f)
                                   : ImVec2(min.x + m.pad, min.y + m.pad + text + theme.em(0.6f));

    if (row.kind == MenuRow::Kind::Toggle) {
        const auto [tapped, pressed, targetMin, targetMax] = tapTarget(ctx, row.id, ImVec2(width, layout.height));
        ctx.items.describeLast(spokenToggle(ctx, row), ItemRole::Button);
        drawTile(draw, theme, targetMin, targetMax, pressed ? colors.surfacePressed : colors.background);
        drawTextLayout(draw, ImVec2(min.x + m.pad, textTop), layout.label);
        drawTextLayout(draw, ImVec2(min.x + m.pad, textTop + layout.label.size.y + theme.em(0.2f)), layout.detail);
        const float switchWidth = toggleControlWidth(ctx, m);
        drawSwitch(draw, ctx, m, controls, switchWidth, row.on);
        if (tapped) row.chosen(0);
        return;
    }

    ctx.items.record(row.id, min, max);
    ctx.items.describeLast(row.detail.empty() ? row.label : row.label + ": " + row.detail, ItemRole::Text);
    drawTile(draw, theme, min, max, colors.background);
    drawTextLayout(draw, ImVec2(min.x + m.pad, textTop), layout.label);
    drawTextLayout(draw, ImVec2(min.x + m.pad, textTop + layout.label.size.y + theme.em(0.2f)), layout.detail);
    for (std::size_t i = 0; i < row.choices.size(); ++i) {
        const Choice& choice = row.choices[i];
        const float index = static_cast<float>(i);
        const ImVec2 at = layout.arrangement == Arrangement::Stacked
                              ? ImVec2(controls.x, controls.y + index * (controlHeight + m.controlGap))
                              : ImVec2(controls.x + index * (layout.controlWidth + m.controlGap), controls.y);
        ImGui::SetCursorScreenPos(at);
        const ImVec2 size(layout.controlWidth, controlHeight);
        const bool tapped = row.kind == MenuRow::Kind::Stepper
                                ? touchButton(ctx, ButtonSpec{choice.id, choice.label, ButtonStyle::Secondary, choice.icon}, size)
                                : choiceButton(ctx, choice, size);
        if (tapped) row.chosen(i);
    }
}

void say(FrameContext& ctx, std::string text, bool afterWhatIsSaid = false) {
    ctx.say(std::move(text), "accessibility-menu", afterWhatIsSaid);
}

// What the last frame's taps left to say, now that their settings are applied.
void sayWhatWaits(FrameContext& ctx, AccessibilityMenuMemory& memory) {
    if (!memory.sample.empty()) say(ctx, std::exchange(memory.sample, std::string()));
    if (memory.explainNonVisualIn > 0) {
        ctx.animating = true;  // the frames it waits for come without a touch
        if (--memory.explainNonVisualIn == 0 && ctx.nav.accessibility().nonVisual) {
            say(ctx, accessStrings(ctx.languages).nonVisualOn, true);
        }
    }
}

std::string languageAfterEasy(const core::Navigator& nav, const std::string& before) {
    const auto& offered = nav.languages();
    auto usable = [&](const std::string& tag) {
        return tag != kEasyLanguage && std::find(offered.begin(), offered.end(), tag) != offered.end();
    };
    if (usable(before)) return before;
    if (usable(nav.defaultLanguage())) return nav.defaultLanguage();
    const auto other = std::find_if(offered.begin(), offered.end(), [&](const std::string& tag) { return tag != kEasyLanguage; });
    return other == offered.end() ? std::string() : *other;
}

struct MenuRows {
    std::vector<MenuRow> hearing;  // only with a voice to hear: without one these would do nothing
    std::vector<MenuRow> seeing;   // seeing, reaching, time, language
    MenuRow end;                   // "the settings last until you leave"
};

MenuRows buildRows(FrameContext& ctx, AccessibilityMenuMemory& memory) {
    const AccessStrings& words = accessStrings(ctx.languages);
    const core::AccessibilitySettings settings = ctx.nav.accessibility();
    auto change = [&ctx, settings](auto edit) {
        core::AccessibilitySettings changed = settings;
        edit(changed);
        ctx.emit<core::SetAccessibility>(changed.clamped());
        return changed;
    };
    MenuRows rows;
    if (ctx.speech) {
        rows.hearing.push_back(MenuRow{MenuRow::Kind::Toggle, "a11y/non-visual", words.nonVisualMode, words.nonVisualHelp,
                                       settings.nonVisual, {}, [&ctx, &memory, change, words](std::size_t) {
                                           const auto changed = change([](auto& s) { s.nonVisual = !s.nonVisual; });
                                           if (changed.nonVisual) {
                                               memory.explainNonVisualIn = 2;
                                           } else {
                                               say(ctx, words.nonVisualOff);
                                           }
                                       }});
        // Never silent from here: a listener who turned the voice off could not find it again.
        auto stepper = [&](const char* id, const char* label, float value, const char* less, const char* more, auto apply) {
            const std::string base = std::string("a11y/") + id;
            return MenuRow{MenuRow::Kind::Stepper, base, label, percent(value), false,
                           {Choice{base + "/less", less, less, Icon::Minus}, Choice{base + "/more", more, more, Icon::Plus}},
                           [&memory, change, label, apply, nonVisual = settings.nonVisual](std::size_t i) {
                               float now = 0;
                               change([&](core::AccessibilitySettings& s) { now = apply(s, i == 0 ? -1 : +1); });
                               // The listener hears the new setting in the new voice, the next frame.
                               if (nonVisual) memory.sample = std::string(label) + ": " + percent(now);
                           }};
        };
        rows.hearing.push_back(stepper("volume", words.volume, settings.volume, words.quieter, words.louder,
                                       [](core::AccessibilitySettings& s, int direction) {
                                           return s.volume = stepped(s.volume, 0.1f, direction, 0.1f, 1.0f);
                                       }));
        rows.hearing.push_back(stepper("rate", words.speechRate, settings.speechRate, words.slower, words.faster,
                                       [](core::AccessibilitySettings& s, int direction) {
                                           return s.speechRate = stepped(s.speechRate, 0.25f, direction, core::kMinSpeechRate,
                                                                         core::kMaxSpeechRate);
                                       }));
        rows.hearing.push_back(MenuRow{MenuRow::Kind::Note, "a11y/headphones", words.headphoneHint});
    }
    // In speech guidance a double tap is followed by the new state: the listener cannot see the switch.
    auto toggle = [&](const char* id, const char* label, const char* help, bool on, bool core::AccessibilitySettings::*field) {
        return MenuRow{MenuRow::Kind::Toggle, std::string("a11y/") + id, label, help ? help : "", on, {},
                       [&memory, change, field, label, on, words, nonVisual = settings.nonVisual](std::size_t) {
                           change([field](auto& s) { s.*field = !(s.*field); });
                           if (nonVisual) memory.sample = std::string(label) + ": " + (on ? words.off : words.on);
                       }};
    };
    rows.seeing.push_back(toggle("high-contrast", words.highContrast, nullptr, settings.highContrast,
                                 &core::AccessibilitySettings::highContrast));
    MenuRow sizes{MenuRow::Kind::Choices, "a11y/text-size", words.textSize};
    for (const int size : core::kTextSizes) {
        const std::string label = std::to_string(size) + " %";
        sizes.choices.push_back(Choice{"a11y/text-size/" + std::to_string(size), label, std::string(words.textSize) + " " + label,
                                       Icon::None, settings.textSizePercent == size});
    }
    sizes.chosen = [&memory, change, label = sizes.label, nonVisual = settings.nonVisual](std::size_t i) {
        change([i](auto& s) { s.textSizePercent = core::kTextSizes[i]; });
        if (nonVisual) memory.sample = label + " " + std::to_string(core::kTextSizes[i]) + " %";
    };
    rows.seeing.push_back(std::move(sizes));
    rows.seeing.push_back(toggle("low-mode", words.lowMode, words.lowModeHelp, settings.lowMode, &core::AccessibilitySettings::lowMode));
    rows.seeing.push_back(toggle("more-time", words.moreTime, words.moreTimeHelp, settings.moreTime, &core::AccessibilitySettings::moreTime));
    const auto& offered = ctx.nav.languages();
    if (std::find(offered.begin(), offered.end(), kEasyLanguage) != offered.end()) {
        const bool easy = ctx.nav.language() == kEasyLanguage;
        rows.seeing.push_back(MenuRow{MenuRow::Kind::Toggle, "a11y/easy-language", words.easyLanguage, "", easy, {},
                                      [&ctx, &memory, easy](std::size_t) {
                                          if (!easy) {
                                              memory.languageBeforeEasy = ctx.nav.language();
                                              ctx.emit<core::SetLanguage>(std::string(kEasyLanguage));
                                              return;
                                          }
                                          const std::string back = languageAfterEasy(ctx.nav, memory.languageBeforeEasy);
                                          if (!back.empty()) ctx.emit<core::SetLanguage>(back);
                                      }});
    }
    rows.end = MenuRow{MenuRow::Kind::Note, "a11y/settings-end", words.settingsEnd};
    return rows;
}

// The dimming only where it shows, around the card: a translucent layer costs the software
// renderer ten times an opaque one, and the menu is redrawn on every frame its list scrolls (a
// screen-sized scrim took 16 ms of a 1080p frame). Four rectangles that do not overlap reach
// `inset` under the card, whose opaque rounded corners are drawn over them; on whole pixels, since
// rectangles meeting at a fraction of one leave a lighter seam between them.
void drawScrimAround(ImDrawList& draw, ImVec2 min, ImVec2 max, ImVec2 cardMin, ImVec2 cardMax, float inset, ImU32 color) {
    const float top = std::round(cardMin.y + inset);
    const float bottom = std::round(cardMax.y - inset);
    const float left = std::round(cardMin.x + inset);
    const float right = std::round(cardMax.x - inset);
    draw.AddRectFilled(min, ImVec2(max.x, top), color);
    draw.AddRectFilled(ImVec2(min.x, bottom), max, color);
    draw.AddRectFilled(ImVec2(min.x, top), ImVec2(left, bottom), color);
    draw.AddRectFilled(ImVec2(right, top), ImVec2(max.x, bottom), color);
}

float columnHeight(const std::vector<RowLayout>& layouts, float rowGap) {
    float height = 0;
    for (const RowLayout& layout : layouts) height += layout.height + rowGap;
    return layouts.empty() ? 0.0f : height - rowGap;
}

}  // namespace

bool drawAccessibilityMenu(FrameContext& ctx, AccessibilityMenuMemory& memory) {
    if (!memory.open) {
        memory.shown = false;
        return false;
    }
    sayWhatWaits(ctx, memory);
    const Theme& theme = ctx.theme;
    const Palette& colors = theme.colors();
    const Metrics m(theme);
    const AccessStrings& words = accessStrings(ctx.languages);
    // Over the visitor's area (in low mode its lower part, within reach), coordinates from its corner.
    const bool area = ctx.areaSize.x > 0 && ctx.areaSize.y > 0;
    const ImVec2 corner = area ? ctx.areaMin : ImVec2(0, 0);
    const ImVec2 display = area ? ctx.areaSize : ImGui::GetIO().DisplaySize;
    MenuRows rows = buildRows(ctx, memory);

    // A screen that is small in ems (200 % text on 720p: 32 by 18) gives the card nearly all of it.
    const bool roomy = display.x >= theme.em(24.0f) && display.y >= theme.em(24.0f);
    const float margin = theme.em(roomy ? 1.5f : 0.6f);
    const float cardPad = theme.em(roomy ? 1.2f : 0.9f);
    const float columnGap = theme.em(1.5f);
    const float available = display.x - 2 * margin - 2 * cardPad;
    // Hearing beside seeing where both columns stay wide enough for a switch beside its words.
    const bool twoColumns = !rows.hearing.empty() && (available - columnGap) * 0.5f >= theme.em(16.0f);
    const float columnWidth = twoColumns ? std::min(theme.em(26.0f), (available - columnGap) * 0.5f) : std::min(theme.em(30.0f), available);
    const float contentWidth = twoColumns ? 2 * columnWidth + columnGap : columnWidth;
    const float cardWidth = contentWidth + 2 * cardPad;

    // Two columns: the note that ends the menu goes under the shorter one, hearing.
    std::vector<MenuRow> first = std::move(rows.hearing);
    std::vector<MenuRow> second = std::move(rows.seeing);
    if (!twoColumns) {
        first.insert(first.end(), std::make_move_iterator(second.begin()), std::make_move_iterator(second.end()));
        second.clear();
    }
    first.push_back(std::move(rows.end));
    std::vector<RowLayout> firstLayouts;
    std::vector<RowLayout> secondLayouts;
    for (const MenuRow& row : first) firstLayouts.push_back(layoutRow(ctx, row, columnWidth));
    for (const MenuRow& row : second) secondLayouts.push_back(layoutRow(ctx, row, columnWidth));
    const float insetTop = theme.em(0.8f);
    const float insetBottom = theme.em(0.8f);
    const float columnsHeight = std::max(columnHeight(firstLayouts, m.rowGap), columnHeight(secondLayouts, m.rowGap));
    const float contentHeight = insetTop + columnsHeight + insetBottom;

    // Close in a bar at the card's foot, where the hand ends up after the last setting; on a
    // screen short in ems (200 % text on 720p) beside the title instead, which leaves the settings
    // a third more room.
    const bool closeBeside = display.y < theme.em(24.0f);
    const ButtonSpec close{"a11y/close", words.close, ButtonStyle::Primary};
    const float closeWidth = closeBeside ? std::min(buttonWidth(ctx, close), contentWidth * 0.45f)
                                         : std::min(contentWidth, std::max(theme.em(12.0f), buttonWidth(ctx, close)));
    const float iconSize = theme.em(1.8f);
    const float titleRoom = contentWidth - iconSize - theme.em(0.6f) - (closeBeside ? closeWidth + theme.em(0.8f) : 0.0f);
    const TextLayout title = layoutText(theme.fonts().heading, colors.text, words.menuTitle, titleRoom, kLabelLineHeight, ctx.audit);
    const float headerRow = std::max({title.size.y, iconSize, closeBeside ? theme.touchTarget() : 0.0f});
    const float headerHeight = cardPad + headerRow + theme.em(closeBeside ? 0.6f : 0.8f);
    const float footerHeight = closeBeside ? theme.em(0.4f) : theme.em(0.8f) + theme.touchTarget() + cardPad;
    const float cardHeight = std::min(display.y - 2 * margin, headerHeight + contentHeight + footerHeight);
    const ImVec2 cardMin(corner.x + (display.x - cardWidth) * 0.5f, corner.y + (display.y - cardHeight) * 0.5f);
    const ImVec2 cardMax(cardMin.x + cardWidth, cardMin.y + cardHeight);

    ImGui::SetNextWindowPos(corner);
    ImGui::SetNextWindowSize(display);
    ImGui::SetNextWindowFocus();
    constexpr ImGuiWindowFlags kFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                                        ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoScrollWithMouse;
    scoped::StyleVar noPadding(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    scoped::Window overlay("accessibility-menu", kFlags);
    ctx.items.beginLayer();
    ImDrawList& draw = *ImGui::GetWindowDrawList();
    drawScrimAround(draw, corner, ImVec2(corner.x + display.x, corner.y + display.y), cardMin, cardMax, theme.cornerRadius(),
                    colors.scrim);
    // An edge only where the dimmed screen around it is too dark to show the card's own (high
    // contrast): the border is a second card-sized fill, which the software renderer pays for.
    drawCard(draw, theme, cardMin, cardMax, colors.surface, theme.highContrast() ? colors.border : colors.surface, theme.hairline());
    ctx.items.record("a11y/card", cardMin, cardMax);  // not spoken: where the card is, for tests

    const float titleTop = cardMin.y + cardPad;
    const float headerMid = titleTop + headerRow * 0.5f;
    const float left = cardMin.x + cardPad;
    drawIcon(draw, Icon::Accessibility, ImVec2(left + iconSize * 0.5f, headerMid), iconSize, theme.em(0.1f), colors.primary);
    const ImVec2 titleAt(left + iconSize + theme.em(0.6f), headerMid - title.size.y * 0.5f);
    drawTextLayout(draw, titleAt, title);
    ctx.items.record("a11y/title", titleAt, ImVec2(titleAt.x + title.size.x, titleAt.y + title.size.y));
    ctx.items.describeLast(words.menuTitle, ItemRole::Heading);
    const float scrollTop = cardMin.y + headerHeight;
    const float scrollBottom = cardMax.y - footerHeight;
    // Filled rectangles, not lines: the software renderer loses half of a thin line (top_bar.cpp).
    draw.AddRectFilled(ImVec2(cardMin.x, scrollTop - theme.hairline()), ImVec2(cardMax.x, scrollTop), colors.border);
    if (!closeBeside) draw.AddRectFilled(ImVec2(cardMin.x, scrollBottom), ImVec2(cardMax.x, scrollBottom + theme.hairline()), colors.border);

    ImGui::SetCursorScreenPos(ImVec2(cardMin.x, scrollTop));
    ctx.items.record("a11y/settings", ImVec2(cardMin.x, scrollTop), ImVec2(cardMax.x, scrollBottom));
    {
        scoped::Child scroll("a11y-settings", ImVec2(cardWidth, scrollBottom - scrollTop), 0);
        if (!memory.shown) ImGui::SetScrollY(0.0f);
        auto drawColumn = [&](const std::vector<MenuRow>& column, const std::vector<RowLayout>& layouts, float x) {
            float y = insetTop;
            for (std::size_t i = 0; i < column.size(); ++i) {
                ImGui::SetCursorPos(ImVec2(x, y));
                drawRow(ctx, column[i], layouts[i], columnWidth);
                y += layouts[i].height + m.rowGap;
            }
        };
        drawColumn(first, firstLayouts, cardPad);
        drawColumn(second, secondLayouts, cardPad + columnWidth + columnGap);
        ImGui::SetCursorPos(ImVec2(cardPad, insetTop + columnsHeight));
        ImGui::Dummy(ImVec2(contentWidth, insetBottom));
        touchScroll(ctx);
    }

    ImGui::SetCursorScreenPos(closeBeside ? ImVec2(cardMax.x - cardPad - closeWidth, headerMid - theme.touchTarget() * 0.5f)
                                          : ImVec2(cardMin.x + (cardWidth - closeWidth) * 0.5f, cardMax.y - cardPad - theme.touchTarget()));
    bool closing = touchButton(ctx, close, ImVec2(closeWidth, theme.touchTarget()));

    // Beside the card the dimmed screen closes the menu, as a tap beside a dialog does on a phone.
    // Submitted last: ImGui gives a spot that two items cover to the one submitted first, so the
    // card's own buttons keep their taps; a tap that began on the card's margin is not beside it.
    ImGui::SetCursorScreenPos(corner);
    if (tapTarget(ctx, "a11y/scrim", display).tapped) {
        const ImVec2 began = ImGui::GetIO().MouseClickedPos[ImGuiMouseButton_Left];
        const bool onCard = began.x >= cardMin.x && began.x < cardMax.x && began.y >= cardMin.y && began.y < cardMax.y;
        closing = closing || !onCard;
    }
    memory.shown = true;
    if (closing) {
        memory.open = false;
        ctx.animating = true;  // the screen beneath is drawn again without the menu
    }
    return true;
}

}  // namespace kiosk::ui
