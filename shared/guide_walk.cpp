// walk_guide over items and bundles (see guide_walk.hpp).
#include "guide_walk.hpp"

#include "guide_flow.hpp"

namespace dp {
namespace {

// The edition of an item in the locale (Traditional overlay when present).
const Item& localised(const Item& item, Locale locale) {
    return locale == Locale::zh_hant && item.zh_hant ? *item.zh_hant : item;
}

}  // namespace

const Question* GuideWalk::find(const std::string& question_id) const {
    for (auto* q : questions)
        if (q->id == question_id) return q;
    return nullptr;
}

GuideWalk walk_guide(const Catalogue& catalogue, const std::string& id, const Answers& answers, Locale locale) {
    GuideWalk w;
    if (const Item* item = catalogue.find_item(id)) {
        const Item& it = localised(*item, locale);
        w.found = true;
        w.title = it.plain_name.empty() ? it.name : it.plain_name;
        w.official = locale == Locale::en && !it.name_en.empty() ? it.name_en : it.name;
        w.who = it.conditions.plain;
        FlowState s = walk(*item, answers);
        w.status = s.status;
        w.path = s.path;
        w.next_question = s.next_question;
        w.answers = s.answers;
        for (auto& q : it.questions) w.questions.push_back(&q);
        return w;
    }
    if (const Bundle* bundle = catalogue.find_bundle(id)) {
        const Bundle& b = locale == Locale::zh_hant && bundle->zh_hant ? *bundle->zh_hant : *bundle;
        w.found = true;
        w.is_bundle = true;
        w.title = b.plain_name.empty() ? b.name : b.plain_name;
        w.official = locale == Locale::en && !b.name_en.empty() ? b.name_en : b.name;
        w.who = b.summary;
        BundleState s = walk_bundle(catalogue, *bundle, answers);
        w.status = s.status;
        w.path = s.path;
        w.next_question = s.next_question;
        w.answers = s.answers;
        for (auto& bq : merged_questions(catalogue, *bundle)) {
            const Question* q = bq.question;
            if (locale == Locale::zh_hant && !bq.item_ids.empty())
                if (const Item* owner = catalogue.find_item(bq.item_ids.front()); owner && owner->zh_hant)
                    if (const Question* t = owner->zh_hant->find_question(q->id)) q = t;
            w.questions.push_back(q);
        }
    }
    return w;
}

}  // namespace dp
