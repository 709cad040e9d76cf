// Resident app screens: the doorplate landing (address, popular items), loading and error.
#include "view.hpp"

#include <imgui.h>

#include "theme.hpp"
#include "widgets.hpp"

namespace resident {
namespace {

using ui::px;

void begin_page(const ui::FrameInfo& f) {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(f.width, f.height));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::Begin("page", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus);
    ImGui::PopStyleVar();
}

// The red band at the top with the doorplate's address.
void draw_header(const dp::Landing& l, float width) {
    const float pad = px(20);
    const float inner = width - 2 * pad;
    const std::string place = l.doorplate.address.town + " · " + l.doorplate.address.village;
    const std::string street = l.doorplate.address.road + l.doorplate.address.number + l.doorplate.address.building;
    const float h = pad + ui::text_block_height("数字政务门牌", 14, inner) + ui::text_block_height(street, 26, inner) +
                    ui::text_block_height(place, 16, inner) + pad;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    dl->AddRectFilled(p0, ImVec2(p0.x + width, p0.y + h), ui::theme::kPrimary);
    ImGui::SetCursorScreenPos(ImVec2(p0.x + pad, p0.y + pad));
    ImGui::BeginGroup();
    ui::text_block("数字政务门牌 · " + l.doorplate.address.county, 14, IM_COL32(255, 225, 228, 255), inner);
    ui::text_block(street, 26, IM_COL32_WHITE, inner);
    ui::text_block(place, 16, IM_COL32(255, 240, 241, 255), inner);
    ImGui::EndGroup();
    ImGui::SetCursorScreenPos(ImVec2(p0.x, p0.y + h + px(16)));
}

void draw_landing(const Model& m, std::vector<Action>& out, float width) {
    draw_header(m.landing, width);
    const float pad = px(16);
    ImGui::SetCursorPosX(pad);
    ImGui::BeginGroup();
    const float inner = width - 2 * pad;
    ui::text_block("这里的居民常办", 20, ui::theme::kText, inner);
    ImGui::Dummy(ImVec2(0, px(2)));
    ImGui::PushItemWidth(inner);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, px(12)));
    for (auto& item : m.landing.popular_items) {
        if (ui::item_card(item.id.c_str(), item.plain_name, item.name, inner)) out.push_back(OpenItem{item.id});
    }
    if (m.landing.popular_items.empty())
        ui::text_block("事项目录正在整理中，请稍后再来看看。", 16, ui::theme::kTextMuted, inner);
    ImGui::PopStyleVar();
    ImGui::PopItemWidth();
    ImGui::Dummy(ImVec2(0, px(24)));
    ImGui::EndGroup();
}

void draw_message(const char* title, const std::string& detail, float width, bool retry, std::vector<Action>& out) {
    const float pad = px(24);
    ImGui::SetCursorPos(ImVec2(pad, px(96)));
    ImGui::BeginGroup();
    ui::text_block(title, 22, ui::theme::kText, width - 2 * pad);
    ImGui::Dummy(ImVec2(0, px(6)));
    ui::text_block(detail, 16, ui::theme::kTextMuted, width - 2 * pad);
    if (retry) {
        ImGui::Dummy(ImVec2(0, px(16)));
        if (ui::primary_button("重新加载", width - 2 * pad)) out.push_back(Retry{});
    }
    ImGui::EndGroup();
}

}  // namespace

std::vector<Action> draw(const Model& m, ViewState&, const ui::FrameInfo& f) {
    std::vector<Action> out;
    begin_page(f);
    switch (m.status) {
        case Status::loading: draw_message("正在读取门牌信息…", "请稍候。", f.width, false, out); break;
        case Status::error: draw_message(m.error_title.c_str(), m.error_detail, f.width, true, out); break;
        case Status::ready: draw_landing(m, out, f.width); break;
    }
    ImGui::End();
    return out;
}

}  // namespace resident
