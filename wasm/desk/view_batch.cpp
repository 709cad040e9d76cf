// Batch proxy (case 4): paste or choose a CSV of many people, check it, and see the per-person
// validation report; then create one proxy case per valid row.
#include <imgui.h>

#include "desk_widgets.hpp"
#include "theme.hpp"
#include "view.hpp"
#include "widgets.hpp"

namespace desk {

using ui::px;

void draw_batch(Ctx& c, float width, float height) {
    const Model& m = c.m;
    const float content =
        begin_page("batch", "批量代办",
                   "一家单位或一位帮办员为多人代办同一事项：粘贴或选择 CSV 文件（第一行为表头：姓名,身份证号码,手机号码,门牌码，"
                   "可选 住址,取件方式,邮寄地址），先检查，再提交。每一行单独校验，有错的行不影响其他行。",
                   width, height);
    begin_card("batch-input", content);
    const float inner = content - px(32);
    section_title("事项编号");
    text_field("batch-item", "例如 resident-id-card", draft(c.vs, "batch-item"), std::min(inner, px(360)), px(34));
    section_title(m.batch_file_name.empty() ? "CSV 内容" : "CSV 内容（来自文件 " + m.batch_file_name + "）");
    text_field("batch-csv", "姓名,身份证号码,手机号码,门牌码\n张三,350583199001011234,13800138000,H5GYFKJ", draft(c.vs, "batch-csv"),
               inner, px(180), "text", true, false);
    const bool busy = m.batch_state == Load::loading;
    if (button("batch-choose", "选择 CSV 文件…", ButtonStyle::quiet, !busy)) c.out.push_back(ChooseCsv{});
    ImGui::SameLine(0, px(8));
    if (button("batch-check", "检查", ButtonStyle::secondary, !busy))
        c.out.push_back(BatchCheck{draft(c.vs, "batch-item"), draft(c.vs, "batch-csv"), true});
    ImGui::SameLine(0, px(8));
    if (button("batch-submit", "提交并创建代办案件", ButtonStyle::primary, !busy))
        c.out.push_back(BatchCheck{draft(c.vs, "batch-item"), draft(c.vs, "batch-csv"), false});
    if (busy) {
        ImGui::SameLine(0, px(12));
        label("正在检查…", 14, ui::theme::kTextMuted);
    }
    if (!m.batch_error.empty()) ui::text_block(m.batch_error, 14, ui::theme::kPrimary, inner);
    end_card();

    if (m.batch_state == Load::ready) {
        const BatchResult& b = m.batch;
        begin_card("batch-report", content);
        label(b.dry_run ? "检查结果（未创建）" : "提交结果", 17, ui::theme::kText);
        label("共 " + std::to_string(b.rows) + " 人：合格 " + std::to_string(b.valid) + " 人，有问题 " +
                  std::to_string(b.invalid) + " 人",
              15, b.invalid ? IM_COL32(170, 95, 0, 255) : ui::theme::kSuccess);
        if (!b.report.empty()) {
            ImGui::Dummy(ImVec2(0, px(4)));
            // One line per problem: row, field, the validator's message.
            const float x0 = ImGui::GetCursorPosX();
            const float msg_w = inner - px(230);
            section_title("行号");
            ImGui::SameLine(x0 + px(80));
            section_title("项目");
            ImGui::SameLine(x0 + px(230));
            section_title("问题");
            for (auto& r : b.report) {
                const ImVec2 p = ImGui::GetCursorScreenPos();
                ImGui::GetWindowDrawList()->AddLine(p, ImVec2(p.x + inner, p.y), ui::theme::kCardBorder, px(1));
                ImGui::Dummy(ImVec2(0, px(2)));
                const float y = ImGui::GetCursorPosY();
                label("第 " + std::to_string(r.row) + " 行", 14, ui::theme::kText);
                ImGui::SetCursorPos(ImVec2(x0 + px(80), y));
                label(r.label.empty() ? r.field : r.label, 14, ui::theme::kText);
                ImGui::SetCursorPos(ImVec2(x0 + px(230), y));
                ui::text_block(r.message, 14, ui::theme::kPrimary, msg_w);
            }
        }
        if (!b.created.empty()) {
            ImGui::Dummy(ImVec2(0, px(4)));
            section_title("已创建的代办案件（已分派给您）");
            for (auto& cr : b.created) {
                if (button("created-" + std::to_string(cr.id), "第 " + std::to_string(cr.row) + " 行 · " + cr.number,
                           ButtonStyle::quiet))
                    c.out.push_back(Navigate{Route{Page::queue, cr.id}});
            }
        }
        end_card();
    }
    end_page();
}

}  // namespace desk
