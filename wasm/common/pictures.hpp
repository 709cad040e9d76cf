// Pictures in the apps (sample pictures beside materials, step pictures): decoded by the
// browser, uploaded once as WebGL textures, drawn as ImGui images that keep their aspect.
#pragma once
#include <string>

namespace ui {

// Draws the picture at `url` `width_px` wide, with a thin border. While it loads (or when it
// cannot be loaded) a light placeholder of `placeholder_aspect` (height / width) holds its
// place, with `alt` written in it. True when tapped (e.g. to open it full size).
bool picture(const char* id, const std::string& url, const std::string& alt, float width_px,
             float placeholder_aspect = 0.66f);

}  // namespace ui
