// Drawing helpers for the public look: wrapped Chinese text at a given size, cards that are
// whole tap targets, primary buttons. Sizes are CSS pixels; positions come from ImGui's cursor.
#pragma once
#include <imgui.h>

#include <string>

namespace ui {

// Text wrapped to `width_px` (physical pixels) at `size_css`; advances the cursor.
void text_block(const std::string& text, float size_css, ImU32 color, float width_px);
// Height in physical pixels that text_block would take.
float text_block_height(const std::string& text, float size_css, float width_px);

// A full-width card with a title and a subtitle; returns true when tapped.
bool item_card(const char* id, const std::string& title, const std::string& subtitle, float width_px);

// A large primary button (≥ 44 CSS px high) across the given width; returns true when tapped.
bool primary_button(const char* label, float width_px);

}  // namespace ui
