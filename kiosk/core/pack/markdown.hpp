// The Markdown subset of rich text (content/FORMAT.md): parsed with md4c, anything the kiosk
// cannot show as intended is reported instead of being shown as raw markup.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/pack/rich_text.hpp"

namespace kiosk::core {

struct MarkdownProblem {
    int lineOffset = 0;  // lines after the first line of the text
    int column = 0;      // characters into that line, from 1; 0: unknown (a whole block is refused)
    std::string message;
    std::string hint;
};

struct ParsedMarkdown {
    RichText text;
    std::vector<MarkdownProblem> problems;
    std::vector<std::string> linkTargets;  // page ids, for the caller to check
};

ParsedMarkdown parseMarkdown(std::string_view source);

}  // namespace kiosk::core
