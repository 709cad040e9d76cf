// An ImGui 1.92 font loader that rasterizes each glyph on demand with the browser's own fonts
// (through platform::rasterize_glyph): Chinese text at any size, with no font download.
#pragma once

struct ImFont;
struct ImFontAtlas;

namespace ui {
ImFont* add_browser_font(ImFontAtlas* atlas, float size_px);
}
