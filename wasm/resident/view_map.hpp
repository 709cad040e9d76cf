// The map page's transient UI state (lives in ViewState, never in the Model): the camera and the
// projected scene, gesture tracking (drag, pinch, inertia), the card's height and scroll, and
// whether the map-app chooser is open.
#pragma once
#include <string>
#include <vector>

#include "map_view.hpp"
#include "touch_scroll.hpp"

namespace resident {

struct MapUi {
    // The scene is rebuilt when the layer or the doorplate changes.
    const void* scene_source = nullptr;
    std::string scene_doorplate;
    dp::MapScene scene;
    std::vector<std::size_t> road_order;

    dp::MapCamera cam;
    bool cam_ready = false;

    // One gesture: from the first finger down to the last finger up.
    bool pressing = false, dragging = false, pinched = false;
    dp::Point2 press_at, last;
    dp::Inertia inertia;
    int pinch_gesture = 0;
    bool pinch_on_map = false;  // the pinch began over the map (not the card)
    float pinch_distance = 0;
    dp::Point2 pinch_centre;

    std::string focused_place;  // the card the camera last brought into view
    std::string fitted_route;   // the route the camera last fitted
    float card_h = 0;           // the card's height last frame (physical px)
    std::string card_for;       // card scroll resets when the card changes
    ui::TouchScroll card_scroll;
    bool choosing_app = false;  // 导航 asked which map app
    std::string published;      // last state published for tests
};

}  // namespace resident
