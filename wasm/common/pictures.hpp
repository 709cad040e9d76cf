// Pictures in the apps (sample pictures beside materials, step pictures): decoded by the
// browser, uploaded once as WebGL textures, drawn as ImGui images that keep their aspect.
#pragma once
#include <string>

namespace ui {

// Draws the picture at `url` in a box `width_px` wide and `placeholder_aspect` (height / width)
// of that high, with a thin border; the picture is fitted whole inside the box. The box does not
// change size when the picture arrives, so nothing below it moves. While it loads (or when it
// cannot be loaded) the box is a light placeholder with `alt` written in it. True when tapped
// (e.g. to open it full size).
bool picture(const char* id, const std::string& url, const std::string& alt, float width_px,
             float placeholder_aspect = 0.66f, const std::string& bearer = "");

}  // namespace ui
