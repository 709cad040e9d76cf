// The render document: a guide (item or bundle) for one resident's answers and locale, as a
// flat list of plain-data blocks that any back-end (HTML, ImGui) can draw; and the one table
// of fixed UI labels in zh-Hans, zh-Hant and en.
#pragma once
#include "bundle.hpp"
#include "catalogue.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace dp {

enum class Locale { zh_hans, zh_hant, en };

// "zh-Hans" | "zh-Hant" | "en" (also zh-CN/zh-SG → zh_hans, zh-TW/zh-HK/zh-MO → zh_hant, en-*).
std::optional<Locale> locale_from_tag(std::string_view tag);
const char* locale_tag(Locale locale);   // "zh-Hans", "zh-Hant", "en"

// Fixed UI wording. Texts with {n} take a number through ui_text_n.
enum class UiText {
    official_name, department, who_can_apply, official_conditions, your_situation, choose_any,
    materials, materials_count, materials_pending, flow_broken, review_points, exempt, note,
    sample, used_by, original, copy, original_and_copy, electronic, channels, channel_online,
    channel_mobile, channel_kiosk, channel_nearest_hall, channel_city_hall, channel_video,
    open_link, place, step_n, fees_and_time, fee, free, yuan_n, time_limit, promised_days_n,
    legal_days_n, visits, visits_none, visits_n, legal_basis, related, prerequisites, follow_ups,
    bundle_items, faq, tips, last_reviewed, submit, restart, change_answers, skip_to_content,
    checklist_hint, print, count
};

std::string ui_text(UiText key, Locale locale);
// ui_text with "{n}" replaced by `n` (e.g. step_n, materials_count).
std::string ui_text_n(UiText key, Locale locale, double n);

// The label of a channel kind ("网上办理", "就近窗口" …).
std::string channel_kind_label(ChannelKind kind, Locale locale);
// How many and in what form, in words: "原件1份", "复印件2份", "原件和复印件各1份", "电子版".
std::string quantity_words(const Material& material, Locale locale);
// A fee amount in words: "20元", "7.5元"; 0 → "不收费".
std::string money_words(double yuan, Locale locale);

// ---- blocks

struct HeadingBlock {
    int level = 2;            // 1 = page title; levels never skip going down
    std::string text;
    std::string anchor;       // a stable id for linking ("materials", "channels" …), may be ""
};

struct ParagraphBlock {
    std::string label;        // optional lead-in label ("事项名称"), may be ""
    std::string text;
    bool muted = false;       // secondary text (dates, official wording)
};

struct SituationOption {
    std::string id;
    std::string label;
    bool selected = false;
};

struct SituationQuestion {
    std::string id;
    std::string text;
    std::string help;
    bool multiple = false;
    bool answered = false;     // on the path with a usable answer
    bool is_next = false;      // the question to answer now
    std::vector<SituationOption> options;
};

// The resident's situation: the questions asked so far with their answers (changeable), then
// the next question if any.
struct SituationBlock {
    std::vector<SituationQuestion> questions;
    bool complete = false;
};

struct MaterialBlock {
    std::string id;
    std::string name;
    std::string quantity;                  // in words, e.g. "原件1份"
    std::vector<std::string> review_points;
    std::string exempt;                    // why it may not be needed, may be ""
    std::string note;
    std::string sample;                    // picture path under assets/images/, may be ""
    std::vector<std::string> used_by;      // bundles: names of the items that need it
};

struct StepperStep {
    std::string title;
    std::string text;
    std::string image;
};

struct StepperBlock {
    int heading_level = 3;      // level of `title` as a heading
    ChannelKind kind = ChannelKind::nearest_hall;
    std::string kind_label;     // "网上办理" …
    std::string title;
    std::string url;            // online / mobile, may be ""
    std::string place;          // halls / kiosks / the app, may be ""
    std::vector<StepperStep> steps;
};

struct CalloutBlock {
    enum class Tone { tip, warning };
    Tone tone = Tone::tip;
    std::string text;
};

struct LinkBlock {
    std::string label;
    std::string url;
};

struct FactBlock {
    std::string label;          // "收费", "办理时限" …
    std::string value;
};

struct FaqBlock {
    std::string question;
    std::string answer;
};

struct RelatedItem {
    std::string id;
    std::string name;
    bool known = true;          // false: not in the catalogue (shown without a link)
};

struct RelatedBlock {
    std::string label;          // "要先办", "办完后通常还要办", "这件事包括"
    std::vector<RelatedItem> items;
};

using Block = std::variant<HeadingBlock, ParagraphBlock, SituationBlock, MaterialBlock, StepperBlock,
                           CalloutBlock, LinkBlock, FactBlock, FaqBlock, RelatedBlock>;

struct RenderDoc {
    Locale locale = Locale::zh_hans;
    std::string lang;           // "zh-Hans" | "zh-Hant" | "en" (the HTML lang attribute)
    std::string guide_id;
    bool is_bundle = false;
    std::string title;          // the page title (the h1 text)
    FlowStatus status = FlowStatus::complete;
    std::vector<Block> blocks;
};

// One item's guide for these answers. `catalogue` (may be null) names related items.
RenderDoc render_item(const Item& item, const Answers& answers, Locale locale,
                      const Catalogue* catalogue = nullptr);
// A bundle as one guide: merged questions and materials, then each item's channels and facts.
RenderDoc render_bundle(const Catalogue& catalogue, const Bundle& bundle, const Answers& answers,
                        Locale locale);
// Either, by id; nullopt if the id is neither an item nor a bundle.
std::optional<RenderDoc> render_guide(const Catalogue& catalogue, const std::string& id,
                                      const Answers& answers, Locale locale);

}  // namespace dp
