// Which resident-app actions become usage events (statistics; wasm/common/events.*): dispatch
// calls track_usage after each update with the page and guide shown before it.
#pragma once
#include <string>

#include "model.hpp"

namespace resident {

struct UsageBefore {
    dp::ResidentPage page = dp::ResidentPage::not_found;
    std::string guide_id;
};
void track_usage(const UsageBefore& before, const Model& after, const Action& a);

}  // namespace resident
