// One-thing bundles (一件事) as one guide: the items' questions merged by id and asked once,
// each item's flow walked on the shared answers, and their materials de-duplicated by doc.
#pragma once
#include "catalogue.hpp"
#include "guide_flow.hpp"

#include <string>
#include <vector>

namespace dp {

// A question of the bundle and the items that ask it (in bundle order).
struct BundleQuestion {
    const Question* question = nullptr;   // the first item's copy (shared ones are identical)
    std::vector<std::string> item_ids;
};

// A material after merging: the first item's entry, with review points gathered from every
// item that needs the same document, the largest count, and every item that needs it.
struct BundleMaterial {
    Material material;
    std::vector<std::string> item_ids;
};

struct BundleState {
    FlowStatus status = FlowStatus::complete;
    std::vector<std::string> path;        // questions asked, in order, each once
    Answers answers;                      // effective answers (questions on some item's path)
    std::string next_question;            // when asking
    std::string next_item;                // the item whose flow asks it
    std::string problem;                  // when broken: "<item id>: <problem>"
    std::vector<const Item*> items;       // the bundle's items found in the catalogue, in order
    std::vector<FlowState> item_states;   // one per entry of `items`
    std::vector<BundleMaterial> materials;
    bool complete() const { return status == FlowStatus::complete; }
};

// Every distinct question id of the bundle's items, in order of first appearance.
std::vector<BundleQuestion> merged_questions(const Catalogue& catalogue, const Bundle& bundle);

// Walks each item's flow on the shared answers. The bundle asks the first unanswered question
// of the first unfinished item; materials are merged from every item's walk so far.
BundleState walk_bundle(const Catalogue& catalogue, const Bundle& bundle, const Answers& answers);

// De-duplicates materials by Material::dedup_key() (doc, else id), keeping first-seen order.
// `per_item` pairs an item id with its tailored materials.
std::vector<BundleMaterial> merge_materials(
    const std::vector<std::pair<std::string, std::vector<const Material*>>>& per_item);

// Every answer path through the bundle's merged flow (multiple-choice subsets as for items).
PathEnumeration enumerate_bundle_paths(const Catalogue& catalogue, const Bundle& bundle,
                                       const EnumerationLimits& limits = {});

}  // namespace dp
