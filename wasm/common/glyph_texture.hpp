// The font atlas on the GPU at a quarter of ImGui's usual cost: ImGui keeps it as Alpha8 and it
// is uploaded as a two-byte LUMINANCE_ALPHA texture (the OpenGL backend handles only RGBA32).
#pragma once

struct ImDrawData;
struct ImFontAtlas;

namespace ui {
// Before the atlas is built: ask ImGui for one byte per pixel.
void use_alpha_atlas(ImFontAtlas* atlas);
// Before ImGui_ImplOpenGL3_RenderDrawData: creates and updates the Alpha8 textures of this
// frame (the backend then finds them up to date; it still destroys them when asked).
void upload_alpha_textures(ImDrawData* draw_data);
}  // namespace ui
