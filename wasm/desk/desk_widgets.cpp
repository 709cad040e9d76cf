// Desktop widgets of the agent console (see desk_widgets.hpp).
#include "desk_widgets.hpp"

#include <imgui_internal.h>

#include <algorithm>

#include "platform.hpp"
#include "theme.hpp"
#include "ui_runtime.hpp"
#include "widgets.hpp"

namespace desk {

using ui::px;

namespace {
// The browser font's line box has more room below Chinese glyphs than above: centred labels are
// drawn this much higher so they look centred.
float optical_lift() { return ImGui::GetFontSize() * 0.12f; }
}  // namespace

bool button(const std::string& id, const std::string& label, ButtonStyle style, bool enabled, float width_px) {
    ImGui::PushFont(nullptr, 14);
    ImU32 fill = ui::theme::kAccent, text = IM_COL32_WHITE, edge = ui::theme::kAccent, hover = IM_COL32(18, 92, 178, 255);
    if (style == ButtonStyle::secondary) {
        fill = ui::theme::kCard;
        text = ui::theme::kAccent;
        hover = IM_COL32(238, 244, 252, 255);
    } else if (style == ButtonStyle::danger) {
        fill = ui::theme::kCard;
        text = ui::theme::kPrimary;
        edge = ui::theme::kPrimary;
        hover = IM_COL32(253, 242, 244, 255);
    } else if (style == ButtonStyle::quiet) {
        fill = ui::theme::kCard;
        text = ui::theme::kText;
        edge = ui::theme::kCardBorder;
        hover = IM_COL32(244, 246, 249, 255);
    }
    if (!enabled) {
        fill = IM_COL32(236, 239, 244, 255);
        text = IM_COL32(150, 158, 170, 255);
        edge = IM_COL32(221, 226, 234, 255);
        hover = fill;
    }
    const ImVec2 ts = ImGui::CalcTextSize(label.c_str());
    const float w = width_px > 0 ? width_px : ts.x + px(24);
    const float h = px(32);
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    ImGui::PushID(id.c_str());
    bool clicked = ImGui::InvisibleButton("b", ImVec2(w, h));
    const bool hovered = ImGui::IsItemHovered();
    ImGui::PopID();
    if (enabled) ui::register_hit(id, p0.x, p0.y, p0.x + w, p0.y + h);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p0, ImVec2(p0.x + w, p0.y + h), hovered ? hover : fill, px(6));
    dl->AddRect(p0, ImVec2(p0.x + w, p0.y + h), edge, px(6), 0, px(1));
    dl->AddText(ImVec2(p0.x + (w - ts.x) * 0.5f, p0.y + (h - ts.y) * 0.5f - optical_lift()), text, label.c_str());
    ImGui::PopFont();
    return clicked && enabled;
}

bool pill(const std::string& id, const std::string& label, int64_t count, bool selected, bool show_count) {
    ImGui::PushFont(nullptr, 14);
    const std::string n = show_count ? std::to_string(count) : "";
    const ImVec2 ts = ImGui::CalcTextSize(label.c_str());
    const ImVec2 ns = ImGui::CalcTextSize(n.c_str());
    const float pad = px(12), gap = n.empty() ? 0 : px(6);
    const float w = ts.x + gap + ns.x + 2 * pad, h = px(30);
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    ImGui::PushID(id.c_str());
    const bool clicked = ImGui::InvisibleButton("p", ImVec2(w, h));
    const bool hovered = ImGui::IsItemHovered();
    ImGui::PopID();
    ui::register_hit(id, p0.x, p0.y, p0.x + w, p0.y + h);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImU32 fill = selected ? ui::theme::kAccent : hovered ? IM_COL32(238, 244, 252, 255) : ui::theme::kCard;
    dl->AddRectFilled(p0, ImVec2(p0.x + w, p0.y + h), fill, h * 0.5f);
    if (!selected) dl->AddRect(p0, ImVec2(p0.x + w, p0.y + h), ui::theme::kCardBorder, h * 0.5f, 0, px(1));
    const float ty = p0.y + (h - ts.y) * 0.5f - optical_lift();
    dl->AddText(ImVec2(p0.x + pad, ty), selected ? IM_COL32_WHITE : ui::theme::kText, label.c_str());
    if (!n.empty())
        dl->AddText(ImVec2(p0.x + pad + ts.x + gap, ty), selected ? IM_COL32(220, 232, 250, 255) : ui::theme::kTextMuted,
                    n.c_str());
    ImGui::PopFont();
    return clicked;
}

void badge(const std::string& text, ImU32 fg, ImU32 bg) {
    ImGui::PushFont(nullptr, 12.5f);
    const ImVec2 ts = ImGui::CalcTextSize(text.c_str());
    const float pad = px(7), h = ts.y + px(6);
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p0, ImVec2(p0.x + ts.x + 2 * pad, p0.y + h), bg, px(4));
    dl->AddText(ImVec2(p0.x + pad, p0.y + px(3) - optical_lift()), fg, text.c_str());
    ImGui::Dummy(ImVec2(ts.x + 2 * pad, h));
    ImGui::PopFont();
}

ImU32 status_color(const std::string& s) {
    if (s == "submitted") return IM_COL32(22, 104, 200, 255);
    if (s == "assigned") return IM_COL32(90, 70, 180, 255);
    if (s == "in_progress") return IM_COL32(0, 128, 128, 255);
    if (s == "needs_supplement") return IM_COL32(190, 110, 0, 255);
    if (s == "completed" || s == "rated") return IM_COL32(26, 127, 55, 255);
    return IM_COL32(110, 118, 130, 255);
}

ImU32 light_color(const std::string& light) {
    if (light == "red") return IM_COL32(214, 40, 40, 255);
    if (light == "yellow") return IM_COL32(232, 168, 0, 255);
    if (light == "green") return IM_COL32(38, 160, 80, 255);
    return IM_COL32(200, 205, 212, 255);  // no light: a closed request
}

void light_dot(const std::string& light, float diameter_css) {
    const float d = px(diameter_css);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float line = ImGui::GetTextLineHeight();
    ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(p.x + d * 0.5f, p.y + line * 0.5f), d * 0.5f, light_color(light));
    ImGui::Dummy(ImVec2(d, line));
}

void label(const std::string& text, float size_css, ImU32 color) {
    ImGui::PushFont(nullptr, size_css);
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopStyleColor();
    ImGui::PopFont();
}

void text_field(const std::string& id, const std::string& placeholder, const std::string& value, float width_px,
                float height_px, const std::string& mode, bool multiline, bool enter_submits) {
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const ImRect clip = ImGui::GetCurrentWindow()->ClipRect;
    platform::TextFieldSpec f;
    f.id = id;
    f.x = ui::to_css(pos.x);
    f.y = ui::to_css(pos.y);
    f.width = ui::to_css(width_px);
    f.height = ui::to_css(height_px);
    f.font_css = 14;
    f.placeholder = placeholder;
    f.value = value;
    f.input_mode = mode;
    f.multiline = multiline;
    f.enter_submits = enter_submits;
    if (pos.y >= clip.Min.y - 1 && pos.y + height_px <= clip.Max.y + 1) platform::place_text_field(f);
    ui::register_hit("field:" + id, pos.x, pos.y, pos.x + width_px, pos.y + height_px);  // tests scroll to it
    // The canvas under the field: the same white box, so nothing shows through at its edges.
    ImGui::GetWindowDrawList()->AddRectFilled(pos, ImVec2(pos.x + width_px, pos.y + height_px), ui::theme::kCard, px(6));
    ImGui::Dummy(ImVec2(width_px, height_px));
}

void begin_card(const char* id, float width_px) {
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(px(16), px(14)));
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ui::theme::kCard);
    ImGui::BeginChild(id, ImVec2(width_px, 0),
                      ImGuiChildFlags_Borders | ImGuiChildFlags_AutoResizeY | ImGuiChildFlags_AlwaysUseWindowPadding,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
}

void end_card() {
    ImGui::EndChild();
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();
}

void section_title(const std::string& text) {
    label(text, 13, ui::theme::kTextMuted);
}

float begin_page(const char* id, const std::string& title, const std::string& intro, float width, float height) {
    ImGui::BeginChild(id, ImVec2(width, height), ImGuiChildFlags_None, ImGuiWindowFlags_NoBackground);
    const float pad = px(24);
    const float content = std::min(width - 2 * pad - px(10), px(980));
    ImGui::SetCursorPos(ImVec2(pad, px(18)));
    ImGui::BeginGroup();
    label(title, 20, ui::theme::kText);
    ui::text_block(intro, 14, ui::theme::kTextMuted, content);
    ImGui::Dummy(ImVec2(0, px(4)));
    return content;
}

void end_page() {
    ImGui::EndGroup();
    ImGui::Dummy(ImVec2(0, px(24)));
    ImGui::EndChild();
}

}  // namespace desk
