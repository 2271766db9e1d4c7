// A simulated service flow: a multi-step form with validation, a summary and a made-up result.
#pragma once

#include <string>
#include <vector>

#include "core/pack/localized_text.hpp"
#include "core/pack/rich_text.hpp"

namespace kiosk::core {

// What a text field must look like to be accepted.
enum class TextFormat { Any, Postcode, Number, Email, Phone };

struct FieldOption {
    std::string id;
    LocalizedText label;
};

struct FlowField {
    enum class Type { Text, Choice, Date, Check };
    std::string id;
    Type type = Type::Text;
    LocalizedText label;
    LocalizedText help;     // optional line under the label
    bool required = false;  // Check: must be ticked
    // Text only.
    TextFormat format = TextFormat::Any;
    int maxLength = 80;
    LocalizedText example;  // what "fill in an example" writes: nobody types their real data here
    // Choice only.
    std::vector<FieldOption> options;
    // Replaces the kiosk's standard message when the value is missing or malformed.
    LocalizedText error;

    const FieldOption* findOption(std::string_view optionId) const;
};

struct FlowStep {
    std::string id;
    LocalizedText title;
    Localized<RichText> intro;
    std::vector<FlowField> fields;
};

struct Flow {
    std::string id;  // the file name without ".toml"
    LocalizedText title;
    std::vector<FlowStep> steps;
    LocalizedText summaryTitle;
    Localized<RichText> summaryIntro;
    LocalizedText resultTitle;
    Localized<RichText> resultText;  // "{case_number}" is replaced by the made-up number
    std::string caseNumberPattern;   // each '#' becomes a random digit, e.g. "UM-2025-#####"
    std::string nextPage;            // where "Done" leads; empty: back to where the flow started

    const FlowField* findField(std::string_view fieldId) const;
};

}  // namespace kiosk::core
