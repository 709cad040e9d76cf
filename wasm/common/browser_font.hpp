// An ImGui 1.92 font loader that rasterizes glyphs on demand with the browser's own fonts
// (platform::glyph_box / rasterize_glyphs): Chinese text at any size, with no font download.
#pragma once

struct ImFont;
struct ImFontAtlas;

namespace ui {
ImFont* add_browser_font(ImFontAtlas* atlas, float size_px);
// Draws the pixels of the glyphs ImGui placed in the atlas since the last call (all in one
// batch) and queues their upload. Call after the frame's widgets, before rendering. Returns
// false when there was nothing to draw.
bool flush_browser_glyphs();
}  // namespace ui
