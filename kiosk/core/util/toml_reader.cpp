// Strict TOML access for config and pack files: every mistake becomes an Error with file:line.
#include "core/util/toml_reader.hpp"

#include <cstdio>

#include "core/util/did_you_mean.hpp"

namespace kiosk::core {

Result<toml::table> parseTomlFile(const std::filesystem::path& file) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec)) {
        return Error{ErrorCode::FileNotFound, file.string(), 0, "file not found",
                     "check the path, or create the file"};
    }
    // Refused before parsing: no human-written page or config is this large, and parsing a
    // hostile file of any size must not be able to stall the kiosk.
    constexpr std::uintmax_t kMaxBytes = 1024 * 1024;
    const std::uintmax_t size = std::filesystem::file_size(file, ec);
    if (ec) {
        return Error{ErrorCode::FileUnreadable, file.string(), 0, "cannot read the file: " + ec.message(),
                     "check that the kiosk's user may read it"};
    }
    if (size > kMaxBytes) {
        return Error{ErrorCode::InvalidValue, file.string(), 0, "file is larger than 1 MiB",
                     "split it into several pages, or move long texts out of it"};
    }
    if (std::FILE* probe = std::fopen(file.c_str(), "rb")) {
        std::fclose(probe);
    } else {
        return Error{ErrorCode::FileUnreadable, file.string(), 0, "cannot open the file for reading",
                     "check that the kiosk's user may read it"};
    }
    try {
        return toml::parse_file(file.string());
    } catch (const toml::parse_error& e) {
        const auto& where = e.source().begin;
        return Error{ErrorCode::Syntax, file.string(), static_cast<int>(where.line),
                     "not valid TOML: " + std::string(e.description()) + " (column " +
                         std::to_string(where.column) + ")",
                     "fix the syntax at that line; text values need \"quotes\""};
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

void TableReader::fail(ErrorCode code, std::string_view key, std::string message, std::string hint) const {
    m_problems.push_back(Error{code, m_file, lineOf(key), std::move(message), std::move(hint)});
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
                                   "unknown key '" + qualified(name) + "'", suggestionHint(name, known)});
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

}  // namespace kiosk::core
