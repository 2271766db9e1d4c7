// Whether what a visitor entered in a flow field is acceptable; the message itself is the UI's.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/pack/flow.hpp"

namespace kiosk::core {

enum class FieldProblem { None, Missing, Malformed, TooLong };

// Values as SetFieldValue describes them: text, an option id, "YYYY-MM-DD", "yes" or "".
FieldProblem checkField(const FlowField& field, std::string_view value);

// A value `field` accepts, as a visitor would give it by tapping: the author's example (in the
// first of `languages` that has one), the first option, `today` ("YYYY-MM-DD"), a tick; a text
// field without an example gets a made-up value of its format, 9 characters at most. For
// screenshots and content walks.
std::string sampleValue(const FlowField& field, const std::vector<std::string>& languages, std::string_view today);

// Whether "YYYY-MM-DD" names a real day (1900 to 2199).
bool isCalendarDate(std::string_view value);

}  // namespace kiosk::core
