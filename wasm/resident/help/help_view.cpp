// The help app's page frame and its menu, 我的申请 list and a request's status page (chat,
// materials, proxy steps, video time, rating); shared form pieces.
#include "help_view.hpp"

#include <imgui.h>

#include <ctime>

#include "pictures.hpp"
#include "request_lifecycle.hpp"
#include "platform.hpp"
#include "strings.hpp"
#include "strings_help.hpp"
#include "theme.hpp"
#include "widgets.hpp"

namespace help {

using ui::px;
using nlohmann::json;

constexpr ImU32 kError = IM_COL32(176, 0, 32, 255);
constexpr ImU32 kWarn = IM_COL32(154, 84, 0, 255);

std::string kind_label(const std::string& kind, dp::Locale loc) {
    if (kind == "proxy") return tr(HelpStr::proxy, loc);
    if (kind == "prereview") return tr(HelpStr::prereview, loc);
    if (kind == "video") return tr(HelpStr::video, loc);
    return tr(HelpStr::ask, loc);
}

void section(Page& p, const std::string& title) {
    ImGui::Dummy(ImVec2(0, px(10)));
    ui::text_block(title, 20, ui::theme::kText, p.inner);
    ImGui::Dummy(ImVec2(0, px(2)));
}

void error_text(Page& p, const std::string& text) {
    if (!text.empty()) ui::text_block(text, 16, kError, p.inner);
}

void error_summary(Page& p, const std::vector<std::string>& lines) {
    if (lines.empty()) return;
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->ChannelsSplit(2);
    dl->ChannelsSetCurrent(1);
    const float pad = px(12);
    ImGui::SetCursorScreenPos(ImVec2(p0.x + pad, p0.y + pad));
    ImGui::BeginGroup();
    ui::text_block(tr(HelpStr::fix_these, p.loc), 17, kError, p.inner - 2 * pad);
    for (auto& l : lines) ui::text_block("· " + l, 16, kError, p.inner - 2 * pad);
    ImGui::EndGroup();
    const float bottom = ImGui::GetItemRectMax().y + pad;
    ui::register_hit("error-summary", p0.x, p0.y, p0.x + p.inner, bottom);
    dl->ChannelsSetCurrent(0);
    dl->AddRectFilled(p0, ImVec2(p0.x + p.inner, bottom), IM_COL32(253, 236, 238, 255), px(10));
    dl->AddRect(p0, ImVec2(p0.x + p.inner, bottom), kError, px(10), 0, px(1.5f));
    dl->ChannelsMerge();
    ImGui::SetCursorScreenPos(ImVec2(p0.x, bottom + px(10)));
    ImGui::Dummy(ImVec2(p.inner, 0));
}

void form_field(Page& p, const std::string& id, const std::string& label, const std::string& value,
                const std::string& message, const std::string& input_mode, const std::string& placeholder) {
    ui::text_block(label, 16, ui::theme::kText, p.inner);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float h = px(50);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, ImVec2(pos.x + p.inner, pos.y + h), ui::theme::kCard, px(8));
    dl->AddRect(pos, ImVec2(pos.x + p.inner, pos.y + h), message.empty() ? ui::theme::border() : kError, px(8), 0,
                px(message.empty() ? 1.0f : 2.0f));
    platform::TextFieldSpec f;
    f.id = id;
    f.x = ui::to_css(pos.x + px(2));
    f.y = ui::to_css(pos.y + px(2));
    f.width = ui::to_css(p.inner - px(4));
    f.height = ui::to_css(h - px(4));
    f.font_css = ui::to_css(px(17));
    f.placeholder = placeholder.empty() ? label : placeholder;
    f.value = value;
    f.input_mode = input_mode;
    const float top = ImGui::GetWindowPos().y, bottom = top + ImGui::GetWindowHeight();
    if (pos.y >= top && pos.y + h <= bottom) platform::place_text_field(f);
    ui::register_hit("field-" + id, pos.x, pos.y, pos.x + p.inner, pos.y + h);
    ImGui::Dummy(ImVec2(p.inner, h));
    if (!message.empty()) {
        const ImVec2 m0 = ImGui::GetCursorScreenPos();
        ui::text_block(message, 16, kError, p.inner);
        ui::register_hit("error-" + id, m0.x, m0.y, ImGui::GetItemRectMax().x, ImGui::GetItemRectMax().y);
    }
    ImGui::Dummy(ImVec2(0, px(8)));
}

void material_upload(Page& p, const std::string& request_id, const std::string& material_id, const std::string& name,
                     const std::string& sample, const std::string& picked_blob) {
    const float half = (p.inner - px(10)) * 0.5f;
    ui::text_block(name, 18, ui::theme::kText, p.inner);
    const ImVec2 row = ImGui::GetCursorScreenPos();
    // Left: a correct sample; right: what the resident picked.
    ImGui::BeginGroup();
    ui::text_block(tr(HelpStr::sample, p.loc), 14, ui::theme::muted(), half);
    if (!sample.empty())
        ui::picture(("sample-" + material_id).c_str(), "/assets/images/" + sample, tr(HelpStr::sample, p.loc) + "：" + name,
                    half);
    else
        ui::text_block(tr(HelpStr::no_sample, p.loc), 15, ui::theme::muted(), half);
    ImGui::EndGroup();
    const float left_bottom = ImGui::GetItemRectMax().y;
    ImGui::SetCursorScreenPos(ImVec2(row.x + half + px(10), row.y));
    ImGui::BeginGroup();
    ui::text_block(tr(HelpStr::yours, p.loc), 14, ui::theme::muted(), half);
    const std::string url = picked_blob.empty() ? "" : platform::blob_url(picked_blob);
    if (!url.empty())
        ui::picture(("picked-" + material_id).c_str(), url, name, half);
    else
        ui::text_block(tr(HelpStr::not_picked, p.loc), 15, ui::theme::muted(), half);
    ImGui::EndGroup();
    const float right_bottom = ImGui::GetItemRectMax().y;
    ImGui::SetCursorScreenPos(ImVec2(row.x, std::max(left_bottom, right_bottom) + px(8)));
    ImGui::PushID(material_id.c_str());
    ImGui::BeginGroup();
    const std::string cam = tr(HelpStr::take_photo, p.loc), gal = tr(HelpStr::from_gallery, p.loc);
    ImGui::PushID("cam");
    if (ui::secondary_button(cam.c_str(), half)) p.out.push_back(PickMaterial{request_id, material_id, true});
    ui::register_hit("camera-" + material_id, ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y,
                     ImGui::GetItemRectMax().x, ImGui::GetItemRectMax().y);
    ImGui::PopID();
    ImGui::SameLine(0, px(10));
    ImGui::PushID("gal");
    if (ui::secondary_button(gal.c_str(), half)) p.out.push_back(PickMaterial{request_id, material_id, false});
    ui::register_hit("gallery-" + material_id, ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y,
                     ImGui::GetItemRectMax().x, ImGui::GetItemRectMax().y);
    ImGui::PopID();
    ImGui::EndGroup();
    ImGui::PopID();
    ImGui::Dummy(ImVec2(0, px(8)));
}

namespace {

std::string when_text(double at) {
    if (at <= 0) return "";
    std::time_t t = static_cast<std::time_t>(at) + 8 * 3600;
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%d月%d日 %02d:%02d", tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min);
    return buf;
}

void card_begin(ImVec2& p0) {
    p0 = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->ChannelsSplit(2);
    dl->ChannelsSetCurrent(1);
    ImGui::SetCursorScreenPos(ImVec2(p0.x + px(14), p0.y + px(12)));
    ImGui::BeginGroup();
}
void card_end(Page& p, const ImVec2& p0, ImU32 edge = 0) {
    ImGui::EndGroup();
    const float bottom = ImGui::GetItemRectMax().y + px(12);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->ChannelsSetCurrent(0);
    dl->AddRectFilled(p0, ImVec2(p0.x + p.inner, bottom), ui::theme::kCard, px(12));
    dl->AddRect(p0, ImVec2(p0.x + p.inner, bottom), edge ? edge : ui::theme::border(), px(12), 0, px(edge ? 2.0f : 1.0f));
    dl->ChannelsMerge();
    ImGui::SetCursorScreenPos(ImVec2(p0.x, bottom + px(10)));
    ImGui::Dummy(ImVec2(p.inner, 0));
}

}  // namespace

// ---- 找人帮我办: the four ways ----

void draw_menu(Page& p) {
    const std::string item = p.m.route.item_id;
    ui::text_block(tr(HelpStr::help_title, p.loc), 26, ui::theme::kText, p.inner);
    ui::text_block(tr(HelpStr::help_intro, p.loc), 16, ui::theme::muted(), p.inner);
    if (item.empty()) {
        section(p, tr(HelpStr::which_item, p.loc));
        const size_t max = p.m.elder ? 4 : 8;
        size_t n = 0;
        for (auto& i : p.m.landing.popular_items) {
            if (n++ >= max) break;
            if (ui::item_card(("item-" + i.id).c_str(), i.plain_name.empty() ? i.name : i.plain_name, i.name, p.inner)) {
                dp::ResidentRoute r = p.m.route;
                r.item_id = i.id;
                p.out.push_back(Navigate{r});
            }
            ImGui::Dummy(ImVec2(0, px(2)));
        }
        if (ui::item_card("kind-ask", tr(HelpStr::ask, p.loc), tr(HelpStr::ask_desc_any, p.loc), p.inner))
            p.out.push_back(Navigate{route_to(p.m, dp::ResidentPage::help_ask)});
    } else {
        ui::text_block(tr(HelpStr::for_item, p.loc) + item_name(p.m, item), 18, ui::theme::kPrimaryDark, p.inner);
        ImGui::Dummy(ImVec2(0, px(6)));
        const std::pair<dp::ResidentPage, std::pair<HelpStr, HelpStr>> kinds[] = {
            {dp::ResidentPage::help_proxy, {HelpStr::proxy, HelpStr::proxy_desc}},
            {dp::ResidentPage::help_prereview, {HelpStr::prereview, HelpStr::prereview_desc}},
            {dp::ResidentPage::help_ask, {HelpStr::ask, HelpStr::ask_desc}},
            {dp::ResidentPage::help_video, {HelpStr::video, HelpStr::video_desc}}};
        const char* ids[] = {"kind-proxy", "kind-prereview", "kind-ask", "kind-video"};
        for (int i = 0; i < 4; ++i) {
            if (ui::item_card(ids[i], tr(kinds[i].second.first, p.loc), tr(kinds[i].second.second, p.loc), p.inner))
                p.out.push_back(Navigate{route_to(p.m, kinds[i].first)});
            ImGui::Dummy(ImVec2(0, px(2)));
        }
    }
    section(p, tr(HelpStr::my_requests, p.loc));
    const std::string sub = tr_n(HelpStr::requests_n, p.loc, static_cast<int>(p.m.mine.size() + p.m.pending.size()));
    if (ui::item_card("my-requests", tr(HelpStr::my_requests, p.loc), sub, p.inner))
        p.out.push_back(Navigate{route_to(p.m, dp::ResidentPage::requests)});
    ImGui::Dummy(ImVec2(0, px(6)));
    if (ui::secondary_button(tr(HelpStr::call_12345, p.loc).c_str(), p.inner)) platform::open_url("tel:12345");
}

// ---- 我的申请 ----

void draw_requests(Page& p) {
    ui::text_block(tr(HelpStr::my_requests, p.loc), 26, ui::theme::kText, p.inner);
    ui::text_block(tr(HelpStr::kept_on_phone, p.loc), 15, ui::theme::muted(), p.inner);
    int n = 0;
    for (auto& q : p.m.pending) {
        if (q.what != "request") continue;
        ImVec2 p0;
        card_begin(p0);
        const float w = p.inner - px(28);
        ui::text_block(kind_label(q.kind, p.loc) + " · " + q.item_name, 18, ui::theme::kText, w);
        const bool sending = p.m.online && q.attempts > 0;
        ui::text_block(tr(sending ? HelpStr::sending : HelpStr::waiting_to_send, p.loc), 17, kWarn, w);
        ui::text_block(tr(HelpStr::waiting_detail, p.loc), 15, ui::theme::muted(), w);
        card_end(p, p0, kWarn);
        ui::register_hit("pending-" + std::to_string(n++), p0.x, p0.y, p0.x + p.inner, ImGui::GetCursorScreenPos().y);
    }
    for (auto& r : p.m.rejected) {
        ImVec2 p0;
        card_begin(p0);
        const float w = p.inner - px(28);
        ui::text_block(kind_label(r.kind, p.loc) + " · " + r.item_name, 18, ui::theme::kText, w);
        ui::text_block(tr(HelpStr::not_accepted, p.loc) + r.message, 16, kError, w);
        for (auto& [f, msg] : r.fields) ui::text_block("· " + msg, 15, kError, w);
        card_end(p, p0, kError);
    }
    for (auto& r : p.m.mine) {
        std::string sub = r.item_name;
        auto d = p.m.details.find(r.id);
        if (d != p.m.details.end() && d->second.state == Load::ready)
            sub += " · " + d->second.data.value("status_label", "");
        if (ui::item_card(("req-" + r.id).c_str(), kind_label(r.kind, p.loc) + "  " + r.number, sub, p.inner)) {
            dp::ResidentRoute st = route_to(p.m, dp::ResidentPage::request_status);
            st.request_id = r.id;
            st.item_id.clear();
            st.answers.clear();
            p.out.push_back(Navigate{st});
        }
        ImGui::Dummy(ImVec2(0, px(2)));
    }
    if (p.m.mine.empty() && p.m.pending.empty() && p.m.rejected.empty())
        ui::text_block(tr(HelpStr::no_requests, p.loc), 17, ui::theme::muted(), p.inner);
}

// ---- one request ----

namespace {

void draw_materials(Page& p, const MyRequest& r, const json& d) {
    if (!d.contains("materials") || !d["materials"].is_array()) return;
    section(p, tr(HelpStr::materials, p.loc));
    if (d.value("prereview_passed", false)) {
        ui::text_block(tr(HelpStr::prereview_passed, p.loc), 22, ui::theme::kSuccess, p.inner);
        ui::register_hit("prereview-passed", ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y,
                         ImGui::GetItemRectMax().x, ImGui::GetItemRectMax().y);
    }
    for (auto& mat : d["materials"]) {
        const std::string id = mat.value("id", ""), state = mat.value("state", "");
        const std::string name = mat.value("name", id);
        bool queued = false;
        for (auto& q : p.m.pending)
            if (q.what == "upload" && q.request_id == r.id && q.text == id) queued = true;
        ImVec2 p0;
        card_begin(p0);
        const float w = p.inner - px(28);
        ImU32 colour = state == "accepted" ? ui::theme::kSuccess : state == "needs_supplement" ? kError : kWarn;
        std::string label = queued ? tr(HelpStr::waiting_to_send, p.loc) : mat.value("state_label", state);
        ui::text_block(name, 18, ui::theme::kText, w);
        ui::text_block(label, 17, colour, w);
        ui::register_hit("material-" + id + "-" + state, p0.x, p0.y, p0.x + p.inner, ImGui::GetCursorScreenPos().y);
        if (state == "needs_supplement" && !mat.value("reason", "").empty())
            ui::text_block(tr(HelpStr::redo_because, p.loc) + mat.value("reason", ""), 16, kError, w);
        card_end(p, p0, state == "needs_supplement" ? kError : 0);
        // Only what is missing or needs redoing can be (re)uploaded.
        if ((state == "needs_supplement" || state == "missing") && !queued) {
            auto it = p.m.picked.find(r.id + "/" + id);
            const std::string blob = it == p.m.picked.end() ? "" : it->second;
            material_upload(p, r.id, id, name, mat.value("sample", ""), blob);
            if (!blob.empty() && ui::primary_button((tr(HelpStr::upload_this, p.loc) + "##" + id).c_str(), p.inner))
                p.out.push_back(UploadMaterial{r.id, id});
            ImGui::Dummy(ImVec2(0, px(8)));
        }
    }
}

void draw_chat(Page& p, const MyRequest& r, const HelpViewState& vs, const json& d) {
    section(p, tr(HelpStr::chat, p.loc));
    auto it = p.m.chats.find(r.id);
    if (it != p.m.chats.end()) {
        const auto& c = it->second;
        for (auto& m : c.messages) {
            const std::string side = m.value("side", "");
            const bool mine = side == "resident";
            const float w = p.inner * 0.8f;
            const float x = mine ? p.pad + p.inner - w : p.pad;
            const std::string text = m.value("text", "");
            // A picture (either side) is drawn in the bubble, fetched with this request's token.
            const std::string pic_url =
                m.contains("upload") && m["upload"].is_object() ? m["upload"].value("url", "") : std::string();
            const std::string who = side == "system" ? "" : m.value("author", "") + "  " + when_text(m.value("at", 0.0));
            const float pic_w = w - px(24), pic_h = pic_url.empty() ? 0 : pic_w * 0.75f;
            const float text_h = text.empty() ? 0 : ui::text_block_height(text, 17, w - px(24));
            const float th = text_h + pic_h + (text_h > 0 && pic_h > 0 ? px(8) : 0);
            const ImVec2 p0(ImGui::GetWindowPos().x + x, ImGui::GetCursorScreenPos().y);
            ImGui::SetCursorScreenPos(p0);
            if (!who.empty()) ui::text_block(who, 13, ui::theme::muted(), w);
            const ImVec2 b0(p0.x, ImGui::GetCursorScreenPos().y);  // text_block leaves the cursor at the group's left
            ImGui::GetWindowDrawList()->AddRectFilled(
                b0, ImVec2(b0.x + w, b0.y + th + px(16)),
                side == "system" ? IM_COL32(236, 239, 244, 255) : mine ? IM_COL32(253, 236, 238, 255) : ui::theme::kCard,
                px(12));
            ImGui::SetCursorScreenPos(ImVec2(b0.x + px(12), b0.y + px(8)));
            if (!text.empty()) ui::text_block(text, 17, ui::theme::kText, w - px(24));
            if (!pic_url.empty()) {
                if (!text.empty()) ImGui::SetCursorScreenPos(ImVec2(b0.x + px(12), b0.y + px(16) + text_h));
                const std::string pid = "msg-picture-" + std::to_string(m.value("id", 0));
                ui::picture(pid.c_str(), pic_url, tr(HelpStr::a_picture, p.loc), pic_w, 0.75f, r.token);
            }
            ui::register_hit("msg-" + std::to_string(m.value("id", 0)), b0.x, b0.y, b0.x + w, b0.y + th + px(16));
            ImGui::SetCursorScreenPos(ImVec2(ImGui::GetWindowPos().x + p.pad, b0.y + th + px(22)));
            ImGui::Dummy(ImVec2(p.inner, 0));
        }
        // Read state of my last message, and "typing".
        long long last_mine = 0;
        for (auto& m : c.messages)
            if (m.value("side", "") == "resident") last_mine = m.value("id", 0LL);
        if (last_mine > 0) {
            const bool read = c.agent_read >= last_mine;
            ui::text_block(tr(read ? HelpStr::read : HelpStr::unread, p.loc), 14, ui::theme::muted(), p.inner);
            if (read) ui::register_hit("chat-read", ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y,
                                       ImGui::GetItemRectMax().x, ImGui::GetItemRectMax().y);
        }
        if (c.agent_typing) {
            ui::text_block(tr(HelpStr::agent_typing, p.loc), 15, ui::theme::kAccent, p.inner);
            ui::register_hit("agent-typing", ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y,
                             ImGui::GetItemRectMax().x, ImGui::GetItemRectMax().y);
        }
    }
    for (auto& q : p.m.pending)
        if (q.what == "message" && q.request_id == r.id)
            ui::text_block(q.text + "  · " + tr(HelpStr::waiting_to_send, p.loc), 16, kWarn, p.inner);
    const std::string status = d.value("status", "");
    if (status == "completed" || status == "rated" || status == "withdrawn") return;
    const std::string field = "chat-" + r.id;
    auto draft = vs.text.find(field);
    const std::string text = draft == vs.text.end() ? "" : draft->second;
    form_field(p, field, tr(HelpStr::your_message, p.loc), text, "", "text", tr(HelpStr::message_placeholder, p.loc));
    const float half = (p.inner - px(10)) * 0.5f;
    auto hit = [](const std::string& id) {
        ui::register_hit(id, ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y, ImGui::GetItemRectMax().x,
                         ImGui::GetItemRectMax().y);
    };
    ImGui::BeginDisabled(text.find_first_not_of(' ') == std::string::npos);
    if (ui::primary_button(tr(HelpStr::send, p.loc).c_str(), p.inner)) p.out.push_back(SendMessage{r.id, text});
    hit("chat-send");
    ImGui::EndDisabled();
    ImGui::Dummy(ImVec2(0, px(2)));
    if (ui::secondary_button((tr(HelpStr::photo_send, p.loc) + "##chat-camera").c_str(), half))
        p.out.push_back(AttachPicture{r.id, true});
    hit("chat-camera");
    ImGui::SameLine(0, px(10));
    if (ui::secondary_button((tr(HelpStr::gallery_send, p.loc) + "##chat-gallery").c_str(), half))
        p.out.push_back(AttachPicture{r.id, false});
    hit("chat-gallery");
}

// 撤回申请, with a confirmation step (a tap by mistake must not end the request).
void draw_withdraw(Page& p, const MyRequest& r, const json& d) {
    if (d.value("status", "") == "withdrawn") {
        ui::text_block(tr(HelpStr::withdrawn_note, p.loc), 16, ui::theme::muted(), p.inner);
        return;
    }
    bool allowed = false;
    for (auto& a : d.value("allowed_actions", json::array())) allowed = allowed || (a.is_string() && a == "withdraw");
    for (auto& q : p.m.pending)
        if (q.request_id == r.id && q.what == "withdraw") {
            ui::text_block(tr(HelpStr::withdraw, p.loc) + "  · " + tr(HelpStr::waiting_to_send, p.loc), 16, kWarn, p.inner);
            return;
        }
    if (!allowed) return;
    ImGui::Dummy(ImVec2(0, px(10)));
    auto hit = [](const std::string& id) {
        ui::register_hit(id, ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y, ImGui::GetItemRectMax().x,
                         ImGui::GetItemRectMax().y);
    };
    if (p.m.confirm_withdraw != r.id) {
        if (ui::secondary_button((tr(HelpStr::withdraw, p.loc) + "##withdraw").c_str(), p.inner))
            p.out.push_back(AskWithdraw{r.id});
        hit("withdraw");
        return;
    }
    ImVec2 p0;
    card_begin(p0);
    const float w = p.inner - px(28);
    ui::text_block(tr(HelpStr::withdraw_question, p.loc), 17, kError, w);
    hit("withdraw-question");
    ImGui::Dummy(ImVec2(0, px(4)));
    const float half = (w - px(10)) * 0.5f;
    if (ui::primary_button((tr(HelpStr::withdraw_yes, p.loc) + "##withdraw-yes").c_str(), half))
        p.out.push_back(Withdraw{r.id});
    hit("withdraw-yes");
    ImGui::SameLine(0, px(10));
    if (ui::secondary_button((tr(HelpStr::withdraw_no, p.loc) + "##withdraw-no").c_str(), half))
        p.out.push_back(CancelWithdraw{});
    hit("withdraw-no");
    card_end(p, p0, kError);
}

void draw_rating(Page& p, const MyRequest& r, const HelpViewState& vs, const json& d) {
    const std::string status = d.value("status", "");
    if (d.contains("rating") && d["rating"].is_object()) {
        section(p, tr(HelpStr::your_rating, p.loc));
        ui::text_block(d["rating"].value("label", ""), 20, ui::theme::kPrimaryDark, p.inner);
        ui::register_hit("rated", ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y, ImGui::GetItemRectMax().x,
                         ImGui::GetItemRectMax().y);
        if (!d["rating"].value("comment", "").empty())
            ui::text_block(d["rating"].value("comment", ""), 16, ui::theme::muted(), p.inner);
        return;
    }
    if (status != "completed") return;
    section(p, tr(HelpStr::rate_title, p.loc));
    auto it = p.m.rating.find(r.id);
    const int chosen = it == p.m.rating.end() ? 0 : it->second;
    for (int score = 5; score >= 1; --score) {
        const std::string label = rating_label(score, p.loc);
        if (ui::option_card(("rate-" + std::to_string(score)).c_str(), label, chosen == score, false, p.inner))
            p.out.push_back(SetRating{r.id, score});
        ImGui::Dummy(ImVec2(0, px(2)));
    }
    const std::string field = "comment-" + r.id;
    auto c = vs.text.find(field);
    const std::string comment = c == vs.text.end() ? "" : c->second;
    form_field(p, field, tr(HelpStr::comment_optional, p.loc), comment, "", "text");
    ImGui::BeginDisabled(chosen == 0);
    if (ui::primary_button(tr(HelpStr::submit_rating, p.loc).c_str(), p.inner)) p.out.push_back(SendRating{r.id, comment});
    ImGui::EndDisabled();
}

void draw_proxy_part(Page& p, const json& d) {
    if (!d.contains("proxy") || !d["proxy"].is_object()) return;
    const json& px_ = d["proxy"];
    section(p, tr(HelpStr::agreement, p.loc));
    if (px_.contains("signed") && px_["signed"].is_object()) {
        const json& s = px_["signed"];
        ui::text_block(tr(HelpStr::signed_at, p.loc) + when_text(s.value("signed_at", 0.0)), 16, ui::theme::kSuccess, p.inner);
        ui::text_block(tr(HelpStr::sign_hash, p.loc) + s.value("sha256", "").substr(0, 16) + "…", 14, ui::theme::muted(), p.inner);
        ui::register_hit("proxy-signed", ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y, ImGui::GetItemRectMax().x,
                         ImGui::GetItemRectMax().y);
    } else {
        ui::text_block(tr(HelpStr::not_signed_yet, p.loc), 16, kWarn, p.inner);
    }
    if (px_.contains("steps") && px_["steps"].is_array())
        for (auto& s : px_["steps"])
            ui::text_block(when_text(s.value("at", 0.0)) + "  " + s.value("label", ""), 16, ui::theme::kText, p.inner);
}

}  // namespace

void draw_status(Page& p) {
    const MyRequest* r = find_request(p.m, p.m.route.request_id);
    if (!r) {
        ui::text_block(tr(HelpStr::unknown_request, p.loc), 20, ui::theme::kText, p.inner);
        ui::text_block(tr(HelpStr::unknown_request_detail, p.loc), 16, ui::theme::muted(), p.inner);
        return;
    }
    ui::text_block(kind_label(r->kind, p.loc) + " · " + r->item_name, 17, ui::theme::muted(), p.inner);
    ui::text_block(tr(HelpStr::request_number, p.loc), 15, ui::theme::muted(), p.inner);
    ui::text_block(r->number, 26, ui::theme::kText, p.inner);
    ui::register_hit("request-number", ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y, ImGui::GetItemRectMax().x,
                     ImGui::GetItemRectMax().y);
    auto it = p.m.details.find(r->id);
    if (it == p.m.details.end() || it->second.state != Load::ready) {
        if (it != p.m.details.end() && !it->second.error.empty()) error_text(p, it->second.error);
        else ui::text_block(tr(HelpStr::loading, p.loc), 16, ui::theme::muted(), p.inner);
        return;
    }
    const json& d = it->second.data;
    if (!it->second.error.empty()) ui::text_block(it->second.error, 15, kWarn, p.inner);
    const std::string status = d.value("status", "");
    ImGui::Dummy(ImVec2(0, px(6)));
    ui::text_block(d.value("status_label", status), 24, status == "completed" || status == "rated" ? ui::theme::kSuccess
                                                        : status == "needs_supplement"              ? kError
                                                                                                    : ui::theme::kPrimaryDark,
                   p.inner);
    ui::register_hit("status-" + status, ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y, ImGui::GetItemRectMax().x,
                     ImGui::GetItemRectMax().y);
    if (d.contains("agent") && d["agent"].is_object())
        ui::text_block(tr(HelpStr::helper, p.loc) + d["agent"].value("display_name", ""), 16, ui::theme::muted(), p.inner);
    if (!d.value("supplement_reason", "").empty())
        ui::text_block(tr(HelpStr::redo_because, p.loc) + d.value("supplement_reason", ""), 16, kError, p.inner);
    if (d.contains("payload") && d["payload"].is_object() && !d["payload"].value("text", "").empty()) {
        section(p, tr(HelpStr::your_question, p.loc));
        ui::text_block(d["payload"].value("text", ""), 17, ui::theme::kText, p.inner);
    }
    if (!d.value("result", "").empty()) ui::text_block(tr(HelpStr::result, p.loc) + d.value("result", ""), 17, ui::theme::kText, p.inner);
    if (d.contains("video") && d["video"].is_object()) {
        const json& v = d["video"];
        const std::string vstate = v.value("state", "");
        section(p, tr(HelpStr::video, p.loc));
        ui::text_block(v.value("label", ""), 20, vstate == "confirmed" ? ui::theme::kSuccess : ui::theme::kText, p.inner);
        ui::register_hit("video-" + vstate, ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y, ImGui::GetItemRectMax().x,
                         ImGui::GetItemRectMax().y);
        bool sending = false;
        for (auto& q : p.m.pending) sending = sending || (q.request_id == r->id && q.what == "video");
        if (vstate == "confirmed") {
            ui::text_block(tr(HelpStr::video_confirmed_hint, p.loc), 16, ui::theme::muted(), p.inner);
        } else if (vstate == "proposed" && sending) {
            ui::text_block(tr(HelpStr::accept_time, p.loc) + "  · " + tr(HelpStr::waiting_to_send, p.loc), 16, kWarn, p.inner);
        } else if (vstate == "proposed" && (status != "completed" && status != "rated" && status != "withdrawn")) {
            ui::text_block(tr(HelpStr::video_proposed_hint, p.loc), 16, ui::theme::muted(), p.inner);
            if (v.contains("proposed_at") && v["proposed_at"].is_number() &&
                ui::primary_button((tr(HelpStr::accept_time, p.loc) + "##video-accept").c_str(), p.inner))
                p.out.push_back(AcceptSlot{r->id, v["proposed_at"].get<long long>()});
            ui::register_hit("video-accept", ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y, ImGui::GetItemRectMax().x,
                             ImGui::GetItemRectMax().y);
        }
    }
    draw_proxy_part(p, d);
    draw_materials(p, *r, d);
    draw_rating(p, *r, p.vs, d);
    draw_chat(p, *r, p.vs, d);
    draw_withdraw(p, *r, d);
    section(p, tr(HelpStr::history, p.loc));
    if (d.contains("events") && d["events"].is_array())
        for (auto& e : d["events"]) {
            const auto st = dp::help_status_from_string(e.value("status", ""));
            ui::text_block(when_text(e.value("at", 0.0)) + "  " + (st ? dp::label_zh(*st) : e.value("status", "")) +
                               (e.value("note", "").empty() ? "" : "：" + e.value("note", "")),
                           15, ui::theme::muted(), p.inner);
        }
}

// ---- the frame ----

std::vector<Action> draw_help(const HelpModel& m, HelpViewState& vs, const ui::FrameInfo& f) {
    std::vector<Action> out;
    ImGui::SetNextWindowPos(ImVec2(f.inset_left, f.inset_top));
    ImGui::SetNextWindowSize(ImVec2(f.width - f.inset_left - f.inset_right, f.height - f.inset_top - f.inset_bottom));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::Begin("help", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus);
    ImGui::PopStyleVar();
    const std::string url = dp::resident_url(m.route);
    if (url != vs.page_url) {
        vs.page_url = url;
        vs.scroll = {};
        ImGui::SetScrollY(0);
    }
    // A finger that lands on the signature pad draws; anywhere else it scrolls the page.
    ImGuiIO& io = ImGui::GetIO();
    if (ImGui::IsMouseClicked(0))
        vs.on_pad = m.route.page == dp::ResidentPage::help_proxy_sign && io.MousePos.x >= vs.pad_x0 &&
                    io.MousePos.x <= vs.pad_x1 && io.MousePos.y >= vs.pad_y0 && io.MousePos.y <= vs.pad_y1;
    vs.animating = vs.on_pad ? false : ui::touch_scroll(vs.scroll);
    if (!ImGui::IsMouseDown(0) && !ImGui::IsMouseReleased(0)) vs.on_pad = false;

    const float width = f.width - f.inset_left - f.inset_right;
    const float pad = px(m.elder ? 14 : 16);
    Page p{m, vs, out, width, pad, width - 2 * pad, m.locale};
    const bool home_page = m.route.page == dp::ResidentPage::help_menu;
    const std::string title = m.route.page == dp::ResidentPage::requests         ? tr(HelpStr::my_requests, p.loc)
                              : m.route.page == dp::ResidentPage::request_status ? tr(HelpStr::request_status, p.loc)
                              : m.route.page == dp::ResidentPage::help_proxy      ? tr(HelpStr::proxy, p.loc)
                              : m.route.page == dp::ResidentPage::help_proxy_sign ? tr(HelpStr::agreement, p.loc)
                              : m.route.page == dp::ResidentPage::help_prereview  ? tr(HelpStr::prereview, p.loc)
                              : m.route.page == dp::ResidentPage::help_ask        ? tr(HelpStr::ask, p.loc)
                              : m.route.page == dp::ResidentPage::help_video      ? tr(HelpStr::video, p.loc)
                                                                                  : tr(HelpStr::help_title, p.loc);
    if (ui::top_bar(resident::tr(home_page ? resident::Str::home : resident::Str::back, p.loc).c_str(), title, width))
        out.push_back(home_page ? Action{Home{}} : Action{Back{}});
    if (!m.online) {
        const ImVec2 b0 = ImGui::GetCursorScreenPos();
        const std::string text = tr(HelpStr::offline_banner, p.loc);
        const float bh = ui::text_block_height(text, 16, p.inner) + px(16);
        ImGui::GetWindowDrawList()->AddRectFilled(b0, ImVec2(b0.x + width, b0.y + bh), IM_COL32(255, 244, 214, 255));
        ImGui::SetCursorScreenPos(ImVec2(b0.x + pad, b0.y + px(8)));
        ui::text_block(text, 16, kWarn, p.inner);
        ui::register_hit("offline-banner", b0.x, b0.y, b0.x + width, b0.y + bh);
        ImGui::SetCursorScreenPos(ImVec2(b0.x, b0.y + bh));
        ImGui::Dummy(ImVec2(width, 0));
    }
    ImGui::Dummy(ImVec2(0, px(14)));
    ImGui::SetCursorPosX(pad);
    ImGui::BeginGroup();
    if (m.plate_state == Load::failed) {
        ui::text_block(m.plate_error, 18, ui::theme::kText, p.inner);
    } else if (m.plate_state != Load::ready) {
        ui::text_block(tr(HelpStr::loading, p.loc), 16, ui::theme::muted(), p.inner);
    } else {
        switch (m.route.page) {
            case dp::ResidentPage::help_menu: draw_menu(p); break;
            case dp::ResidentPage::help_proxy: draw_proxy_form(p); break;
            case dp::ResidentPage::help_proxy_sign: draw_proxy_sign(p); break;
            case dp::ResidentPage::help_prereview: draw_prereview(p); break;
            case dp::ResidentPage::help_ask: draw_ask(p); break;
            case dp::ResidentPage::help_video: draw_video(p); break;
            case dp::ResidentPage::requests: draw_requests(p); break;
            case dp::ResidentPage::request_status: draw_status(p); break;
            default: ui::text_block(resident::tr(resident::Str::not_found, p.loc), 20, ui::theme::kText, p.inner);
        }
    }
    ImGui::EndGroup();
    ImGui::Dummy(ImVec2(0, px(40)));
    ImGui::End();
    return out;
}

}  // namespace help
