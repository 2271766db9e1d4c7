// libFuzzer harness: the input is a rich text, the Markdown the text blocks hand to the kiosk's
// parser (and the renderer draws). Parsed twice: as it is, and as the value of `text.de` in a
// page's TOML through readRichText, which adds the length, word and link checks and maps each
// problem to its line and column in the file.
#include <algorithm>
#include <sstream>

#include <toml++/toml.h>

#include "core/pack/markdown.hpp"
#include "core/pack/text_reader.hpp"
#include "fuzz_scratch.hpp"

namespace {

using namespace kiosk;

void checkParsed(const core::ParsedMarkdown& parsed, std::string_view source) {
    const auto lines = static_cast<int>(std::count(source.begin(), source.end(), '\n'));
    for (const core::RichParagraph& paragraph : parsed.text) {
        fuzz::require(!paragraph.spans.empty(), "an empty paragraph was kept");
        if (paragraph.kind == core::RichParagraph::Kind::Heading) {
            fuzz::require(paragraph.level >= 1 && paragraph.level <= 3, "a heading level outside 1-3");
        }
    }
    for (const core::MarkdownProblem& problem : parsed.problems) {
        fuzz::require(problem.lineOffset >= 0 && problem.lineOffset <= lines && problem.column >= 0,
                      "a Markdown problem placed outside its text");
        fuzz::require(!problem.message.empty(), "a Markdown problem without a message");
    }
    for (const std::string& target : parsed.linkTargets) {
        fuzz::require(target.find_first_of(":.") == std::string::npos, "a website link taken for a page link");
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view source = fuzz::asText(data, size);
    const core::ParsedMarkdown parsed = core::parseMarkdown(source);
    checkParsed(parsed, source);
    (void)core::plainText(parsed.text);

    // toml++ writes the text as the TOML an author might have (multi-line strings for text with
    // line breaks), so positions are those of a real file. Bytes TOML cannot hold (invalid UTF-8)
    // never reach the parser in a pack: their round trip fails here and they stop.
    std::ostringstream file;
    file << toml::table{{"text", toml::table{{"de", std::string(source)}}}};
    toml::table page;
    try {
        page = toml::parse(file.str(), std::string_view("pages/start.toml"));
    } catch (const toml::parse_error&) {
        return 0;
    }
    core::Diagnostics problems;
    core::PackReadContext context;
    context.languages = {"de"};
    context.pageIds = {"start", "other"};
    const core::TableReader root(page, "pages/start.toml", "", problems);
    const core::Localized<core::RichText> text = core::readRichText(root, "text", true, context);
    for (const core::Error& problem : problems) {
        fuzz::require(problem.line >= 0 && problem.column >= 0 && !problem.message.empty(), "a rich-text problem without a place");
    }
    for (const std::string& linked : context.linkedPages) {
        fuzz::require(linked == "start" || linked == "other", "a link to a missing page counted as leading there");
    }
    (void)text;
    return 0;
}
