// The kind's own part of a request: the question, pre-review materials side by side with the
// checklist's sample and review points and the uploaded file (accept or ask for a supplement),
// the proxy case (form, signed agreement with its hash, steps), the video slot; and the
// conversation (问一问) with canned replies.
#include <imgui.h>

#include "desk_widgets.hpp"
#include "pictures.hpp"
#include "platform.hpp"
#include "theme.hpp"
#include "view.hpp"
#include "widgets.hpp"

namespace desk {

using ui::px;

namespace {

std::string json_text(const nlohmann::json& j, const char* key) {
    if (!j.is_object()) return "";
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return "";
    return it->is_string() ? it->get<std::string>() : it->dump();
}

bool request_open(const std::string& s) {
    return s == "submitted" || s == "assigned" || s == "in_progress" || s == "needs_supplement";
}

std::string sample_url(const std::string& sample) {
    if (sample.empty()) return "";
    if (sample[0] == '/' || sample.rfind("http", 0) == 0) return sample;
    return "/assets/images/" + sample;
}

ImU32 material_color(const std::string& state) {
    if (state == "accepted") return ui::theme::kSuccess;
    if (state == "needs_supplement") return IM_COL32(190, 110, 0, 255);
    if (state == "submitted") return ui::theme::kAccent;
    return ui::theme::kTextMuted;
}

void material_card(Ctx& c, const Material& mat, float width) {
    begin_card(("material-" + mat.id).c_str(), width);
    const float inner = width - px(32);
    label(mat.name, 16, ui::theme::kText);
    ImGui::SameLine(0, px(10));
    const ImU32 col = material_color(mat.state);
    badge(mat.state_label.empty() ? mat.state : mat.state_label, col, (col & 0x00FFFFFF) | 0x1F000000);
    const float col_w = (inner - px(32)) / 3;
    const float y0 = ImGui::GetCursorPosY(), x0 = ImGui::GetCursorPosX();
    // 1: review points
    ImGui::BeginGroup();
    section_title("审查要点");
    for (auto& p : mat.review_points) ui::text_block("· " + p, 13.5f, ui::theme::kText, col_w);
    if (mat.review_points.empty()) label("—", 13.5f, ui::theme::kTextMuted);
    if (!mat.reason.empty()) {
        ImGui::Dummy(ImVec2(0, px(4)));
        section_title("补件原因");
        ui::text_block(mat.reason, 13.5f, IM_COL32(170, 95, 0, 255), col_w);
    }
    ImGui::EndGroup();
    float bottom = ImGui::GetCursorPosY();
    // 2: the checklist's sample
    ImGui::SetCursorPos(ImVec2(x0 + col_w + px(16), y0));
    ImGui::BeginGroup();
    section_title("正确样例");
    if (!mat.sample.empty()) ui::picture(("sample-" + mat.id).c_str(), sample_url(mat.sample), "样例", col_w, 0.7f);
    else label("这项材料没有样例图", 13, ui::theme::kTextMuted);
    ImGui::EndGroup();
    bottom = std::max(bottom, ImGui::GetCursorPosY());
    // 3: the resident's upload
    ImGui::SetCursorPos(ImVec2(x0 + 2 * (col_w + px(16)), y0));
    ImGui::BeginGroup();
    section_title("居民上传");
    if (mat.upload_url.empty()) {
        label("还没有上传", 13, ui::theme::kTextMuted);
    } else if (mat.upload_mime == "application/pdf") {
        if (button("open-" + mat.id, "打开 PDF 文件", ButtonStyle::secondary)) platform::open_url(mat.upload_url);
    } else {
        if (ui::picture(("upload-" + mat.id).c_str(), mat.upload_url, "居民上传的图片", col_w, 0.7f))
            platform::open_url(mat.upload_url);
        if (mat.uploaded_at) label("上传于 " + china_time(mat.uploaded_at), 12.5f, ui::theme::kTextMuted);
    }
    ImGui::EndGroup();
    bottom = std::max(bottom, ImGui::GetCursorPosY());
    ImGui::SetCursorPos(ImVec2(x0, bottom));
    // Review
    if (mat.state == "submitted") {
        const bool busy = c.m.action_busy;
        if (button("review-accept-" + mat.id, "合格", ButtonStyle::primary, !busy))
            c.out.push_back(ReviewMaterial{mat.id, "accepted", ""});
        ImGui::SameLine(0, px(8));
        if (button("review-supplement-" + mat.id, "需补件", ButtonStyle::danger, !busy))
            c.vs.open_review = c.vs.open_review == mat.id ? "" : mat.id;
        if (c.vs.open_review == mat.id) {
            const std::string fid = "review-reason-" + mat.id;
            text_field(fid, "补件原因，例如：照片反光，看不清号码，请在光线充足处重新拍摄", draft(c.vs, fid), inner, px(56), "text",
                       true, false);
            if (button("review-submit-" + mat.id, "发送补件要求", ButtonStyle::danger, !busy))
                c.out.push_back(ReviewMaterial{mat.id, "needs_supplement", draft(c.vs, fid)});
        }
    }
    end_card();
}

void prereview(Ctx& c, float width) {
    const Detail& d = c.m.detail;
    section_title("预审材料（左：审查要点，中：正确样例，右：居民上传）");
    if (d.prereview_passed) label("预审通过", 16, ui::theme::kSuccess);
    for (auto& mat : d.materials) material_card(c, mat, width);
    if (d.materials.empty()) label("没有材料", 14, ui::theme::kTextMuted);
}

const char* kSteps[][2] = {{"materials_received", "已收到材料"}, {"submitted", "已提交办理部门"},
                           {"result_ready", "办理结果已出"},     {"delivered", "已寄出"},
                           {"picked_up", "已取件"}};

void proxy(Ctx& c, float width) {
    const Detail& d = c.m.detail;
    const nlohmann::json& p = d.proxy;
    begin_card("proxy", width);
    const float inner = width - px(32), lw = px(120);
    section_title("代办表单");
    const nlohmann::json form = p.is_object() && p.contains("form") && p["form"].is_object() ? p["form"]
                                : p.is_object() && p.contains("prefill") ? p["prefill"]
                                                                          : nlohmann::json::object();
    const char* names[][2] = {{"name", "申请人姓名"}, {"id_number", "身份证号码"}, {"phone", "手机号码"},
                              {"address", "住址"},     {"handover", "取件方式"},   {"delivery_address", "邮寄地址"}};
    for (auto& n : names) {
        std::string v = json_text(form, n[0]);
        if (std::string(n[0]) == "handover") v = v == "delivery" ? "邮寄到家" : v == "pickup" ? "到服务点领取" : v;
        if (std::string(n[0]) == "delivery_address" && v.empty()) continue;
        const float x = ImGui::GetCursorScreenPos().x, y = ImGui::GetCursorScreenPos().y;
        label(n[1], 14, ui::theme::kTextMuted);
        ImGui::SetCursorScreenPos(ImVec2(x + lw, y));
        label(v.empty() ? "—" : v, 14, ui::theme::kText);
    }
    if (!(p.is_object() && p.contains("form") && p["form"].is_object()))
        label("（居民尚未签署，以上为门牌预填信息）", 12.5f, ui::theme::kTextMuted);
    ImGui::Dummy(ImVec2(0, px(4)));
    section_title("电子委托书");
    const nlohmann::json s = p.is_object() && p.contains("signed") ? p["signed"] : nlohmann::json();
    if (!s.is_object()) {
        label("居民尚未签署代办委托书", 14, ui::theme::kTextMuted);
    } else {
        const bool verified = s.value("verified", false);
        label(verified ? "已签署，内容校验一致" : "校验不一致：签署内容或签名文件已变化", 14,
              verified ? ui::theme::kSuccess : ui::theme::kPrimary);
        label("签署时间 " + china_time(s.value("signed_at", int64_t{0})), 13, ui::theme::kTextMuted);
        label("SHA-256 " + json_text(s, "sha256"), 12.5f, ui::theme::kText);
        std::string text = json_text(s, "agreement_text");
        if (text.size() > 900) text = text.substr(0, 900) + "…";
        ImGui::Dummy(ImVec2(0, px(2)));
        ui::text_block(text, 13, ui::theme::kText, inner);
        const std::string sig = json_text(s, "signature_url");
        if (!sig.empty()) {
            section_title("手写签名");
            ui::picture("signature", sig, "签名", std::min(inner, px(260)), 0.4f);
        }
    }
    ImGui::Dummy(ImVec2(0, px(4)));
    section_title("办理进度");
    if (p.is_object() && p.contains("steps") && p["steps"].is_array() && !p["steps"].empty()) {
        for (auto& st : p["steps"]) {
            std::string line = china_time(st.value("at", int64_t{0})) + "  " + json_text(st, "label");
            if (!json_text(st, "note").empty()) line += "：" + json_text(st, "note");
            ui::text_block(line, 14, ui::theme::kText, inner);
        }
    } else {
        label("还没有进度记录", 13, ui::theme::kTextMuted);
    }
    if (d.row.status == "in_progress") {
        text_field("step-note", "进度说明（选填），例如：材料已交溪美派出所", draft(c.vs, "step-note"), inner, px(34));
        for (int i = 0; i < 5; ++i) {
            if (i) ImGui::SameLine(0, px(6));
            if (button(std::string("proxy-step-") + kSteps[i][0], kSteps[i][1], ButtonStyle::secondary, !c.m.action_busy))
                c.out.push_back(ProxyStep{kSteps[i][0], draft(c.vs, "step-note")});
        }
    }
    end_card();
}

void video(Ctx& c, float width) {
    const Detail& d = c.m.detail;
    begin_card("video", width);
    section_title("视频帮办预约");
    const nlohmann::json& v = d.video;
    std::string state = json_text(v, "state");
    std::string text = json_text(v, "label");
    if (text.empty() && d.payload.is_object() && d.payload.contains("slot_at"))
        text = "居民选择的时间：" + china_time(d.payload.value("slot_at", int64_t{0}));
    label(text.empty() ? "—" : text, 15, state == "confirmed" ? ui::theme::kSuccess : ui::theme::kText);
    if (d.payload.is_object() && !json_text(d.payload, "topic").empty())
        ui::text_block("想咨询：" + json_text(d.payload, "topic"), 14, ui::theme::kText, width - px(32));
    if (state == "proposed")
        ui::text_block("已请居民确认新的时间；居民同意后这里显示“已确认”，居民也可以另选时间。", 13, ui::theme::kTextMuted,
                       width - px(32));
    if ((state == "requested" || state == "proposed") && request_open(d.row.status)) {
        if (state == "requested") {
            if (button("video-confirm", "确认这个时间", ButtonStyle::primary, !c.m.action_busy)) c.out.push_back(ConfirmVideo{0});
            if (!c.vs.proposing_slot) ImGui::SameLine(0, px(8));
        }
        if (!c.vs.proposing_slot && button("video-propose", "另提一个时间", ButtonStyle::secondary, !c.m.action_busy)) {
            c.vs.proposing_slot = true;
            c.vs.chosen_slot = 0;
            c.out.push_back(LoadVideoSlots{});
        }
    }
    if (c.vs.proposing_slot && request_open(d.row.status)) {
        section_title("可预约的时间（本镇街）");
        if (c.m.video_slots_state == Load::loading) label("正在读取可预约的时间…", 13, ui::theme::kTextMuted);
        if (c.m.video_slots_state == Load::failed) label("读取可预约的时间失败，请重试。", 13, ui::theme::kPrimary);
        if (c.m.video_slots_state == Load::ready && c.m.video_slots.empty()) label("近几天没有空闲的时间。", 13, ui::theme::kTextMuted);
        // The next slots as pills, wrapped to the card's width.
        const float inner = width - px(32);
        float x0 = ImGui::GetCursorScreenPos().x, x = x0;
        bool first = true;
        int shown = 0;
        for (auto& [at, text] : c.m.video_slots) {
            if (shown++ >= 12) break;
            ImGui::PushFont(nullptr, 14);
            const float w = ImGui::CalcTextSize(text.c_str()).x + px(24);
            ImGui::PopFont();
            if (!first && x + w <= x0 + inner) ImGui::SameLine(0, px(6));
            else x = x0;
            x += w + px(6);
            first = false;
            if (pill("video-slot-" + std::to_string(at), text, 0, c.vs.chosen_slot == at, false)) c.vs.chosen_slot = at;
        }
        if (button("video-send-proposal", "请居民改到这个时间", ButtonStyle::primary, c.vs.chosen_slot != 0 && !c.m.action_busy))
            c.out.push_back(ConfirmVideo{c.vs.chosen_slot});
        ImGui::SameLine(0, px(8));
        if (button("video-propose-cancel", "取消", ButtonStyle::quiet)) c.vs.proposing_slot = false;
    }
    end_card();
}

}  // namespace

void draw_kind_section(Ctx& c, float width) {
    const Detail& d = c.m.detail;
    const std::string& k = d.row.kind;
    if (k == "question") {
        begin_card("question", width);
        section_title("居民的问题");
        ui::text_block(json_text(d.payload, "text"), 15, ui::theme::kText, width - px(32));
        end_card();
    } else if (k == "prereview") {
        prereview(c, width);
    } else if (k == "proxy") {
        proxy(c, width);
    } else if (k == "video") {
        video(c, width);
    }
    if (d.payload.is_object() && !json_text(d.payload, "note").empty()) {
        begin_card("note", width);
        section_title("居民备注");
        ui::text_block(json_text(d.payload, "note"), 14, ui::theme::kText, width - px(32));
        end_card();
    }
}

void draw_conversation(Ctx& c, float width) {
    const Model& m = c.m;
    begin_card("conversation", width);
    const float inner = width - px(32);
    section_title("问一问 · 与居民的对话");
    const float box_h = px(250);
    ImGui::PushStyleColor(ImGuiCol_ChildBg, IM_COL32(247, 249, 252, 255));
    ImGui::BeginChild("messages", ImVec2(inner, box_h), ImGuiChildFlags_Borders);
    const float mw = ImGui::GetContentRegionAvail().x;
    const float bubble_max = mw * 0.72f;
    for (auto& msg : m.messages) {
        if (msg.side == "system") {
            const std::string t = msg.text + " · " + china_time(msg.at);
            ImGui::PushFont(nullptr, 12.5f);
            const float tw = std::min(ImGui::CalcTextSize(t.c_str()).x, mw);
            ImGui::PopFont();
            ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (mw - tw) * 0.5f);
            ui::text_block(t, 12.5f, ui::theme::kTextMuted, mw);
            continue;
        }
        const bool mine = msg.side == "agent";
        ImGui::PushFont(nullptr, 14);
        float tw = 0;
        for (size_t i = 0, j; i <= msg.text.size(); i = j + 1) {
            j = msg.text.find('\n', i);
            if (j == std::string::npos) j = msg.text.size();
            tw = std::max(tw, ImGui::CalcTextSize(msg.text.c_str() + i, msg.text.c_str() + j).x);
        }
        ImGui::PopFont();
        const float pad = px(10);
        const float text_w = std::min(tw + px(2), bubble_max - 2 * pad);
        const float pic_w = msg.upload_url.empty() ? 0 : std::min(px(220), bubble_max - 2 * pad);
        const float bw = std::max(text_w, pic_w) + 2 * pad;
        const std::string who = (mine ? msg.author : std::string("居民")) + "  " + china_time(msg.at);
        ImGui::PushFont(nullptr, 12);
        const float ww = ImGui::CalcTextSize(who.c_str()).x;
        ImGui::PopFont();
        const float x = mine ? ImGui::GetCursorPosX() + mw - std::max(bw, ww) : ImGui::GetCursorPosX();
        const float base_x = ImGui::GetCursorPosX();
        ImGui::SetCursorPosX(mine ? base_x + mw - ww : base_x);
        label(who, 12, ui::theme::kTextMuted);
        ImGui::SetCursorPosX(mine ? base_x + mw - bw : x);
        const ImVec2 p0 = ImGui::GetCursorScreenPos();
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->ChannelsSplit(2);
        dl->ChannelsSetCurrent(1);
        ImGui::SetCursorScreenPos(ImVec2(p0.x + pad, p0.y + pad));
        ImGui::BeginGroup();
        if (!msg.text.empty()) ui::text_block(msg.text, 14, mine ? IM_COL32_WHITE : ui::theme::kText, text_w + px(1));
        if (!msg.upload_url.empty())
            if (ui::picture(("msg-picture-" + std::to_string(msg.id)).c_str(), msg.upload_url, "图片", pic_w, 0.75f))
                platform::open_url(msg.upload_url);
        ImGui::EndGroup();
        const ImVec2 p1(p0.x + bw, ImGui::GetItemRectMax().y + pad * 0.6f);
        dl->ChannelsSetCurrent(0);
        dl->AddRectFilled(p0, p1, mine ? ui::theme::kAccent : ui::theme::kCard, px(8));
        if (!mine) dl->AddRect(p0, p1, ui::theme::kCardBorder, px(8), 0, px(1));
        dl->ChannelsMerge();
        ImGui::SetCursorScreenPos(ImVec2(p0.x, p1.y + px(8)));
        ImGui::Dummy(ImVec2(0, 0));
    }
    if (m.messages.empty()) label("还没有消息", 13, ui::theme::kTextMuted);
    if (m.messages.size() != c.vs.shown_messages) {
        c.vs.shown_messages = m.messages.size();
        ImGui::SetScrollHereY(1.0f);
    }
    ImGui::EndChild();
    ImGui::PopStyleColor();
    if (m.resident_typing) label("居民正在输入…", 12.5f, ui::theme::kTextMuted);
    if (!request_open(m.detail.row.status)) {
        label("这个申请已经结束，不能再发消息。", 13, ui::theme::kTextMuted);
        end_card();
        return;
    }
    // Canned replies fill the message box (the agent can still edit before sending).
    float x0 = ImGui::GetCursorScreenPos().x, x = x0;
    bool first = true;
    for (auto& r : m.canned) {
        ImGui::PushFont(nullptr, 14);
        const float w = ImGui::CalcTextSize(r.title.c_str()).x + px(24);
        ImGui::PopFont();
        if (!first && x + w <= x0 + inner) ImGui::SameLine(0, px(6));
        else x = x0;
        x += w + px(6);
        first = false;
        if (pill("canned-" + r.id, r.title, 0, false, false)) {
            c.vs.text["message"] = r.text;
            platform::set_text_field_value("message", r.text);
            platform::focus_text_field("message");
        }
    }
    const float send_w = px(84);
    text_field("message", "输入回复，Enter 发送，Shift+Enter 换行", draft(c.vs, "message"), inner - send_w - px(8), px(56), "text",
               true, true);
    ImGui::SameLine(0, px(8));
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + px(12));
    if (button("send-message", m.sending ? "发送中…" : "发送", ButtonStyle::primary, !m.sending, send_w))
        c.out.push_back(SendMessage{draft(c.vs, "message")});
    if (button("send-picture", "发送图片…", ButtonStyle::quiet, !m.sending)) c.out.push_back(SendPicture{});
    end_card();
}

}  // namespace desk
