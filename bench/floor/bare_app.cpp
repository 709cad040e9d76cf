// The first view's floor: the resident app's runtime (ImGui, GLFW, WebGL2, the browser-font
// loader, platform_web.js) drawing one full-screen window with a few lines of Chinese and
// nothing else: no model, no JSON, no network. bench/first_view_floor.sh measures it under the
// same slow-4G conditions as the resident app (bench_web.mjs), to show what any ImGui app costs.
#include <imgui.h>

#include "platform.hpp"
#include "ui_runtime.hpp"

namespace {
int g_frames = 0;

bool frame(const ui::FrameInfo& f) {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(f.width, f.height));
    ImGui::Begin("floor", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove);
    ImGui::TextUnformatted("福建省泉州市南安市溪美街道");
    ImGui::TextUnformatted("数字政务门牌");
    ImGui::TextUnformatted("找人帮我办");
    ImGui::End();
    // As the resident app: "ready" once a complete view has been drawn (the second frame).
    if (++g_frames == 2) {
        platform::hide_loading_overlay();
        platform::set_app_state("ready");
    }
    return g_frames < 3;
}
}  // namespace

int main() {
    ui::start(frame);
    return 0;
}
