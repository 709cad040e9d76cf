// The help app's forms: the 代办 form (checked as the resident types, with the shared
// validators) and its agreement with a drawn signature; 预审 with a sample beside each
// material's upload; 问一问's first question; 视频帮办's slots.
#include <imgui.h>

#include <cmath>

#include "help_forms.hpp"
#include "help_view.hpp"
#include "platform.hpp"
#include "strings.hpp"
#include "strings_help.hpp"
#include "theme.hpp"
#include "widgets.hpp"

namespace help {

using ui::px;

namespace {

std::string value_of(const HelpModel& m, const std::string& field) {
    auto it = m.proxy.values.find(field);
    return it == m.proxy.values.end() ? "" : it->second;
}

// Name and phone: every request needs a way to reach the resident.
bool contact_fields(Page& p, const dp::FormResult& check) {
    form_field(p, "f-name", tr(HelpStr::f_name, p.loc), value_of(p.m, "name"), field_message(p.m.proxy, check, "name"));
    form_field(p, "f-phone", tr(HelpStr::f_phone, p.loc), value_of(p.m, "phone"), field_message(p.m.proxy, check, "phone"),
               "tel");
    for (auto& e : check.errors)
        if (e.field == "name" || e.field == "phone") return false;
    return true;
}

std::string guide_title(const HelpModel& m) { return item_name(m, m.route.item_id); }

}  // namespace

// ---- 代办 form ----

void draw_proxy_form(Page& p) {
    const dp::FormResult check = check_proxy_form(p.m.proxy, today_in_china());
    ui::text_block(tr(HelpStr::proxy, p.loc) + " · " + guide_title(p.m), 22, ui::theme::kText, p.inner);
    ui::text_block(tr(HelpStr::proxy_form_intro, p.loc), 16, ui::theme::muted(), p.inner);
    ImGui::Dummy(ImVec2(0, px(8)));
    // The summary at the top: every problem once the resident tried to go on, or the server's.
    std::vector<std::string> lines;
    if (p.m.proxy.submit_tried)
        for (auto& s : check.summary) lines.push_back(s.text);
    if (lines.empty())
        for (auto& [f, msg] : p.m.proxy.server_errors) lines.push_back(msg);
    error_summary(p, lines);

    form_field(p, "f-name", tr(HelpStr::f_name, p.loc), value_of(p.m, "name"), field_message(p.m.proxy, check, "name"));
    form_field(p, "f-id_number", tr(HelpStr::f_id_number, p.loc), value_of(p.m, "id_number"),
               field_message(p.m.proxy, check, "id_number"), "text", tr(HelpStr::f_id_hint, p.loc));
    form_field(p, "f-phone", tr(HelpStr::f_phone, p.loc), value_of(p.m, "phone"), field_message(p.m.proxy, check, "phone"),
               "tel");
    form_field(p, "f-address", tr(HelpStr::f_address, p.loc), value_of(p.m, "address"),
               field_message(p.m.proxy, check, "address"));
    ui::text_block(tr(HelpStr::f_handover, p.loc), 16, ui::theme::kText, p.inner);
    const bool delivery = value_of(p.m, "handover") == "delivery";
    if (ui::option_card("handover-pickup", tr(HelpStr::pickup, p.loc), !delivery, false, p.inner))
        p.out.push_back(EditField{"handover", "pickup"});
    ImGui::Dummy(ImVec2(0, px(2)));
    if (ui::option_card("handover-delivery", tr(HelpStr::delivery, p.loc), delivery, false, p.inner))
        p.out.push_back(EditField{"handover", "delivery"});
    ImGui::Dummy(ImVec2(0, px(8)));
    if (delivery)
        form_field(p, "f-delivery_address", tr(HelpStr::f_delivery_address, p.loc), value_of(p.m, "delivery_address"),
                   field_message(p.m.proxy, check, "delivery_address"));
    ImGui::Dummy(ImVec2(0, px(8)));
    if (ui::primary_button(tr(HelpStr::next_sign, p.loc).c_str(), p.inner)) {
        platform::blur_text_fields();
        p.out.push_back(GoToSign{});
    }
}

// ---- the agreement, signature and consent ----

// The agreement as the server will word it (shared/help_forms); the request number is filled in
// when the server has numbered the request.
std::string agreement_text(const HelpModel& m) {
    dp::ProxyAgreementInput in;
    in.request_number = tr(HelpStr::number_after_submit, m.locale);
    in.item_name = item_name(m, m.route.item_id);
    in.town_name = m.landing.doorplate.address.town;
    const dp::FormResult r = check_proxy_form(m.proxy, today_in_china());
    in.fields = r.normalized;
    return dp::proxy_agreement_text(in);
}

void draw_proxy_sign(Page& p) {
    ui::text_block(tr(HelpStr::agreement, p.loc), 22, ui::theme::kText, p.inner);
    // The agreement text, on a card.
    {
        const ImVec2 p0 = ImGui::GetCursorScreenPos();
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->ChannelsSplit(2);
        dl->ChannelsSetCurrent(1);
        ImGui::SetCursorScreenPos(ImVec2(p0.x + px(14), p0.y + px(12)));
        ImGui::BeginGroup();
        ui::text_block(agreement_text(p.m), 17, ui::theme::kText, p.inner - px(28));
        ImGui::EndGroup();
        const float bottom = ImGui::GetItemRectMax().y + px(12);
        ui::register_hit("agreement-text", p0.x, p0.y, p0.x + p.inner, bottom);
        dl->ChannelsSetCurrent(0);
        dl->AddRectFilled(p0, ImVec2(p0.x + p.inner, bottom), ui::theme::kCard, px(12));
        dl->AddRect(p0, ImVec2(p0.x + p.inner, bottom), ui::theme::border(), px(12), 0, px(1));
        dl->ChannelsMerge();
        ImGui::SetCursorScreenPos(ImVec2(p0.x, bottom + px(12)));
        ImGui::Dummy(ImVec2(p.inner, 0));
    }
    ui::text_block(tr(HelpStr::sign_here, p.loc), 18, ui::theme::kText, p.inner);
    // The signature pad: a finger draws; points are kept in 0–1 of the pad.
    const float h = std::round(p.inner * 0.4f);
    const ImVec2 a = ImGui::GetCursorScreenPos(), b(a.x + p.inner, a.y + h);
    ImGui::InvisibleButton("signature-pad", ImVec2(p.inner, h));
    ui::register_hit("signature-pad", a.x, a.y, b.x, b.y);
    p.vs.pad_x0 = a.x;
    p.vs.pad_y0 = a.y;
    p.vs.pad_x1 = b.x;
    p.vs.pad_y1 = b.y;
    if (ImGui::IsItemActive()) {
        const ImVec2 mp = ImGui::GetIO().MousePos;
        const float nx = std::clamp((mp.x - a.x) / p.inner, 0.0f, 1.0f), ny = std::clamp((mp.y - a.y) / h, 0.0f, 1.0f);
        const auto& strokes = p.m.signature.strokes;
        const bool start = ImGui::IsItemActivated();
        bool moved = true;
        if (!start && !strokes.empty() && strokes.back().size() >= 2) {
            const float dx = (nx - strokes.back()[strokes.back().size() - 2]) * p.inner;
            const float dy = (ny - strokes.back().back()) * h;
            moved = dx * dx + dy * dy >= px(2) * px(2);
        }
        if (start || moved) p.out.push_back(AddStrokePoint{nx, ny, start});
    }
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(a, b, IM_COL32(255, 255, 255, 255), px(10));
    dl->AddRect(a, b, ui::theme::border(), px(10), 0, px(1.5f));
    dl->AddLine(ImVec2(a.x + px(16), b.y - px(36)), ImVec2(b.x - px(16), b.y - px(36)), IM_COL32(200, 205, 214, 255), px(1));
    if (p.m.signature.strokes.empty()) {
        ImGui::PushFont(nullptr, 16);
        const std::string hint = tr(HelpStr::sign_hint, p.loc);
        const ImVec2 ts = ImGui::CalcTextSize(hint.c_str());
        dl->AddText(ImVec2((a.x + b.x - ts.x) * 0.5f, (a.y + b.y - ts.y) * 0.5f), IM_COL32(160, 166, 176, 255), hint.c_str());
        ImGui::PopFont();
    }
    std::vector<ImVec2> pts;
    for (auto& s : p.m.signature.strokes) {
        pts.clear();
        for (size_t i = 0; i + 1 < s.size(); i += 2) pts.emplace_back(a.x + s[i] * p.inner, a.y + s[i + 1] * h);
        if (pts.size() == 1) dl->AddCircleFilled(pts[0], px(2), IM_COL32(17, 17, 17, 255));
        else dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), IM_COL32(17, 17, 17, 255), 0, px(3));
    }
    ImGui::Dummy(ImVec2(0, px(8)));
    const float third = (p.inner - px(16)) / 3;
    ImGui::BeginDisabled(p.m.signature.strokes.empty());
    if (ui::secondary_button(tr(HelpStr::clear, p.loc).c_str(), third)) p.out.push_back(ClearSignature{});
    ImGui::SameLine(0, px(8));
    if (ui::secondary_button(tr(HelpStr::undo, p.loc).c_str(), third)) p.out.push_back(UndoStroke{});
    ImGui::EndDisabled();
    ImGui::SameLine(0, px(8));
    ImGui::BeginDisabled(p.m.signature.undone.empty());
    if (ui::secondary_button(tr(HelpStr::redo, p.loc).c_str(), third)) p.out.push_back(RedoStroke{});
    ImGui::EndDisabled();
    ImGui::Dummy(ImVec2(0, px(10)));
    if (ui::check_row("consent", tr(HelpStr::consent, p.loc), "", p.m.signature.consent, p.inner))
        p.out.push_back(SetConsent{!p.m.signature.consent});
    ImGui::Dummy(ImVec2(0, px(8)));
    if (p.m.signature.strokes.empty() || !p.m.signature.consent)
        ui::text_block(tr(HelpStr::sign_and_consent, p.loc), 15, ui::theme::muted(), p.inner);
    error_text(p, p.m.submit_error);
    if (p.m.submitting) {
        ui::text_block(tr(HelpStr::submitting, p.loc), 17, ui::theme::kAccent, p.inner);
        ui::text_block(tr(HelpStr::waiting_detail, p.loc), 15, ui::theme::muted(), p.inner);
    }
    ImGui::BeginDisabled(p.m.signature.strokes.empty() || !p.m.signature.consent || p.m.submitting);
    if (ui::primary_button(tr(HelpStr::sign_submit, p.loc).c_str(), p.inner)) p.out.push_back(SubmitProxy{});
    ImGui::EndDisabled();
}

// ---- 预审 ----

void draw_prereview(Page& p) {
    ui::text_block(tr(HelpStr::prereview, p.loc) + " · " + guide_title(p.m), 22, ui::theme::kText, p.inner);
    ui::text_block(tr(HelpStr::prereview_intro, p.loc), 16, ui::theme::muted(), p.inner);
    const dp::FormResult check = check_proxy_form(p.m.proxy, today_in_china());
    const bool contact_ok = contact_fields(p, check);
    const dp::Catalogue* c = item_catalogue(p.m, p.m.route.item_id);
    if (!c) {
        ui::text_block(tr(HelpStr::loading, p.loc), 16, ui::theme::muted(), p.inner);
        return;
    }
    auto doc = dp::render_guide(*c, p.m.route.item_id, p.m.route.answers, p.loc);
    int picked = 0;
    if (doc)
        for (auto& block : doc->blocks)
            if (auto* mat = std::get_if<dp::MaterialBlock>(&block)) {
                ImGui::Dummy(ImVec2(0, px(6)));
                auto it = p.m.picked.find("new/" + mat->id);
                const std::string blob = it == p.m.picked.end() ? "" : it->second;
                if (!blob.empty()) ++picked;
                material_upload(p, "new", mat->id, mat->name, mat->sample, blob);
                ImGui::GetWindowDrawList()->AddLine(ImGui::GetCursorScreenPos(),
                                                    ImVec2(ImGui::GetCursorScreenPos().x + p.inner, ImGui::GetCursorScreenPos().y),
                                                    ui::theme::border(), px(1));
            }
    ImGui::Dummy(ImVec2(0, px(8)));
    error_text(p, p.m.submit_error);
    if (picked == 0) ui::text_block(tr(HelpStr::pick_one, p.loc), 15, ui::theme::muted(), p.inner);
    ImGui::BeginDisabled(picked == 0 || !contact_ok);
    if (ui::primary_button(tr(HelpStr::submit_prereview, p.loc).c_str(), p.inner)) p.out.push_back(SubmitPrereview{});
    ImGui::EndDisabled();
}

// ---- 问一问 ----

void draw_ask(Page& p) {
    ui::text_block(tr(HelpStr::ask, p.loc) + (p.m.route.item_id.empty() ? "" : " · " + guide_title(p.m)), 22,
                   ui::theme::kText, p.inner);
    ui::text_block(tr(HelpStr::ask_intro, p.loc), 16, ui::theme::muted(), p.inner);
    const dp::FormResult check = check_proxy_form(p.m.proxy, today_in_china());
    const bool contact_ok = contact_fields(p, check);
    form_field(p, "question", tr(HelpStr::your_question, p.loc), p.m.question_text, "", "text",
               tr(HelpStr::message_placeholder, p.loc));
    error_text(p, p.m.submit_error);
    const bool empty = p.m.question_text.find_first_not_of(' ') == std::string::npos;
    ImGui::BeginDisabled(empty || !contact_ok || p.m.route.item_id.empty());
    if (ui::primary_button(tr(HelpStr::send, p.loc).c_str(), p.inner)) p.out.push_back(SubmitQuestion{});
    ImGui::EndDisabled();
    if (p.m.route.item_id.empty()) ui::text_block(tr(HelpStr::which_item, p.loc), 15, ui::theme::muted(), p.inner);
}

// ---- 视频帮办 ----

void draw_video(Page& p) {
    ui::text_block(tr(HelpStr::video, p.loc) + " · " + guide_title(p.m), 22, ui::theme::kText, p.inner);
    ui::text_block(tr(HelpStr::video_intro, p.loc), 16, ui::theme::muted(), p.inner);
    const dp::FormResult check = check_proxy_form(p.m.proxy, today_in_china());
    const bool contact_ok = contact_fields(p, check);
    section(p, tr(HelpStr::pick_slot, p.loc));
    if (p.m.slots_state == Load::failed) error_text(p, tr(HelpStr::slots_failed, p.loc));
    else if (p.m.slots_state != Load::ready) ui::text_block(tr(HelpStr::loading, p.loc), 16, ui::theme::muted(), p.inner);
    const size_t max = p.m.elder ? 6 : 12;
    for (size_t i = 0; i < p.m.slots.size() && i < max; ++i) {
        auto& [at, label] = p.m.slots[i];
        if (ui::option_card(("slot-" + std::to_string(i)).c_str(), label, p.m.video_slot == at, false, p.inner))
            p.out.push_back(ChooseSlot{at});
        ImGui::Dummy(ImVec2(0, px(2)));
    }
    error_text(p, p.m.submit_error);
    ImGui::BeginDisabled(p.m.video_slot == 0 || !contact_ok);
    if (ui::primary_button(tr(HelpStr::book_video, p.loc).c_str(), p.inner)) p.out.push_back(SubmitVideo{});
    ImGui::EndDisabled();
}

}  // namespace help
