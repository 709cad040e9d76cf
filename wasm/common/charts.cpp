// Dashboard chart widgets (see charts.hpp): ImGui draw lists, light theme, nice axis ticks from
// shared/stats, hover values.
#include "charts.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "stats.hpp"
#include "theme.hpp"
#include "ui_runtime.hpp"

namespace ui::charts {
namespace {

constexpr float kTitleCss = 16, kLabelCss = 13;
constexpr ImU32 kGrid = IM_COL32(228, 232, 238, 255);
constexpr ImU32 kAxis = IM_COL32(150, 158, 170, 255);
constexpr ImU32 kTrack = IM_COL32(234, 237, 242, 255);
constexpr ImU32 kAmber = IM_COL32(214, 140, 20, 255);

ImU32 color_or(ImU32 c, std::size_t i) { return c ? c : palette(i); }

// A count with thousands separators: 25653 → "25,653".
std::string whole(double v) {
    char b[32];
    std::snprintf(b, sizeof b, "%.0f", std::fabs(v));
    std::string digits = b, out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return (v <= -0.5 ? "-" : "") + out;
}

float text_width(const std::string& s, float size_css) {
    ImGui::PushFont(nullptr, size_css);
    const float w = ImGui::CalcTextSize(s.c_str()).x;
    ImGui::PopFont();
    return w;
}

float line_height(float size_css) {
    ImGui::PushFont(nullptr, size_css);
    const float h = ImGui::GetTextLineHeight();
    ImGui::PopFont();
    return h;
}

void text(ImDrawList* dl, ImVec2 at, const std::string& s, float size_css, ImU32 color) {
    ImGui::PushFont(nullptr, size_css);
    dl->AddText(at, color, s.c_str());
    ImGui::PopFont();
}

// The title line; returns its height.
float title(ImDrawList* dl, ImVec2 at, const std::string& t) {
    if (t.empty()) return 0;
    text(dl, at, t, kTitleCss, theme::kText);
    return line_height(kTitleCss) + px(8);
}

// Reserves the widget's rectangle (an invisible button, so hovering is known) and returns it.
ImRect reserve(const char* id, float width, float height) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton(id, ImVec2(std::max(width, 1.0f), std::max(height, 1.0f)));
    return ImRect(p, ImVec2(p.x + width, p.y + height));
}

// The value under the pointer: a small card drawn on the foreground, sized from its text (not an
// ImGui tooltip window, whose size would lag a frame behind: the console draws only on demand).
void tooltip(const std::string& s) {
    ImGui::PushFont(nullptr, kLabelCss);
    const ImVec2 ts = ImGui::CalcTextSize(s.c_str());
    ImGui::PopFont();
    const float pad = px(8);
    const ImVec2 box(ts.x + 2 * pad, ts.y + 2 * pad);
    const ImVec2 m = ImGui::GetIO().MousePos, screen = ImGui::GetIO().DisplaySize;
    ImVec2 p(m.x + px(14), m.y + px(14));
    if (p.x + box.x > screen.x) p.x = m.x - px(14) - box.x;
    if (p.y + box.y > screen.y) p.y = m.y - px(14) - box.y;
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    dl->AddRectFilled(ImVec2(p.x + px(2), p.y + px(3)), ImVec2(p.x + box.x + px(2), p.y + box.y + px(3)),
                      IM_COL32(20, 30, 50, 40), px(6));
    dl->AddRectFilled(p, ImVec2(p.x + box.x, p.y + box.y), theme::kCard, px(6));
    dl->AddRect(p, ImVec2(p.x + box.x, p.y + box.y), theme::kCardBorder, px(6), 0, px(1));
    text(dl, ImVec2(p.x + pad, p.y + pad), s, kLabelCss, theme::kText);
}

}  // namespace

ImU32 palette(std::size_t i) {
    static const ImU32 kColors[] = {
        theme::kPrimary,            IM_COL32(22, 104, 200, 255), IM_COL32(26, 127, 55, 255),
        IM_COL32(214, 120, 20, 255), IM_COL32(120, 72, 180, 255), IM_COL32(0, 140, 150, 255),
        IM_COL32(120, 128, 140, 255), IM_COL32(200, 80, 150, 255),
    };
    return kColors[i % (sizeof kColors / sizeof kColors[0])];
}

void line_chart(const char* id, const LineChart& c, float width, float height_css) {
    const float height = px(height_css);
    const ImRect r = reserve(id, width, height);
    const bool hovered = ImGui::IsItemHovered();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    float top = r.Min.y + title(dl, r.Min, c.title);

    // Legend on its own line.
    float lx = r.Min.x;
    const float lh = line_height(kLabelCss);
    for (std::size_t s = 0; s < c.series.size(); ++s) {
        const ImU32 col = color_or(c.series[s].color, s);
        dl->AddRectFilled(ImVec2(lx, top + lh * 0.35f), ImVec2(lx + px(14), top + lh * 0.65f), col, px(2));
        text(dl, ImVec2(lx + px(18), top), c.series[s].label, kLabelCss, theme::muted());
        lx += px(18) + text_width(c.series[s].label, kLabelCss) + px(16);
    }
    if (!c.series.empty()) top += lh + px(6);

    double hi = 0, lo = 0;
    std::size_t n = c.x_labels.size();
    for (const auto& s : c.series) {
        n = std::max(n, s.values.size());
        for (double v : s.values) hi = std::max(hi, v), lo = std::min(lo, v);
    }
    const dp::AxisTicks ticks = dp::nice_ticks(lo, hi, 4, c.integers);
    float label_w = 0;
    for (double v : ticks.values) label_w = std::max(label_w, text_width(dp::tick_label(v, ticks.step), kLabelCss));
    const ImRect plot(ImVec2(r.Min.x + label_w + px(8), top + lh * 0.5f), ImVec2(r.Max.x - px(4), r.Max.y - lh - px(8)));
    if (plot.GetWidth() <= 1 || plot.GetHeight() <= 1) return;
    auto y_of = [&](double v) {
        return plot.Max.y - static_cast<float>((v - ticks.lo) / (ticks.hi - ticks.lo)) * plot.GetHeight();
    };
    auto x_of = [&](std::size_t i) {
        return n <= 1 ? (plot.Min.x + plot.Max.x) * 0.5f
                      : plot.Min.x + plot.GetWidth() * static_cast<float>(i) / static_cast<float>(n - 1);
    };
    for (double v : ticks.values) {
        const float y = y_of(v);
        dl->AddLine(ImVec2(plot.Min.x, y), ImVec2(plot.Max.x, y), v == 0 ? kAxis : kGrid, px(1));
        const std::string t = dp::tick_label(v, ticks.step);
        text(dl, ImVec2(plot.Min.x - px(6) - text_width(t, kLabelCss), y - lh * 0.5f), t, kLabelCss, theme::muted());
    }
    // X labels: as many as fit without overlapping, evenly spaced, the last one always.
    if (n > 0 && !c.x_labels.empty()) {
        float widest = 0;
        for (const auto& l : c.x_labels) widest = std::max(widest, text_width(l, kLabelCss));
        const std::size_t fit = std::max<std::size_t>(1, static_cast<std::size_t>(plot.GetWidth() / (widest + px(12))));
        const std::size_t every = std::max<std::size_t>(1, (n + fit - 1) / fit);
        auto draw_label = [&](std::size_t i) {
            const float w = text_width(c.x_labels[i], kLabelCss);
            const float x = std::clamp(x_of(i) - w * 0.5f, r.Min.x, std::max(r.Min.x, r.Max.x - w));
            text(dl, ImVec2(x, plot.Max.y + px(6)), c.x_labels[i], kLabelCss, theme::muted());
        };
        const std::size_t last = c.x_labels.size() - 1;
        for (std::size_t i = 0; i < last; i += every)
            if (x_of(last) - x_of(i) >= widest + px(12)) draw_label(i);  // room for the last label
        draw_label(last);
    }
    for (std::size_t s = 0; s < c.series.size(); ++s) {
        const auto& v = c.series[s].values;
        const ImU32 col = color_or(c.series[s].color, s);
        std::vector<ImVec2> pts;
        for (std::size_t i = 0; i < v.size(); ++i) pts.emplace_back(x_of(i), y_of(v[i]));
        if (pts.size() > 1) dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), col, ImDrawFlags_None, px(2));
        if (pts.size() <= 40)
            for (auto& p : pts) dl->AddCircleFilled(p, px(2.5f), col);
    }
    // Hover: the nearest x, a guide line and every series' value.
    if (hovered && n > 0) {
        const float mx = ImGui::GetIO().MousePos.x;
        const float t = n <= 1 ? 0 : (mx - plot.Min.x) / plot.GetWidth() * static_cast<float>(n - 1);
        const std::size_t i = static_cast<std::size_t>(std::clamp(std::lround(t), 0L, static_cast<long>(n - 1)));
        dl->AddLine(ImVec2(x_of(i), plot.Min.y), ImVec2(x_of(i), plot.Max.y), kAxis, px(1));
        std::string tip = i < c.x_labels.size() ? c.x_labels[i] : "";
        for (const auto& s : c.series)
            if (i < s.values.size())
                tip += "\n" + s.label + "：" + (c.integers ? whole(s.values[i]) : dp::tick_label(s.values[i], 0.01));
        tooltip(tip);
    }
}

void bar_chart(const char* id, const std::string& title_text, const std::vector<Bar>& bars, float width, ImU32 color,
               std::size_t max_rows) {
    const std::size_t rows = std::min(bars.size(), max_rows);
    const float lh = line_height(kLabelCss);
    const float row_h = lh + px(12);
    const float head = title_text.empty() ? 0 : line_height(kTitleCss) + px(8);
    const float height = head + std::max<float>(1, static_cast<float>(rows)) * row_h;
    const ImRect r = reserve(id, width, height);
    const bool hovered = ImGui::IsItemHovered();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    title(dl, r.Min, title_text);
    if (rows == 0) {
        text(dl, ImVec2(r.Min.x, r.Min.y + head), "暂无数据", kLabelCss, theme::muted());
        return;
    }
    double hi = 0;
    float label_w = 0, value_w = 0;
    std::vector<std::string> values;
    for (std::size_t i = 0; i < rows; ++i) {
        hi = std::max(hi, bars[i].value);
        values.push_back(bars[i].value_text.empty() ? whole(bars[i].value) : bars[i].value_text);
        label_w = std::max(label_w, text_width(bars[i].label, kLabelCss));
        value_w = std::max(value_w, text_width(values.back(), kLabelCss));
    }
    label_w = std::min(label_w, width * 0.4f);
    const float x0 = r.Min.x + label_w + px(10);
    const float x1 = r.Max.x - value_w - px(8);
    const ImU32 col = color ? color : palette(1);
    for (std::size_t i = 0; i < rows; ++i) {
        const float y = r.Min.y + head + static_cast<float>(i) * row_h;
        // Labels longer than the column are cut, and three dots drawn after them (as shapes: the
        // browser font's "…" glyph can come out empty at small sizes).
        std::string label = bars[i].label;
        const float dots_w = px(12);
        bool cut_off = false;
        while (!label.empty() && text_width(label, kLabelCss) + (cut_off ? dots_w : 0) > label_w) {
            std::size_t cut = label.size() - 1;
            while (cut > 0 && (static_cast<unsigned char>(label[cut]) & 0xC0) == 0x80) --cut;
            label = label.substr(0, cut);
            cut_off = true;
        }
        const float ty = y + (row_h - lh) * 0.5f;
        text(dl, ImVec2(r.Min.x, ty), label, kLabelCss, theme::kText);
        if (cut_off) {
            const float dx = r.Min.x + text_width(label, kLabelCss) + px(2);
            for (int d = 0; d < 3; ++d)
                dl->AddCircleFilled(ImVec2(dx + px(2) + static_cast<float>(d) * px(3.5f), ty + lh * 0.62f), px(1.1f),
                                    theme::kText);
        }
        const float w = hi > 0 ? static_cast<float>(bars[i].value / hi) * std::max(0.0f, x1 - x0) : 0;
        dl->AddRectFilled(ImVec2(x0, y + px(4)), ImVec2(x1, y + row_h - px(4)), kTrack, px(4));
        if (w > 0) dl->AddRectFilled(ImVec2(x0, y + px(4)), ImVec2(x0 + w, y + row_h - px(4)), col, px(4));
        text(dl, ImVec2(x1 + px(6), y + (row_h - lh) * 0.5f), values[i], kLabelCss, theme::kText);
        if (hovered && ImGui::IsMouseHoveringRect(ImVec2(r.Min.x, y), ImVec2(r.Max.x, y + row_h)))
            tooltip(bars[i].label + "：" + values[i]);
    }
}

namespace {
struct Part {
    std::string label;
    double value;
    ImU32 color;
};
std::vector<Part> visible_parts(const std::vector<Share>& parts, double& total) {
    std::vector<Part> out;
    total = 0;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (parts[i].value <= 0) continue;
        out.push_back({parts[i].label, parts[i].value, color_or(parts[i].color, i)});
        total += parts[i].value;
    }
    return out;
}

// Legend rows "■ 门牌海报 62.0% · 6,512" from (x, y) within width; returns the height used.
float legend(ImDrawList* dl, ImVec2 at, float width, const std::vector<Part>& parts, double total) {
    const float lh = line_height(kLabelCss);
    float x = at.x, y = at.y;
    for (const auto& p : parts) {
        const std::string s = p.label + " " + dp::format_percent(p.value / total) + " · " + whole(p.value);
        const float w = px(18) + text_width(s, kLabelCss) + px(16);
        if (x > at.x && x + w > at.x + width) x = at.x, y += lh + px(6);
        dl->AddRectFilled(ImVec2(x, y + lh * 0.25f), ImVec2(x + px(12), y + lh * 0.75f), p.color, px(2));
        text(dl, ImVec2(x + px(18), y), s, kLabelCss, theme::kText);
        x += w;
    }
    return y - at.y + lh;
}

float legend_height(float width, const std::vector<Part>& parts, double total) {
    const float lh = line_height(kLabelCss);
    float x = 0, rows = 1;
    for (const auto& p : parts) {
        const float w = px(18) + text_width(p.label + " " + dp::format_percent(p.value / total) + " · " + whole(p.value), kLabelCss) + px(16);
        if (x > 0 && x + w > width) x = 0, ++rows;
        x += w;
    }
    return rows * (lh + px(6));
}
}  // namespace

void share_bar(const char* id, const std::string& title_text, const std::vector<Share>& shares, float width) {
    double total = 0;
    const auto parts = visible_parts(shares, total);
    const float head = title_text.empty() ? 0 : line_height(kTitleCss) + px(8);
    const float bar_h = px(28);
    const float height = head + bar_h + px(10) + (parts.empty() ? line_height(kLabelCss) : legend_height(width, parts, total));
    const ImRect r = reserve(id, width, height);
    const bool hovered = ImGui::IsItemHovered();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    title(dl, r.Min, title_text);
    const float y = r.Min.y + head;
    dl->AddRectFilled(ImVec2(r.Min.x, y), ImVec2(r.Max.x, y + bar_h), kTrack, px(6));
    if (parts.empty()) {
        text(dl, ImVec2(r.Min.x, y + bar_h + px(10)), "暂无数据", kLabelCss, theme::muted());
        return;
    }
    float x = r.Min.x;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const float w = static_cast<float>(parts[i].value / total) * width;
        const ImDrawFlags corners = (i == 0 ? ImDrawFlags_RoundCornersLeft : 0) |
                                    (i + 1 == parts.size() ? ImDrawFlags_RoundCornersRight : 0);
        dl->AddRectFilled(ImVec2(x, y), ImVec2(x + w, y + bar_h), parts[i].color, corners ? px(6) : 0,
                          corners ? corners : ImDrawFlags_RoundCornersNone);
        if (hovered && ImGui::IsMouseHoveringRect(ImVec2(x, y), ImVec2(x + w, y + bar_h)))
            tooltip(parts[i].label + "：" + whole(parts[i].value) + "（" + dp::format_percent(parts[i].value / total) + "）");
        x += w;
    }
    legend(dl, ImVec2(r.Min.x, y + bar_h + px(10)), width, parts, total);
}

void donut(const char* id, const std::string& title_text, const std::vector<Share>& shares, float width,
           const std::string& centre_caption) {
    double total = 0;
    const auto parts = visible_parts(shares, total);
    const float head = title_text.empty() ? 0 : line_height(kTitleCss) + px(8);
    const float diameter = std::min(px(180), width * 0.45f);
    const float legend_w = width - diameter - px(20);
    const float lh = line_height(kLabelCss);
    const float legend_h = static_cast<float>(parts.size()) * (lh + px(6));
    const float height = head + std::max(diameter, legend_h);
    const ImRect r = reserve(id, width, height);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    title(dl, r.Min, title_text);
    const ImVec2 centre(r.Min.x + diameter * 0.5f, r.Min.y + head + diameter * 0.5f);
    const float outer = diameter * 0.5f, thickness = diameter * 0.18f;
    if (parts.empty()) {
        dl->PathArcTo(centre, outer - thickness * 0.5f, 0, 2 * IM_PI, 64);
        dl->PathStroke(kTrack, ImDrawFlags_None, thickness);
        text(dl, ImVec2(centre.x - text_width("暂无数据", kLabelCss) * 0.5f, centre.y - lh * 0.5f), "暂无数据", kLabelCss,
             theme::muted());
        return;
    }
    float a = -IM_PI * 0.5f;
    for (const auto& p : parts) {
        const float sweep = static_cast<float>(p.value / total) * 2 * IM_PI;
        const int segments = std::max(2, static_cast<int>(sweep / (2 * IM_PI) * 96));
        dl->PathArcTo(centre, outer - thickness * 0.5f, a, a + sweep, segments);
        dl->PathStroke(p.color, ImDrawFlags_None, thickness);
        a += sweep;
    }
    const std::string total_text = whole(total);
    const float big = line_height(22);
    text(dl, ImVec2(centre.x - text_width(total_text, 22) * 0.5f, centre.y - big * 0.6f), total_text, 22, theme::kText);
    text(dl, ImVec2(centre.x - text_width(centre_caption, kLabelCss) * 0.5f, centre.y + big * 0.45f), centre_caption,
         kLabelCss, theme::muted());
    float y = r.Min.y + head + std::max(0.0f, (diameter - legend_h) * 0.5f);
    for (const auto& p : parts) {
        const float x = r.Min.x + diameter + px(20);
        dl->AddRectFilled(ImVec2(x, y + lh * 0.25f), ImVec2(x + px(12), y + lh * 0.75f), p.color, px(2));
        const std::string s = p.label + "  " + dp::format_percent(p.value / total) + " · " + whole(p.value);
        ImGui::PushClipRect(ImVec2(x, y), ImVec2(x + legend_w, y + lh + px(6)), true);
        text(dl, ImVec2(x + px(18), y), s, kLabelCss, theme::kText);
        ImGui::PopClipRect();
        y += lh + px(6);
    }
}

void gauge(const char* id, const std::string& title_text, std::optional<double> share, const std::string& caption,
           float width, double fair, double good) {
    const float head = title_text.empty() ? 0 : line_height(kTitleCss) + px(8);
    const float radius = std::min(px(110), width * 0.5f - px(4));
    const float thickness = radius * 0.22f;
    const float lh = line_height(kLabelCss);
    const float height = head + radius + lh + px(12) + (caption.empty() ? 0 : lh + px(4));
    const ImRect r = reserve(id, width, height);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    title(dl, r.Min, title_text);
    const ImVec2 centre((r.Min.x + r.Max.x) * 0.5f, r.Min.y + head + radius);
    const float mid = radius - thickness * 0.5f;
    dl->PathArcTo(centre, mid, IM_PI, 2 * IM_PI, 64);
    dl->PathStroke(kTrack, ImDrawFlags_None, thickness);
    std::string big = "暂无数据";
    if (share) {
        const double v = std::clamp(*share, 0.0, 1.0);
        const ImU32 col = v >= good ? theme::kSuccess : v >= fair ? kAmber : theme::kPrimary;
        if (v > 0) {
            dl->PathArcTo(centre, mid, IM_PI, IM_PI + static_cast<float>(v) * IM_PI, std::max(2, static_cast<int>(v * 64)));
            dl->PathStroke(col, ImDrawFlags_None, thickness);
        }
        big = dp::format_percent(v);
    }
    const float big_css = share ? 26.0f : 16.0f;
    const float bh = line_height(big_css);
    text(dl, ImVec2(centre.x - text_width(big, big_css) * 0.5f, centre.y - bh), big, big_css, share ? theme::kText : theme::muted());
    text(dl, ImVec2(centre.x - radius, centre.y + px(4)), "0", kLabelCss, theme::muted());
    text(dl, ImVec2(centre.x + radius - text_width("100%", kLabelCss), centre.y + px(4)), "100%", kLabelCss, theme::muted());
    if (!caption.empty())
        text(dl, ImVec2(std::max(r.Min.x, centre.x - text_width(caption, kLabelCss) * 0.5f), centre.y + lh + px(8)), caption,
             kLabelCss, theme::muted());
}

}  // namespace ui::charts
