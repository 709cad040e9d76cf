// Drawing the map layers with ImGui draw lists (view_map_draw.cpp): what the page hands over
// (markers already on screen, the doorplate, the route) and what was drawn (for tests).
#pragma once
#include <imgui.h>

#include <string>
#include <vector>

#include "map_data.hpp"
#include "view_map.hpp"

namespace resident {

struct MarkerOnScreen {
    std::string id, name;
    dp::PlaceType type = dp::PlaceType::other;
    ImVec2 at;  // physical px on screen
    bool selected = false;
};

struct MapOverlay {
    ImVec2 origin;    // the map's top-left on screen
    float card_h = 0;  // the bottom part covered by the card (no road labels there)
    std::vector<MarkerOnScreen> markers;
    ImVec2 doorplate;
    std::string you_are_here;
    const dp::RouteResult* route = nullptr;
    std::vector<dp::Rect> controls;  // legend and buttons: no labels under them
};

struct MapDrawStats {
    int roads = 0, labels = 0, route_points = 0;
};

MapDrawStats draw_map_layers(ImDrawList* dl, const MapUi& u, const dp::MapLayer& layer, const MapOverlay& overlay);
// A service-point marker: its type's colour, shape and glyph; `size` in physical px.
void draw_marker(ImDrawList* dl, ImVec2 centre, dp::PlaceType type, float size, bool selected);

}  // namespace resident
