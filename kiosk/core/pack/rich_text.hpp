// Rich text as the kiosk understands it: the Markdown subset of text blocks, parsed once at load time.
#pragma once

#include <string>
#include <vector>

namespace kiosk::core {

// A run of characters drawn in one style. A link leads to a page of the same pack.
struct TextSpan {
    std::string text;
    bool bold = false;
    bool italic = false;
    std::string linkPage;  // empty: not a link
};

struct RichParagraph {
    enum class Kind { Paragraph, Heading, Bullet, Numbered };
    Kind kind = Kind::Paragraph;
    int level = 0;   // Heading: 1 (largest) … 3; otherwise the list depth, 0 outside lists, 1 in the outer list
    int number = 0;  // Numbered: the item's number
    std::vector<TextSpan> spans;
};

using RichText = std::vector<RichParagraph>;

// All characters of the text without styles, e.g. for speech or length checks.
std::string plainText(const RichText& text);

}  // namespace kiosk::core
