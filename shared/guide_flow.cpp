// Condition evaluation, the one-question-at-a-time walk, tailored materials and answer-path
// enumeration for an item's situation questions.
#include "guide_flow.hpp"

#include <algorithm>
#include <set>

namespace dp {

bool evaluate(const Condition& c, const Answers& answers) {
    switch (c.kind) {
        case Condition::Kind::answered_in: {
            auto it = answers.find(c.question);
            if (it == answers.end()) return false;
            for (const auto& selected : it->second)
                if (std::find(c.options.begin(), c.options.end(), selected) != c.options.end())
                    return true;
            return false;
        }
        case Condition::Kind::all_of:
            for (const auto& child : c.children)
                if (!evaluate(child, answers)) return false;
            return true;
        case Condition::Kind::any_of:
            for (const auto& child : c.children)
                if (evaluate(child, answers)) return true;
            return false;
        case Condition::Kind::none_of:
            return c.children.empty() || !evaluate(c.children.front(), answers);
    }
    return false;
}

std::optional<std::vector<std::string>> usable_answer(const Question& q, const Answers& answers) {
    auto it = answers.find(q.id);
    if (it == answers.end()) return std::nullopt;
    std::vector<std::string> chosen;
    for (const auto& option : q.options)
        if (std::find(it->second.begin(), it->second.end(), option.id) != it->second.end())
            chosen.push_back(option.id);
    if (chosen.empty()) return std::nullopt;
    if (!q.multiple && chosen.size() != 1) return std::nullopt;
    return chosen;
}

namespace {

// Follows the first matching rule of `q` (answers already include q's answer).
// Returns the target, or "" when no rule matched.
std::string follow_rules(const Question& q, const Answers& effective) {
    for (const auto& rule : q.next)
        if (!rule.when || evaluate(*rule.when, effective)) return rule.target;
    return {};
}

}  // namespace

FlowState walk(const Item& item, const Answers& answers) {
    FlowState st;
    std::string current = item.start;
    std::set<std::string> seen;
    while (!current.empty() && current != kFlowEnd) {
        const Question* q = item.find_question(current);
        if (!q) {
            st.status = FlowStatus::broken;
            st.problem = "no question \"" + current + "\"";
            return st;
        }
        if (!seen.insert(current).second) {
            st.status = FlowStatus::broken;
            st.problem = "question \"" + current + "\" is reached twice (a loop)";
            return st;
        }
        auto answer = usable_answer(*q, answers);
        if (!answer) {
            st.status = FlowStatus::asking;
            st.next_question = current;
            return st;
        }
        st.path.push_back(current);
        st.answers[current] = std::move(*answer);
        std::string target = follow_rules(*q, st.answers);
        if (target.empty()) {
            st.status = FlowStatus::broken;
            st.problem = "no \"next\" rule of question \"" + current + "\" matches these answers";
            return st;
        }
        current = target;
    }
    st.status = FlowStatus::complete;
    return st;
}

std::vector<const Material*> tailored_materials(const Item& item, const FlowState& state) {
    std::vector<const Material*> out;
    for (const auto& m : item.materials)
        if (!m.when || evaluate(*m.when, state.answers)) out.push_back(&m);
    return out;
}

std::vector<const Material*> tailored_materials(const Item& item, const Answers& answers) {
    return tailored_materials(item, walk(item, answers));
}

std::vector<std::vector<std::string>> option_subsets(const Question& q, const EnumerationLimits& limits) {
    std::vector<std::vector<std::string>> out;
    const std::size_t n = q.options.size();
    if (!q.multiple) {
        for (const auto& o : q.options) out.push_back({o.id});
        return out;
    }
    if (n == 0) return out;
    if (n <= limits.all_subsets_up_to && n < 31) {
        for (unsigned long mask = 1; mask < (1ul << n); ++mask) {
            std::vector<std::string> subset;
            for (std::size_t i = 0; i < n; ++i)
                if (mask & (1ul << i)) subset.push_back(q.options[i].id);
            out.push_back(std::move(subset));
        }
        return out;
    }
    // Large lists: every subset of 1, 2 or 3 options, then all of them.
    for (std::size_t a = 0; a < n; ++a) {
        out.push_back({q.options[a].id});
        for (std::size_t b = a + 1; b < n; ++b) {
            out.push_back({q.options[a].id, q.options[b].id});
            for (std::size_t c = b + 1; c < n; ++c)
                out.push_back({q.options[a].id, q.options[b].id, q.options[c].id});
        }
    }
    std::vector<std::string> all;
    for (const auto& o : q.options) all.push_back(o.id);
    out.push_back(std::move(all));
    return out;
}

namespace {

struct Enumerator {
    const Item& item;
    const EnumerationLimits& limits;
    PathEnumeration result;
    AnswerPath current;

    void finish(FlowStatus status, std::string problem) {
        if (result.paths.size() >= limits.max_paths) {
            result.truncated = true;
            return;
        }
        AnswerPath p = current;
        p.status = status;
        p.problem = std::move(problem);
        result.paths.push_back(std::move(p));
    }

    void visit(const std::string& qid) {
        if (result.truncated) return;
        if (qid.empty() || qid == kFlowEnd) return finish(FlowStatus::complete, {});
        const Question* q = item.find_question(qid);
        if (!q) return finish(FlowStatus::broken, "no question \"" + qid + "\"");
        if (current.answers.count(qid))
            return finish(FlowStatus::broken, "question \"" + qid + "\" is reached twice (a loop)");
        auto subsets = option_subsets(*q, limits);
        if (subsets.empty()) return finish(FlowStatus::broken, "question \"" + qid + "\" has no options");
        current.questions.push_back(qid);
        for (auto& subset : subsets) {
            if (result.truncated) break;
            current.answers[qid] = subset;
            std::string target = follow_rules(*q, current.answers);
            if (target.empty())
                finish(FlowStatus::broken,
                       "no \"next\" rule of question \"" + qid + "\" matches these answers");
            else
                visit(target);
        }
        current.answers.erase(qid);
        current.questions.pop_back();
    }
};

}  // namespace

PathEnumeration enumerate_answer_paths(const Item& item, const EnumerationLimits& limits) {
    Enumerator e{item, limits, {}, {}};
    e.visit(item.start);
    return std::move(e.result);
}

Answers answers_from_params(const std::vector<std::pair<std::string, std::string>>& params) {
    Answers out;
    for (const auto& [key, value] : params) {
        if (key.empty() || value.empty()) continue;
        auto& list = out[key];
        if (std::find(list.begin(), list.end(), value) == list.end()) list.push_back(value);
    }
    return out;
}

}  // namespace dp
