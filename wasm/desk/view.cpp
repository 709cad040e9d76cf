// The console's frame: the top bar (product, pages, the signed-in user), the login page, and the
// page of the current route laid out for a desktop screen.
#include "view.hpp"

#include <imgui.h>

#include "desk_widgets.hpp"
#include "theme.hpp"
#include "widgets.hpp"

namespace desk {

using ui::px;

const std::string& draft(const ViewState& vs, const std::string& id) {
    static const std::string empty;
    auto it = vs.text.find(id);
    return it == vs.text.end() ? empty : it->second;
}

namespace {

const char* role_label(const std::string& role) {
    if (role == "supervisor") return "督办主管";
    if (role == "admin") return "管理员";
    return "帮办员";
}

void top_bar(Ctx& c, float width) {
    const float h = px(52);
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p0, ImVec2(p0.x + width, p0.y + h), ui::theme::kCard);
    dl->AddLine(ImVec2(p0.x, p0.y + h - px(1)), ImVec2(p0.x + width, p0.y + h - px(1)), ui::theme::kCardBorder, px(1));
    // The mark: a small red doorplate square, then the product name.
    dl->AddRectFilled(ImVec2(p0.x + px(20), p0.y + px(15)), ImVec2(p0.x + px(42), p0.y + px(37)), ui::theme::kPrimary, px(4));
    ImGui::SetCursorScreenPos(ImVec2(p0.x + px(52), p0.y + px(14)));
    label("坐席控制台", 17, ui::theme::kText);
    ImGui::SameLine(0, px(8));
    ImGui::SetCursorScreenPos(ImVec2(ImGui::GetCursorScreenPos().x, p0.y + px(18)));
    label("数字政务门牌 · 帮办代办", 13, ui::theme::kTextMuted);
    if (!c.m.logged_in) {
        ImGui::SetCursorScreenPos(ImVec2(p0.x, p0.y + h));
        return;
    }
    // Pages
    float x = p0.x + px(330);
    struct Tab {
        const char* id;
        const char* text;
        Page page;
    };
    std::vector<Tab> tabs = {{"nav-queue", "工作台", Page::queue}, {"nav-batch", "批量代办", Page::batch}};
    if (c.m.user.supervisor()) tabs.push_back({"nav-stats", "统计", Page::stats});
    if (c.m.user.supervisor()) tabs.push_back({"nav-follow-ups", "差评回访", Page::follow_ups});
    for (auto& t : tabs) {
        ImGui::PushFont(nullptr, 15);
        const ImVec2 ts = ImGui::CalcTextSize(t.text);
        const float w = ts.x + px(28);
        ImGui::SetCursorScreenPos(ImVec2(x, p0.y));
        ImGui::PushID(t.id);
        if (ImGui::InvisibleButton("tab", ImVec2(w, h))) c.out.push_back(Navigate{Route{t.page, 0}});
        ImGui::PopID();
        ui::register_hit(t.id, x, p0.y, x + w, p0.y + h);
        const bool on = c.m.route.page == t.page;
        dl->AddText(ImVec2(x + px(14), p0.y + (h - ts.y) * 0.5f), on ? ui::theme::kAccent : ui::theme::kText, t.text);
        if (on) dl->AddRectFilled(ImVec2(x + px(8), p0.y + h - px(3)), ImVec2(x + w - px(8), p0.y + h), ui::theme::kAccent);
        ImGui::PopFont();
        x += w;
    }
    // The user and logout on the right.
    const std::string who = (c.m.user.display_name.empty() ? c.m.user.username : c.m.user.display_name) + " · " +
                            role_label(c.m.user.role);
    ImGui::PushFont(nullptr, 14);
    const float ww = ImGui::CalcTextSize(who.c_str()).x;
    ImGui::PopFont();
    const float logout_w = px(64);
    ImGui::SetCursorScreenPos(ImVec2(p0.x + width - px(20) - logout_w - px(12) - ww, p0.y + px(17)));
    label(who, 14, ui::theme::kTextMuted);
    ImGui::SetCursorScreenPos(ImVec2(p0.x + width - px(20) - logout_w, p0.y + px(10)));
    if (button("logout", "退出", ButtonStyle::quiet, true, logout_w)) c.out.push_back(Logout{});
    ImGui::SetCursorScreenPos(ImVec2(p0.x, p0.y + h));
}

}  // namespace

void draw_login(Ctx& c, float width, float height) {
    const float cw = px(380);
    const float x = (width - cw) * 0.5f;
    const float y = ImGui::GetCursorScreenPos().y + std::max(px(40), (height - px(420)) * 0.35f);
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    begin_card("login-card", cw);
    const float inner = cw - px(32);
    label("登录坐席控制台", 20, ui::theme::kText);
    ImGui::Dummy(ImVec2(0, px(2)));
    ui::text_block("帮办员、督办主管使用工作账号登录。", 13.5f, ui::theme::kTextMuted, inner);
    ImGui::Dummy(ImVec2(0, px(6)));
    section_title("用户名");
    text_field("login-user", "例如 agent_ximei", draft(c.vs, "login-user"), inner, px(36));
    section_title("密码");
    text_field("login-password", "密码", draft(c.vs, "login-password"), inner, px(36), "password");
    if (!c.m.login_error.empty()) {
        ImGui::Dummy(ImVec2(0, px(2)));
        ui::text_block(c.m.login_error, 14, ui::theme::kPrimary, inner);
    }
    ImGui::Dummy(ImVec2(0, px(4)));
    if (button("login", c.m.login_busy ? "正在登录…" : "登录", ButtonStyle::primary, !c.m.login_busy, inner))
        c.out.push_back(Login{draft(c.vs, "login-user"), draft(c.vs, "login-password")});
    ImGui::Dummy(ImVec2(0, px(4)));
    end_card();
}

std::vector<Action> draw(const Model& m, ViewState& vs, const ui::FrameInfo& f) {
    std::vector<Action> out;
    Ctx c{m, vs, out};
    if (vs.shown_request != m.route.request_id) {
        vs.shown_request = m.route.request_id;
        vs.reveal_field.clear();
        vs.open_form.clear();
        vs.open_review.clear();
        vs.chosen_agent.clear();
        vs.shown_messages = 0;
        vs.proposing_slot = false;
        vs.chosen_slot = 0;
    }
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(f.width, f.height));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(px(8), px(8)));
    ImGui::Begin("desk", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollbar |
                     ImGuiWindowFlags_NoScrollWithMouse);
    top_bar(c, f.width);
    const float body_h = f.height - px(52);
    if (m.session == Load::loading || m.session == Load::idle) {
        ImGui::SetCursorScreenPos(ImVec2(px(24), px(76)));
        label("正在检查登录状态…", 15, ui::theme::kTextMuted);
    } else if (!m.logged_in) {
        draw_login(c, f.width, body_h);
    } else if (m.route.page == Page::batch) {
        draw_batch(c, f.width, body_h);
    } else if (m.route.page == Page::stats) {
        draw_stats(c, f.width, body_h);
    } else if (m.route.page == Page::follow_ups) {
        draw_follow_ups(c, f.width, body_h);
    } else {
        const float list_w = std::min(px(470), f.width * 0.4f);
        const ImVec2 top = ImGui::GetCursorScreenPos();
        draw_queue_panel(c, list_w, body_h);
        ImGui::SetCursorScreenPos(ImVec2(top.x + list_w, top.y));
        draw_detail_panel(c, f.width - list_w, body_h);
    }
    ImGui::End();
    ImGui::PopStyleVar(2);
    return out;
}

}  // namespace desk
