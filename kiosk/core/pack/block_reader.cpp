// One reader per block type (content/FORMAT.md, "Blocks"); each knows its keys and limits.
#include "core/pack/block_reader.hpp"

#include <algorithm>
#include <array>
#include <set>

#include "core/pack/image_check.hpp"
#include "core/pack/pack_limits.hpp"
#include "core/pack/text_reader.hpp"
#include "core/pack/video_reader.hpp"
#include "core/util/did_you_mean.hpp"

namespace kiosk::core {
namespace {

using namespace std::string_view_literals;

Picture readPicture(const TableReader& reader, const PackReadContext& context) {
    static constexpr std::array known{"type"sv, "src"sv, "alt"sv, "caption"sv};
    reader.rejectUnknownKeys(known);
    Picture picture;
    picture.file = readImagePath(reader, "src", context);
    picture.alt = readText(reader, "alt", limits::kAlt, true, context);
    picture.caption = readText(reader, "caption", limits::kCaption, false, context);
    return picture;
}

Block readHeading(const TableReader& block, PackReadContext& context) {
    static constexpr std::array known{"type"sv, "text"sv};
    block.rejectUnknownKeys(known);
    return HeadingBlock{readText(block, "text", limits::kHeading, true, context)};
}

Block readTextBlock(const TableReader& block, PackReadContext& context) {
    static constexpr std::array known{"type"sv, "text"sv};
    block.rejectUnknownKeys(known);
    return TextBlock{readRichText(block, "text", true, context)};
}

Block readGallery(const TableReader& block, PackReadContext& context) {
    static constexpr std::array known{"type"sv, "id"sv, "pictures"sv};
    block.rejectUnknownKeys(known);
    GalleryBlock gallery;
    gallery.id = readId(block, "id", "gallery");
    for (const TableReader& picture : block.sections("pictures", 2, 12, "pictures")) {
        gallery.pictures.push_back(readPicture(picture, context));
    }
    return gallery;
}

Block readButton(const TableReader& block, PackReadContext& context) {
    static constexpr std::array known{"type"sv, "id"sv, "to"sv, "flow"sv, "label"sv, "style"sv};
    block.rejectUnknownKeys(known);
    ButtonBlock button;
    button.id = readId(block, "id", "button");
    const bool hasPage = block.raw().contains("to"), hasFlow = block.raw().contains("flow");
    if (hasPage == hasFlow) {
        block.fail(ErrorCode::MissingKey, hasPage ? "flow" : "type",
                   hasPage ? "a button leads either to a page or into a flow, not both" : "the button leads nowhere",
                   "write to = \"page-id\" or flow = \"flow-id\"");
    }
    auto checkTarget = [&](std::string_view key, const std::set<std::string, std::less<>>& present,
                           std::set<std::string, std::less<>>& linked, std::string_view what) {
        std::string target = block.string(key, false).value_or("");
        if (target.empty()) return target;
        if (present.count(target) == 0) {
            std::vector<std::string_view> names(present.begin(), present.end());
            block.fail(ErrorCode::BrokenReference, key,
                       "button '" + button.id + "' leads to " + std::string(what) + " '" + target + "', which does not exist",
                       names.empty() ? "add " + std::string(what) + "s/" + target + ".toml" : suggestionHint(target, names));
        } else {
            linked.insert(target);
        }
        return target;
    };
    button.targetPage = checkTarget("to", context.pageIds, context.linkedPages, "page");
    button.targetFlow = checkTarget("flow", context.flowIds, context.linkedFlows, "flow");
    button.label = readText(block, "label", limits::kButtonLabel, true, context);
    if (auto style = block.string("style", false)) {
        static constexpr std::array styles{"primary"sv, "secondary"sv};
        if (*style == "secondary") {
            button.style = ButtonBlock::Style::Secondary;
        } else if (*style != "primary") {
            block.fail(ErrorCode::InvalidValue, "style", "unknown button style '" + *style + "'", suggestionHint(*style, styles));
        }
    }
    return button;
}

Block readSteps(const TableReader& block, PackReadContext& context) {
    static constexpr std::array known{"type"sv, "steps"sv};
    block.rejectUnknownKeys(known);
    StepsBlock steps;
    for (const TableReader& step : block.sections("steps", 2, 10, "steps")) {
        static constexpr std::array stepKeys{"title"sv, "text"sv};
        step.rejectUnknownKeys(stepKeys);
        steps.steps.push_back(NumberedStep{readText(step, "title", limits::kTitle, true, context),
                                           readText(step, "text", limits::kParagraph, false, context)});
    }
    return steps;
}

Block readFacts(const TableReader& block, PackReadContext& context) {
    static constexpr std::array known{"type"sv, "facts"sv};
    block.rejectUnknownKeys(known);
    FactsBlock facts;
    for (const TableReader& fact : block.sections("facts", 2, 4, "facts")) {
        static constexpr std::array factKeys{"value"sv, "label"sv};
        fact.rejectUnknownKeys(factKeys);
        facts.facts.push_back(Fact{readText(fact, "value", limits::kFactValue, true, context),
                                   readText(fact, "label", limits::kShortLabel, true, context)});
    }
    return facts;
}

Block readCompare(const TableReader& block, PackReadContext& context) {
    static constexpr std::array known{"type"sv, "before"sv, "after"sv};
    block.rejectUnknownKeys(known);
    auto side = [&](std::string_view key) {
        CompareSide out;
        if (auto table = block.table(key, true)) {
            static constexpr std::array sideKeys{"label"sv, "text"sv};
            table->rejectUnknownKeys(sideKeys);
            out.label = readText(*table, "label", limits::kShortLabel, true, context);
            out.text = readText(*table, "text", limits::kParagraph, true, context);
        }
        return out;
    };
    CompareBlock compare;
    compare.before = side("before");
    compare.after = side("after");
    return compare;
}

Block readQuiz(const TableReader& block, PackReadContext& context) {
    static constexpr std::array known{"type"sv, "id"sv, "question"sv, "answers"sv};
    block.rejectUnknownKeys(known);
    QuizBlock quiz;
    quiz.id = readId(block, "id", "quiz");
    quiz.question = readText(block, "question", limits::kQuestion, true, context);
    std::set<std::string> answerIds;
    for (const TableReader& answer : block.sections("answers", 2, 5, "answers")) {
        static constexpr std::array answerKeys{"id"sv, "text"sv, "correct"sv, "feedback"sv};
        answer.rejectUnknownKeys(answerKeys);
        QuizAnswer out;
        out.id = readId(answer, "id", "answer");
        if (!out.id.empty() && !answerIds.insert(out.id).second) {
            answer.fail(ErrorCode::InvalidValue, "id", "answer id '" + out.id + "' is used twice in this quiz",
                        "give every answer its own id");
        }
        out.text = readText(answer, "text", limits::kAnswer, true, context);
        out.correct = answer.boolean("correct").value_or(false);
        out.feedback = readText(answer, "feedback", limits::kParagraph, true, context);
        quiz.answers.push_back(std::move(out));
    }
    const bool anyCorrect = std::any_of(quiz.answers.begin(), quiz.answers.end(), [](const QuizAnswer& a) { return a.correct; });
    if (!quiz.answers.empty() && !anyCorrect) {
        block.fail(ErrorCode::MissingKey, "answers", "quiz '" + quiz.id + "' has no correct answer",
                   "write correct = true in the right answer");
    }
    return quiz;
}

Block readQr(const TableReader& block, PackReadContext& context) {
    static constexpr std::array known{"type"sv, "id"sv, "url"sv, "short_url"sv, "label"sv};
    block.rejectUnknownKeys(known);
    QrBlock qr;
    qr.id = readId(block, "id", "QR code");
    qr.url = readPlainText(block, "url", limits::kUrl, true);
    const bool spaceFree = qr.url.find_first_of(" \t\n") == std::string::npos;
    if (!qr.url.empty() && (qr.url.rfind("https://", 0) != 0 || qr.url.size() <= 8 || !spaceFree)) {
        block.fail(ErrorCode::InvalidValue, "url", "'" + qr.url + "' is not an https:// address",
                   "use the full address of the official page, starting with https://");
    }
    qr.shortUrl = readPlainText(block, "short_url", 60, false);
    if (qr.shortUrl.empty() && qr.url.size() > 8) {
        qr.shortUrl = qr.url.substr(8);
        if (qr.shortUrl.back() == '/') qr.shortUrl.pop_back();
    }
    qr.label = readText(block, "label", limits::kNote, true, context);
    return qr;
}

Block readContact(const TableReader& block, PackReadContext& context) {
    static constexpr std::array known{"type"sv, "name"sv, "address"sv, "hours"sv, "phone"sv, "email"sv, "web"sv};
    block.rejectUnknownKeys(known);
    ContactBlock contact;
    contact.name = readText(block, "name", limits::kShortLabel, true, context);
    contact.address = readPlainText(block, "address", limits::kNote, true);
    contact.hours = readText(block, "hours", limits::kNote, false, context);
    contact.phone = readPlainText(block, "phone", 40, false);
    contact.email = readPlainText(block, "email", 80, false);
    contact.web = readPlainText(block, "web", 80, false);
    return contact;
}

// "18:00": two digits, a colon, two digits, on the 24-hour clock.
bool isClockTime(std::string_view text) {
    if (text.size() != 5 || text[2] != ':') return false;
    for (std::size_t i : {0u, 1u, 3u, 4u}) {
        if (text[i] < '0' || text[i] > '9') return false;
    }
    return (text[0] - '0') * 10 + (text[1] - '0') < 24 && text[3] < '6';
}

Block readEvents(const TableReader& block, PackReadContext& context) {
    static constexpr std::array known{"type"sv, "events"sv};
    block.rejectUnknownKeys(known);
    EventsBlock events;
    for (const TableReader& event : block.sections("events", 1, 30, "events")) {
        static constexpr std::array eventKeys{"date"sv, "time"sv, "end"sv, "title"sv, "place"sv, "description"sv};
        event.rejectUnknownKeys(eventKeys);
        Event out;
        if (auto date = event.date("date", true)) out.date = CalendarDate{date->year, date->month, date->day};
        for (auto [key, field] : {std::pair{"time"sv, &out.startTime}, std::pair{"end"sv, &out.endTime}}) {
            *field = event.string(key, false).value_or("");
            if (!field->empty() && !isClockTime(*field)) {
                event.fail(ErrorCode::InvalidValue, key, "'" + event.qualified(key) + "' is not a time like \"18:00\"",
                           "write hours and minutes on the 24-hour clock");
                field->clear();
            }
        }
        if (!out.endTime.empty() && out.startTime.empty()) {
            event.fail(ErrorCode::MissingKey, "end", "the event has an end time but no start time", "add time = \"…\"");
        }
        out.title = readText(event, "title", limits::kShortLabel, true, context);
        out.place = readText(event, "place", limits::kNote, false, context);
        out.description = readText(event, "description", limits::kParagraph, false, context);
        events.events.push_back(std::move(out));
    }
    std::stable_sort(events.events.begin(), events.events.end(), [](const Event& a, const Event& b) {
        return a.date != b.date ? a.date < b.date : a.startTime < b.startTime;
    });
    return events;
}

}  // namespace

std::filesystem::path readPackFilePath(const TableReader& reader, std::string_view key, const PackReadContext& context,
                                       std::string_view what, std::string_view example) {
    auto value = reader.string(key, true);
    if (!value) return {};
    const std::filesystem::path relative = std::filesystem::path(*value).lexically_normal();
    if (relative.is_absolute() || relative.empty() || *relative.begin() == ".." || value->find('\\') != std::string::npos) {
        reader.fail(ErrorCode::InvalidValue, key, "'" + reader.qualified(key) + "' points outside the pack",
                    "use a path inside the pack folder, like \"" + std::string(example) + "\"");
        return {};
    }
    const std::filesystem::path absolute = context.folder / relative;
    std::error_code ec;
    // The text check above cannot see symbolic links; the resolved path must stay inside too.
    const auto resolved = std::filesystem::weakly_canonical(absolute, ec).lexically_relative(context.folder);
    if (!ec && (resolved.empty() || *resolved.begin() == "..")) {
        reader.fail(ErrorCode::InvalidValue, key, "'" + *value + "' is a link to a file outside the pack",
                    "copy the " + std::string(what) + " into the pack instead of linking to it");
        return {};
    }
    if (!std::filesystem::is_regular_file(absolute, ec)) {
        reader.fail(ErrorCode::BrokenReference, key, std::string(what) + " '" + *value + "' does not exist",
                    "add the file to the pack, or fix the name (names are case-sensitive)");
        return {};
    }
    return absolute;
}

std::filesystem::path readImagePath(const TableReader& reader, std::string_view key, const PackReadContext& context) {
    const std::filesystem::path absolute = readPackFilePath(reader, key, context, "image", "images/photo.png");
    if (absolute.empty()) return {};
    auto checked = checkImageFile(absolute, *reader.string(key, true));
    if (!checked) {
        reader.fail(checked.error().code, key, checked.error().message, checked.error().hint);
        return {};
    }
    return absolute;
}

std::optional<Block> readBlock(const TableReader& block, PackReadContext& context) {
    using Reader = Block (*)(const TableReader&, PackReadContext&);
    static constexpr std::array<std::pair<std::string_view, Reader>, 13> readers{{
        {"heading", readHeading},
        {"text", readTextBlock},
        {"image", [](const TableReader& b, PackReadContext& c) -> Block { return ImageBlock{readPicture(b, c)}; }},
        {"gallery", readGallery},
        {"button", readButton},
        {"steps", readSteps},
        {"facts", readFacts},
        {"compare", readCompare},
        {"quiz", readQuiz},
        {"qr", readQr},
        {"contact", readContact},
        {"events", readEvents},
        {"video", [](const TableReader& b, PackReadContext& c) -> Block { return readVideoBlock(b, c); }},
    }};
    auto type = block.string("type", true);
    if (!type) return std::nullopt;
    for (const auto& [name, read] : readers) {
        if (name == *type) return read(block, context);
    }
    std::vector<std::string_view> types;
    for (const auto& entry : readers) types.push_back(entry.first);
    block.fail(ErrorCode::InvalidValue, "type", "unknown block type '" + *type + "'", suggestionHint(*type, types));
    return std::nullopt;
}

std::string_view blockId(const Block& block) {
    return std::visit(
        [](const auto& b) -> std::string_view {
            if constexpr (requires { b.id; }) {
                return b.id;
            } else {
                return {};
            }
        },
        block);
}

}  // namespace kiosk::core
