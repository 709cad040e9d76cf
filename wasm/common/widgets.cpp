// Public-look widgets (see widgets.hpp).
#include "widgets.hpp"

#include <vector>

#include "linebreak.hpp"
#include "theme.hpp"
#include "ui_runtime.hpp"

namespace ui {
namespace {

// Splits text into lines no wider than width_px with the shared Chinese line breaker
// (no line starts with 、。，）」 etc., Latin words and numbers kept whole).
std::vector<std::string> wrap_lines(const std::string& text, float width_px) {
    ImFont* font = ImGui::GetFont();
    const float size = ImGui::GetFontSize();
    auto measure = [&](std::string_view piece) {
        return font->CalcTextSizeA(size, 1e9f, 0, piece.data(), piece.data() + piece.size()).x;
    };
    auto lines = dp::break_lines(text, width_px, measure);
    if (lines.empty()) lines.emplace_back();
    return lines;
}

struct TextLine {
    std::string text;
    float indent = 0;  // px from the block's left edge
};

// wrap_lines, paragraph by paragraph; a paragraph that starts with a bullet ("· ", "• ") hangs:
// its later lines start under its text, not under the bullet.
std::vector<TextLine> layout_lines(const std::string& text, float width_px) {
    std::vector<TextLine> out;
    std::size_t start = 0;
    for (;;) {
        const std::size_t nl = text.find('\n', start);
        std::string para = text.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
        if (!para.empty() && para.back() == '\r') para.pop_back();
        std::string bullet;
        for (const char* b : {"· ", "• "})
            if (para.rfind(b, 0) == 0) bullet = b;
        const float indent = bullet.empty() ? 0 : ImGui::CalcTextSize(bullet.c_str()).x;
        const auto lines = wrap_lines(para.substr(bullet.size()), width_px - indent);
        for (std::size_t i = 0; i < lines.size(); ++i)
            out.push_back(i == 0 ? TextLine{bullet + lines[i], 0} : TextLine{lines[i], indent});
        if (nl == std::string::npos) break;
        start = nl + 1;
    }
    return out;
}

// Extra space between wrapped lines: 0.35 em, so Chinese text breathes (line height ≈ 1.5).
float line_gap() { return ImGui::GetFontSize() * 0.35f; }

// Draws lines of text at a position without moving the cursor; returns the height used.
float draw_text_at(ImVec2 pos, const std::string& text, float size_css, ImU32 color, float width_px) {
    ImGui::PushFont(nullptr, size_css);
    const float lh = ImGui::GetTextLineHeight() + line_gap();
    float y = pos.y;
    for (auto& line : layout_lines(text, width_px)) {
        ImGui::GetWindowDrawList()->AddText(ImVec2(pos.x + line.indent, y), color, line.text.c_str());
        y += lh;
    }
    ImGui::PopFont();
    return y - pos.y;
}

struct CardFrame {
    ImVec2 p0, p1;
    bool tapped, pressed;
};
// An invisible button of the given size with a rounded card behind it.
CardFrame card_frame(const char* id, float width, float height, ImU32 fill, ImU32 edge, float edge_px = 1) {
    CardFrame f;
    f.p0 = ImGui::GetCursorScreenPos();
    ImGui::PushID(id);
    f.tapped = ImGui::InvisibleButton("card", ImVec2(width, height));
    f.pressed = ImGui::IsItemActive();
    ImGui::PopID();
    f.p1 = ImVec2(f.p0.x + width, f.p0.y + height);
    register_hit(id, f.p0.x, f.p0.y, f.p1.x, f.p1.y);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(f.p0, f.p1, f.pressed ? IM_COL32(250, 236, 238, 255) : fill, px(12));
    dl->AddRect(f.p0, f.p1, edge, px(12), 0, px(edge_px));
    return f;
}

}  // namespace

void text_block(const std::string& text, float size_css, ImU32 color, float width_px) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float h = draw_text_at(p, text, size_css, color, width_px);
    ImGui::Dummy(ImVec2(width_px, h));
}

float text_block_height(const std::string& text, float size_css, float width_px) {
    ImGui::PushFont(nullptr, size_css);
    const float h = static_cast<float>(layout_lines(text, width_px).size()) * (ImGui::GetTextLineHeight() + line_gap());
    ImGui::PopFont();
    return h;
}

bool item_card(const char* id, const std::string& title, const std::string& subtitle, float width) {
    const float pad = px(14);
    const float text_w = width - 2 * pad - px(20);  // room for the chevron
    const float gap = px(4);
    const float th = text_block_height(title, 18, text_w);
    const float sh = subtitle.empty() ? 0 : gap + text_block_height(subtitle, 14, text_w);
    auto f = card_frame(id, width, std::max(th + sh + 2 * pad, px(56)), theme::kCard, theme::border());
    const float cx = f.p1.x - pad - px(4), cy = (f.p0.y + f.p1.y) * 0.5f, s = px(5);
    const ImVec2 chevron[3] = {{cx - s, cy - 2 * s}, {cx + s, cy}, {cx - s, cy + 2 * s}};
    ImGui::GetWindowDrawList()->AddPolyline(chevron, 3, theme::muted(), 0, px(2));
    draw_text_at(ImVec2(f.p0.x + pad, f.p0.y + pad), title, 18, theme::kText, text_w);
    if (!subtitle.empty()) draw_text_at(ImVec2(f.p0.x + pad, f.p0.y + pad + th + gap), subtitle, 14, theme::muted(), text_w);
    return f.tapped;
}

bool option_card(const char* id, const std::string& label, bool selected, bool multiple, float width) {
    const float pad = px(16);
    const float mark = px(22);
    const float text_w = width - 3 * pad - mark;
    const float h = std::max(text_block_height(label, 18, text_w) + 2 * pad, px(56));
    auto f = card_frame(id, width, h, selected ? IM_COL32(253, 242, 244, 255) : theme::kCard,
                        selected ? theme::kPrimary : theme::border(), selected ? 2.0f : 1.0f);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 c(f.p0.x + pad + mark * 0.5f, (f.p0.y + f.p1.y) * 0.5f);
    if (multiple) {
        const ImVec2 a(c.x - mark * 0.5f, c.y - mark * 0.5f), b(c.x + mark * 0.5f, c.y + mark * 0.5f);
        if (selected) {
            dl->AddRectFilled(a, b, theme::kPrimary, px(4));
            const ImVec2 tick[3] = {{c.x - mark * 0.28f, c.y}, {c.x - mark * 0.05f, c.y + mark * 0.22f},
                                    {c.x + mark * 0.3f, c.y - mark * 0.22f}};
            dl->AddPolyline(tick, 3, IM_COL32_WHITE, 0, px(2.5f));
        } else {
            dl->AddRect(a, b, theme::muted(), px(4), 0, px(2));
        }
    } else {
        dl->AddCircle(c, mark * 0.5f, selected ? theme::kPrimary : theme::muted(), 0, px(2));
        if (selected) dl->AddCircleFilled(c, mark * 0.28f, theme::kPrimary);
    }
    const float th = text_block_height(label, 18, text_w);
    draw_text_at(ImVec2(f.p0.x + 2 * pad + mark, (f.p0.y + f.p1.y - th) * 0.5f + px(2)), label, 18, theme::kText, text_w);
    return f.tapped;
}

bool check_row(const char* id, const std::string& title, const std::string& detail, bool checked, float width) {
    const float pad = px(12);
    const float mark = px(24);
    const float text_w = width - 3 * pad - mark;
    const float th = text_block_height(title, 18, text_w);
    const float dh = detail.empty() ? 0 : px(2) + text_block_height(detail, 15, text_w);
    const float h = std::max(th + dh + 2 * pad, px(52));
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    ImGui::PushID(id);
    const bool tapped = ImGui::InvisibleButton("row", ImVec2(width, h));
    ImGui::PopID();
    register_hit(id, p0.x, p0.y, p0.x + width, p0.y + h);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 a(p0.x + pad, p0.y + pad), b(a.x + mark, a.y + mark);
    if (checked) {
        dl->AddRectFilled(a, b, theme::kSuccess, px(5));
        const ImVec2 tick[3] = {{a.x + mark * 0.22f, a.y + mark * 0.52f}, {a.x + mark * 0.43f, a.y + mark * 0.72f},
                                {a.x + mark * 0.8f, a.y + mark * 0.3f}};
        dl->AddPolyline(tick, 3, IM_COL32_WHITE, 0, px(2.5f));
    } else {
        dl->AddRect(a, b, theme::muted(), px(5), 0, px(2));
    }
    const float tx = p0.x + 2 * pad + mark;
    draw_text_at(ImVec2(tx, p0.y + pad), title, 18, checked ? theme::muted() : theme::kText, text_w);
    if (!detail.empty()) draw_text_at(ImVec2(tx, p0.y + pad + th + px(2)), detail, 15, theme::muted(), text_w);
    return tapped;
}

bool primary_button(const char* label, float width_px) {
    ImGui::PushFont(nullptr, 18);
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32_WHITE);
    const bool tapped = ImGui::Button(label, ImVec2(width_px, px(50)));
    register_hit(label, ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y, ImGui::GetItemRectMax().x,
                 ImGui::GetItemRectMax().y);
    ImGui::PopStyleColor();
    ImGui::PopFont();
    return tapped;
}

bool secondary_button(const char* label, float width_px) {
    ImGui::PushFont(nullptr, 17);
    ImGui::PushStyleColor(ImGuiCol_Text, theme::kPrimary);
    ImGui::PushStyleColor(ImGuiCol_Button, theme::kCard);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, IM_COL32(253, 242, 244, 255));
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, IM_COL32(250, 230, 234, 255));
    ImGui::PushStyleColor(ImGuiCol_Border, theme::kPrimary);
    const bool tapped = ImGui::Button(label, ImVec2(width_px, px(48)));
    register_hit(label, ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y, ImGui::GetItemRectMax().x,
                 ImGui::GetItemRectMax().y);
    ImGui::PopStyleColor(5);
    ImGui::PopFont();
    return tapped;
}

int chips(const char* id, const std::vector<std::string>& labels, float width_px) {
    int tapped = -1;
    ImGui::PushID(id);
    ImGui::PushFont(nullptr, 16);
    const float h = px(44), pad = px(14), gap = px(8);
    const float x0 = ImGui::GetCursorScreenPos().x;
    float x = x0, y = ImGui::GetCursorScreenPos().y;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (size_t i = 0; i < labels.size(); ++i) {
        const float w = ImGui::CalcTextSize(labels[i].c_str()).x + 2 * pad;
        if (x > x0 && x + w > x0 + width_px) {
            x = x0;
            y += h + gap;
        }
        ImGui::SetCursorScreenPos(ImVec2(x, y));
        ImGui::PushID(static_cast<int>(i));
        if (ImGui::InvisibleButton("chip", ImVec2(w, h))) tapped = static_cast<int>(i);
        register_hit(std::string(id) + ":" + labels[i], x, y, x + w, y + h);
        const bool active = ImGui::IsItemActive();
        ImGui::PopID();
        dl->AddRectFilled(ImVec2(x, y), ImVec2(x + w, y + h), active ? IM_COL32(250, 230, 234, 255) : theme::kCard,
                          h * 0.5f);
        dl->AddRect(ImVec2(x, y), ImVec2(x + w, y + h), theme::border(), h * 0.5f, 0, px(1));
        dl->AddText(ImVec2(x + pad, y + (h - ImGui::GetTextLineHeight()) * 0.5f), theme::kText, labels[i].c_str());
        x += w + gap;
    }
    ImGui::SetCursorScreenPos(ImVec2(x0, y + h));
    ImGui::Dummy(ImVec2(width_px, 0));
    ImGui::PopFont();
    ImGui::PopID();
    return tapped;
}

bool link(const char* id, const std::string& label, float size_css) {
    ImGui::PushFont(nullptr, size_css);
    const ImVec2 sz = ImGui::CalcTextSize(label.c_str());
    const float h = std::max(sz.y, px(44));
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::PushID(id);
    const bool tapped = ImGui::InvisibleButton("link", ImVec2(sz.x, h));
    ImGui::PopID();
    register_hit(id, p.x, p.y, p.x + sz.x, p.y + h);
    const float ty = p.y + (h - sz.y) * 0.5f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddText(ImVec2(p.x, ty), theme::kAccent, label.c_str());
    const float uy = ty + sz.y + px(3);  // below the CJK em box
    dl->AddLine(ImVec2(p.x, uy), ImVec2(p.x + sz.x, uy), theme::kAccent, px(1));
    ImGui::PopFont();
    return tapped;
}

bool top_bar(const char* back_label, const std::string& title, float width_px) {
    const float h = px(56);
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p0, ImVec2(p0.x + width_px, p0.y + h), theme::kCard);
    dl->AddLine(ImVec2(p0.x, p0.y + h), ImVec2(p0.x + width_px, p0.y + h), theme::border(), px(1));
    bool back = false;
    float tx = p0.x + px(16);
    if (back_label) {
        ImGui::PushFont(nullptr, 17);
        const float bw = ImGui::CalcTextSize(back_label).x + px(40);
        ImGui::SetCursorScreenPos(p0);
        back = ImGui::InvisibleButton("back", ImVec2(bw, h));
        register_hit("back", p0.x, p0.y, p0.x + bw, p0.y + h);
        const float cx = p0.x + px(20), cy = p0.y + h * 0.5f, s = px(6);
        const ImVec2 chevron[3] = {{cx + s, cy - 2 * s}, {cx - s, cy}, {cx + s, cy + 2 * s}};
        dl->AddPolyline(chevron, 3, theme::kPrimary, 0, px(2.5f));
        dl->AddText(ImVec2(p0.x + px(32), cy - ImGui::GetTextLineHeight() * 0.5f), theme::kPrimary, back_label);
        ImGui::PopFont();
        tx = p0.x + bw + px(4);
    }
    ImGui::PushFont(nullptr, 18);
    const std::string shown = title;
    const float avail = p0.x + width_px - px(16) - tx;
    auto lines = wrap_lines(shown, avail);
    std::string first = lines.empty() ? "" : lines[0];
    if (lines.size() > 1) first += "…";
    dl->AddText(ImVec2(tx, p0.y + (h - ImGui::GetTextLineHeight()) * 0.5f), theme::kText, first.c_str());
    ImGui::PopFont();
    ImGui::SetCursorScreenPos(ImVec2(p0.x, p0.y + h));
    ImGui::Dummy(ImVec2(width_px, 0));
    return back;
}

}  // namespace ui
