// Page layout: one centred column (about 65 characters wide), blocks top to bottom, each drawn by
// its own file in ui/blocks.
#include "ui/screens/page_screen.hpp"

#include <algorithm>
#include <type_traits>

#include "core/speech/page_reading.hpp"
#include "ui/blocks/block_guard.hpp"
#include "ui/blocks/button_block.hpp"
#include "ui/blocks/compare_block.hpp"
#include "ui/blocks/contact_block.hpp"
#include "ui/blocks/events_block.hpp"
#include "ui/blocks/facts_block.hpp"
#include "ui/blocks/gallery_block.hpp"
#include "ui/blocks/image_block.hpp"
#include "ui/blocks/qr_block.hpp"
#include "ui/blocks/quiz_block.hpp"
#include "ui/blocks/steps_block.hpp"
#include "ui/blocks/text_blocks.hpp"
#include "ui/blocks/video_block.hpp"
#include "ui/widgets/buttons.hpp"
#include "ui/imgui_scoped.hpp"
#include "ui/screens/reading_column.hpp"
#include "ui/screens/sign_language_panel.hpp"
#include "ui/widgets/text_layout.hpp"
#include "ui/widgets/top_bar.hpp"
#include "ui/widgets/touch.hpp"

namespace kiosk::ui {
namespace {

void drawBlock(FrameContext& ctx, const BlockPlace& place, const core::Block& block) {
    std::visit(
        [&](const auto& b) {
            using T = std::decay_t<decltype(b)>;
            if constexpr (std::is_same_v<T, core::HeadingBlock>) {
                drawHeadingBlock(ctx, place, b);
            } else if constexpr (std::is_same_v<T, core::TextBlock>) {
                drawTextBlock(ctx, place, b);
            } else if constexpr (std::is_same_v<T, core::ImageBlock>) {
                drawImageBlock(ctx, place, b);
            } else if constexpr (std::is_same_v<T, core::GalleryBlock>) {
                drawGalleryBlock(ctx, place, b);
            } else if constexpr (std::is_same_v<T, core::ButtonBlock>) {
                drawButtonBlock(ctx, place, b);
            } else if constexpr (std::is_same_v<T, core::StepsBlock>) {
                drawStepsBlock(ctx, place, b);
            } else if constexpr (std::is_same_v<T, core::FactsBlock>) {
                drawFactsBlock(ctx, place, b);
            } else if constexpr (std::is_same_v<T, core::CompareBlock>) {
                drawCompareBlock(ctx, place, b);
            } else if constexpr (std::is_same_v<T, core::QuizBlock>) {
                drawQuizBlock(ctx, place, b);
            } else if constexpr (std::is_same_v<T, core::QrBlock>) {
                drawQrBlock(ctx, place, b);
            } else if constexpr (std::is_same_v<T, core::ContactBlock>) {
                drawContactBlock(ctx, place, b);
            } else if constexpr (std::is_same_v<T, core::EventsBlock>) {
                drawEventsBlock(ctx, place, b);
            } else if constexpr (std::is_same_v<T, core::VideoBlock>) {
                drawVideoBlock(ctx, place, b);
            } else {
                static_assert(!sizeof(T), "every block type needs a drawing function");
            }
        },
        block);
}

bool isHeading(const core::Block& block) { return std::holds_alternative<core::HeadingBlock>(block); }
bool isButton(const core::Block& block) { return std::holds_alternative<core::ButtonBlock>(block); }

// More air above a heading than under it, so a heading reads with the text it introduces; buttons
// in a row of blocks stay close together as one group of choices.
float spaceBefore(const Theme& theme, const core::Block& block, const core::Block* previous) {
    if (!previous) return theme.em(1.2f);
    if (isHeading(block)) return theme.em(2.0f);
    if (isHeading(*previous)) return theme.em(0.7f);
    if (isButton(block) && isButton(*previous)) return theme.em(0.8f);
    return theme.em(1.4f);
}

// A frame around what is being read aloud, drawn after it (from `top` to the cursor): it follows
// the voice through the page. A frame, not a tint, so no text loses contrast under it.
void highlightReading(FrameContext& ctx, float x, float top, float width) {
    const Theme& theme = ctx.theme;
    const ImVec2 origin = ImGui::GetWindowPos();
    const float scroll = ImGui::GetScrollY();
    const float pad = theme.em(0.8f);
    const ImVec2 from(origin.x + x - pad, origin.y + top - scroll - pad);
    const ImVec2 to(origin.x + x + width + pad, origin.y + ImGui::GetCursorPosY() - scroll + pad * 0.2f);
    ImGui::GetWindowDrawList()->AddRect(from, to, theme.colors().primary, theme.cornerRadius(), 0, theme.em(0.15f));
    ctx.items.record("page/reading", from, to);
}

core::ReadingWords readingWords(const SpeechStrings& words) {
    return core::ReadingWords{words.picture, words.button, words.step, words.answer, words.qrCode, words.phone, words.email,
                              words.video};
}

std::vector<core::Utterance> pageReading(const FrameContext& ctx, const core::Page& page) {
    return core::pageReading(page, ctx.languages, readingWords(ctx.strings.speech));
}

// A block with nothing to press (a heading, text, a picture, facts …) becomes one element the
// non-visual mode reads as "read aloud" does, alt texts included, in place of the pieces of text
// it drew, and before the links it may hold. One with buttons or answers is heard through
// those and its texts, which say their own words.
void describeBlock(FrameContext& ctx, const std::vector<core::Utterance>& spoken, std::size_t index, std::size_t itemsBefore,
                   ImVec2 min, float width) {
    const auto& items = ctx.items.items();
    const bool pressable = std::any_of(items.begin() + static_cast<std::ptrdiff_t>(itemsBefore), items.end(),
                                       [](const ItemRect& item) { return item.touchTarget; });
    if (pressable) return;
    ctx.items.silenceTextsFrom(itemsBefore);
    const std::string id = "block/" + std::to_string(index);
    std::string text;
    for (const core::Utterance& utterance : spoken) {
        if (utterance.id != id) continue;
        if (!text.empty()) text += " ";
        text += utterance.text;
    }
    if (text.empty()) return;
    const ImVec2 max(min.x + width, ImGui::GetCursorScreenPos().y);
    ctx.items.recordAt(itemsBefore, "page/" + id, min, max, std::move(text), ItemRole::Text);
}

// "Read aloud" under the title: reads the page from its title on, or stops.
void drawReadAloud(FrameContext& ctx, const core::Page& page, float x, float width, bool reading) {
    const Theme& theme = ctx.theme;
    const SpeechStrings& words = ctx.strings.speech;
    const ButtonSpec spec{"page/read-aloud", reading ? words.stopReading : words.readAloud, ButtonStyle::Secondary};
    ImGui::Dummy(ImVec2(0, theme.em(0.4f)));
    ImGui::SetCursorPosX(x);
    const float fitted = std::min(width, buttonWidth(ctx, spec));
    if (!touchButton(ctx, spec, ImVec2(fitted, theme.touchTarget()))) return;
    if (reading) {
        ctx.speech->stop();
        return;
    }
    ctx.speech->speak(pageReading(ctx, page));
}

// The page's scrolling column, in `area` at the cursor.
void drawPageContent(FrameContext& ctx, const core::Pack& pack, const core::Page& page, bool justArrived,
                     PageScreenMemory& memory, ImVec2 area) {
    const Theme& theme = ctx.theme;
    const std::string scrollId = "page/" + pack.id + "/" + page.id;
    scoped::Child scroll(scrollId.c_str(), area, 0);
    if (justArrived) ImGui::SetScrollY(0.0f);

    const float available = ImGui::GetContentRegionAvail().x;
    const float width = readingColumnWidth(theme, available);
    // Arriving, the column slides the last stretch into place: the eye sees where the page came from.
    if (justArrived) memory.arrivedAt = ImGui::GetTime();
    const float entry = memory.entryOffset(theme.em(3.0f), ImGui::GetTime());
    if (entry != 0.0f) ctx.animating = true;
    const float columnX = (available - width) * 0.5f + entry;
    const BlockPlace place{page, columnX, width, area.y, memory};

    // Only the page read aloud is highlighted and can be stopped here; the non-visual mode's
    // words about an element are not a reading of the page.
    const std::string heard = ctx.speech && ctx.speech->isSpeaking() ? ctx.speech->currentId() : std::string();
    const std::string reading = core::isPageReading(heard) ? heard : std::string();
    ImGui::SetCursorPos(ImVec2(columnX, theme.em(2.0f)));
    const float titleTop = ImGui::GetCursorPosY();
    drawWrapped(ctx, theme.fonts().display, theme.colors().text, page.title.in(ctx.languages), width, kLabelLineHeight);
    // For the non-visual mode: each block as "read aloud" reads it, so a swipe reads the page.
    const std::vector<core::Utterance> spokenBlocks = ctx.nav.accessibility().nonVisual ? pageReading(ctx, page) : std::vector<core::Utterance>{};
    if (reading == "title") highlightReading(ctx, columnX, titleTop, width);
    if (ctx.speech) drawReadAloud(ctx, page, columnX, width, !reading.empty());
    drawSignLanguageButton(ctx, page, columnX, width, memory);
    const core::Block* previous = nullptr;
    for (std::size_t i = 0; i < page.blocks.size(); ++i) {
        const core::Block& block = page.blocks[i];
        ImGui::Dummy(ImVec2(0, spaceBefore(theme, block, previous)));
        const float blockTop = ImGui::GetCursorPosY();
        const ImVec2 blockMin = ImGui::GetCursorScreenPos();
        const std::size_t itemsBefore = ctx.items.size();
        drawBlockGuarded(ctx, place, block, i, drawBlock);
        if (!spokenBlocks.empty()) {
            describeBlock(ctx, spokenBlocks, i, itemsBefore, ImVec2(blockMin.x + columnX, blockMin.y), width);
        }
        if (reading == "block/" + std::to_string(i)) highlightReading(ctx, columnX, blockTop, width);
        previous = &block;
    }
    ImGui::Dummy(ImVec2(0, theme.em(3.0f)));
    // A finger swiping a gallery sideways, or moving a clip's seek bar, must not scroll the page
    // up and down as well.
    if (!memory.swipingSideways() && !ctx.fingerTaken) touchScroll(ctx);
}

}  // namespace

void drawPageScreen(FrameContext& ctx, const core::Pack& pack, const core::Page& page, bool justArrived,
                    PageScreenMemory& memory) {
    if (justArrived) memory.arriveOnPage();
    drawTopBar(ctx, pack.title.in(ctx.languages), TopBarLeft::BackAndHome);
    const ImVec2 area = ImGui::GetContentRegionAvail();
    if (!page.signLanguage || !memory.signLanguageOpen) {
        drawPageContent(ctx, pack, page, justArrived, memory, area);
        return;
    }
    const SignLanguageSplit split = splitForSignLanguage(ctx, area);
    const ImVec2 start = ImGui::GetCursorPos();
    if (split.panelFirst) {
        drawSignLanguagePanel(ctx, pack, page, split.panelSize, memory);
        ImGui::SetCursorPos(ImVec2(start.x, start.y + split.panelSize.y));
        drawPageContent(ctx, pack, page, justArrived, memory, split.pageSize);
    } else {
        drawPageContent(ctx, pack, page, justArrived, memory, split.pageSize);
        ImGui::SetCursorPos(ImVec2(start.x + split.pageSize.x, start.y));
        drawSignLanguagePanel(ctx, pack, page, split.panelSize, memory);
    }
}

}  // namespace kiosk::ui
