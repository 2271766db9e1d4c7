// Reads human-written TOML tables strictly: typed getters and unknown-key checks that report file:line.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "core/util/result.hpp"

namespace kiosk::core {

// Parses a whole file; a syntax error names the line and column. Files over `maxBytes` are refused
// before parsing: no human-written page or config is that large, and a hostile one must not stall us.
// So is a key of `maxNesting` or more dotted parts ("a.b.c…"), which would nest deeper than that
// (and, many thousand parts deep, overflow toml++'s stack): the same limit as the packs' tables.
inline constexpr std::uintmax_t kMaxTomlBytes = 256 * 1024;
inline constexpr int kMaxTomlNesting = 8;
Result<toml::table> parseTomlFile(const std::filesystem::path& file, std::uintmax_t maxBytes = kMaxTomlBytes,
                                  int maxNesting = kMaxTomlNesting);

// A view of one table that appends every problem it finds to a shared list instead of stopping
// at the first, so one run of the loader tells an author everything that is wrong in the file.
class TableReader {
public:
    TableReader(const toml::table& table, std::string file, std::string keyPrefix, Diagnostics& problems);

    // Any key not in `known` is an error with a "did you mean".
    void rejectUnknownKeys(std::span<const std::string_view> known) const;

    std::optional<std::string> string(std::string_view key, bool required) const;
    std::optional<bool> boolean(std::string_view key) const;
    std::optional<toml::date> date(std::string_view key, bool required) const;
    std::optional<std::int64_t> integer(std::string_view key, std::int64_t min, std::int64_t max) const;
    std::optional<std::vector<std::string>> stringArray(std::string_view key) const;
    // A sub-table; nullopt (and an error if required) when absent or not a table.
    std::optional<TableReader> table(std::string_view key, bool required) const;
    const toml::array* array(std::string_view key) const;
    // The [[key]] sections: readers for each, with an error when there are fewer than `min` or more
    // than `max` of them (or the key holds something else).
    std::vector<TableReader> sections(std::string_view key, std::size_t min, std::size_t max,
                                      std::string_view what) const;

    // For errors found by the caller about a value this reader holds.
    void fail(ErrorCode code, std::string_view key, std::string message, std::string hint = {}) const;
    void warn(ErrorCode code, std::string_view key, std::string message, std::string hint = {}) const;
    int lineOf(std::string_view key) const;
    int columnOf(std::string_view key) const;
    std::string qualified(std::string_view key) const;
    const std::string& file() const { return m_file; }
    const toml::table& raw() const { return m_table; }
    Diagnostics& problems() const { return m_problems; }

private:
    const toml::node* node(std::string_view key) const;
    void wrongType(std::string_view key, std::string_view expected) const;
    void report(Severity severity, ErrorCode code, std::string_view key, std::string message, std::string hint) const;

    const toml::table& m_table;
    std::string m_file;
    std::string m_keyPrefix;  // "window." for keys inside [window]
    Diagnostics& m_problems;
};

}  // namespace kiosk::core
