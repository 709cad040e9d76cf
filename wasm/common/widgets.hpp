// Drawing helpers for the public look: wrapped Chinese text, cards that are whole tap targets
// (≥ 44 CSS px), option cards, chips, check rows, buttons and links. Sizes are CSS pixels;
// widths are physical pixels; everything advances ImGui's cursor like a normal widget.
#pragma once
#include <imgui.h>

#include <string>
#include <vector>

namespace ui {

// Text wrapped to `width_px` at `size_css` with Chinese line-breaking rules.
void text_block(const std::string& text, float size_css, ImU32 color, float width_px);
float text_block_height(const std::string& text, float size_css, float width_px);

// A card with a title and a subtitle and a chevron; true when tapped.
bool item_card(const char* id, const std::string& title, const std::string& subtitle, float width_px);
// A large answer option (radio or checkbox look); true when tapped.
bool option_card(const char* id, const std::string& label, bool selected, bool multiple, float width_px);
// A row with a checkbox for a material to gather; true when the box is toggled.
bool check_row(const char* id, const std::string& title, const std::string& detail, bool checked, float width_px);
// Primary (filled) and secondary (outlined) buttons ≥ 48 CSS px high.
bool primary_button(const char* label, float width_px);
bool secondary_button(const char* label, float width_px);
// Pills laid out in rows; returns the index tapped or -1.
int chips(const char* id, const std::vector<std::string>& labels, float width_px);
// A text link (blue) as a full-height tap target; true when tapped.
bool link(const char* id, const std::string& label, float size_css = 16);
// A top bar with an optional back arrow and a title; true when back was tapped.
bool top_bar(const char* back_label, const std::string& title, float width_px);

}  // namespace ui
