// Look-ups on a loaded pack.
#include "core/pack/pack.hpp"

#include <algorithm>

namespace kiosk::core {
namespace {
template <class Range>
auto findById(const Range& items, std::string_view id) -> decltype(&*items.begin()) {
    auto it = std::find_if(items.begin(), items.end(), [id](const auto& item) { return item.id == id; });
    return it == items.end() ? nullptr : &*it;
}
}  // namespace

const Page* Pack::findPage(std::string_view pageId) const { return findById(pages, pageId); }
const Flow* Pack::findFlow(std::string_view flowId) const { return findById(flows, flowId); }
const QuizAnswer* QuizBlock::findAnswer(std::string_view answerId) const { return findById(answers, answerId); }
const FieldOption* FlowField::findOption(std::string_view optionId) const { return findById(options, optionId); }

const FlowField* Flow::findField(std::string_view fieldId) const {
    for (const FlowStep& step : steps) {
        if (const FlowField* field = findById(step.fields, fieldId)) return field;
    }
    return nullptr;
}

}  // namespace kiosk::core
