// The open request: header with status and time limit, the resident's masked data with audited
// reveal, the lifecycle actions the caller may take now (with their forms), then the kind's own
// section (view_kinds.cpp) and the conversation.
#include <imgui.h>

#include "desk_widgets.hpp"
#include "theme.hpp"
#include "view.hpp"
#include "widgets.hpp"

namespace desk {

using ui::px;

namespace {

const char* kRevealReasons[] = {"回电联系申请人", "核对身份信息", "办理代办业务"};

void field_row(const std::string& name, const std::string& value, float label_w) {
    const float x = ImGui::GetCursorScreenPos().x;
    label(name, 14, ui::theme::kTextMuted);
    ImGui::SameLine(0, 0);
    ImGui::SetCursorScreenPos(ImVec2(x + label_w, ImGui::GetCursorScreenPos().y));
    label(value.empty() ? "—" : value, 14, ui::theme::kText);
}

// A masked value with 显示: the reason is chosen first; the clear value is shown after the audited call.
void personal_row(Ctx& c, const std::string& name, const std::string& field, const std::string& masked, float label_w,
                  float inner) {
    const float x = ImGui::GetCursorScreenPos().x;
    const float y = ImGui::GetCursorScreenPos().y;
    label(name, 14, ui::theme::kTextMuted);
    ImGui::SetCursorScreenPos(ImVec2(x + label_w, y));
    auto it = c.m.revealed.find(field);
    if (it != c.m.revealed.end()) {
        label(it->second, 14, ui::theme::kText);
        ImGui::SameLine(0, px(10));
        label("已显示，查看已记入审计日志", 12.5f, ui::theme::kTextMuted);
        return;
    }
    label(masked, 14, ui::theme::kText);
    ImGui::SameLine(0, px(12));
    ImGui::SetCursorScreenPos(ImVec2(ImGui::GetCursorScreenPos().x, y - px(6)));
    if (button("reveal-" + field, "显示", ButtonStyle::secondary, true, px(56)))
        c.vs.reveal_field = c.vs.reveal_field == field ? "" : field;
    if (c.vs.reveal_field != field) return;
    ImGui::SetCursorScreenPos(ImVec2(x + label_w, ImGui::GetCursorScreenPos().y));
    ImGui::BeginGroup();
    ui::text_block("查看完整信息会记入审计日志。请选择原因：", 13, ui::theme::kTextMuted, inner - label_w);
    for (int i = 0; i < 3; ++i) {
        if (i) ImGui::SameLine(0, px(6));
        if (button("reveal-reason-" + std::to_string(i), kRevealReasons[i], ButtonStyle::quiet))
            c.out.push_back(Reveal{field, kRevealReasons[i]});
    }
    ImGui::SameLine(0, px(6));
    if (button("reveal-cancel", "取消", ButtonStyle::quiet)) c.vs.reveal_field.clear();
    ImGui::EndGroup();
}

std::string agent_name(const Model& m, const std::string& id) {
    if (id.empty()) return "未分配";
    if (id == m.user.id) return (m.user.display_name.empty() ? m.user.username : m.user.display_name) + "（我）";
    for (auto& a : m.agents)
        if (a.id == id) return a.display_name.empty() ? a.username : a.display_name;
    return "帮办员 #" + id;
}

void header(Ctx& c, float inner) {
    const Detail& d = c.m.detail;
    const RequestRow& r = d.row;
    const float y = ImGui::GetCursorScreenPos().y;
    label(r.number, 22, ui::theme::kText);
    const float after = ImGui::GetCursorScreenPos().y;
    ImGui::SameLine(0, px(12));
    ImGui::SetCursorScreenPos(ImVec2(ImGui::GetCursorScreenPos().x, y + px(7)));
    badge(kind_label(r.kind), IM_COL32(60, 70, 84, 255), IM_COL32(236, 239, 244, 255));
    ImGui::SameLine(0, px(6));
    ImGui::SetCursorScreenPos(ImVec2(ImGui::GetCursorScreenPos().x, y + px(7)));
    const ImU32 sc = status_color(r.status);
    badge(r.status_label, sc, (sc & 0x00FFFFFF) | 0x1F000000);
    ImGui::SetCursorScreenPos(ImVec2(ImGui::GetCursorScreenPos().x, std::max(after, ImGui::GetCursorScreenPos().y)));
    label(r.item_name, 16, ui::theme::kText);
    // The time limit.
    const Clock& k = r.clock;
    std::string clock;
    if (k.stopped)
        clock = "已结束，用时 " + duration_text(k.elapsed) + "（时限 " + duration_text(k.limit) + "）";
    else if (k.paused)
        clock = "等待居民补件，计时暂停（已用 " + duration_text(k.elapsed) + "，时限 " + duration_text(k.limit) + "）";
    else if (k.limit > 0)
        clock = (k.remaining < 0 ? "已超时 " + duration_text(k.remaining) : "剩余 " + duration_text(k.remaining)) +
                "（时限 " + duration_text(k.limit) + "）";
    if (!clock.empty()) {
        light_dot(k.stopped ? "none" : r.light, 11);
        ImGui::SameLine(0, px(6));
        label(clock, 14, r.light == "red" && !k.stopped ? light_color("red") : ui::theme::kTextMuted);
    }
    (void)inner;
}

void person_card(Ctx& c, float width) {
    const RequestRow& r = c.m.detail.row;
    begin_card("person", width);
    const float inner = width - px(32), lw = px(96);
    section_title("申请人（个人信息已脱敏）");
    field_row("联系人", r.contact_name, lw);
    personal_row(c, "手机号码", "contact_phone", r.contact_phone, lw, inner);
    if (!r.id_number.empty()) personal_row(c, "身份证号码", "id_number", r.id_number, lw, inner);
    field_row("门牌码", r.doorplate_code, lw);
    field_row("提交时间", china_time(r.created_at), lw);
    field_row("办理人", agent_name(c.m, r.agent_id), lw);
    end_card();
}

void agent_choice(Ctx& c, float inner) {
    section_title("选择帮办员");
    float x0 = ImGui::GetCursorScreenPos().x, x = x0;
    bool any = false;
    for (auto& a : c.m.agents) {
        if (a.id == c.m.detail.row.agent_id) continue;
        const std::string name = a.display_name.empty() ? a.username : a.display_name;
        ImGui::PushFont(nullptr, 14);
        const float w = ImGui::CalcTextSize(name.c_str()).x + px(24);
        ImGui::PopFont();
        if (any && x + w <= x0 + inner) ImGui::SameLine(0, px(6));
        else x = x0;
        x += w + px(6);
        any = true;
        if (pill("agent-" + a.username, name, 0, c.vs.chosen_agent == a.id, false)) c.vs.chosen_agent = a.id;
    }
    if (!any) label("没有可选的帮办员", 13, ui::theme::kTextMuted);
}

void actions_card(Ctx& c, float width) {
    const Detail& d = c.m.detail;
    begin_card("actions", width);
    const float inner = width - px(32);
    section_title("办理");
    struct B {
        const char* action;
        const char* text;
        bool form;
    };
    const B buttons[] = {{"claim", "受理", false},          {"start", "开始办理", false},
                         {"request_supplement", "要求补件", true}, {"complete", "办结", true},
                         {"assign", "分派", true},           {"transfer", "转办", true}};
    bool any = false;
    for (auto& b : buttons) {
        if (!d.allows(b.action)) continue;
        if (any) ImGui::SameLine(0, px(8));
        any = true;
        const bool open = c.vs.open_form == b.action;
        const ButtonStyle style = std::string(b.action) == "request_supplement" ? ButtonStyle::danger
                                  : b.form && !open                        ? ButtonStyle::secondary
                                                                           : ButtonStyle::primary;
        if (button(std::string("action-") + b.action, b.text, style, !c.m.action_busy)) {
            if (b.form) c.vs.open_form = open ? "" : b.action;
            else c.out.push_back(LifecycleAction{b.action, "", "", ""});
        }
    }
    if (!any) label(c.m.detail.row.status == "completed" || c.m.detail.row.status == "rated" ||
                            c.m.detail.row.status == "withdrawn"
                        ? "这个申请已经结束。"
                        : "现在没有您可以做的办理操作（可能已由其他帮办员受理）。",
                    14, ui::theme::kTextMuted);
    const std::string& f = c.vs.open_form;
    if (!f.empty() && d.allows(f)) {
        ImGui::Dummy(ImVec2(0, px(2)));
        if (f == "request_supplement") {
            section_title("补件原因（居民会看到）");
            text_field("form-reason", "例如：身份证照片反光，看不清号码，请重新拍摄", draft(c.vs, "form-reason"), inner, px(64),
                       "text", true, false);
            if (button("submit-request_supplement", "发送补件要求", ButtonStyle::danger, !c.m.action_busy))
                c.out.push_back(LifecycleAction{"request_supplement", "", draft(c.vs, "form-reason"), ""});
        } else if (f == "complete") {
            section_title("办理结果（居民会看到）");
            text_field("form-result", "例如：已答复，居民可携带户口簿到溪美派出所办理", draft(c.vs, "form-result"), inner, px(64),
                       "text", true, false);
            if (button("submit-complete", "确认办结", ButtonStyle::primary, !c.m.action_busy))
                c.out.push_back(LifecycleAction{"complete", "", "", draft(c.vs, "form-result")});
        } else if (f == "assign" || f == "transfer") {
            agent_choice(c, inner);
            if (f == "transfer") {
                section_title("转办说明（选填）");
                text_field("form-transfer", "例如：涉及水头镇户籍，转水头镇办理", draft(c.vs, "form-transfer"), inner, px(36));
            }
            if (button("submit-" + f, f == "assign" ? "确认分派" : "确认转办", ButtonStyle::primary,
                       !c.m.action_busy && !c.vs.chosen_agent.empty()))
                c.out.push_back(LifecycleAction{f, c.vs.chosen_agent, f == "transfer" ? draft(c.vs, "form-transfer") : "", ""});
        }
    }
    if (!c.m.action_error.empty()) ui::text_block(c.m.action_error, 14, ui::theme::kPrimary, inner);
    if (!c.m.action_notice.empty()) ui::text_block(c.m.action_notice, 14, ui::theme::kSuccess, inner);
    if (!d.supplement_reason.empty() && d.row.status == "needs_supplement") {
        section_title("已要求补件");
        ui::text_block(d.supplement_reason, 14, ui::theme::kText, inner);
    }
    if (!d.result.empty()) {
        section_title("办理结果");
        ui::text_block(d.result, 14, ui::theme::kText, inner);
    }
    if (d.rating.is_object()) {
        section_title("居民评价");
        std::string t = d.rating.value("label", "") + (d.rating.value("comment", "").empty() ? "" : "：" + d.rating.value("comment", ""));
        ui::text_block(t, 14, d.follow_up ? ui::theme::kPrimary : ui::theme::kText, inner);
        if (d.follow_up) label("差评已转督办主管回访", 13, ui::theme::kPrimary);
    }
    end_card();
}

}  // namespace

void draw_detail_panel(Ctx& c, float width, float height) {
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    ImGui::BeginChild("detail", ImVec2(width, height), ImGuiChildFlags_None, ImGuiWindowFlags_NoBackground);
    const float pad = px(24);
    const float content = std::min(width - 2 * pad - px(10), px(920));
    ImGui::SetCursorPos(ImVec2(pad, px(18)));
    ImGui::BeginGroup();
    const Model& m = c.m;
    if (m.route.request_id == 0) {
        ImGui::Dummy(ImVec2(0, px(40)));
        label("从左侧列表选择一个申请", 18, ui::theme::kText);
        ui::text_block("新的申请会自动出现在列表里。红灯表示已超过办理时限，黄灯表示已用去四分之三的时限。", 14,
                       ui::theme::kTextMuted, content);
    } else if (m.detail_state == Load::failed) {
        label("打不开这个申请", 18, ui::theme::kText);
        ui::text_block(m.detail_error, 14, ui::theme::kTextMuted, content);
        if (button("retry", "重试", ButtonStyle::secondary)) c.out.push_back(Reload{});
    } else if (m.detail_state != Load::ready || m.detail.row.id != m.route.request_id) {
        label("正在读取…", 15, ui::theme::kTextMuted);
    } else {
        header(c, content);
        ImGui::Dummy(ImVec2(0, px(4)));
        const bool wide = content >= px(760);
        const float col = wide ? (content - px(16)) * 0.5f : content;
        const float y0 = ImGui::GetCursorPosY();
        person_card(c, col);
        if (wide) {
            const float y1 = ImGui::GetCursorPosY();
            ImGui::SetCursorPos(ImVec2(pad + col + px(16), y0));
            actions_card(c, col);
            ImGui::SetCursorPosY(std::max(y1, ImGui::GetCursorPosY()));
        } else {
            actions_card(c, col);
        }
        draw_kind_section(c, content);
        draw_conversation(c, content);
        ImGui::Dummy(ImVec2(0, px(24)));
    }
    ImGui::EndGroup();
    ImGui::EndChild();
    (void)p0;
}

}  // namespace desk
