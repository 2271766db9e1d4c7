// Flows are forms: every field id must be unique across the flow, because the summary and the
// visitor's answers are keyed by it.
#include "core/pack/flow_reader.hpp"

#include <algorithm>
#include <array>
#include <set>

#include "core/pack/pack_limits.hpp"
#include "core/pack/text_reader.hpp"
#include "core/util/did_you_mean.hpp"
#include "core/util/toml_reader.hpp"

namespace kiosk::core {
namespace {

using namespace std::string_view_literals;

std::optional<FlowField::Type> fieldType(std::string_view name) {
    if (name == "text") return FlowField::Type::Text;
    if (name == "choice") return FlowField::Type::Choice;
    if (name == "date") return FlowField::Type::Date;
    if (name == "check") return FlowField::Type::Check;
    return std::nullopt;
}

std::optional<TextFormat> textFormat(std::string_view name) {
    if (name == "any") return TextFormat::Any;
    if (name == "postcode") return TextFormat::Postcode;
    if (name == "number") return TextFormat::Number;
    if (name == "email") return TextFormat::Email;
    if (name == "phone") return TextFormat::Phone;
    return std::nullopt;
}

FlowField readField(const TableReader& reader, PackReadContext& context) {
    static constexpr std::array known{"id"sv,       "type"sv,     "label"sv,   "help"sv,  "required"sv, "error"sv,
                                      "format"sv,   "max_length"sv, "example"sv, "options"sv};
    reader.rejectUnknownKeys(known);
    FlowField field;
    field.id = readId(reader, "id", "field");
    if (auto type = reader.string("type", true)) {
        if (auto parsed = fieldType(*type)) {
            field.type = *parsed;
        } else {
            static constexpr std::array types{"text"sv, "choice"sv, "date"sv, "check"sv};
            reader.fail(ErrorCode::InvalidValue, "type", "unknown field type '" + *type + "'", suggestionHint(*type, types));
        }
    }
    field.label = readText(reader, "label", limits::kShortLabel, true, context);
    field.help = readText(reader, "help", limits::kNote, false, context);
    field.required = reader.boolean("required").value_or(false);
    field.error = readText(reader, "error", limits::kNote, false, context);

    // True when `key` belongs to this field's type; reports it when present on another type.
    auto onlyFor = [&](std::string_view key, FlowField::Type type, std::string_view typeName) {
        if (reader.raw().contains(key) && field.type != type) {
            reader.fail(ErrorCode::UnknownKey, key, "'" + reader.qualified(key) + "' is only for " + std::string(typeName) + " fields",
                        "remove it");
            return false;
        }
        return field.type == type;
    };
    if (onlyFor("format", FlowField::Type::Text, "text")) {
        if (auto format = reader.string("format", false)) {
            if (auto parsed = textFormat(*format)) {
                field.format = *parsed;
            } else {
                static constexpr std::array formats{"any"sv, "postcode"sv, "number"sv, "email"sv, "phone"sv};
                reader.fail(ErrorCode::InvalidValue, "format", "unknown format '" + *format + "'", suggestionHint(*format, formats));
            }
        }
    }
    if (onlyFor("max_length", FlowField::Type::Text, "text")) {
        field.maxLength = static_cast<int>(reader.integer("max_length", 1, limits::kFieldLength).value_or(80));
    }
    if (onlyFor("example", FlowField::Type::Text, "text")) {
        // Visitors fill forms with the example: nobody should type their real details on a public screen.
        field.example = readText(reader, "example", limits::kNote, true, context);
        for (const auto& [language, example] : field.example.all()) {
            if (countCharacters(example) > static_cast<std::size_t>(field.maxLength)) {
                reader.fail(ErrorCode::InvalidValue, "example", "the " + language + " example is longer than max_length",
                            "shorten the example or raise max_length");
            }
        }
    }
    if (onlyFor("options", FlowField::Type::Choice, "choice")) {
        std::set<std::string> optionIds;
        for (const TableReader& option : reader.sections("options", 2, 8, "options")) {
            static constexpr std::array optionKeys{"id"sv, "label"sv};
            option.rejectUnknownKeys(optionKeys);
            FieldOption out{readId(option, "id", "option"), readText(option, "label", limits::kShortLabel, true, context)};
            if (!out.id.empty() && !optionIds.insert(out.id).second) {
                option.fail(ErrorCode::InvalidValue, "id", "option id '" + out.id + "' is used twice in this field",
                            "give every option its own id");
            }
            field.options.push_back(std::move(out));
        }
    }
    return field;
}

FlowStep readStep(const TableReader& reader, std::set<std::string>& fieldIds, PackReadContext& context) {
    static constexpr std::array known{"id"sv, "title"sv, "intro"sv, "fields"sv};
    reader.rejectUnknownKeys(known);
    FlowStep step;
    step.id = readId(reader, "id", "step");
    step.title = readText(reader, "title", limits::kTitle, true, context);
    step.intro = readRichText(reader, "intro", false, context);
    for (const TableReader& fieldReader : reader.sections("fields", 1, 8, "fields")) {
        FlowField field = readField(fieldReader, context);
        if (!field.id.empty() && !fieldIds.insert(field.id).second) {
            fieldReader.fail(ErrorCode::InvalidValue, "id", "field id '" + field.id + "' is used twice in this flow",
                             "give every field of a flow its own id");
        }
        step.fields.push_back(std::move(field));
    }
    return step;
}

void readResult(const TableReader& root, Flow& flow, PackReadContext& context) {
    auto result = root.table("result", true);
    if (!result) return;
    static constexpr std::array known{"title"sv, "text"sv, "case_number"sv, "next_page"sv};
    result->rejectUnknownKeys(known);
    flow.resultTitle = readText(*result, "title", limits::kTitle, true, context);
    flow.resultText = readRichText(*result, "text", true, context);
    flow.caseNumberPattern = readPlainText(*result, "case_number", 40, false);
    const bool mentionsCase = std::any_of(flow.resultText.all().begin(), flow.resultText.all().end(), [](const auto& entry) {
        return plainText(entry.second).find("{case_number}") != std::string::npos;
    });
    if (mentionsCase && flow.caseNumberPattern.empty()) {
        result->fail(ErrorCode::MissingKey, "text", "the result text shows {case_number} but there is no case_number",
                     "add case_number = \"AB-2025-#####\"");
    }
    flow.nextPage = result->string("next_page", false).value_or("");
    if (!flow.nextPage.empty()) {
        if (context.pageIds.count(flow.nextPage) == 0) {
            std::vector<std::string_view> pages(context.pageIds.begin(), context.pageIds.end());
            result->fail(ErrorCode::BrokenReference, "next_page", "next_page '" + flow.nextPage + "' does not exist",
                         suggestionHint(flow.nextPage, pages));
        } else {
            context.linkedPages.insert(flow.nextPage);
        }
    }
}

}  // namespace

std::optional<Flow> readFlow(const std::filesystem::path& file, PackReadContext& context, Diagnostics& problems) {
    auto parsed = parseTomlFile(file);
    if (!parsed) {
        problems.push_back(parsed.error());
        return std::nullopt;
    }
    Flow flow;
    flow.id = file.stem().string();
    TableReader root(parsed.value(), file.string(), "", problems);
    static constexpr std::array known{"title"sv, "steps"sv, "summary"sv, "result"sv};
    root.rejectUnknownKeys(known);
    flow.title = readText(root, "title", limits::kTitle, true, context);
    std::set<std::string> fieldIds, stepIds;
    for (const TableReader& stepReader : root.sections("steps", 1, 8, "steps")) {
        FlowStep step = readStep(stepReader, fieldIds, context);
        if (!step.id.empty() && !stepIds.insert(step.id).second) {
            stepReader.fail(ErrorCode::InvalidValue, "id", "step id '" + step.id + "' is used twice in this flow",
                            "give every step its own id");
        }
        flow.steps.push_back(std::move(step));
    }
    if (auto summary = root.table("summary", false)) {
        static constexpr std::array summaryKeys{"title"sv, "intro"sv};
        summary->rejectUnknownKeys(summaryKeys);
        flow.summaryTitle = readText(*summary, "title", limits::kTitle, false, context);
        flow.summaryIntro = readRichText(*summary, "intro", false, context);
    }
    readResult(root, flow, context);
    return flow;
}

}  // namespace kiosk::core
