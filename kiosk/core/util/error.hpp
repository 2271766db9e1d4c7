// Error: an expected failure as a value, carrying where it happened and what to do about it.
#pragma once

#include <string>

namespace kiosk::core {

enum class ErrorCode {
    FileNotFound,
    FileUnreadable,
    Syntax,        // the file is not valid TOML
    UnknownKey,
    WrongType,
    InvalidValue,
    MissingKey,
    BrokenReference,  // a page link, start page or image that does not exist
};

// Every message a staff member or operator reads names the file, the line where known,
// what is wrong, and what to do ("hint").
struct Error {
    ErrorCode code;
    std::string file;
    int line = 0;  // 0: the whole file
    std::string message;
    std::string hint;

    // "config/kiosk.toml:12: unknown key 'idel' (did you mean 'idle'?)"
    std::string describe() const;
};

}  // namespace kiosk::core
