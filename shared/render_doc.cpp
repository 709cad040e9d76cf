// Building the render document of an item or bundle for given answers and locale, and the one
// table of fixed UI labels (zh-Hans, zh-Hant, en).
#include "render_doc.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace dp {

// ---------------------------------------------------------------- locales and labels

std::optional<Locale> locale_from_tag(std::string_view tag) {
    std::string t;
    for (char c : tag) t += (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : (c == '_' ? '-' : c);
    if (t == "zh-hans" || t == "zh" || t == "zh-cn" || t == "zh-sg" || t == "zh-hans-cn") return Locale::zh_hans;
    if (t == "zh-hant" || t == "zh-tw" || t == "zh-hk" || t == "zh-mo" || t.rfind("zh-hant-", 0) == 0)
        return Locale::zh_hant;
    if (t == "en" || t.rfind("en-", 0) == 0) return Locale::en;
    return std::nullopt;
}

const char* locale_tag(Locale locale) {
    switch (locale) {
        case Locale::zh_hans: return "zh-Hans";
        case Locale::zh_hant: return "zh-Hant";
        case Locale::en: return "en";
    }
    return "zh-Hans";
}

namespace {

struct LabelRow {
    UiText key;
    const char* hans;
    const char* hant;
    const char* en;
};

// Every fixed UI label, in one place.
const LabelRow kLabels[] = {
    {UiText::official_name, "事项名称", "事項名稱", "Official name"},
    {UiText::department, "办理部门", "辦理部門", "Office"},
    {UiText::who_can_apply, "谁可以办", "誰可以辦", "Who can apply"},
    {UiText::official_conditions, "政策原文", "政策原文", "Official wording"},
    {UiText::your_situation, "您的情况", "您的情況", "Your situation"},
    {UiText::choose_any, "可以多选", "可以多選", "Choose all that apply"},
    {UiText::materials, "需要准备的材料", "需要準備的材料", "What to bring"},
    {UiText::materials_count, "共{n}项", "共{n}項", "{n} items"},
    {UiText::materials_pending, "请先回答上面的问题，材料清单才完整。", "請先回答上面的問題，材料清單才完整。",
     "Answer the questions above to complete this list."},
    {UiText::flow_broken, "这份指南的问题设置有误，请联系帮办人员。", "這份指南的問題設置有誤，請聯繫幫辦人員。",
     "This guide has a problem with its questions. Please ask a help-desk agent."},
    {UiText::review_points, "审查要点", "審查要點", "Checked for"},
    {UiText::exempt, "可以不带", "可以不帶", "You may not need it"},
    {UiText::note, "提示", "提示", "Note"},
    {UiText::sample, "样例", "樣例", "Sample"},
    {UiText::used_by, "用于", "用於", "Used for"},
    {UiText::original, "原件{n}份", "原件{n}份", "Original ×{n}"},
    {UiText::copy, "复印件{n}份", "複印件{n}份", "Photocopy ×{n}"},
    {UiText::original_and_copy, "原件和复印件各{n}份", "原件和複印件各{n}份", "Original and photocopy, {n} each"},
    {UiText::electronic, "电子版", "電子版", "Electronic copy"},
    {UiText::channels, "办理渠道", "辦理渠道", "Ways to do it"},
    {UiText::channel_online, "网上办理", "網上辦理", "Online"},
    {UiText::channel_mobile, "手机办理", "手機辦理", "On your phone"},
    {UiText::channel_kiosk, "自助终端", "自助終端", "Self-service kiosk"},
    {UiText::channel_nearest_hall, "就近办理", "就近辦理", "Nearest service point"},
    {UiText::channel_city_hall, "市级大厅", "市級大廳", "City service hall"},
    {UiText::channel_video, "视频办理", "視頻辦理", "By video call"},
    {UiText::open_link, "打开办理网址", "打開辦理網址", "Open the service page"},
    {UiText::place, "办理地点", "辦理地點", "Where"},
    {UiText::step_n, "第{n}步", "第{n}步", "Step {n}"},
    {UiText::fees_and_time, "收费和时限", "收費和時限", "Fees and time"},
    {UiText::fee, "收费", "收費", "Fee"},
    {UiText::free, "不收费", "不收費", "Free"},
    {UiText::yuan_n, "{n}元", "{n}元", "{n} yuan"},
    {UiText::time_limit, "办理时限", "辦理時限", "Time limit"},
    {UiText::promised_days_n, "承诺{n}天内办结", "承諾{n}天內辦結", "Done within {n} days (promised)"},
    {UiText::legal_days_n, "法定时限{n}天", "法定時限{n}天", "Legal limit {n} days"},
    {UiText::visits, "到现场次数", "到現場次數", "Visits in person"},
    {UiText::visits_none, "不用跑，网上就能办", "不用跑，網上就能辦", "None: it can all be done online"},
    {UiText::visits_n, "最多跑{n}次", "最多跑{n}次", "At most {n}"},
    {UiText::legal_basis, "办理依据", "辦理依據", "Legal basis"},
    {UiText::related, "办理前后", "辦理前後", "Before and after"},
    {UiText::prerequisites, "要先办", "要先辦", "Do these first"},
    {UiText::follow_ups, "办完后通常还要办", "辦完後通常還要辦", "Usually next"},
    {UiText::bundle_items, "这件事包括", "這件事包括", "This includes"},
    {UiText::faq, "常见问题", "常見問題", "Questions people ask"},
    {UiText::tips, "小贴士", "小貼士", "Tips"},
    {UiText::last_reviewed, "内容核对日期", "內容核對日期", "Last checked"},
    {UiText::submit, "确定", "確定", "Continue"},
    {UiText::restart, "重新开始", "重新開始", "Start again"},
    {UiText::change_answers, "修改回答", "修改回答", "Change your answers"},
    {UiText::skip_to_content, "跳到正文", "跳到正文", "Skip to content"},
    {UiText::checklist_hint, "备齐一项，勾选一项", "備齊一項，勾選一項", "Tick each one when you have it"},
    {UiText::print, "打印清单", "打印清單", "Print this list"},
};

std::string format_number(double n) {
    char buf[32];
    if (std::fabs(n - std::round(n)) < 1e-9)
        std::snprintf(buf, sizeof buf, "%.0f", n);
    else
        std::snprintf(buf, sizeof buf, "%.2f", n);
    std::string s = buf;
    if (s.find('.') != std::string::npos) {
        while (s.back() == '0') s.pop_back();
        if (s.back() == '.') s.pop_back();
    }
    return s;
}

}  // namespace

std::string ui_text(UiText key, Locale locale) {
    for (const auto& row : kLabels)
        if (row.key == key) return locale == Locale::zh_hant ? row.hant : locale == Locale::en ? row.en : row.hans;
    return {};
}

std::string ui_text_n(UiText key, Locale locale, double n) {
    std::string s = ui_text(key, locale);
    auto at = s.find("{n}");
    if (at != std::string::npos) s.replace(at, 3, format_number(n));
    return s;
}

std::string channel_kind_label(ChannelKind kind, Locale locale) {
    switch (kind) {
        case ChannelKind::online: return ui_text(UiText::channel_online, locale);
        case ChannelKind::mobile: return ui_text(UiText::channel_mobile, locale);
        case ChannelKind::kiosk: return ui_text(UiText::channel_kiosk, locale);
        case ChannelKind::nearest_hall: return ui_text(UiText::channel_nearest_hall, locale);
        case ChannelKind::city_hall: return ui_text(UiText::channel_city_hall, locale);
        case ChannelKind::video: return ui_text(UiText::channel_video, locale);
    }
    return {};
}

std::string quantity_words(const Material& m, Locale locale) {
    int n = std::max(1, m.count);
    switch (m.form) {
        case MaterialForm::original: return ui_text_n(UiText::original, locale, n);
        case MaterialForm::copy: return ui_text_n(UiText::copy, locale, n);
        case MaterialForm::original_and_copy: return ui_text_n(UiText::original_and_copy, locale, n);
        case MaterialForm::electronic: return ui_text(UiText::electronic, locale);
    }
    return {};
}

std::string money_words(double yuan, Locale locale) {
    if (yuan <= 0) return ui_text(UiText::free, locale);
    return ui_text_n(UiText::yuan_n, locale, yuan);
}

// ---------------------------------------------------------------- building documents

namespace {

const Item& text_of(const Item& item, Locale locale) {
    return locale == Locale::zh_hant && item.zh_hant ? *item.zh_hant : item;
}

const Bundle& text_of(const Bundle& bundle, Locale locale) {
    return locale == Locale::zh_hant && bundle.zh_hant ? *bundle.zh_hant : bundle;
}

// The name of an item or bundle as shown in this locale.
std::string display_name(const Catalogue* cat, const std::string& id, Locale locale) {
    if (!cat) return {};
    if (const Item* it = cat->find_item(id)) return locale == Locale::en ? it->name_en : text_of(*it, locale).name;
    if (const Bundle* b = cat->find_bundle(id)) return locale == Locale::en ? b->name_en : text_of(*b, locale).name;
    return {};
}

std::string join(const std::vector<std::string>& parts, const std::string& sep) {
    std::string s;
    for (std::size_t i = 0; i < parts.size(); ++i) s += (i ? sep : "") + parts[i];
    return s;
}

class DocBuilder {
public:
    DocBuilder(RenderDoc& doc) : doc_(doc), locale_(doc.locale) {}

    template <typename B>
    void add(B block) {
        doc_.blocks.emplace_back(std::move(block));
    }
    void heading(int level, std::string text, std::string anchor = {}) {
        add(HeadingBlock{level, std::move(text), std::move(anchor)});
    }
    void paragraph(std::string label, std::string text, bool muted = false) {
        if (!text.empty()) add(ParagraphBlock{std::move(label), std::move(text), muted});
    }
    std::string label(UiText key) const { return ui_text(key, locale_); }

    void title(const std::string& plain_name, const std::string& name_en, const std::string& official) {
        doc_.title = locale_ == Locale::en ? name_en : plain_name;
        heading(1, doc_.title);
        paragraph(label(UiText::official_name), official);
    }

    SituationQuestion situation_question(const Question& q, const Answers& effective) const {
        SituationQuestion sq{q.id, q.text, q.help, q.multiple, false, false, {}};
        auto it = effective.find(q.id);
        sq.answered = it != effective.end();
        for (const auto& o : q.options) {
            bool selected = sq.answered && std::find(it->second.begin(), it->second.end(), o.id) != it->second.end();
            sq.options.push_back({o.id, o.label, selected});
        }
        return sq;
    }

    // The situation section and the warnings that go with an unfinished or broken flow.
    void situation(SituationBlock block, FlowStatus status) {
        doc_.status = status;
        if (block.questions.empty() && status == FlowStatus::complete) return;
        heading(2, label(UiText::your_situation), "situation");
        block.complete = status == FlowStatus::complete;
        add(std::move(block));
    }

    void materials(const std::vector<MaterialBlock>& entries, FlowStatus status) {
        heading(2, label(UiText::materials), "materials");
        if (status == FlowStatus::asking)
            add(CalloutBlock{CalloutBlock::Tone::warning, label(UiText::materials_pending)});
        if (status == FlowStatus::broken) add(CalloutBlock{CalloutBlock::Tone::warning, label(UiText::flow_broken)});
        if (status == FlowStatus::complete && !entries.empty())
            paragraph({}, ui_text_n(UiText::materials_count, locale_, double(entries.size())), true);
        for (const auto& e : entries) add(e);
    }

    MaterialBlock material(const Material& m) const {
        return MaterialBlock{m.id, m.name, quantity_words(m, locale_), m.review_points, m.exempt,
                             m.note, m.sample, {}};
    }

    void channels(const Item& item, int level) {
        for (const Channel& c : item.channels) {
            StepperBlock s{level, c.kind, channel_kind_label(c.kind, locale_), c.title, c.url, c.place, {}};
            for (const auto& step : c.steps) s.steps.push_back({step.title, step.text, step.image});
            add(std::move(s));
        }
    }

    void fees_and_time(const Item& item, const std::string& suffix) {
        std::vector<std::string> fees;
        for (const Fee& f : item.fees) {
            std::string s = f.name + " " + money_words(f.amount_yuan, locale_);
            if (!f.note.empty()) s += locale_ == Locale::en ? " (" + f.note + ")" : "（" + f.note + "）";
            fees.push_back(s);
        }
        std::string sep = locale_ == Locale::en ? "; " : "；";
        add(FactBlock{label(UiText::fee) + suffix, fees.empty() ? label(UiText::free) : join(fees, sep)});
        const TimeLimit& t = item.time_limit;
        std::vector<std::string> time;
        if (t.promised_days) time.push_back(ui_text_n(UiText::promised_days_n, locale_, t.promised_days));
        if (t.legal_days) time.push_back(ui_text_n(UiText::legal_days_n, locale_, t.legal_days));
        if (!t.note.empty()) time.push_back(t.note);
        if (!time.empty()) add(FactBlock{label(UiText::time_limit) + suffix, join(time, locale_ == Locale::en ? "; " : "，")});
        add(FactBlock{label(UiText::visits) + suffix, item.visits == 0 ? label(UiText::visits_none)
                                                                       : ui_text_n(UiText::visits_n, locale_, item.visits)});
    }

    RelatedBlock related(UiText key, const std::vector<std::string>& ids, const Catalogue* cat) const {
        RelatedBlock r{label(key), {}};
        for (const auto& id : ids) {
            std::string name = display_name(cat, id, locale_);
            r.items.push_back({id, name.empty() ? id : name, !name.empty()});
        }
        return r;
    }

    void faq_and_tips(const Item& item) {
        if (!item.faq.empty()) {
            heading(2, label(UiText::faq), "faq");
            for (const auto& f : item.faq) add(FaqBlock{f.question, f.answer});
        }
        if (!item.tips.empty()) {
            heading(2, label(UiText::tips), "tips");
            for (const auto& t : item.tips) add(CalloutBlock{CalloutBlock::Tone::tip, t});
        }
    }

private:
    RenderDoc& doc_;
    Locale locale_;
};

RenderDoc new_doc(const std::string& id, bool is_bundle, Locale locale) {
    RenderDoc doc;
    doc.locale = locale;
    doc.lang = locale_tag(locale);
    doc.guide_id = id;
    doc.is_bundle = is_bundle;
    return doc;
}

}  // namespace

RenderDoc render_item(const Item& item, const Answers& answers, Locale locale, const Catalogue* catalogue) {
    RenderDoc doc = new_doc(item.id, false, locale);
    DocBuilder b(doc);
    const Item& text = text_of(item, locale);
    const FlowState state = walk(item, answers);

    b.title(text.plain_name, item.name_en, text.name);
    b.add(FactBlock{b.label(UiText::department), text.department});

    b.heading(2, b.label(UiText::who_can_apply), "who");
    b.paragraph({}, text.conditions.plain);
    b.paragraph(b.label(UiText::official_conditions), text.conditions.official, true);

    SituationBlock situation;
    for (const auto& qid : state.path)
        if (const Question* q = text.find_question(qid)) situation.questions.push_back(b.situation_question(*q, state.answers));
    if (state.status == FlowStatus::asking)
        if (const Question* q = text.find_question(state.next_question)) {
            situation.questions.push_back(b.situation_question(*q, {}));
            situation.questions.back().is_next = true;
        }
    b.situation(std::move(situation), state.status);

    std::vector<MaterialBlock> materials;
    for (const Material* m : tailored_materials(text, state)) materials.push_back(b.material(*m));
    b.materials(materials, state.status);

    b.heading(2, b.label(UiText::channels), "channels");
    b.channels(text, 3);

    b.heading(2, b.label(UiText::fees_and_time), "fees");
    b.fees_and_time(text, {});
    if (!text.legal_basis.empty()) b.add(FactBlock{b.label(UiText::legal_basis), join(text.legal_basis, "；")});

    if (!item.prerequisites.empty() || !item.follow_ups.empty()) {
        b.heading(2, b.label(UiText::related), "related");
        if (!item.prerequisites.empty()) b.add(b.related(UiText::prerequisites, item.prerequisites, catalogue));
        if (!item.follow_ups.empty()) b.add(b.related(UiText::follow_ups, item.follow_ups, catalogue));
    }
    b.faq_and_tips(text);
    if (!item.last_reviewed.empty()) b.paragraph(b.label(UiText::last_reviewed), item.last_reviewed, true);
    return doc;
}

RenderDoc render_bundle(const Catalogue& cat, const Bundle& bundle, const Answers& answers, Locale locale) {
    RenderDoc doc = new_doc(bundle.id, true, locale);
    DocBuilder b(doc);
    const Bundle& text = text_of(bundle, locale);
    const BundleState state = walk_bundle(cat, bundle, answers);

    b.title(text.plain_name, bundle.name_en, text.name);
    b.paragraph({}, text.summary);
    b.add(b.related(UiText::bundle_items, bundle.items, &cat));

    // Questions: those asked (in order), then the next one; wording from the first item asking it.
    auto question_text = [&](const std::string& qid) -> const Question* {
        for (const Item* item : state.items)
            if (const Question* q = text_of(*item, locale).find_question(qid)) return q;
        return nullptr;
    };
    SituationBlock situation;
    for (const auto& qid : state.path)
        if (const Question* q = question_text(qid)) situation.questions.push_back(b.situation_question(*q, state.answers));
    if (state.status == FlowStatus::asking)
        if (const Question* q = question_text(state.next_question)) {
            situation.questions.push_back(b.situation_question(*q, {}));
            situation.questions.back().is_next = true;
        }
    b.situation(std::move(situation), state.status);

    // Materials merged in the display language: each item's own wording, same answers.
    std::vector<std::pair<std::string, std::vector<const Material*>>> per_item;
    for (std::size_t i = 0; i < state.items.size(); ++i)
        per_item.emplace_back(state.items[i]->id, tailored_materials(text_of(*state.items[i], locale), state.item_states[i]));
    std::vector<MaterialBlock> materials;
    for (const BundleMaterial& m : merge_materials(per_item)) {
        MaterialBlock mb = b.material(m.material);
        for (const auto& id : m.item_ids) mb.used_by.push_back(display_name(&cat, id, locale));
        materials.push_back(std::move(mb));
    }
    b.materials(materials, state.status);

    b.heading(2, b.label(UiText::channels), "channels");
    for (const Item* item : state.items) {
        b.heading(3, display_name(&cat, item->id, locale));
        b.channels(text_of(*item, locale), 4);
    }
    b.heading(2, b.label(UiText::fees_and_time), "fees");
    for (const Item* item : state.items) {
        std::string name = display_name(&cat, item->id, locale);
        b.fees_and_time(text_of(*item, locale), locale == Locale::en ? " (" + name + ")" : "（" + name + "）");
    }
    return doc;
}

std::optional<RenderDoc> render_guide(const Catalogue& cat, const std::string& id, const Answers& answers,
                                      Locale locale) {
    if (const Item* item = cat.find_item(id)) return render_item(*item, answers, locale, &cat);
    if (const Bundle* bundle = cat.find_bundle(id)) return render_bundle(cat, *bundle, answers, locale);
    return std::nullopt;
}

}  // namespace dp
