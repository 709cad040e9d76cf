// Public-look widgets (see widgets.hpp).
#include "widgets.hpp"

#include <vector>

#include "theme.hpp"
#include "ui_runtime.hpp"

namespace ui {
namespace {

// Splits text into lines no wider than width_px, breaking between characters.
// (Chinese line-breaking rules come from the shared core's line breaker.)
std::vector<std::string> wrap_lines(const std::string& text, float width_px) {
    std::vector<std::string> lines;
    std::string line;
    float line_w = 0;
    ImFont* font = ImGui::GetFont();
    const float size = ImGui::GetFontSize();
    for (size_t i = 0; i < text.size();) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        if (i + n > text.size()) n = text.size() - i;
        std::string ch = text.substr(i, n);
        i += n;
        if (ch == "\n") {
            lines.push_back(line);
            line.clear();
            line_w = 0;
            continue;
        }
        float w = font->CalcTextSizeA(size, 1e9f, 0, ch.c_str(), ch.c_str() + ch.size()).x;
        if (line_w + w > width_px && !line.empty()) {
            lines.push_back(line);
            line.clear();
            line_w = 0;
        }
        line += ch;
        line_w += w;
    }
    if (!line.empty() || lines.empty()) lines.push_back(line);
    return lines;
}

// Extra space between wrapped lines: 0.35 em, so Chinese text breathes (line height ≈ 1.5).
float line_gap() { return ImGui::GetFontSize() * 0.35f; }

}  // namespace

void text_block(const std::string& text, float size_css, ImU32 color, float width_px) {
    ImGui::PushFont(nullptr, size_css);
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, 0));
    for (auto& line : wrap_lines(text, width_px)) {
        ImGui::TextUnformatted(line.c_str());
        ImGui::Dummy(ImVec2(0, line_gap()));
    }
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
    ImGui::PopFont();
}

float text_block_height(const std::string& text, float size_css, float width_px) {
    ImGui::PushFont(nullptr, size_css);
    const float h = static_cast<float>(wrap_lines(text, width_px).size()) * (ImGui::GetTextLineHeight() + line_gap());
    ImGui::PopFont();
    return h;
}

bool item_card(const char* id, const std::string& title, const std::string& subtitle, float width) {
    const float pad = px(14);
    const float text_w = width - 2 * pad - px(20);  // room for the chevron
    const float gap = px(4);
    const float h = text_block_height(title, 18, text_w) + gap + text_block_height(subtitle, 14, text_w) + 2 * pad;
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    ImGui::PushID(id);
    const bool tapped = ImGui::InvisibleButton("card", ImVec2(width, h));
    const bool pressed = ImGui::IsItemActive();
    ImGui::PopID();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 p1(p0.x + width, p0.y + h);
    dl->AddRectFilled(p0, p1, pressed ? IM_COL32(250, 236, 238, 255) : theme::kCard, px(12));
    dl->AddRect(p0, p1, theme::kCardBorder, px(12), 0, px(1));
    // Chevron on the right says "this opens something".
    const float cx = p1.x - pad - px(4), cy = (p0.y + p1.y) * 0.5f, s = px(5);
    const ImVec2 chevron[3] = {{cx - s, cy - 2 * s}, {cx + s, cy}, {cx - s, cy + 2 * s}};
    dl->AddPolyline(chevron, 3, theme::kTextMuted, 0, px(2));
    const ImVec2 after = ImGui::GetCursorScreenPos();
    ImGui::SetCursorScreenPos(ImVec2(p0.x + pad, p0.y + pad));
    ImGui::BeginGroup();
    text_block(title, 18, theme::kText, text_w);
    ImGui::Dummy(ImVec2(0, gap - ImGui::GetStyle().ItemSpacing.y));
    text_block(subtitle, 14, theme::kTextMuted, text_w);
    ImGui::EndGroup();
    ImGui::SetCursorScreenPos(after);
    return tapped;
}

bool primary_button(const char* label, float width_px) {
    ImGui::PushFont(nullptr, 18);
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32_WHITE);
    const bool tapped = ImGui::Button(label, ImVec2(width_px, px(48)));
    ImGui::PopStyleColor();
    ImGui::PopFont();
    return tapped;
}

}  // namespace ui
