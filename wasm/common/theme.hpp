// The public look of the apps: a light, high-contrast theme with large touch targets, and the
// palette used by custom-drawn cards.
#pragma once
#include <imgui.h>

namespace ui::theme {

constexpr ImU32 kBackground = IM_COL32(244, 246, 249, 255);
constexpr ImU32 kCard = IM_COL32(255, 255, 255, 255);
constexpr ImU32 kCardBorder = IM_COL32(221, 226, 234, 255);
constexpr ImU32 kText = IM_COL32(28, 33, 41, 255);
constexpr ImU32 kTextMuted = IM_COL32(88, 98, 112, 255);
constexpr ImU32 kPrimary = IM_COL32(196, 30, 58, 255);      // government red
constexpr ImU32 kPrimaryDark = IM_COL32(150, 20, 42, 255);
constexpr ImU32 kAccent = IM_COL32(22, 104, 200, 255);      // links, navigation
constexpr ImU32 kSuccess = IM_COL32(26, 127, 55, 255);

// High contrast (elder mode): darker secondary text and borders.
void set_high_contrast(bool on);
ImU32 muted();   // secondary text
ImU32 border();  // card borders

// Applies the theme to a fresh ImGuiStyle scaled by `scale` (devicePixelRatio × user zoom).
void apply(ImGuiStyle& style, float scale);
// The agent console's desktop look: the same palette, denser spacing, blue as the action colour.
void apply_desk(ImGuiStyle& style, float scale);

}  // namespace ui::theme
