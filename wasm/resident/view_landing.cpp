// The doorplate landing: the address, the search box, life-event shortcuts, the items most
// needed here, and how to get help; plus the search and settings pages.
#include <imgui.h>

#include "strings.hpp"
#include "theme.hpp"
#include "view.hpp"
#include "widgets.hpp"

namespace resident {

using ui::px;

namespace {

// The red band at the top with the doorplate's address and a settings entry. The band is
// drawn behind the text once the text's height is known (draw-list channels).
void draw_header(Page& p) {
    const auto& a = p.m.landing.doorplate.address;
    const float pad = px(20);
    const float inner = p.width - 2 * pad;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    dl->ChannelsSplit(2);
    dl->ChannelsSetCurrent(1);
    ImGui::SetCursorScreenPos(ImVec2(p0.x + pad, p0.y + pad));
    ImGui::BeginGroup();
    ui::text_block(tr(Str::app_title, p.loc) + " · " + a.county, 14, IM_COL32(255, 225, 228, 255), inner - px(64));
    ui::text_block(a.road + a.number + a.building, 26, IM_COL32_WHITE, inner);
    ui::text_block(a.town + " · " + a.village, 16, IM_COL32(255, 240, 241, 255), inner);
    ImGui::EndGroup();
    const float bottom = ImGui::GetItemRectMax().y + pad * 0.6f;
    // Settings: top right, a 44 px target.
    const std::string label = tr(Str::settings, p.loc);
    ImGui::PushFont(nullptr, 15);
    const float w = ImGui::CalcTextSize(label.c_str()).x + px(20);
    ImGui::SetCursorScreenPos(ImVec2(p0.x + p.width - w - px(8), p0.y + px(6)));
    const bool open_settings = ImGui::InvisibleButton("settings", ImVec2(w, px(44)));
    ui::register_hit("settings", ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y, ImGui::GetItemRectMax().x,
                     ImGui::GetItemRectMax().y);
    if (open_settings) p.out.push_back(Navigate{route_to(p.m, dp::ResidentPage::settings)});
    dl->AddText(ImVec2(p0.x + p.width - w + px(2), p0.y + px(6) + (px(44) - ImGui::GetTextLineHeight()) * 0.5f),
                IM_COL32_WHITE, label.c_str());
    ImGui::PopFont();
    dl->ChannelsSetCurrent(0);
    dl->AddRectFilled(p0, ImVec2(p0.x + p.width, bottom), ui::theme::kPrimary);
    dl->ChannelsMerge();
    ImGui::SetCursorScreenPos(ImVec2(p0.x, bottom + px(16)));
}

void section_title(Page& p, const std::string& text) {
    ImGui::Dummy(ImVec2(0, px(8)));
    ui::text_block(text, 20, ui::theme::kText, p.inner);
}

}  // namespace

void draw_landing(Page& p) {
    if (p.m.landing_state == Load::failed) {
        draw_message(p, p.m.error_title, p.m.error_detail, true);
        return;
    }
    if (p.m.landing_state != Load::ready) {
        draw_message(p, tr(Str::loading_doorplate, p.loc), "", false);
        return;
    }
    draw_header(p);
    ImGui::SetCursorPosX(p.pad);
    ImGui::BeginGroup();
    search_field(p);
    draw_map_entry(p);

    section_title(p, tr(Str::life_events, p.loc));
    std::vector<std::string> labels;
    const size_t shown = p.m.settings.elder ? 6 : life_events().size();
    for (size_t i = 0; i < shown; ++i) labels.push_back(life_event_label(life_events()[i], p.loc));
    int tapped = ui::chips("life-events", labels, p.inner);
    if (tapped >= 0) {
        dp::ResidentRoute r = route_to(p.m, dp::ResidentPage::search);
        r.query = life_events()[static_cast<size_t>(tapped)].zh_hans;
        p.out.push_back(Navigate{r});
    }

    section_title(p, tr(Str::popular_here, p.loc));
    const size_t max_items = p.m.settings.elder ? 4 : 8;
    size_t n = 0;
    for (auto& item : p.m.landing.popular_items) {
        if (n++ >= max_items) break;
        if (ui::item_card(item.id.c_str(), item.plain_name, item.name, p.inner))
            p.out.push_back(Navigate{guide_route(p.m, item.id)});
        ImGui::Dummy(ImVec2(0, px(2)));
    }

    section_title(p, tr(Str::help_title, p.loc));
    if (ui::item_card("help", tr(Str::help_open, p.loc), tr(Str::help_open_detail, p.loc), p.inner))
        p.out.push_back(Navigate{route_to(p.m, dp::ResidentPage::help_menu)});
    ImGui::Dummy(ImVec2(0, px(2)));
    if (ui::item_card("my-requests", tr(Str::my_requests, p.loc), "", p.inner))
        p.out.push_back(Navigate{route_to(p.m, dp::ResidentPage::requests)});
    ImGui::Dummy(ImVec2(0, px(4)));
    ui::text_block(tr(Str::help_body, p.loc), 16, ui::theme::muted(), p.inner);
    ImGui::Dummy(ImVec2(0, px(4)));
    if (ui::secondary_button(tr(Str::help_call, p.loc).c_str(), p.inner)) p.out.push_back(OpenExternal{"tel:12345"});
    ImGui::EndGroup();
}

void draw_search(Page& p) {
    if (ui::top_bar(tr(Str::back, p.loc).c_str(), tr(Str::search_title, p.loc), p.width))
        p.out.push_back(Back{});
    ImGui::Dummy(ImVec2(0, px(12)));
    ImGui::SetCursorPosX(p.pad);
    ImGui::BeginGroup();
    search_field(p);
    ImGui::Dummy(ImVec2(0, px(4)));
    const std::string q = p.m.search_text;
    if (p.m.search_state == Load::failed) {
        ui::text_block(tr(Str::network_down, p.loc), 17, ui::theme::kText, p.inner);
        if (ui::primary_button(tr(Str::retry, p.loc).c_str(), p.inner)) p.out.push_back(Retry{});
    } else if (!p.m.search) {
        ui::text_block(tr(Str::loading_catalogue, p.loc), 16, ui::theme::muted(), p.inner);
    } else if (q.empty()) {
        std::vector<std::string> labels;
        for (auto& e : life_events()) labels.push_back(life_event_label(e, p.loc));
        int tapped = ui::chips("life-events", labels, p.inner);
        if (tapped >= 0) p.out.push_back(SearchTyped{life_events()[static_cast<size_t>(tapped)].zh_hans});
    } else {
        auto results = p.m.search->search(q, 30);
        ui::text_block(results.empty() ? tr(Str::no_results, p.loc) : tr_n(Str::results_n, p.loc, static_cast<int>(results.size())),
                       15, ui::theme::muted(), p.inner);
        for (auto& r : results) {
            const dp::SearchEntry* e = p.m.search->find(r.id);
            if (!e) continue;
            std::string sub = e->name;
            if (r.field == "alias" || r.field == "pinyin_alias") sub += "（" + r.matched_text + "）";
            if (ui::item_card(("r-" + r.id).c_str(), e->plain_name.empty() ? e->name : e->plain_name, sub, p.inner))
                p.out.push_back(Navigate{guide_route(p.m, r.id)});
            ImGui::Dummy(ImVec2(0, px(2)));
        }
    }
    ImGui::EndGroup();
}

void draw_settings(Page& p) {
    if (ui::top_bar(tr(Str::back, p.loc).c_str(), tr(Str::settings, p.loc), p.width)) p.out.push_back(Back{});
    ImGui::Dummy(ImVec2(0, px(12)));
    ImGui::SetCursorPosX(p.pad);
    ImGui::BeginGroup();
    ui::text_block(tr(Str::language, p.loc), 20, ui::theme::kText, p.inner);
    const std::pair<dp::Locale, const char*> langs[] = {
        {dp::Locale::zh_hans, "简体中文"}, {dp::Locale::zh_hant, "繁體中文"}, {dp::Locale::en, "English"}};
    for (auto& [loc, label] : langs) {
        if (ui::option_card(label, label, p.m.settings.locale == loc, false, p.inner)) p.out.push_back(SetLocale{loc});
        ImGui::Dummy(ImVec2(0, px(2)));
    }
    ImGui::Dummy(ImVec2(0, px(8)));
    ui::text_block(tr(Str::elder_mode, p.loc), 20, ui::theme::kText, p.inner);
    if (ui::option_card("elder", tr(Str::elder_desc, p.loc), p.m.settings.elder, true, p.inner))
        p.out.push_back(SetElder{!p.m.settings.elder});
    ImGui::Dummy(ImVec2(0, px(8)));
    ui::text_block(tr(Str::read_aloud, p.loc), 20, ui::theme::kText, p.inner);
    ui::text_block(tr(Str::read_aloud_desc, p.loc), 15, ui::theme::muted(), p.inner);
    draw_nav_app_setting(p);
    ImGui::EndGroup();
}

}  // namespace resident
