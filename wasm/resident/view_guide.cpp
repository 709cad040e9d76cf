// Guide pages: the intro (plain name, official name, who can apply), one situation question
// per screen, and the result — the shared RenderDoc drawn as cards: the resident's answers
// with change links, the checklist (ticks kept on the phone), channels as step-by-step
// steppers, fees and time limits, FAQ, tips, related items.
#include <imgui.h>

#include "guide_walk.hpp"
#include "render_doc.hpp"
#include "strings.hpp"
#include "theme.hpp"
#include "view.hpp"
#include "pictures.hpp"
#include "widgets.hpp"

namespace resident {

using ui::px;

namespace {

void draw_intro(Page& p, const dp::GuideWalk& w) {
    if (ui::top_bar(tr(Str::back, p.loc).c_str(), tr(Str::app_title, p.loc), p.width)) p.out.push_back(Back{});
    ImGui::Dummy(ImVec2(0, px(16)));
    ImGui::SetCursorPosX(p.pad);
    ImGui::BeginGroup();
    ui::text_block(w.title, 26, ui::theme::kText, p.inner);
    ui::text_block(w.official, 15, ui::theme::muted(), p.inner);
    ImGui::Dummy(ImVec2(0, px(12)));
    if (!w.who.empty()) {
        ui::text_block(dp::ui_text(w.is_bundle ? dp::UiText::bundle_items : dp::UiText::who_can_apply, p.loc), 19,
                       ui::theme::kText, p.inner);
        ui::text_block(w.who, 17, ui::theme::kText, p.inner);
        ImGui::Dummy(ImVec2(0, px(12)));
    }
    const bool asks = !w.questions.empty();
    if (ui::primary_button(tr(asks ? Str::start : Str::see_result, p.loc).c_str(), p.inner))
        p.out.push_back(Navigate{first_question_route(p.m)});
    ImGui::Dummy(ImVec2(0, px(8)));
    if (ui::link("text", tr(Str::text_version, p.loc)))
        p.out.push_back(OpenExternal{"/guide/" + dp::url_encode(w.found ? p.m.route.guide_id : "") + "?lang=" +
                                     dp::locale_tag(p.loc)});
    if (ui::link("help", tr(Str::help_open, p.loc))) {
        dp::ResidentRoute r = route_to(p.m, dp::ResidentPage::help_menu);
        r.item_id = p.m.route.guide_id;
        p.out.push_back(Navigate{r});
    }
    if (ui::link("share", tr(Str::share, p.loc))) p.out.push_back(Share{w.title, dp::resident_url(p.m.route)});
    ImGui::EndGroup();
}

void draw_question(Page& p, const dp::GuideWalk& w) {
    const std::string qid = p.m.route.question_id;
    const dp::Question* q = w.find(qid);
    if (ui::top_bar(tr(Str::prev_step, p.loc).c_str(), w.title, p.width)) p.out.push_back(Back{});
    if (!q) {
        draw_message(p, tr(Str::not_found, p.loc), tr(Str::not_found_detail, p.loc), false);
        return;
    }
    ImGui::Dummy(ImVec2(0, px(16)));
    ImGui::SetCursorPosX(p.pad);
    ImGui::BeginGroup();
    int number = 1;
    for (auto& asked : w.path) {
        if (asked == qid) break;
        ++number;
    }
    ui::text_block(tr_n(Str::step_n, p.loc, number), 15, ui::theme::muted(), p.inner);
    ui::text_block(q->text, 24, ui::theme::kText, p.inner);  // the question is the page heading
    if (!q->help.empty()) ui::text_block(q->help, 16, ui::theme::muted(), p.inner);
    ui::text_block(tr(q->multiple ? Str::choose_any : Str::choose_one, p.loc), 15, ui::theme::muted(), p.inner);
    ImGui::Dummy(ImVec2(0, px(4)));

    // The pending choice starts from the answer already given (back links keep answers).
    auto& choice = p.vs.choice[p.m.route.guide_id + "/" + qid];
    if (choice.empty()) {
        auto it = p.m.route.answers.find(qid);
        if (it != p.m.route.answers.end()) choice = it->second;
    }
    for (auto& opt : q->options) {
        const bool selected = std::find(choice.begin(), choice.end(), opt.id) != choice.end();
        if (ui::option_card(opt.id.c_str(), opt.label, selected, q->multiple, p.inner)) {
            if (!q->multiple) {
                choice = {opt.id};
            } else if (selected) {
                choice.erase(std::find(choice.begin(), choice.end(), opt.id));
            } else {
                // keep the question's option order
                std::vector<std::string> next;
                for (auto& o : q->options)
                    if (o.id == opt.id || std::find(choice.begin(), choice.end(), o.id) != choice.end())
                        next.push_back(o.id);
                choice = next;
            }
        }
        ImGui::Dummy(ImVec2(0, px(2)));
    }
    ImGui::Dummy(ImVec2(0, px(8)));
    ImGui::BeginDisabled(choice.empty());
    if (ui::primary_button(tr(Str::continue_, p.loc).c_str(), p.inner)) p.out.push_back(Answer{qid, choice});
    ImGui::EndDisabled();
    ImGui::EndGroup();
}

// ---- result page: RenderDoc blocks ----

struct ResultCtx {
    Page& p;
    const dp::RenderDoc& doc;
    int faq_index = 0;
};

void heading(ResultCtx& c, const dp::HeadingBlock& b) {
    if (b.level <= 1) {
        ui::text_block(b.text, 26, ui::theme::kText, c.p.inner);
        return;
    }
    ImGui::Dummy(ImVec2(0, px(b.level == 2 ? 14 : 6)));
    ui::text_block(b.text, b.level == 2 ? 21 : 18, b.level == 2 ? ui::theme::kPrimaryDark : ui::theme::kText,
                   c.p.inner);
}

void paragraph(ResultCtx& c, const dp::ParagraphBlock& b) {
    if (!b.label.empty()) ui::text_block(b.label, 15, ui::theme::muted(), c.p.inner);
    ui::text_block(b.text, b.muted ? 15 : 17, b.muted ? ui::theme::muted() : ui::theme::kText, c.p.inner);
}

void situation(ResultCtx& c, const dp::SituationBlock& b) {
    for (auto& q : b.questions) {
        if (!q.answered) continue;
        std::string answer;
        for (auto& o : q.options)
            if (o.selected) answer += (answer.empty() ? "" : "、") + o.label;
        ui::text_block(q.text, 15, ui::theme::muted(), c.p.inner);
        ui::text_block(answer, 17, ui::theme::kText, c.p.inner);
        if (ui::link(("chg-" + q.id).c_str(), tr(Str::change, c.p.loc), 15)) {
            dp::ResidentRoute r = route_to(c.p.m, dp::ResidentPage::guide_question);
            r.question_id = q.id;
            c.p.out.push_back(Navigate{r});
        }
    }
    if (ui::link("restart", tr(Str::start_over, c.p.loc), 15)) c.p.out.push_back(Navigate{first_question_route(c.p.m)});
}

void material(ResultCtx& c, const dp::MaterialBlock& b) {
    std::string detail = b.quantity;
    for (auto& rp : b.review_points) detail += "\n· " + rp;
    if (!b.exempt.empty()) detail += "\n" + dp::ui_text(dp::UiText::exempt, c.p.loc) + "：" + b.exempt;
    if (!b.note.empty()) detail += "\n" + b.note;
    const std::string& guide = c.p.m.route.guide_id;
    auto it = c.p.m.ticks.find(guide);
    const bool checked = it != c.p.m.ticks.end() && it->second.count(b.id);
    if (ui::check_row(("m-" + b.id).c_str(), b.name, detail, checked, c.p.inner))
        c.p.out.push_back(ToggleTick{guide, b.id});
    if (!b.sample.empty()) {
        // A picture of a correct one, shown on request (pictures are large on a phone).
        const std::string key = guide + "/sample/" + b.id;
        const bool open = c.p.m.open_faq.count(key) > 0;
        if (ui::link(("sample-" + b.id).c_str(), (open ? "▾ " : "▸ ") + tr(Str::show_sample, c.p.loc), 15))
            c.p.out.push_back(ToggleFaq{key});
        if (open) {
            const std::string url = "/assets/images/" + b.sample;
            if (ui::picture(("picture-" + b.id).c_str(), url, dp::ui_text(dp::UiText::sample, c.p.loc) + "：" + b.name,
                            c.p.inner))
                c.p.out.push_back(OpenExternal{url});
            ImGui::Dummy(ImVec2(0, px(6)));
        }
    }
}

void stepper(ResultCtx& c, const dp::StepperBlock& b) {
    const std::string key = c.p.m.route.guide_id + "/" + b.title;
    auto it = c.p.m.stepper_step.find(key);
    const int n = static_cast<int>(b.steps.size());
    const int i = std::min(it == c.p.m.stepper_step.end() ? 0 : it->second, std::max(0, n - 1));
    ImGui::Dummy(ImVec2(0, px(6)));
    ui::text_block(b.kind_label, 14, ui::theme::kAccent, c.p.inner);
    ui::text_block(b.title, 18, ui::theme::kText, c.p.inner);
    if (!b.place.empty()) ui::text_block(dp::ui_text(dp::UiText::place, c.p.loc) + "：" + b.place, 15, ui::theme::muted(), c.p.inner);
    if (n > 0) {
        const auto& s = b.steps[static_cast<size_t>(i)];
        ui::text_block(dp::ui_text_n(dp::UiText::step_n, c.p.loc, i + 1) + " / " + std::to_string(n) + "  " + s.title, 16,
                       ui::theme::kText, c.p.inner);
        if (!s.text.empty()) ui::text_block(s.text, 16, ui::theme::muted(), c.p.inner);
        const float half = (c.p.inner - px(8)) * 0.5f;
        ImGui::PushID(key.c_str());
        ImGui::BeginDisabled(i == 0);
        if (ui::secondary_button(tr(Str::prev_step, c.p.loc).c_str(), half)) c.p.out.push_back(ShowStep{key, i - 1});
        ImGui::EndDisabled();
        ImGui::SameLine(0, px(8));
        ImGui::BeginDisabled(i + 1 >= n);
        if (ui::secondary_button(tr(Str::continue_, c.p.loc).c_str(), half)) c.p.out.push_back(ShowStep{key, i + 1});
        ImGui::EndDisabled();
        ImGui::PopID();
    }
    if (!b.url.empty() && ui::link(("url-" + key).c_str(), dp::ui_text(dp::UiText::open_link, c.p.loc) + "：" + b.url, 15))
        c.p.out.push_back(OpenExternal{b.url});
}

void callout(ResultCtx& c, const dp::CalloutBlock& b) {
    const float pad = px(12);
    const float th = ui::text_block_height(b.text, 16, c.p.inner - 2 * pad);
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddRectFilled(
        p0, ImVec2(p0.x + c.p.inner, p0.y + th + 2 * pad),
        b.tone == dp::CalloutBlock::Tone::warning ? IM_COL32(255, 243, 224, 255) : IM_COL32(232, 242, 253, 255), px(10));
    ImGui::SetCursorScreenPos(ImVec2(p0.x + pad, p0.y + pad));
    ui::text_block(b.text, 16, ui::theme::kText, c.p.inner - 2 * pad);
    ImGui::SetCursorScreenPos(ImVec2(p0.x, p0.y + th + 2 * pad));
    ImGui::Dummy(ImVec2(c.p.inner, px(2)));
}

void faq(ResultCtx& c, const dp::FaqBlock& b) {
    const std::string key = c.p.m.route.guide_id + "/" + std::to_string(c.faq_index++);
    const bool open = c.p.m.open_faq.count(key) > 0;
    if (ui::item_card(("faq-" + key).c_str(), (open ? "▾ " : "▸ ") + b.question, "", c.p.inner))
        c.p.out.push_back(ToggleFaq{key});
    if (open) ui::text_block(b.answer, 16, ui::theme::kText, c.p.inner);
}

void related(ResultCtx& c, const dp::RelatedBlock& b) {
    ui::text_block(b.label, 15, ui::theme::muted(), c.p.inner);
    for (auto& r : b.items) {
        if (!r.known) {
            ui::text_block(r.name, 16, ui::theme::kText, c.p.inner);
            continue;
        }
        if (ui::item_card(("rel-" + r.id).c_str(), r.name, "", c.p.inner)) {
            c.p.out.push_back(Navigate{guide_route(c.p.m, r.id)});
        }
    }
}

// Everything worth reading aloud on the result page: title, materials, steps.
std::string spoken_text(const dp::RenderDoc& doc) {
    std::string s = doc.title + "。";
    for (auto& b : doc.blocks) {
        if (auto* m = std::get_if<dp::MaterialBlock>(&b)) s += m->name + "，" + m->quantity + "。";
        if (auto* h = std::get_if<dp::HeadingBlock>(&b); h && h->level == 2) s += h->text + "：";
    }
    return s;
}

// The result page leads with what to bring: the title, then the checklist, then the
// resident's answers, then the rest; "who can apply" was on the intro page.
std::vector<const dp::Block*> result_order(const dp::RenderDoc& doc) {
    std::vector<std::vector<const dp::Block*>> sections(1);
    std::vector<std::string> anchors(1);
    for (auto& b : doc.blocks) {
        if (auto* h = std::get_if<dp::HeadingBlock>(&b); h && h->level == 2) {
            sections.emplace_back();
            anchors.push_back(h->anchor);
        }
        sections.back().push_back(&b);
    }
    std::vector<const dp::Block*> out = sections[0];
    for (const char* first : {"materials", "situation"})
        for (size_t i = 1; i < sections.size(); ++i)
            if (anchors[i] == first) out.insert(out.end(), sections[i].begin(), sections[i].end());
    for (size_t i = 1; i < sections.size(); ++i)
        if (anchors[i] != "materials" && anchors[i] != "situation" && anchors[i] != "who")
            out.insert(out.end(), sections[i].begin(), sections[i].end());
    return out;
}

void draw_result(Page& p, const dp::Catalogue& cat) {
    auto doc = dp::render_guide(cat, p.m.route.guide_id, p.m.route.answers, p.loc);
    if (ui::top_bar(tr(Str::prev_step, p.loc).c_str(), doc ? doc->title : "", p.width)) p.out.push_back(Back{});
    if (!doc) return;
    ImGui::Dummy(ImVec2(0, px(12)));
    ImGui::SetCursorPosX(p.pad);
    ImGui::BeginGroup();
    ResultCtx c{p, *doc};
    int materials = 0, gathered = 0;
    auto ticks = p.m.ticks.find(p.m.route.guide_id);
    for (auto& b : doc->blocks)
        if (auto* m = std::get_if<dp::MaterialBlock>(&b)) {
            ++materials;
            if (ticks != p.m.ticks.end() && ticks->second.count(m->id)) ++gathered;
        }
    for (const dp::Block* bp : result_order(*doc)) {
        const dp::Block& b = *bp;
        std::visit(
            [&](auto&& x) {
                using T = std::decay_t<decltype(x)>;
                if constexpr (std::is_same_v<T, dp::HeadingBlock>) {
                    heading(c, x);
                    if (x.anchor == "materials" && materials > 0) {
                        ui::text_block(tr_n(Str::gathered_n, p.loc, gathered) + " / " + std::to_string(materials) + "　" +
                                           tr(Str::tick_hint, p.loc),
                                       14, ui::theme::muted(), p.inner);
                    }
                } else if constexpr (std::is_same_v<T, dp::ParagraphBlock>) paragraph(c, x);
                else if constexpr (std::is_same_v<T, dp::SituationBlock>) situation(c, x);
                else if constexpr (std::is_same_v<T, dp::MaterialBlock>) material(c, x);
                else if constexpr (std::is_same_v<T, dp::StepperBlock>) stepper(c, x);
                else if constexpr (std::is_same_v<T, dp::CalloutBlock>) callout(c, x);
                else if constexpr (std::is_same_v<T, dp::LinkBlock>) {
                    if (ui::link(x.url.c_str(), x.label)) p.out.push_back(OpenExternal{x.url});
                } else if constexpr (std::is_same_v<T, dp::FactBlock>) {
                    ui::text_block(x.label + "：" + x.value, 17, ui::theme::kText, p.inner);
                } else if constexpr (std::is_same_v<T, dp::FaqBlock>) faq(c, x);
                else if constexpr (std::is_same_v<T, dp::RelatedBlock>) related(c, x);
            },
            b);
    }
    ImGui::Dummy(ImVec2(0, px(12)));
    // 找人帮我办 for this item, with these answers (预审 lists exactly these materials).
    if (ui::item_card("help", tr(Str::help_open, p.loc), tr(Str::help_open_detail, p.loc), p.inner)) {
        dp::ResidentRoute r = route_to(p.m, dp::ResidentPage::help_menu);
        r.item_id = p.m.route.guide_id;
        p.out.push_back(Navigate{r});
    }
    ImGui::Dummy(ImVec2(0, px(8)));
    if (ui::secondary_button(tr(Str::read_aloud, p.loc).c_str(), p.inner)) p.out.push_back(ReadAloud{spoken_text(*doc)});
    ImGui::Dummy(ImVec2(0, px(4)));
    std::string query;
    for (auto& [q, opts] : p.m.route.answers)
        for (auto& o : opts) query += "&" + dp::url_encode(q) + "=" + dp::url_encode(o);
    if (ui::link("text", tr(Str::text_version, p.loc)))
        p.out.push_back(OpenExternal{"/guide/" + dp::url_encode(p.m.route.guide_id) + "?lang=" + dp::locale_tag(p.loc) + query});
    // Shares this result with these answers: whoever opens it sees the same checklist.
    if (ui::link("share", tr(Str::share, p.loc))) p.out.push_back(Share{doc->title, dp::resident_url(p.m.route)});
    ImGui::EndGroup();
}

}  // namespace

void draw_guide(Page& p) {
    const std::string& id = p.m.route.guide_id;
    auto it = p.m.guides.find(id);
    if (it == p.m.guides.end() || it->second.state == Load::loading || it->second.state == Load::idle) {
        if (ui::top_bar(tr(Str::back, p.loc).c_str(), tr(Str::app_title, p.loc), p.width)) p.out.push_back(Back{});
        draw_message(p, tr(Str::loading_guide, p.loc), "", false);
        return;
    }
    if (it->second.state == Load::failed) {
        if (ui::top_bar(tr(Str::back, p.loc).c_str(), tr(Str::app_title, p.loc), p.width)) p.out.push_back(Back{});
        draw_message(p, tr(Str::guide_failed, p.loc), it->second.error, true);
        return;
    }
    const dp::Catalogue& cat = *it->second.catalogue;
    const auto w = dp::walk_guide(cat, id, p.m.route.answers, p.loc);
    if (!w.found) {
        draw_message(p, tr(Str::not_found, p.loc), tr(Str::not_found_detail, p.loc), false);
        return;
    }
    switch (p.m.route.page) {
        case dp::ResidentPage::guide_intro: draw_intro(p, w); break;
        case dp::ResidentPage::guide_question: draw_question(p, w); break;
        default: draw_result(p, cat); break;
    }
}

}  // namespace resident
