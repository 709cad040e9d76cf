// Drag-to-scroll with inertia (see touch_scroll.hpp).
#include "touch_scroll.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <cmath>

#include "ui_runtime.hpp"

namespace ui {

bool touch_scroll(TouchScroll& s) {
    ImGuiIO& io = ImGui::GetIO();
    const float dt = io.DeltaTime > 0 ? io.DeltaTime : 1.0f / 60;
    const float y = io.MousePos.y;
    if (ImGui::IsMouseClicked(0) && ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem |
                                                             ImGuiHoveredFlags_ChildWindows)) {
        s.tracking = true;
        s.dragging = false;
        s.start_y = s.last_y = y;
        s.velocity = 0;
    }
    if (s.tracking && ImGui::IsMouseDown(0)) {
        const float dy = y - s.last_y;
        if (!s.dragging && std::fabs(y - s.start_y) > px(8)) {
            s.dragging = true;
            ImGui::ClearActiveID();  // the press that started a scroll must not become a tap
        }
        if (s.dragging) {
            ImGui::SetScrollY(ImGui::GetScrollY() - dy);
            s.velocity = 0.7f * s.velocity + 0.3f * (dy / dt);
            ImGui::ClearActiveID();
        }
        s.last_y = y;
        return false;
    }
    if (s.tracking) {  // released
        s.tracking = false;
        if (!s.dragging) s.velocity = 0;
        s.dragging = false;
    }
    if (std::fabs(s.velocity) < px(20)) {
        s.velocity = 0;
        return false;
    }
    const float before = ImGui::GetScrollY();
    ImGui::SetScrollY(before - s.velocity * dt);
    s.velocity *= std::exp(-dt * 3.0f);
    const bool at_edge = (s.velocity > 0 && before <= 0) || (s.velocity < 0 && before >= ImGui::GetScrollMaxY());
    if (at_edge) s.velocity = 0;
    return s.velocity != 0;
}

}  // namespace ui
