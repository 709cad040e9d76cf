// 回访 (supervisors): requests rated 不满意 / 非常不满意 open a follow-up; the list by state, each
// with the rating, the resident's comment and a link to the request, closed with a note.
#include <imgui.h>

#include "desk_widgets.hpp"
#include "theme.hpp"
#include "view.hpp"
#include "widgets.hpp"

namespace desk {

using ui::px;

void draw_follow_ups(Ctx& c, float width, float height) {
    const Model& m = c.m;
    const float content = begin_page("follow-ups", "差评回访",
                                     "居民评价为“不满意”或“非常不满意”的申请，由督办主管回访居民、了解原因，处理后填写回访说明并办结。",
                                     width, height);
    const std::pair<const char*, const char*> filters[] = {{"open", "待回访"}, {"closed", "已办结"}, {"all", "全部"}};
    bool first = true;
    for (auto& [state, text] : filters) {
        if (!first) ImGui::SameLine(0, px(6));
        first = false;
        if (pill(std::string("follow-filter-") + state, text, 0, m.follow_filter == state, false))
            c.out.push_back(LoadFollowUps{state});
    }
    if (!m.follow_notice.empty()) ui::text_block(m.follow_notice, 14, ui::theme::kSuccess, content);
    if (!m.follow_error.empty() && c.vs.open_follow_up == 0) ui::text_block(m.follow_error, 14, ui::theme::kPrimary, content);
    if (m.follow_state == Load::loading && m.follow_ups.empty()) label("正在读取…", 14, ui::theme::kTextMuted);
    if (m.follow_state == Load::ready && m.follow_ups.empty())
        label(m.follow_filter == "open" ? "没有待回访的申请。" : "没有回访记录。", 14, ui::theme::kTextMuted);
    for (auto& f : m.follow_ups) {
        const std::string sid = std::to_string(f.id);
        begin_card(("follow-" + sid).c_str(), content);
        const float inner = content - px(32);
        const ImVec2 top = ImGui::GetCursorScreenPos();
        label(f.number, 16, ui::theme::kText);
        ImGui::SameLine(0, px(10));
        badge(f.label, IM_COL32_WHITE, ui::theme::kPrimary);
        ImGui::SameLine(0, px(10));
        badge(f.state == "open" ? "待回访" : "已办结", f.state == "open" ? IM_COL32(170, 95, 0, 255) : ui::theme::kSuccess,
              f.state == "open" ? IM_COL32(255, 244, 214, 255) : IM_COL32(228, 245, 233, 255));
        ImGui::SameLine(0, px(12));
        label("评价于 " + china_time(f.created_at), 13, ui::theme::kTextMuted);
        ui::register_hit("follow-row-" + f.number, top.x, top.y, top.x + inner, top.y + px(24));
        ui::text_block(f.comment.empty() ? "居民没有留言。" : "居民留言：" + f.comment, 14,
                       f.comment.empty() ? ui::theme::kTextMuted : ui::theme::kText, inner);
        if (f.state == "closed") {
            ui::text_block("回访说明：" + f.note + "（" + china_time(f.closed_at) + " 办结）", 14, ui::theme::kSuccess, inner);
        }
        if (button("follow-open-" + sid, "查看申请", ButtonStyle::quiet))
            c.out.push_back(Navigate{Route{Page::queue, f.request_id}});
        if (f.state == "open") {
            const bool open = c.vs.open_follow_up == f.id;
            if (!open) {
                ImGui::SameLine(0, px(8));
                if (button("follow-close-" + sid, "填写回访并办结", ButtonStyle::secondary, !m.follow_busy))
                    c.vs.open_follow_up = f.id;
            } else {
                if (!m.follow_error.empty()) ui::text_block(m.follow_error, 14, ui::theme::kPrimary, inner);
                const std::string field = "follow-note-" + sid;
                text_field(field, "回访说明，例如：已电话回访，居民反映等待时间长，已向窗口说明并致歉。", draft(c.vs, field), inner,
                           px(64), "text", true, false);
                if (button("follow-submit-" + sid, m.follow_busy ? "正在提交…" : "办结回访", ButtonStyle::primary, !m.follow_busy))
                    c.out.push_back(CloseFollowUp{f.id, draft(c.vs, field)});
                ImGui::SameLine(0, px(8));
                if (button("follow-cancel-" + sid, "取消", ButtonStyle::quiet)) c.vs.open_follow_up = 0;
            }
        }
        end_card();
        ImGui::Dummy(ImVec2(0, px(2)));
    }
    end_page();
}

}  // namespace desk
