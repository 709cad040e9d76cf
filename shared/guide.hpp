// Service items (办事事项) and one-thing bundles (一件事): the plain model of a guide and its
// JSON form (docs/guide-format.md), with parse errors naming the item id and the field path.
#pragma once
#include <nlohmann/json.hpp>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace dp {

// What the resident answered: question id → the option ids they selected.
using Answers = std::map<std::string, std::vector<std::string>>;

// A condition on the answers ("when"): {"q","in"}, {"all":[…]}, {"any":[…]}, {"not":…}.
struct Condition {
    enum class Kind { answered_in, all_of, any_of, none_of };
    Kind kind = Kind::answered_in;
    std::string question;                 // answered_in: the question id
    std::vector<std::string> options;     // answered_in: any of these option ids
    std::vector<Condition> children;      // all_of / any_of; none_of has exactly one
};

struct QuestionOption {
    std::string id;
    std::string label;
};

// One rule of a question's "next" list: the first rule whose condition holds wins.
struct NextRule {
    std::optional<Condition> when;   // absent: always
    std::string target;              // question id, or "end"
};

inline constexpr const char* kFlowEnd = "end";

struct Question {
    std::string id;
    std::string text;
    std::string help;
    bool multiple = false;           // "type": "multiple" (checkboxes) or "single" (radios)
    std::vector<QuestionOption> options;
    std::vector<NextRule> next;

    const QuestionOption* find_option(const std::string& option_id) const;
};

enum class MaterialForm { original, copy, original_and_copy, electronic };

struct Material {
    std::string id;
    std::string doc;                 // shared document key (bundles list a doc once); may be ""
    std::string name;
    int count = 1;
    MaterialForm form = MaterialForm::original;
    std::optional<Condition> when;   // absent: always needed
    std::vector<std::string> review_points;
    std::string exempt;
    std::string sample;
    std::string note;

    // The key a bundle de-duplicates by: doc when present, else id.
    const std::string& dedup_key() const { return doc.empty() ? id : doc; }
};

struct Fee {
    std::string name;
    double amount_yuan = 0;
    std::string note;
};

struct TimeLimit {
    int legal_days = 0;      // 0: not given
    int promised_days = 0;   // 0: not given
    std::string note;
};

enum class ChannelKind { online, mobile, kiosk, nearest_hall, city_hall, video };

struct ChannelStep {
    std::string title;
    std::string text;
    std::string image;
};

struct Channel {
    ChannelKind kind = ChannelKind::nearest_hall;
    std::string title;
    std::string url;
    std::string place;
    std::vector<ChannelStep> steps;
};

struct FaqEntry {
    std::string question;
    std::string answer;
};

struct EligibilityText {
    std::string official;    // 受理条件 as published
    std::string plain;       // the same in plain words
};

struct Item {
    std::string id;
    int version = 1;
    std::string last_reviewed;
    std::string name;
    std::string plain_name;
    std::string name_en;
    std::vector<std::string> aliases;
    std::string department;
    std::string category;
    std::vector<std::string> life_events;
    int popularity = 0;
    std::vector<std::string> legal_basis;
    EligibilityText conditions;
    int visits = 1;
    std::string start;                  // "" : no questions
    std::vector<Question> questions;
    std::vector<Material> materials;
    std::vector<Fee> fees;
    TimeLimit time_limit;
    std::vector<Channel> channels;
    std::vector<std::string> prerequisites;
    std::vector<std::string> follow_ups;
    std::vector<FaqEntry> faq;
    std::vector<std::string> tips;
    // The Traditional Chinese edition (from the catalogue tool's "zh-Hant" overlay), if any.
    std::shared_ptr<const Item> zh_hant;

    const Question* find_question(const std::string& question_id) const;
    const Material* find_material(const std::string& material_id) const;
};

struct Bundle {
    std::string id;
    std::string name;
    std::string plain_name;
    std::string name_en;
    std::vector<std::string> aliases;
    std::vector<std::string> life_events;
    int popularity = 0;
    std::string summary;
    std::vector<std::string> items;
    std::shared_ptr<const Bundle> zh_hant;
};

// One problem in guide data: "item <id>: <field>: <message>" (file is prefixed when known).
struct GuideError {
    std::string file;
    std::string item_id;     // item or bundle id ("?" when the id itself is unreadable)
    std::string field;       // JSON path, e.g. questions[reason].next[1].goto
    std::string message;
    std::string to_string() const;
};

template <typename T>
struct Parsed {
    T value;
    std::vector<GuideError> errors;
    bool ok() const { return errors.empty(); }
};

// Parsing reports every shape problem it finds (missing required field, wrong type, unknown
// enum value) rather than stopping at the first; a "zh-Hant" object is overlaid onto a copy
// of the item and parsed into Item::zh_hant.
Parsed<Item> parse_item(const nlohmann::json& j);
Parsed<Bundle> parse_bundle(const nlohmann::json& j);
Parsed<Condition> parse_condition(const nlohmann::json& j);

// The JSON form, as in docs/guide-format.md (no "zh-Hant"; the catalogue tool adds that).
nlohmann::json to_json(const Item& item);
nlohmann::json to_json(const Bundle& bundle);
nlohmann::json to_json(const Condition& condition);

// Deep overlay: objects merge key by key, arrays element by element (by position), any other
// value replaces. Used to lay a "zh-Hant" object over its item.
nlohmann::json overlay_json(const nlohmann::json& base, const nlohmann::json& overlay);

const char* to_string(MaterialForm form);
const char* to_string(ChannelKind kind);
std::optional<MaterialForm> material_form_from_string(const std::string& s);
std::optional<ChannelKind> channel_kind_from_string(const std::string& s);

// An id is 1–64 characters of [a-z0-9-], not starting or ending with '-'.
bool is_valid_guide_id(const std::string& id);

// The categories and life events of docs/guide-format.md.
const std::vector<std::string>& guide_categories();
// key → Chinese label, e.g. "birth" → "出生"
const std::vector<std::pair<std::string, std::string>>& life_event_labels();

}  // namespace dp
