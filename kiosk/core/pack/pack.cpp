// Look-ups on a loaded pack.
#include "core/pack/pack.hpp"

namespace kiosk::core {

const Page* Pack::findPage(std::string_view pageId) const {
    for (const Page& page : pages) {
        if (page.id == pageId) return &page;
    }
    return nullptr;
}

}  // namespace kiosk::core
