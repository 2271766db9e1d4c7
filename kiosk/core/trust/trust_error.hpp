// Why a catalog or root was refused: one reason per attack of the reduced TUF list
// (DESIGN.md §5), so tests and the staff screen can tell them apart.
#pragma once

#include <string>
#include <string_view>

namespace kiosk::core {

enum class TrustFailure {
    TooLarge,            // over the cap for its kind, before any parsing (endless data)
    Malformed,           // not JSON, not the expected shape, a bad time or number
    WrongType,           // a root where a catalog belongs, or the other way round
    BelowThreshold,      // fewer valid signatures by trusted keys than the role needs
    Rollback,            // a lower version than the one trusted
    SameVersionChanged,  // the trusted version number with other contents
    Expired,             // past its expiry, by the clock or the time floor (freeze)
    BadPath,             // a pack path outside the strict grammar (traversal, odd characters)
    DuplicatePack,       // two entries for one pack id
    RootChainBroken,     // a new root that is not the next version, or not signed by old and new keys
};

std::string_view trustFailureName(TrustFailure failure);

struct TrustError {
    TrustFailure failure;
    std::string message;  // what exactly, for the log and the staff screen
};

}  // namespace kiosk::core
