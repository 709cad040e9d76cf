// One interface over item and bundle flows for the apps: where the resident is in a guide's
// questions (asked so far, the next one, complete or not), with the question texts in the
// resident's locale.
#pragma once
#include <string>
#include <vector>

#include "bundle.hpp"
#include "catalogue.hpp"
#include "render_doc.hpp"

namespace dp {

struct GuideWalk {
    bool found = false;
    bool is_bundle = false;
    std::string title;        // plain name (localised)
    std::string official;     // official name (localised)
    std::string who;          // who can apply, plain words ("" for bundles: their summary)
    FlowStatus status = FlowStatus::complete;
    std::vector<std::string> path;   // questions answered, in order
    std::string next_question;       // when asking
    Answers answers;                 // effective answers
    std::vector<const Question*> questions;  // every question of the guide (localised), first-seen order
    const Question* find(const std::string& question_id) const;
};

GuideWalk walk_guide(const Catalogue& catalogue, const std::string& id, const Answers& answers, Locale locale);

}  // namespace dp
