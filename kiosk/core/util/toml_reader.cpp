// Strict TOML access for config and pack files: every mistake becomes an Error with file:line.
#include "core/util/toml_reader.hpp"

#include <fcntl.h>

#include <cerrno>
#include <cstring>

#include "core/util/did_you_mean.hpp"
#include "core/util/file_descriptor.hpp"

namespace kiosk::core {
namespace {

bool isBareKeyCharacter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

// The index just after the string that starts at `at` ("…", '…', """…""" or '''…'''), counting
// its line breaks; at the line break that ends an unclosed one-line string (toml++ reports it).
std::size_t skipString(std::string_view text, std::size_t at, int& line) {
    const char quote = text[at];
    const std::string_view triple = quote == '"' ? std::string_view("\"\"\"") : std::string_view("'''");
    const bool multiLine = text.substr(at, 3) == triple;
    std::size_t i = at + (multiLine ? 3 : 1);
    while (i < text.size()) {
        const char c = text[i];
        if (quote == '"' && c == '\\') {
            if (i + 1 < text.size() && text[i + 1] == '\n') ++line;
            i += 2;
            continue;
        }
        if (c == '\n') {
            if (!multiLine) return i;
            ++line;
        }
        if (multiLine ? text.substr(i, 3) == triple : c == quote) {
            i += multiLine ? 3 : 1;
            while (multiLine && i < text.size() && text[i] == quote) ++i;  // """a"""" ends in one more quote
            return i;
        }
        ++i;
    }
    return i;
}

// The line where `text` first nests `maxNesting` or more levels deep by one key ("a.b.c = 1",
// "[a.b.c]", "{ a.b = 1 }": its dots) or by brackets ("[[[", "{ x = {", outside [table] headers),
// or 0. Counted on the bytes, outside strings and comments, before toml++ sees them: toml++ 3.3
// recurses once per part of a dotted key, and "a.a.a…" 100,000 parts deep fits in 256 KiB and
// overflows the stack (found by the hostile corpus, tests/hostile). Either nests deeper than
// `maxNesting` anyway, so this refuses nothing the nesting check after parsing would accept.
int lineNestedTooDeep(std::string_view text, int maxNesting) {
    int line = 1;
    int dots = 0;
    int brackets = 0;          // open arrays and inline tables
    bool lineStart = true;     // only blanks so far on this line: a '[' here starts a header
    bool inHeader = false;
    bool afterPart = false;    // a key part (bare or quoted) was just read: a '.' continues the key
    bool afterDot = false;
    for (std::size_t i = 0; i < text.size();) {
        const char c = text[i];
        const bool blank = c == ' ' || c == '\t';
        if (c == '"' || c == '\'') {
            i = skipString(text, i, line);
            if (!afterDot) dots = 0;
            afterPart = true;
            afterDot = false;
        } else if (isBareKeyCharacter(c)) {
            while (i < text.size() && isBareKeyCharacter(text[i])) ++i;
            if (!afterDot) dots = 0;
            afterPart = true;
            afterDot = false;
        } else if (c == '.' && afterPart) {
            if (++dots >= maxNesting) return line;
            afterPart = false;
            afterDot = true;
            ++i;
        } else if (blank) {
            ++i;  // "a . b" is a dotted key too
        } else if (c == '#') {
            while (i < text.size() && text[i] != '\n') ++i;
        } else {
            if (c == '\n') ++line;
            if (c == '[' && lineStart && brackets == 0) {
                inHeader = true;
            } else if (c == ']' && inHeader) {
                inHeader = i + 1 < text.size() && text[i + 1] == ']';  // the first of "]]"
            } else if (c == '[' || c == '{') {
                if (++brackets >= maxNesting) return line;
            } else if ((c == ']' || c == '}') && brackets > 0) {
                --brackets;
            }
            dots = 0;
            afterPart = false;
            afterDot = false;
            ++i;
        }
        lineStart = (c == '\n') || (lineStart && (blank || (c == '[' && inHeader)));
    }
    return 0;
}

}  // namespace

Result<toml::table> parseTomlFile(const std::filesystem::path& file, std::uintmax_t maxBytes, int maxNesting) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec)) {
        return Error{ErrorCode::FileNotFound, file.string(), 0, "file not found",
                     "check the path, or create the file"};
    }
    const std::uintmax_t size = std::filesystem::file_size(file, ec);
    if (ec) {
        return Error{ErrorCode::FileUnreadable, file.string(), 0, "cannot read the file: " + ec.message(),
                     "check that the kiosk's user may read it"};
    }
    if (size > maxBytes) {
        return Error{ErrorCode::TooLarge, file.string(), 0,
                     "file is larger than " + std::to_string(maxBytes / 1024) + " KiB",
                     "split it into several files"};
    }
    const UniqueFd in(::open(file.c_str(), O_RDONLY | O_CLOEXEC));
    if (!in.valid()) {
        return Error{ErrorCode::FileUnreadable, file.string(), 0, std::string("cannot open the file for reading: ") + std::strerror(errno),
                     "check that the kiosk's user may read it"};
    }
    // At most maxBytes + 1, whatever the file grew to since its size was read. A read error must
    // not look like a short file: an empty kiosk.toml is a valid one, with every default.
    std::string text;
    if (!readUpTo(in.get(), static_cast<std::size_t>(maxBytes) + 1, text)) {
        return Error{ErrorCode::FileUnreadable, file.string(), 0, std::string("cannot read the file: ") + std::strerror(errno),
                     "the disk or the USB stick may be failing: copy the file again"};
    }
    if (text.size() > maxBytes) {
        return Error{ErrorCode::TooLarge, file.string(), 0,
                     "file is larger than " + std::to_string(maxBytes / 1024) + " KiB",
                     "split it into several files"};
    }
    if (const int line = lineNestedTooDeep(text, maxNesting); line > 0) {
        return Error{ErrorCode::TooLarge, file.string(), line, "tables are nested more than " + std::to_string(maxNesting) + " deep",
                     "no file needs that: check the dotted keys, [...] headers and brackets on this line"};
    }
    try {
        return toml::parse(text, file.string());
    } catch (const toml::parse_error& e) {
        const auto& where = e.source().begin;
        return Error{ErrorCode::Syntax, file.string(), static_cast<int>(where.line),
                     "not valid TOML: " + std::string(e.description()),
                     "fix the syntax at that line; text values need \"quotes\"", static_cast<int>(where.column)};
    }
}

TableReader::TableReader(const toml::table& table, std::string file, std::string keyPrefix, Diagnostics& problems)
    : m_table(table), m_file(std::move(file)), m_keyPrefix(std::move(keyPrefix)), m_problems(problems) {}

std::string TableReader::qualified(std::string_view key) const { return m_keyPrefix + std::string(key); }

int TableReader::lineOf(std::string_view key) const {
    if (const toml::node* n = node(key)) return static_cast<int>(n->source().begin.line);
    return static_cast<int>(m_table.source().begin.line);
}

const toml::node* TableReader::node(std::string_view key) const { return m_table.get(key); }

int TableReader::columnOf(std::string_view key) const {
    if (const toml::node* n = node(key)) return static_cast<int>(n->source().begin.column);
    return static_cast<int>(m_table.source().begin.column);
}

void TableReader::report(Severity severity, ErrorCode code, std::string_view key, std::string message,
                         std::string hint) const {
    m_problems.push_back(Error{code, m_file, lineOf(key), std::move(message), std::move(hint), columnOf(key), severity});
}

void TableReader::fail(ErrorCode code, std::string_view key, std::string message, std::string hint) const {
    report(Severity::Error, code, key, std::move(message), std::move(hint));
}

void TableReader::warn(ErrorCode code, std::string_view key, std::string message, std::string hint) const {
    report(Severity::Warning, code, key, std::move(message), std::move(hint));
}

void TableReader::wrongType(std::string_view key, std::string_view expected) const {
    fail(ErrorCode::WrongType, key, "'" + qualified(key) + "' must be " + std::string(expected));
}

void TableReader::rejectUnknownKeys(std::span<const std::string_view> known) const {
    for (const auto& [key, value] : m_table) {
        const std::string_view name = key.str();
        bool isKnown = false;
        for (std::string_view k : known) isKnown = isKnown || k == name;
        if (isKnown) continue;
        m_problems.push_back(Error{ErrorCode::UnknownKey, m_file, static_cast<int>(key.source().begin.line),
                                   "unknown key '" + qualified(name) + "'", suggestionHint(name, known),
                                   static_cast<int>(key.source().begin.column)});
    }
}

std::optional<std::string> TableReader::string(std::string_view key, bool required) const {
    const toml::node* n = node(key);
    if (!n) {
        if (required) fail(ErrorCode::MissingKey, key, "missing key '" + qualified(key) + "'", "add it");
        return std::nullopt;
    }
    if (const auto* s = n->as_string()) return s->get();
    wrongType(key, "text in \"quotes\"");
    return std::nullopt;
}

std::optional<bool> TableReader::boolean(std::string_view key) const {
    const toml::node* n = node(key);
    if (!n) return std::nullopt;
    if (const auto* b = n->as_boolean()) return b->get();
    wrongType(key, "true or false (without quotes)");
    return std::nullopt;
}

std::optional<toml::date> TableReader::date(std::string_view key, bool required) const {
    const toml::node* n = node(key);
    if (!n) {
        if (required) fail(ErrorCode::MissingKey, key, "missing key '" + qualified(key) + "'", "add it, like 2026-03-14");
        return std::nullopt;
    }
    if (const auto* d = n->as_date()) return d->get();
    wrongType(key, "a date written without quotes, like 2026-03-14");
    return std::nullopt;
}

std::optional<std::int64_t> TableReader::integer(std::string_view key, std::int64_t min, std::int64_t max) const {
    const toml::node* n = node(key);
    if (!n) return std::nullopt;
    const auto* i = n->as_integer();
    if (!i) {
        wrongType(key, "a whole number");
        return std::nullopt;
    }
    const std::int64_t v = i->get();
    if (v < min || v > max) {
        fail(ErrorCode::InvalidValue, key,
             "'" + qualified(key) + "' is " + std::to_string(v) + ", outside the allowed range",
             "use a number from " + std::to_string(min) + " to " + std::to_string(max));
        return std::nullopt;
    }
    return v;
}

std::optional<std::vector<std::string>> TableReader::stringArray(std::string_view key) const {
    const toml::node* n = node(key);
    if (!n) return std::nullopt;
    const auto* arr = n->as_array();
    if (!arr) {
        wrongType(key, "a list of texts, like [\"a\", \"b\"]");
        return std::nullopt;
    }
    std::vector<std::string> out;
    for (const toml::node& element : *arr) {
        const auto* s = element.as_string();
        if (!s) {
            wrongType(key, "a list of texts, like [\"a\", \"b\"]");
            return std::nullopt;
        }
        out.push_back(s->get());
    }
    return out;
}

std::optional<TableReader> TableReader::table(std::string_view key, bool required) const {
    const toml::node* n = node(key);
    if (!n) {
        if (required) fail(ErrorCode::MissingKey, key, "missing key '" + qualified(key) + "'", "add it");
        return std::nullopt;
    }
    if (const auto* t = n->as_table()) return TableReader(*t, m_file, qualified(key) + ".", m_problems);
    wrongType(key, "a table");
    return std::nullopt;
}

const toml::array* TableReader::array(std::string_view key) const {
    const toml::node* n = node(key);
    if (!n) return nullptr;
    if (const auto* a = n->as_array()) return a;
    wrongType(key, "a list");
    return nullptr;
}

std::vector<TableReader> TableReader::sections(std::string_view key, std::size_t min, std::size_t max,
                                               std::string_view what) const {
    std::vector<TableReader> out;
    const toml::node* n = node(key);
    const toml::array* list = n ? n->as_array() : nullptr;
    if (n && !list) {
        wrongType(key, "a list of [[" + qualified(key) + "]] sections");
        return out;
    }
    const std::size_t count = list ? list->size() : 0;
    if (count < min || count > max) {
        const std::string range = min == max ? std::to_string(min) : std::to_string(min) + " to " + std::to_string(max);
        fail(count > max ? ErrorCode::TooLarge : ErrorCode::MissingKey, key,
             "'" + qualified(key) + "' has " + std::to_string(count) + " " +
                 std::string(count == 1 && what.ends_with('s') ? what.substr(0, what.size() - 1) : what) + ", but " + range +
                 " are allowed",
             count < min ? "add [[" + qualified(key) + "]] sections" : "remove some, or split them over several blocks");
        if (count > max) return out;
    }
    for (std::size_t i = 0; i < count; ++i) {
        const toml::table* section = (*list)[i].as_table();
        if (!section) {
            wrongType(key, "a list of [[" + qualified(key) + "]] sections");
            return out;
        }
        out.emplace_back(*section, m_file, qualified(key) + "[" + std::to_string(i + 1) + "].", m_problems);
    }
    return out;
}

}  // namespace kiosk::core
