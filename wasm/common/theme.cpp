// The public light theme (see theme.hpp).
#include "theme.hpp"

namespace ui::theme {

namespace {
bool g_high_contrast = false;
}

void set_high_contrast(bool on) { g_high_contrast = on; }
ImU32 muted() { return g_high_contrast ? IM_COL32(40, 46, 56, 255) : kTextMuted; }
ImU32 border() { return g_high_contrast ? IM_COL32(90, 98, 110, 255) : kCardBorder; }

void apply(ImGuiStyle& style, float scale) {
    style = ImGuiStyle();
    ImGui::StyleColorsLight(&style);
    ImVec4* c = style.Colors;
    c[ImGuiCol_WindowBg] = ImGui::ColorConvertU32ToFloat4(kBackground);
    c[ImGuiCol_ChildBg] = ImGui::ColorConvertU32ToFloat4(kCard);
    c[ImGuiCol_Text] = ImGui::ColorConvertU32ToFloat4(kText);
    c[ImGuiCol_TextDisabled] = ImGui::ColorConvertU32ToFloat4(muted());
    c[ImGuiCol_Border] = ImGui::ColorConvertU32ToFloat4(border());
    c[ImGuiCol_Button] = ImGui::ColorConvertU32ToFloat4(kPrimary);
    c[ImGuiCol_ButtonHovered] = ImGui::ColorConvertU32ToFloat4(kPrimaryDark);
    c[ImGuiCol_ButtonActive] = ImGui::ColorConvertU32ToFloat4(kPrimaryDark);
    c[ImGuiCol_FrameBg] = ImVec4(1, 1, 1, 1);
    c[ImGuiCol_Header] = ImVec4(0.96f, 0.90f, 0.91f, 1);
    c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
    style.WindowPadding = ImVec2(16, 16);
    style.FramePadding = ImVec2(12, 10);
    style.ItemSpacing = ImVec2(10, 10);
    style.ItemInnerSpacing = ImVec2(8, 6);
    style.TouchExtraPadding = ImVec2(4, 4);
    style.ScrollbarSize = 6;
    style.WindowRounding = 0;
    style.ChildRounding = 12;
    style.FrameRounding = 10;
    style.GrabRounding = 10;
    style.WindowBorderSize = 0;
    style.ChildBorderSize = 1;
    style.FrameBorderSize = 1;
    style.ScaleAllSizes(scale);
    style.FontScaleDpi = scale;
}

void apply_desk(ImGuiStyle& style, float scale) {
    style = ImGuiStyle();
    ImGui::StyleColorsLight(&style);
    ImVec4* c = style.Colors;
    c[ImGuiCol_WindowBg] = ImGui::ColorConvertU32ToFloat4(kBackground);
    c[ImGuiCol_ChildBg] = ImGui::ColorConvertU32ToFloat4(kCard);
    c[ImGuiCol_PopupBg] = ImGui::ColorConvertU32ToFloat4(kCard);
    c[ImGuiCol_Text] = ImGui::ColorConvertU32ToFloat4(kText);
    c[ImGuiCol_TextDisabled] = ImGui::ColorConvertU32ToFloat4(kTextMuted);
    c[ImGuiCol_Border] = ImGui::ColorConvertU32ToFloat4(kCardBorder);
    c[ImGuiCol_Button] = ImGui::ColorConvertU32ToFloat4(kAccent);
    c[ImGuiCol_ButtonHovered] = ImVec4(0.07f, 0.36f, 0.70f, 1);
    c[ImGuiCol_ButtonActive] = ImVec4(0.05f, 0.30f, 0.60f, 1);
    c[ImGuiCol_FrameBg] = ImVec4(1, 1, 1, 1);
    c[ImGuiCol_Header] = ImVec4(0.91f, 0.95f, 1.0f, 1);
    c[ImGuiCol_HeaderHovered] = ImVec4(0.94f, 0.96f, 0.99f, 1);
    c[ImGuiCol_HeaderActive] = ImVec4(0.88f, 0.93f, 1.0f, 1);
    c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_ScrollbarGrab] = ImVec4(0.78f, 0.80f, 0.84f, 1);
    c[ImGuiCol_TableHeaderBg] = ImVec4(0.95f, 0.96f, 0.97f, 1);
    c[ImGuiCol_TableRowBgAlt] = ImVec4(0.98f, 0.98f, 0.99f, 1);
    style.WindowPadding = ImVec2(16, 16);
    style.FramePadding = ImVec2(10, 6);
    style.ItemSpacing = ImVec2(8, 8);
    style.ItemInnerSpacing = ImVec2(6, 4);
    style.ScrollbarSize = 10;
    style.WindowRounding = 0;
    style.ChildRounding = 8;
    style.FrameRounding = 6;
    style.GrabRounding = 6;
    style.WindowBorderSize = 0;
    style.ChildBorderSize = 1;
    style.FrameBorderSize = 1;
    style.ScaleAllSizes(scale);
    style.FontScaleDpi = scale;
}

}  // namespace ui::theme
