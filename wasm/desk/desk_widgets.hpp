// The console's desktop widgets: compact buttons, tabs with counts, status badges, traffic-light
// dots, and HTML text fields placed at the cursor. Sizes are CSS pixels (ui::px scales them);
// every clickable thing registers a hitbox (window.Module.dpHitboxes) under its id.
#pragma once
#include <imgui.h>

#include <string>

namespace desk {

enum class ButtonStyle { primary, secondary, danger, quiet };

// A compact button (32 CSS px high) labelled `label`, hitbox `id`; false while disabled.
bool button(const std::string& id, const std::string& label, ButtonStyle style = ButtonStyle::primary,
            bool enabled = true, float width_px = 0);
// A tab/pill with an optional count ("待受理 3"); true when clicked.
bool pill(const std::string& id, const std::string& label, int64_t count, bool selected, bool show_count = true);
// A small coloured label on the current line.
void badge(const std::string& text, ImU32 fg, ImU32 bg);
// The colours of a status and of a light.
ImU32 status_color(const std::string& status);
ImU32 light_color(const std::string& light);
// A filled circle for a traffic light, `diameter_css` wide, vertically centred on the line.
void light_dot(const std::string& light, float diameter_css = 10);
// Text at `size_css` in `color`, on the current line (no wrapping).
void label(const std::string& text, float size_css, ImU32 color);
// A real HTML <input>/<textarea> at the cursor, `width_px` × `height_px`; only placed while fully
// visible inside the current window (never floating over other parts).
void text_field(const std::string& id, const std::string& placeholder, const std::string& value, float width_px,
                float height_px, const std::string& mode = "text", bool multiline = false, bool enter_submits = true);
// A card: a white rounded rectangle behind what is drawn between begin_card and end_card.
void begin_card(const char* id, float width_px);
void end_card();
// A muted heading for a section.
void section_title(const std::string& text);
// A whole page of the console below the tabs (batch proxy, follow-ups): a scrolling area with a
// title and an introduction, content at most 980 px wide. Returns the content width; end_page
// closes it (with room below the last card).
float begin_page(const char* id, const std::string& title, const std::string& intro, float width, float height);
void end_page();

}  // namespace desk
