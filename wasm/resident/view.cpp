// The resident app's page frame: one full-screen scrolling window, touch scrolling, and the
// dispatch to the page of the current route.
#include "view.hpp"

#include <imgui.h>

#include "platform.hpp"
#include "strings.hpp"
#include "theme.hpp"
#include "widgets.hpp"

namespace resident {

using ui::px;

void draw_message(Page& p, const std::string& title, const std::string& detail, bool retry) {
    ImGui::Dummy(ImVec2(0, px(72)));
    ImGui::SetCursorPosX(p.pad);
    ImGui::BeginGroup();
    ui::text_block(title, 22, ui::theme::kText, p.inner);
    ImGui::Dummy(ImVec2(0, px(4)));
    ui::text_block(detail, 16, ui::theme::muted(), p.inner);
    if (retry) {
        ImGui::Dummy(ImVec2(0, px(12)));
        if (ui::primary_button(tr(Str::retry, p.loc).c_str(), p.inner)) p.out.push_back(Retry{});
    }
    ImGui::EndGroup();
}

void search_field(Page& p) {
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float h = px(50);
    platform::TextFieldSpec f;
    f.id = "search";
    f.x = ui::to_css(pos.x);
    f.y = ui::to_css(pos.y);
    f.width = ui::to_css(p.inner);
    f.height = ui::to_css(h);
    f.font_css = ui::to_css(px(17));
    f.placeholder = tr(Str::search_placeholder, p.loc);
    f.value = p.m.search_text;
    f.input_mode = "search";
    // Only place it while fully visible: an input must not float over the top bar.
    if (pos.y >= ImGui::GetWindowPos().y && pos.y + h <= ImGui::GetWindowPos().y + ImGui::GetWindowHeight())
        platform::place_text_field(f);
    ImGui::Dummy(ImVec2(p.inner, h));
}

// A short message floating above the bottom edge for a few seconds ("链接已复制…").
static void draw_notice(ViewState& vs, const ui::FrameInfo& f) {
    if (vs.notice.empty()) return;
    if (f.time >= vs.notice_until) {
        vs.notice.clear();
        return;
    }
    vs.animating = true;  // keep frames coming until it is gone
    const float pad = px(14), w = f.width - f.inset_left - f.inset_right - 2 * px(16);
    const float th = ui::text_block_height(vs.notice, 16, w - 2 * pad);
    const ImVec2 p0(f.inset_left + px(16), f.height - f.inset_bottom - px(24) - th - 2 * pad);
    ImGui::SetNextWindowPos(p0);
    ImGui::SetNextWindowSize(ImVec2(w, th + 2 * pad));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(pad, pad));
    ImGui::Begin("notice", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoInputs | ImGuiWindowFlags_NoBackground |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing);
    ImGui::PopStyleVar();
    ImGui::GetWindowDrawList()->AddRectFilled(p0, ImVec2(p0.x + w, p0.y + th + 2 * pad), IM_COL32(28, 33, 41, 235), px(12));
    ui::text_block(vs.notice, 16, IM_COL32(255, 255, 255, 255), w - 2 * pad);
    ImGui::End();
}

std::vector<Action> draw(const Model& m, ViewState& vs, const ui::FrameInfo& f) {
    std::vector<Action> out;
    // The page stays inside the safe area; the band under a notch takes the colour of the
    // page's top (the landing's red header, otherwise the white top bar).
    const bool red_top = m.route.page == dp::ResidentPage::landing;
    if (f.inset_top > 0)
        ImGui::GetBackgroundDrawList()->AddRectFilled(ImVec2(0, 0), ImVec2(f.width, f.inset_top),
                                                      red_top ? ui::theme::kPrimary : ui::theme::kCard);
    ImGui::SetNextWindowPos(ImVec2(f.inset_left, f.inset_top));
    ImGui::SetNextWindowSize(ImVec2(f.width - f.inset_left - f.inset_right, f.height - f.inset_top - f.inset_bottom));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    const bool map_page = m.route.page == dp::ResidentPage::map;  // the map pans and zooms instead of scrolling
    ImGui::Begin("page", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | (map_page ? ImGuiWindowFlags_NoScrollWithMouse : 0));
    ImGui::PopStyleVar();
    const std::string url = dp::resident_url(m.route);
    if (url != vs.page_url) {
        vs.page_url = url;
        vs.scroll = {};
        ImGui::SetScrollY(0);
    }
    vs.animating = map_page ? false : ui::touch_scroll(vs.scroll);

    const float width = f.width - f.inset_left - f.inset_right;
    const float pad = px(m.settings.elder ? 14 : 16);
    Page p{m, vs, out, width, pad, width - 2 * pad, m.settings.locale};
    switch (m.route.page) {
        case dp::ResidentPage::landing: draw_landing(p); break;
        case dp::ResidentPage::search: draw_search(p); break;
        case dp::ResidentPage::settings: draw_settings(p); break;
        case dp::ResidentPage::guide_intro:
        case dp::ResidentPage::guide_question:
        case dp::ResidentPage::guide_result: draw_guide(p); break;
        case dp::ResidentPage::map: draw_map(p); break;
        case dp::ResidentPage::help_menu:
        case dp::ResidentPage::help_proxy:
        case dp::ResidentPage::help_proxy_sign:
        case dp::ResidentPage::help_prereview:
        case dp::ResidentPage::help_ask:
        case dp::ResidentPage::help_video:
        case dp::ResidentPage::requests:
        case dp::ResidentPage::request_status:  // the help app's pages: a new page loads it
            draw_message(p, tr(Str::opening, p.loc), "", false);
            break;
        case dp::ResidentPage::not_found:
            if (ui::top_bar(tr(Str::back, p.loc).c_str(), tr(Str::app_title, p.loc), width)) out.push_back(Back{});
            draw_message(p, tr(Str::not_found, p.loc), tr(Str::not_found_detail, p.loc), false);
            break;
    }
    if (!map_page) ImGui::Dummy(ImVec2(0, px(32)));
    ImGui::End();
    draw_notice(vs, f);
    return out;
}

}  // namespace resident
