// Chart widgets for the console's statistics dashboard, drawn with ImGui draw lists in the light
// theme with Chinese labels: a line over time, horizontal bars (top items / areas), shares as a
// stacked bar or a donut (entry channels), and a satisfaction gauge. Each widget takes plain
// const data, reserves its own space (advancing the cursor like a normal widget) and shows the
// exact value under the pointer. Axis ticks come from shared/stats (nice_ticks, tick_label).
//
// Use, e.g. with the rows of GET /api/v1/stats?group_by=day:
//   ui::charts::LineChart c{"每日查询与导航", labels, {{"查询次数", look_ups, ui::charts::palette(0)},
//                                                     {"导航", navigations, ui::charts::palette(1)}}};
//   ui::charts::line_chart("daily", c, width_px, 220);
//   ui::charts::bar_chart("items", "热门事项（查询次数）", bars, width_px);
//   ui::charts::share_bar("channels", "入口渠道", shares, width_px);   // or donut(...)
//   ui::charts::gauge("sat", "满意率", 0.934, "满意及以上 / 全部评价 · 336 条", width_px);
// Sizes: widths in physical pixels (as the other widgets), heights and text in CSS pixels.
#pragma once
#include <imgui.h>

#include <optional>
#include <string>
#include <vector>

namespace ui::charts {

// Distinct colours that read on white (red, blue, green, orange, purple, teal, grey, …).
ImU32 palette(std::size_t i);

struct Series {
    std::string label;           // legend: "查询次数"
    std::vector<double> values;  // one per x label
    ImU32 color = 0;             // 0 = palette(index)
};
struct LineChart {
    std::string title;
    std::vector<std::string> x_labels;  // "11月3日"; thinned to fit under the axis
    std::vector<Series> series;
    bool integers = true;               // counts: whole-number ticks
};
void line_chart(const char* id, const LineChart& chart, float width_px, float height_css = 220);

struct Bar {
    std::string label;       // "居民身份证换领"
    double value = 0;
    std::string value_text;  // "" = the value as a whole number
};
// Horizontal bars in the order given (sort before: largest first), at most max_rows.
void bar_chart(const char* id, const std::string& title, const std::vector<Bar>& bars, float width_px,
               ImU32 color = 0, std::size_t max_rows = 10);

struct Share {
    std::string label;  // "门牌海报"
    double value = 0;
    ImU32 color = 0;    // 0 = palette(index)
};
// One bar split in proportion, with a legend (label, percent, value) below. Zero parts are left out.
void share_bar(const char* id, const std::string& title, const std::vector<Share>& parts, float width_px);
// The same as a ring with the total in its middle and the legend beside it.
void donut(const char* id, const std::string& title, const std::vector<Share>& parts, float width_px,
           const std::string& centre_caption = "合计");

// A half-circle gauge of a share in [0, 1] (satisfaction, time-limit compliance), green from
// `good` up, amber from `fair`, red below; "暂无数据" without a value.
void gauge(const char* id, const std::string& title, std::optional<double> share, const std::string& caption,
           float width_px, double fair = 0.8, double good = 0.9);

}  // namespace ui::charts
