// The queue panel: traffic lights per area, counts by status as tabs, kind and light filters,
// and the list of requests (masked name and phone, age, time-limit light); a click opens one.
#include <imgui.h>

#include "desk_widgets.hpp"
#include "theme.hpp"
#include "view.hpp"
#include "widgets.hpp"

namespace desk {

using ui::px;

namespace {

void area_lights(Ctx& c, float inner) {
    const bool sup = c.m.user.supervisor();
    section_title(sup ? "各镇街办理情况（办理中申请的时限灯）" : "本辖区办理情况");
    for (auto& a : c.m.areas) {
        const ImVec2 p0 = ImGui::GetCursorScreenPos();
        const float h = px(28);
        const bool selected = !c.m.area_filter.empty() && c.m.area_filter == a.area_id;
        ImGui::PushID(a.area_id.c_str());
        const bool clicked = sup && ImGui::InvisibleButton("area", ImVec2(inner, h));
        if (!sup) ImGui::Dummy(ImVec2(inner, h));
        ImGui::PopID();
        if (sup) ui::register_hit("area-" + a.area_id, p0.x, p0.y, p0.x + inner, p0.y + h);
        if (clicked) c.out.push_back(SetFilter{c.m.status_filter, c.m.kind_filter, selected ? "" : a.area_id, c.m.light_filter});
        if (selected)
            ImGui::GetWindowDrawList()->AddRectFilled(p0, ImVec2(p0.x + inner, p0.y + h), IM_COL32(232, 241, 253, 255), px(4));
        ImGui::SetCursorScreenPos(ImVec2(p0.x + px(6), p0.y + px(4)));
        label(a.area_name.empty() ? a.area_id : a.area_name, 14, ui::theme::kText);
        float x = p0.x + inner - px(210);
        for (const char* l : {"green", "yellow", "red"}) {
            ImGui::SetCursorScreenPos(ImVec2(x, p0.y + px(4)));
            light_dot(l, 9);
            ImGui::SameLine(0, px(4));
            auto it = a.lights.find(l);
            label(std::to_string(it == a.lights.end() ? 0 : it->second), 14, ui::theme::kText);
            x += px(44);
        }
        ImGui::SetCursorScreenPos(ImVec2(x + px(4), p0.y + px(4)));
        label("共 " + std::to_string(a.open), 13, ui::theme::kTextMuted);
        ImGui::SetCursorScreenPos(ImVec2(p0.x, p0.y + h));
    }
    if (c.m.areas.empty()) label("暂无办理中的申请", 13, ui::theme::kTextMuted);
}

// Pills laid out in rows within `inner`.
struct PillFlow {
    float x0, inner, x;
    bool first = true;
    void next(float w) {
        if (!first && x + w > x0 + inner) {
            x = x0;
        } else if (!first) {
            ImGui::SameLine(0, px(6));
        }
        first = false;
        x += w + px(6);
    }
};

float pill_width(const std::string& label, bool count) {
    ImGui::PushFont(nullptr, 14);
    float w = ImGui::CalcTextSize(label.c_str()).x + px(24) + (count ? ImGui::CalcTextSize("00").x + px(6) : 0);
    ImGui::PopFont();
    return w;
}

void filters(Ctx& c, float inner) {
    const auto& m = c.m;
    int64_t all = 0;
    for (auto& [k, v] : m.counts) all += v;
    PillFlow flow{ImGui::GetCursorScreenPos().x, inner, ImGui::GetCursorScreenPos().x};
    const char* statuses[] = {"", "submitted", "assigned", "in_progress", "needs_supplement", "completed", "withdrawn", "rated"};
    for (const char* s : statuses) {
        const std::string text = *s ? status_label(s) : "全部";
        auto it = m.counts.find(s);
        const int64_t n = *s ? (it == m.counts.end() ? 0 : it->second) : all;
        flow.next(pill_width(text, true));
        if (pill(std::string("status-") + (*s ? s : "all"), text, n, m.status_filter == s))
            c.out.push_back(SetFilter{s, m.kind_filter, m.area_filter, m.light_filter});
    }
    ImGui::Dummy(ImVec2(0, px(2)));
    PillFlow kinds{ImGui::GetCursorScreenPos().x, inner, ImGui::GetCursorScreenPos().x};
    const char* kind_ids[] = {"", "question", "prereview", "proxy", "video"};
    for (const char* k : kind_ids) {
        const std::string text = *k ? kind_label(k) : "全部类型";
        kinds.next(pill_width(text, false));
        if (pill(std::string("kind-") + (*k ? k : "all"), text, 0, m.kind_filter == k, false))
            c.out.push_back(SetFilter{m.status_filter, k, m.area_filter, m.light_filter});
    }
    kinds.next(pill_width("超时", false));
    if (pill("light-red", "超时", 0, m.light_filter == "red", false))
        c.out.push_back(SetFilter{m.status_filter, m.kind_filter, m.area_filter, m.light_filter == "red" ? "" : "red"});
    kinds.next(pill_width("临近时限", false));
    if (pill("light-yellow", "临近时限", 0, m.light_filter == "yellow", false))
        c.out.push_back(SetFilter{m.status_filter, m.kind_filter, m.area_filter, m.light_filter == "yellow" ? "" : "yellow"});
}

void request_row(Ctx& c, const RequestRow& r, float width) {
    const float pad = px(14);
    const float h = px(84);
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    const std::string id = "request-" + std::to_string(r.id);
    ImGui::PushID(id.c_str());
    const bool clicked = ImGui::InvisibleButton("row", ImVec2(width, h));
    const bool hovered = ImGui::IsItemHovered();
    ImGui::PopID();
    ui::register_hit(id, p0.x, p0.y, p0.x + width, p0.y + h);
    if (clicked) c.out.push_back(Navigate{Route{Page::queue, r.id}});
    const bool open = c.m.route.request_id == r.id;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p0, ImVec2(p0.x + width, p0.y + h),
                      open ? IM_COL32(232, 241, 253, 255) : hovered ? IM_COL32(247, 249, 252, 255) : ui::theme::kCard);
    if (open) dl->AddRectFilled(p0, ImVec2(p0.x + px(3), p0.y + h), ui::theme::kAccent);
    dl->AddLine(ImVec2(p0.x, p0.y + h - px(1)), ImVec2(p0.x + width, p0.y + h - px(1)), ui::theme::kCardBorder, px(1));
    // line 1: light, number, kind, status
    ImGui::SetCursorScreenPos(ImVec2(p0.x + pad, p0.y + px(10)));
    const bool open_state = r.status == "submitted" || r.status == "assigned" || r.status == "in_progress" ||
                            r.status == "needs_supplement";
    light_dot(open_state ? r.light : "none", 10);  // closed requests: a grey dot
    ImGui::SameLine(0, px(8));
    label(r.number, 14, ui::theme::kText);
    ImGui::SameLine(0, px(8));
    badge(kind_label(r.kind), IM_COL32(60, 70, 84, 255), IM_COL32(236, 239, 244, 255));
    ImGui::SameLine(0, px(6));
    const ImU32 sc = status_color(r.status);
    badge(r.status_label, sc, (sc & 0x00FFFFFF) | 0x1F000000);
    if (r.unread > 0) {
        ImGui::SameLine(0, px(6));
        badge(std::to_string(r.unread) + " 条新消息", IM_COL32_WHITE, ui::theme::kPrimary);
    }
    // age on the right
    const std::string age = age_text(c.vs.now - r.created_at);
    ImGui::PushFont(nullptr, 13);
    const float aw = ImGui::CalcTextSize(age.c_str()).x;
    ImGui::PopFont();
    ImGui::SetCursorScreenPos(ImVec2(p0.x + width - pad - aw, p0.y + px(11)));
    label(age, 13, ui::theme::kTextMuted);
    // line 2: item
    ImGui::SetCursorScreenPos(ImVec2(p0.x + pad, p0.y + px(34)));
    label(r.item_name, 14.5f, ui::theme::kText);
    // line 3: masked person, time left
    ImGui::SetCursorScreenPos(ImVec2(p0.x + pad, p0.y + px(58)));
    label(r.contact_name + "  " + r.contact_phone, 13, ui::theme::kTextMuted);
    if (open_state && r.clock.limit > 0) {
        std::string left = r.clock.paused ? "待居民补件，计时暂停"
                           : r.clock.remaining < 0 ? "已超时 " + duration_text(r.clock.remaining)
                                                   : "剩余 " + duration_text(r.clock.remaining);
        ImGui::PushFont(nullptr, 13);
        const float lw = ImGui::CalcTextSize(left.c_str()).x;
        ImGui::PopFont();
        ImGui::SetCursorScreenPos(ImVec2(p0.x + width - pad - lw, p0.y + px(58)));
        label(left, 13, r.light == "red" ? light_color("red") : r.light == "yellow" ? IM_COL32(170, 110, 0, 255)
                                                                                     : ui::theme::kTextMuted);
    }
    ImGui::SetCursorScreenPos(ImVec2(p0.x, p0.y + h));
}

}  // namespace

void draw_queue_panel(Ctx& c, float width, float height) {
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddLine(ImVec2(p0.x + width - px(1), p0.y), ImVec2(p0.x + width - px(1), p0.y + height),
                                        ui::theme::kCardBorder, px(1));
    const float pad = px(16), inner = width - 2 * pad;
    ImGui::SetCursorScreenPos(ImVec2(p0.x + pad, p0.y + px(14)));
    ImGui::BeginGroup();
    area_lights(c, inner);
    ImGui::Dummy(ImVec2(0, px(4)));
    filters(c, inner);
    ImGui::Dummy(ImVec2(0, px(2)));
    std::string summary = "共 " + std::to_string(c.m.total) + " 条";
    if (c.m.list_state == Load::loading && c.m.rows.empty()) summary = "正在读取…";
    label(summary, 13, ui::theme::kTextMuted);
    ImGui::SameLine(inner - px(100));
    if (button("export-csv", "导出 CSV", ButtonStyle::quiet, true, px(100))) c.out.push_back(ExportCsv{});
    ImGui::EndGroup();
    const float list_top = ImGui::GetCursorScreenPos().y + px(6);
    ImGui::SetCursorScreenPos(ImVec2(p0.x, list_top));
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ui::theme::kCard);
    ImGui::BeginChild("queue-list", ImVec2(width - px(1), p0.y + height - list_top), ImGuiChildFlags_None);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, 0));
    const float row_w = ImGui::GetContentRegionAvail().x;
    for (auto& r : c.m.rows) request_row(c, r, row_w);
    ImGui::PopStyleVar();
    if (!c.m.list_error.empty()) {
        ImGui::SetCursorPosX(pad);
        ui::text_block(c.m.list_error, 14, ui::theme::kPrimary, inner);
    } else if (c.m.rows.empty() && c.m.list_state == Load::ready) {
        ImGui::Dummy(ImVec2(0, px(24)));
        ImGui::SetCursorPosX(pad);
        label("没有符合条件的申请", 14, ui::theme::kTextMuted);
    }
    ImGui::EndChild();
    ImGui::PopStyleColor();
}

}  // namespace desk
