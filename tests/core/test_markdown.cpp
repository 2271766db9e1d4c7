// The Markdown subset: what authors may write becomes RichText; what the kiosk cannot show is refused.
#include <doctest/doctest.h>

#include "core/pack/markdown.hpp"

using namespace kiosk;
using Kind = core::RichParagraph::Kind;

TEST_CASE("paragraphs, headings, bold, italic and links become styled spans") {
    const auto parsed = core::parseMarkdown("## Was Sie brauchen\n\nIhren **Ausweis** und *etwas* Zeit.\nMehr unter [Schritte](steps).");
    REQUIRE(parsed.problems.empty());
    REQUIRE(parsed.text.size() == 2);
    CHECK(parsed.text[0].kind == Kind::Heading);
    CHECK(parsed.text[0].level == 2);
    const auto& spans = parsed.text[1].spans;
    REQUIRE(spans.size() == 7);
    CHECK(spans[0].text == "Ihren ");
    CHECK((spans[1].text == "Ausweis" && spans[1].bold && !spans[1].italic));
    CHECK((spans[3].text == "etwas" && spans[3].italic));
    CHECK(spans[4].text == " Zeit. Mehr unter ");  // a single line break inside a paragraph is a space
    CHECK((spans[5].text == "Schritte" && spans[5].linkPage == "steps"));
    CHECK((spans[6].text == "." && spans[6].linkPage.empty()));
    CHECK(parsed.linkTargets == std::vector<std::string>{"steps"});
}

TEST_CASE("bulleted and numbered lists keep their numbers and nesting") {
    const auto parsed = core::parseMarkdown("3. drei\n4. vier\n   - innen\n\n- außen");
    REQUIRE(parsed.problems.empty());
    REQUIRE(parsed.text.size() == 4);
    CHECK((parsed.text[0].kind == Kind::Numbered && parsed.text[0].number == 3 && parsed.text[0].level == 1));
    CHECK((parsed.text[1].kind == Kind::Numbered && parsed.text[1].number == 4));
    CHECK((parsed.text[2].kind == Kind::Bullet && parsed.text[2].level == 2));
    CHECK(parsed.text[2].spans[0].text == "innen");
    CHECK((parsed.text[3].kind == Kind::Bullet && parsed.text[3].level == 1));
    CHECK(core::plainText(parsed.text) == "drei\nvier\ninnen\naußen");
}

TEST_CASE("indented text is a paragraph, not a code block") {
    const auto parsed = core::parseMarkdown("Erste Zeile.\n\n    eingerückt");
    CHECK(parsed.problems.empty());
    REQUIRE(parsed.text.size() == 2);
    CHECK(parsed.text[1].spans[0].text == "eingerückt");
}

TEST_CASE("what the kiosk cannot show is refused with the line it is on") {
    struct Case {
        const char* source;
        const char* message;
        int line;
    };
    const Case cases[] = {
        {"Text\n\nmit <b>HTML</b>", "rich text cannot contain HTML ('<b>')", 2},
        {"![Bild](images/a.png)", "rich text cannot contain a picture in text", 0},
        {"Siehe\n[Portal](https://example.org)", "'https://example.org' is a link to a website", 1},
        {"Mail an [uns](mailto:a@b.de)", "'mailto:a@b.de' is a link to a website", 0},
        {"`code`", "rich text cannot contain code", 0},
        {"```\ncode\n```", "rich text cannot contain a code block", 0},
        {"> zitiert", "rich text cannot contain a quote", 0},
        {"---", "rich text cannot contain a line", 0},
        {"- a\n  - b\n    - c", "a list is nested more than 2 levels deep", 0},
        {"&copy; 2025", "rich text cannot contain the HTML entity '&copy;'", 0},
    };
    for (const Case& c : cases) {
        CAPTURE(c.source);
        const auto parsed = core::parseMarkdown(c.source);
        REQUIRE_FALSE(parsed.problems.empty());
        CHECK(parsed.problems[0].message.starts_with(c.message));
        CHECK(parsed.problems[0].lineOffset == c.line);
        CHECK_FALSE(parsed.problems[0].hint.empty());
    }
}

TEST_CASE("refused links, HTML and pictures name the column where they start, refused blocks only their line") {
    const auto parsed = core::parseMarkdown("Erst [ä](https://a.org)\nü <i>x</i> ![Bild](b.png)\n\n> zitiert");
    REQUIRE(parsed.problems.size() == 5);
    CHECK(parsed.problems[0].lineOffset == 0);
    CHECK(parsed.problems[0].column == 10);  // characters, not bytes: "ä" is one
    CHECK(parsed.problems[1].lineOffset == 1);
    CHECK(parsed.problems[1].column == 3);  // <i>
    CHECK(parsed.problems[2].column == 7);  // </i>
    CHECK(parsed.problems[3].column == 20);  // the picture's file name
    CHECK(parsed.problems[4].message.starts_with("rich text cannot contain a quote"));
    CHECK(parsed.problems[4].column == 0);
}

TEST_CASE("common entities become their characters, and a refused picture leaves no text behind") {
    CHECK(core::plainText(core::parseMarkdown("A &amp; B &lt;3").text) == "A & B <3");
    const auto parsed = core::parseMarkdown("![alt text](a.png)");
    CHECK(core::plainText(parsed.text).empty());
}
