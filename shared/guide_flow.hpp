// Situation-question flows (情形引导): evaluating conditions, walking an item's questions one
// at a time from the answers so far, the materials tailored to the answers, and enumerating
// every answer path (for validation and tests).
#pragma once
#include "guide.hpp"

#include <string>
#include <utility>
#include <vector>

namespace dp {

// True when the condition holds. Only answers of questions in `answers` count, so pass the
// effective answers of a walk (questions not asked on the path match nothing).
bool evaluate(const Condition& condition, const Answers& answers);

enum class FlowStatus {
    asking,      // `next_question` needs an answer
    complete,    // a rule reached "end" (or the item has no questions)
    broken,      // data error on the path: no rule matched, unknown question, or a loop
};

struct FlowState {
    FlowStatus status = FlowStatus::complete;
    std::vector<std::string> path;   // ids of the questions asked and answered, in order
    Answers answers;                 // the effective answers: only questions on `path`
    std::string next_question;       // when asking
    std::string problem;             // when broken: what went wrong, in English for editors
    bool complete() const { return status == FlowStatus::complete; }
};

// The answer to `question` if it is a usable one: option ids that exist, de-duplicated, in the
// question's option order; a single-choice question needs exactly one, a multiple-choice one
// at least one. Returns nullopt when the question counts as unanswered.
std::optional<std::vector<std::string>> usable_answer(const Question& question, const Answers& answers);

// Walks from item.start: each question that has a usable answer joins the path and its first
// matching rule picks the next; the first question without one is `next_question`.
FlowState walk(const Item& item, const Answers& answers);

// The materials this resident needs: those whose `when` holds for the walk's effective
// answers (all unconditional ones too). Computed on the walk even when it is not complete,
// so a partial list can be shown while questions remain.
std::vector<const Material*> tailored_materials(const Item& item, const FlowState& state);
std::vector<const Material*> tailored_materials(const Item& item, const Answers& answers);

// One way through the questions: the answers given and where it ended.
struct AnswerPath {
    Answers answers;
    std::vector<std::string> questions;   // in the order asked
    FlowStatus status = FlowStatus::complete;   // complete or broken (never asking)
    std::string problem;
};

struct PathEnumeration {
    std::vector<AnswerPath> paths;
    bool truncated = false;   // hit the cap: not every path was produced
};

struct EnumerationLimits {
    std::size_t max_paths = 20000;
    // Multiple-choice questions with up to this many options get every non-empty subset;
    // larger ones get every subset of up to 3 options plus all options together.
    std::size_t all_subsets_up_to = 8;
};

// Every answer path from start to an end (or to a broken rule). For multiple-choice questions
// the option subsets are enumerated as described in EnumerationLimits.
PathEnumeration enumerate_answer_paths(const Item& item, const EnumerationLimits& limits = {});

// The non-empty option subsets enumerated for a multiple-choice question, in a stable order.
std::vector<std::vector<std::string>> option_subsets(const Question& question,
                                                     const EnumerationLimits& limits = {});

// Answers from URL query parameters (key = question id, value = option id; a key may repeat;
// empty values are dropped). Keys that are not question ids are kept; walk ignores them.
Answers answers_from_params(const std::vector<std::pair<std::string, std::string>>& params);

}  // namespace dp
