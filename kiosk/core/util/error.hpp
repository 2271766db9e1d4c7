// Error: an expected failure as a value, carrying where it happened and what to do about it.
#pragma once

#include <string>

namespace kiosk::core {

enum class ErrorCode {
    FileNotFound,
    FileUnreadable,
    Syntax,        // the file is not valid TOML (or, for a pack archive's manifest, JSON)
    UnknownKey,
    WrongType,
    InvalidValue,
    MissingKey,
    BrokenReference,  // a page link, start page or image that does not exist
    TooLarge,         // over one of the limits that protect the kiosk (bytes, pixels, characters)
    Forbidden,        // something that must never be in a pack: a program, a font, a script
    MissingTranslation,
    HardToRead,       // a Leichte Sprache text that breaks its rules (sentences too long)
    Unreachable,      // a page or flow nothing leads to
    Unavailable,      // a server could not be reached, or answered with an error
    Damaged,          // bytes that are not what they claim: a truncated archive, a wrong size or sha256
    WriteFailed,      // the kiosk's own disk refused a write, a folder or an fsync (full, read-only, failing)
};

// A warning does not stop anything from working, but shows something a visitor should not see
// (a missing translation, a page nobody can reach).
enum class Severity { Error, Warning };

// Every message a staff member or operator reads names the file, the line where known,
// what is wrong, and what to do ("hint").
struct Error {
    ErrorCode code;
    std::string file;
    int line = 0;  // 0: the whole file
    std::string message;
    std::string hint;
    int column = 0;  // 0: unknown
    Severity severity = Severity::Error;

    // "config/kiosk.toml:12:1: error: unknown key 'idel' (did you mean 'idle'?)"
    std::string describe() const;
    bool isWarning() const { return severity == Severity::Warning; }
};

// Inside a catch block: what the exception in flight says, for the log, whatever its type.
std::string describeCurrentException();

}  // namespace kiosk::core
