#include "core/trust/trust_error.hpp"

namespace kiosk::core {

std::string_view trustFailureName(TrustFailure failure) {
    switch (failure) {
        case TrustFailure::TooLarge: return "too large";
        case TrustFailure::Malformed: return "malformed";
        case TrustFailure::WrongType: return "wrong type";
        case TrustFailure::BelowThreshold: return "signatures below threshold";
        case TrustFailure::Rollback: return "rollback";
        case TrustFailure::SameVersionChanged: return "same version, other contents";
        case TrustFailure::Expired: return "expired";
        case TrustFailure::BadPath: return "bad pack path";
        case TrustFailure::DuplicatePack: return "duplicate pack";
        case TrustFailure::RootChainBroken: return "root chain broken";
    }
    return "unknown";
}

}  // namespace kiosk::core
