// Merging a one-thing bundle: shared questions, the sequential walk over its items, material
// de-duplication, and answer-path enumeration for the merged flow.
#include "bundle.hpp"

#include <algorithm>
#include <map>

namespace dp {

std::vector<BundleQuestion> merged_questions(const Catalogue& cat, const Bundle& bundle) {
    std::vector<BundleQuestion> out;
    std::map<std::string, std::size_t> index;
    for (const auto& item_id : bundle.items) {
        const Item* item = cat.find_item(item_id);
        if (!item) continue;
        for (const Question& q : item->questions) {
            auto [it, fresh] = index.emplace(q.id, out.size());
            if (fresh) out.push_back({&q, {}});
            auto& owners = out[it->second].item_ids;
            if (std::find(owners.begin(), owners.end(), item_id) == owners.end()) owners.push_back(item_id);
        }
    }
    return out;
}

namespace {

void append_unique(std::vector<std::string>& list, const std::string& value) {
    if (!value.empty() && std::find(list.begin(), list.end(), value) == list.end()) list.push_back(value);
}

MaterialForm combine_forms(MaterialForm a, MaterialForm b) {
    if (a == b) return a;
    if (a == MaterialForm::electronic) return b;
    if (b == MaterialForm::electronic) return a;
    return MaterialForm::original_and_copy;   // original + copy, or either with both
}

}  // namespace

std::vector<BundleMaterial> merge_materials(
    const std::vector<std::pair<std::string, std::vector<const Material*>>>& per_item) {
    std::vector<BundleMaterial> out;
    std::map<std::string, std::size_t> index;
    for (const auto& [item_id, materials] : per_item) {
        for (const Material* m : materials) {
            auto [it, fresh] = index.emplace(m->dedup_key(), out.size());
            if (fresh) {
                out.push_back({*m, {item_id}});
                out.back().material.when.reset();
                continue;
            }
            BundleMaterial& merged = out[it->second];
            append_unique(merged.item_ids, item_id);
            Material& into = merged.material;
            for (const auto& point : m->review_points) append_unique(into.review_points, point);
            into.count = std::max(into.count, m->count);
            into.form = combine_forms(into.form, m->form);
            // Exempt only if every item that asks for it exempts it.
            if (m->exempt.empty()) into.exempt.clear();
            if (into.sample.empty()) into.sample = m->sample;
            if (!m->note.empty() && into.note.find(m->note) == std::string::npos)
                into.note = into.note.empty() ? m->note : into.note + " " + m->note;
        }
    }
    return out;
}

BundleState walk_bundle(const Catalogue& cat, const Bundle& bundle, const Answers& answers) {
    BundleState st;
    std::vector<std::pair<std::string, std::vector<const Material*>>> per_item;
    for (const auto& item_id : bundle.items) {
        const Item* item = cat.find_item(item_id);
        if (!item) {
            if (st.status != FlowStatus::broken) {
                st.status = FlowStatus::broken;
                st.problem = item_id + ": no such item in the catalogue";
            }
            continue;
        }
        FlowState fs = walk(*item, answers);
        for (const auto& q : fs.path) {
            append_unique(st.path, q);
            st.answers[q] = fs.answers.at(q);
        }
        if (fs.status == FlowStatus::asking && st.status == FlowStatus::complete) {
            st.status = FlowStatus::asking;
            st.next_question = fs.next_question;
            st.next_item = item->id;
        } else if (fs.status == FlowStatus::broken && st.status != FlowStatus::broken) {
            st.status = FlowStatus::broken;
            st.problem = item->id + ": " + fs.problem;
        }
        per_item.emplace_back(item->id, tailored_materials(*item, fs));
        st.items.push_back(item);
        st.item_states.push_back(std::move(fs));
    }
    st.materials = merge_materials(per_item);
    return st;
}

namespace {

struct BundleEnumerator {
    const Catalogue& cat;
    const Bundle& bundle;
    const EnumerationLimits& limits;
    PathEnumeration result;

    void record(const Answers& answers, const BundleState& st) {
        if (result.paths.size() >= limits.max_paths) {
            result.truncated = true;
            return;
        }
        result.paths.push_back({answers, st.path, st.status, st.problem});
    }

    void visit(Answers& answers, std::size_t depth) {
        if (result.truncated) return;
        BundleState st = walk_bundle(cat, bundle, answers);
        if (st.status != FlowStatus::asking) return record(st.answers, st);
        const Item* item = cat.find_item(st.next_item);
        const Question* q = item ? item->find_question(st.next_question) : nullptr;
        if (!q || depth > 256) {
            st.status = FlowStatus::broken;
            st.problem = "cannot continue at question \"" + st.next_question + "\"";
            return record(st.answers, st);
        }
        auto subsets = option_subsets(*q, limits);
        if (subsets.empty()) {
            st.status = FlowStatus::broken;
            st.problem = st.next_item + ": question \"" + q->id + "\" has no options";
            return record(st.answers, st);
        }
        for (auto& subset : subsets) {
            if (result.truncated) break;
            answers[q->id] = subset;
            visit(answers, depth + 1);
        }
        answers.erase(q->id);
    }
};

}  // namespace

PathEnumeration enumerate_bundle_paths(const Catalogue& cat, const Bundle& bundle,
                                       const EnumerationLimits& limits) {
    BundleEnumerator e{cat, bundle, limits, {}};
    Answers answers;
    e.visit(answers, 0);
    return std::move(e.result);
}

}  // namespace dp
