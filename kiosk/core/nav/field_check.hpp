// Whether what a visitor entered in a flow field is acceptable; the message itself is the UI's.
#pragma once

#include <string_view>

#include "core/pack/flow.hpp"

namespace kiosk::core {

enum class FieldProblem { None, Missing, Malformed, TooLong };

// Values as SetFieldValue describes them: text, an option id, "YYYY-MM-DD", "yes" or "".
FieldProblem checkField(const FlowField& field, std::string_view value);

// Whether "YYYY-MM-DD" names a real day (1900 to 2199).
bool isCalendarDate(std::string_view value);

}  // namespace kiosk::core
