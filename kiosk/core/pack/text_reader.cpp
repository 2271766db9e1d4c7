// Texts are where authors make most mistakes; each is checked where it is read, so the message
// can point at the exact line and language.
#include "core/pack/text_reader.hpp"

#include <algorithm>

#include "core/pack/easy_language.hpp"
#include "core/pack/markdown.hpp"
#include "core/pack/pack_limits.hpp"
#include "core/util/did_you_mean.hpp"
#include "core/util/identifiers.hpp"

namespace kiosk::core {
namespace {

bool isWordBreak(std::string_view text, std::size_t i) {
    const char c = text[i];
    if (c == ' ' || c == '\n' || c == '\t' || c == '-' || c == '/') return true;
    // Lines wrap after en and em dashes (U+2013, U+2014) too.
    return text.compare(i, 3, "\u2013") == 0 || text.compare(i, 3, "\u2014") == 0;
}

// The longest's length is kept, not counted again for every word: a long word and many short
// ones after it took seconds (tests/fuzz, harness markdown).
std::string longestWord(std::string_view text) {
    std::string_view longest;
    std::size_t longestCharacters = 0;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        if (i < text.size() && !isWordBreak(text, i)) continue;
        const std::string_view word = text.substr(start, i - start);
        if (const std::size_t characters = countCharacters(word); characters > longestCharacters) {
            longest = word;
            longestCharacters = characters;
        }
        start = i + 1;
    }
    return std::string(longest);
}

// Length and word checks for one translation, reported at that translation's line.
void checkLimits(const TableReader& languages, const std::string& tag, std::string_view text, std::size_t maxChars) {
    const std::size_t length = countCharacters(text);
    if (length > maxChars) {
        languages.fail(ErrorCode::TooLarge, tag,
                       "'" + languages.qualified(tag) + "' has " + std::to_string(length) + " characters, at most " +
                           std::to_string(maxChars) + " fit here",
                       "shorten it");
    }
    const std::string word = longestWord(text);
    if (countCharacters(word) > limits::kWordChars && word.find("://") == std::string::npos) {
        languages.fail(ErrorCode::TooLarge, tag,
                       "the word '" + word + "' in '" + languages.qualified(tag) + "' is too long to fit its block (" +
                           std::to_string(countCharacters(word)) + " characters, at most " +
                           std::to_string(limits::kWordChars) + ")",
                       "split it with a hyphen, like 'Kraftfahrzeug-Zulassung'");
    }
}

// Leichte Sprache asks for short sentences; a warning, since only a reader can judge the text.
void checkEasyLanguage(const TableReader& languages, const std::string& tag, std::string_view text) {
    const auto sentence = firstLongSentence(text);
    if (!sentence) return;
    languages.warn(ErrorCode::HardToRead, tag,
                   "'" + languages.qualified(tag) + "' has a sentence of " + std::to_string(sentence->words) + " words ('" +
                       sentence->start + "'); Leichte Sprache keeps to at most " + std::to_string(kEasyLanguageMaxWords),
                   "split it into short sentences with one statement each");
}

// Warns once per text about the pack's languages it lacks, and about languages the pack does not declare.
template <class T>
void checkTranslations(const TableReader& parent, std::string_view key, const Localized<T>& text,
                       const PackReadContext& context) {
    // Without a valid 'languages' list (reported on its own) every text would warn.
    if (text.empty() || context.languages.empty()) return;
    std::string missing;
    for (const std::string& language : context.languages) {
        if (text.has(language)) continue;
        if (!missing.empty()) missing += ", ";
        missing += "'" + language + "'";
    }
    if (!missing.empty()) {
        parent.warn(ErrorCode::MissingTranslation, key,
                    "'" + parent.qualified(key) + "' has no " + missing + " translation",
                    "add it; until then visitors see the text in another language");
    }
    for (const auto& [language, value] : text.all()) {
        if (std::find(context.languages.begin(), context.languages.end(), language) != context.languages.end()) continue;
        parent.warn(ErrorCode::MissingTranslation, key,
                    "'" + parent.qualified(key) + "." + language + "' is in a language the pack does not list",
                    "add \"" + language + "\" to 'languages' in pack.toml, or remove the text");
    }
}

// `"0"` when the author's text can be repeated in a hint as it is, `"…"` when it is too long for
// one or would need escaping.
std::string quotedForHint(const toml::node& value) {
    const auto* text = value.as_string();
    if (!text || text->get().empty() || countCharacters(text->get()) > 40 ||
        text->get().find_first_of("\"\\\n") != std::string::npos) {
        return "\"…\"";
    }
    return "\"" + text->get() + "\"";
}

// `value = "0"` instead of `value.de = "0"`: the commonest slip with translated keys. TableReader's
// own message ("must be a table") speaks TOML; an author needs to read what to write instead.
void reportUntranslated(const TableReader& parent, std::string_view key, const PackReadContext& context) {
    static const std::vector<std::string> kUsualLanguages{"de", "en"};
    const auto& languages = context.languages.empty() ? kUsualLanguages : context.languages;
    const std::string text = quotedForHint(*parent.raw().get(key));
    std::string fix = "write ";
    for (std::size_t i = 0; i < languages.size(); ++i) {
        if (i > 0) fix += i + 1 == languages.size() ? " and " : ", ";
        fix += std::string(key) + "." + languages[i] + " = " + text;
    }
    parent.fail(ErrorCode::WrongType, key, "'" + parent.qualified(key) + "' needs one text per language", fix);
}

// Calls `each(tag, text)` for every valid, non-empty translation in parent[key].
template <class Each>
std::optional<TableReader> forEachTranslation(const TableReader& parent, std::string_view key, bool required,
                                              const PackReadContext& context, Each each) {
    if (const toml::node* value = parent.raw().get(key); value && !value->is_table()) {
        reportUntranslated(parent, key, context);
        return std::nullopt;
    }
    auto table = parent.table(key, required);
    if (!table) return table;
    for (const auto& [language, value] : table->raw()) {
        const std::string tag(language.str());
        if (!isValidLanguageTag(tag)) {
            table->fail(ErrorCode::InvalidValue, tag, "'" + table->qualified(tag) + "' is not a language",
                        "use language tags like de, en, uk or de-x-ls");
            continue;
        }
        auto text = table->string(tag, true);
        if (!text) continue;
        if (text->empty()) {
            table->fail(ErrorCode::InvalidValue, tag, "'" + table->qualified(tag) + "' is empty",
                        "write the text, or remove the line to fall back to another language");
            continue;
        }
        if (tag == "de-x-ls") checkEasyLanguage(*table, tag, *text);
        each(*table, tag, *text);
    }
    return table;
}

struct FilePosition {
    int line = 0;
    int column = 0;  // 0: not certain
};

// The width of the quotes around a string written on one line (1 for "…", 3 for """…"""), or 0
// when escapes (\", \u00e4) make the source longer than the value, so columns would be off. Each
// escape lengthens it; only \" \\ \t \b \f \r by exactly one, so without those characters in the
// value, six extra characters can only be two sets of triple quotes.
int oneLineQuoteWidth(std::size_t sourceWidth, std::string_view value) {
    const std::size_t extra = sourceWidth - countCharacters(value);
    if (extra == 2) return 1;
    if (extra == 6 && value.find_first_of("\"\\\t\b\f\r") == std::string_view::npos) return 3;
    return 0;
}

// What positionInFile needs of a text's value, counted once per text: per problem, a text of
// 10,000 refused pictures took seconds (tests/fuzz, harness markdown).
struct ValueLayout {
    int breaks = 0;  // line breaks in the value
    int quotes = 0;  // oneLineQuoteWidth, for a value on one line
};

ValueLayout layoutOf(const toml::node& source, std::string_view value) {
    const toml::source_position begin = source.source().begin, end = source.source().end;
    ValueLayout layout;
    layout.breaks = static_cast<int>(std::count(value.begin(), value.end(), '\n'));
    if (begin.line == end.line) layout.quotes = oneLineQuoteWidth(end.column - begin.column, value);
    return layout;
}

// Where a problem inside a text's value is in the file. Strings map character for character onto
// their source but for escapes and line-ending backslashes, which the size of the value's source
// region gives away. Authors escape in one-line strings (\"); in """ strings they have no need to.
FilePosition positionInFile(const toml::node& source, const ValueLayout& layout, const MarkdownProblem& problem) {
    const toml::source_position begin = source.source().begin, end = source.source().end;
    const int firstLine = static_cast<int>(begin.line), lastLine = static_cast<int>(end.line);
    if (firstLine == lastLine) {
        const int quotes = layout.quotes;
        return {firstLine, quotes > 0 && problem.column > 0 ? static_cast<int>(begin.column) + quotes - 1 + problem.column : 0};
    }
    // """ and a line break: that break is not part of the value, the text starts on the next line.
    const int skippedBreak = lastLine - firstLine - layout.breaks;
    if (skippedBreak == 1) return {firstLine + 1 + problem.lineOffset, problem.column};
    if (skippedBreak == 0) {
        const bool onOpeningLine = problem.lineOffset == 0 && problem.column > 0;
        return {firstLine + problem.lineOffset, onOpeningLine ? static_cast<int>(begin.column) + 2 + problem.column : problem.column};
    }
    // Line-ending backslashes joined lines: which source line a value line came from is unknown.
    return {firstLine + 1 + problem.lineOffset, 0};
}

template <class T>
void requireSomeText(const TableReader& parent, std::string_view key, bool required, const Localized<T>& text,
                     const std::optional<TableReader>& table) {
    if (required && table && text.empty()) {
        parent.fail(ErrorCode::MissingKey, key, "'" + parent.qualified(key) + "' has no text",
                    "add at least de = \"…\" and en = \"…\"");
    }
}

}  // namespace

std::size_t countCharacters(std::string_view utf8) {
    return static_cast<std::size_t>(
        std::count_if(utf8.begin(), utf8.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

LocalizedText readText(const TableReader& parent, std::string_view key, std::size_t maxChars, bool required,
                       const PackReadContext& context) {
    LocalizedText text;
    auto table = forEachTranslation(parent, key, required, context,
                                    [&](const TableReader& languages, const std::string& tag, const std::string& value) {
                                        checkLimits(languages, tag, value, maxChars);
                                        text.set(tag, value);
                                    });
    requireSomeText(parent, key, required, text, table);
    checkTranslations(parent, key, text, context);
    return text;
}

Localized<RichText> readRichText(const TableReader& parent, std::string_view key, bool required,
                                 PackReadContext& context) {
    Localized<RichText> text;
    auto table = forEachTranslation(
        parent, key, required, context, [&](const TableReader& languages, const std::string& tag, const std::string& value) {
            ParsedMarkdown parsed = parseMarkdown(value);
            checkLimits(languages, tag, plainText(parsed.text), limits::kRichText);
            const toml::node& source = *languages.raw().get(tag);
            const ValueLayout layout = parsed.problems.empty() ? ValueLayout{} : layoutOf(source, value);
            for (const MarkdownProblem& problem : parsed.problems) {
                const FilePosition at = positionInFile(source, layout, problem);
                languages.problems().push_back(Error{ErrorCode::InvalidValue, languages.file(), at.line,
                                                     problem.message + " (in '" + languages.qualified(tag) + "')",
                                                     problem.hint, at.column});
            }
            for (const std::string& target : parsed.linkTargets) {
                if (context.pageIds.count(target) > 0) {
                    context.linkedPages.insert(target);
                    continue;
                }
                std::vector<std::string_view> pages(context.pageIds.begin(), context.pageIds.end());
                languages.fail(ErrorCode::BrokenReference, tag,
                               "'" + languages.qualified(tag) + "' links to page '" + target + "', which does not exist",
                               pages.empty() ? "add pages/" + target + ".toml" : suggestionHint(target, pages));
            }
            text.set(tag, std::move(parsed.text));
        });
    requireSomeText(parent, key, required, text, table);
    checkTranslations(parent, key, text, context);
    return text;
}

std::string readPlainText(const TableReader& reader, std::string_view key, std::size_t maxChars, bool required) {
    auto text = reader.string(key, required);
    if (!text) return {};
    if (countCharacters(*text) > maxChars) {
        reader.fail(ErrorCode::TooLarge, key,
                    "'" + reader.qualified(key) + "' has " + std::to_string(countCharacters(*text)) +
                        " characters, at most " + std::to_string(maxChars) + " fit here",
                    "shorten it");
    }
    return *text;
}

std::string readId(const TableReader& reader, std::string_view key, std::string_view what) {
    auto id = reader.string(key, true);
    if (!id) return {};
    if (!isValidId(*id)) {
        reader.fail(ErrorCode::InvalidValue, key, std::string(what) + " id '" + *id + "' is not a valid id",
                    "use up to 48 lowercase letters, digits and '-', starting with a letter");
        return {};
    }
    return *id;
}

}  // namespace kiosk::core
