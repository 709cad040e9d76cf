// The statistics dashboard (统计, supervisors): period and area filters, the seed's three headline
// figures, the trend over time, service quality (satisfaction, time-limit compliance, handling
// time), top items and areas, entry channels and an area table; each table exports as CSV.
// Cards in a row share the height their contents took in the previous frame (ViewState).
#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "charts.hpp"
#include "desk_widgets.hpp"
#include "theme.hpp"
#include "view.hpp"
#include "widgets.hpp"

namespace desk {

using ui::px;
namespace charts = ui::charts;

namespace {

constexpr ImU32 kLookUps = IM_COL32(22, 104, 200, 255);
constexpr ImU32 kNavigations = IM_COL32(0, 140, 150, 255);
constexpr ImU32 kHelp = ui::theme::kPrimary;

const char* group_zh(const std::string& g) { return g == "week" ? "周" : g == "month" ? "月" : "日"; }

float text_w(const std::string& s, float size_css) {
    ImGui::PushFont(nullptr, size_css);
    const float w = ImGui::CalcTextSize(s.c_str()).x;
    ImGui::PopFont();
    return w;
}

// A white card at (x, y) of width w whose height is what its content took last frame; the content
// is drawn by `body` inside the padding. Returns the height used now.
template <class Body>
float card(ViewState& vs, const std::string& id, float x, float y, float w, float row_height, Body body) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float h = std::max(row_height, px(60));
    dl->AddRectFilled(ImVec2(x, y), ImVec2(x + w, y + h), ui::theme::kCard, px(8));
    dl->AddRect(ImVec2(x, y), ImVec2(x + w, y + h), ui::theme::kCardBorder, px(8), 0, px(1));
    const float pad = px(18);
    ImGui::SetCursorScreenPos(ImVec2(x + pad, y + px(16)));
    ImGui::PushID(id.c_str());
    ImGui::BeginGroup();
    body(w - 2 * pad);
    ImGui::EndGroup();
    ImGui::PopID();
    const float used = ImGui::GetItemRectMax().y - y + px(16);
    vs.stats_heights[id] = used;
    return used;
}

// The height of a row of cards last frame (the tallest card).
float row_height(const ViewState& vs, std::initializer_list<const char*> ids) {
    float h = 0;
    for (const char* id : ids) {
        auto it = vs.stats_heights.find(id);
        if (it != vs.stats_heights.end()) h = std::max(h, it->second);
    }
    return h;
}

// The card's title, a state note ("更新中…") and, at the right, its 导出 CSV button.
void card_header(Ctx& c, const std::string& title, const StatsTable* table, const std::string& export_group, float inner) {
    const float y = ImGui::GetCursorScreenPos().y, x = ImGui::GetCursorScreenPos().x;
    label(title, 16, ui::theme::kText);
    if (table && table->state == Load::loading && !table->rows.empty()) {
        ImGui::SameLine(0, px(10));
        label("更新中…", 13, ui::theme::kTextMuted);
    }
    if (!export_group.empty()) {
        const std::string text = "导出 CSV";
        const float bw = text_w(text, 14) + px(24);
        ImGui::SetCursorScreenPos(ImVec2(x + inner - bw, y - px(6)));
        const bool ready = !table || table->state == Load::ready;
        if (button("stats-export-" + export_group, text, ButtonStyle::quiet, ready, bw))
            c.out.push_back(ExportStatsCsv{export_group});
        ImGui::SetCursorScreenPos(ImVec2(x, y + px(30)));
    }
    ImGui::Dummy(ImVec2(0, px(2)));
}

// Loading / error notes of a table; true when its rows can be drawn.
bool table_ready(Ctx& c, const StatsTable& t, float inner, const char* id) {
    if (t.state == Load::failed) {
        ui::text_block("没有读到统计数据：" + t.error, 14, ui::theme::kPrimary, inner);
        if (button(std::string("stats-retry-") + id, "重试", ButtonStyle::secondary)) c.out.push_back(ReloadStats{});
        return false;
    }
    if (t.rows.empty() && (t.state == Load::loading || t.state == Load::idle)) {
        label("正在加载统计…", 14, ui::theme::kTextMuted);
        ImGui::Dummy(ImVec2(0, px(40)));
        return false;
    }
    return true;
}

// Pills that wrap onto more lines within [x0, x0 + width]; returns the clicked index or -1.
int pill_row(const std::vector<std::pair<std::string, std::string>>& pills, const std::string& selected, float x0,
             float width) {
    int clicked = -1;
    float x = x0, y = ImGui::GetCursorScreenPos().y;
    for (std::size_t i = 0; i < pills.size(); ++i) {
        const float w = text_w(pills[i].second, 14) + px(24);
        if (x > x0 && x + w > x0 + width) x = x0, y += px(38);
        ImGui::SetCursorScreenPos(ImVec2(x, y));
        if (pill(pills[i].first, pills[i].second, 0, pills[i].first == selected, false)) clicked = static_cast<int>(i);
        x += w + px(8);
    }
    ImGui::SetCursorScreenPos(ImVec2(x0, y + px(38)));
    return clicked;
}

void filters(Ctx& c, float inner) {
    const StatsState& st = c.m.stats;
    const StatsFilter& f = st.filter;
    const float x0 = ImGui::GetCursorScreenPos().x;
    const float label_w = px(86);
    auto caption = [&](const char* text) {
        const ImVec2 p = ImGui::GetCursorScreenPos();
        ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + px(6)));
        label(text, 14, ui::theme::kTextMuted);
        ImGui::SetCursorScreenPos(ImVec2(x0 + label_w, p.y));
    };
    // 统计时段 and 按日/周/月 on one line, the range on the right.
    caption("统计时段");
    std::vector<std::pair<std::string, std::string>> periods;
    for (StatsPeriod p : {StatsPeriod::last7, StatsPeriod::last30, StatsPeriod::this_month, StatsPeriod::last_month})
        periods.push_back({std::string("stats-period-") + stats_period_id(p), stats_period_zh(p)});
    const float line_y = ImGui::GetCursorScreenPos().y;
    const int p = pill_row(periods, std::string("stats-period-") + stats_period_id(f.period), x0 + label_w, px(330));
    if (p >= 0) {
        StatsFilter n = f;
        n.period = static_cast<StatsPeriod>(p);
        c.out.push_back(SetStatsFilter{n});
    }
    ImGui::SetCursorScreenPos(ImVec2(x0 + label_w + px(350), line_y + px(6)));
    label("按", 14, ui::theme::kTextMuted);
    std::vector<std::pair<std::string, std::string>> groups = {
        {"stats-group-day", "日"}, {"stats-group-week", "周"}, {"stats-group-month", "月"}};
    ImGui::SetCursorScreenPos(ImVec2(x0 + label_w + px(374), line_y));
    const int g = pill_row(groups, "stats-group-" + f.group, x0 + label_w + px(374), px(200));
    if (g >= 0) {
        StatsFilter n = f;
        n.group = g == 1 ? "week" : g == 2 ? "month" : "day";
        c.out.push_back(SetStatsFilter{n});
    }
    if (!st.from.empty()) {
        const std::string range = st.from + " 至 " + st.to;
        ImGui::SetCursorScreenPos(ImVec2(x0 + inner - text_w(range, 14), line_y + px(6)));
        label(range, 14, ui::theme::kText);
    }
    ImGui::SetCursorScreenPos(ImVec2(x0, line_y + px(42)));

    // 区域: the county, then its towns; with a town, its villages / communities.
    caption("区域");
    std::vector<std::pair<std::string, std::string>> towns = {{"stats-town-all", "全县"}};
    for (auto& t : st.towns) towns.push_back({"stats-town-" + t.id, t.name});
    const int t = pill_row(towns, f.town.empty() ? "stats-town-all" : "stats-town-" + f.town, x0 + label_w, inner - label_w);
    if (t >= 0) {
        StatsFilter n = f;
        n.town = t == 0 ? "" : st.towns[static_cast<std::size_t>(t - 1)].id;
        n.village.clear();
        if (!(n == f)) c.out.push_back(SetStatsFilter{n});
    }
    if (!f.town.empty()) {
        ImGui::Dummy(ImVec2(0, px(2)));
        caption("村（社区）");
        std::vector<std::pair<std::string, std::string>> villages = {{"stats-village-all", "全部"}};
        for (auto& v : st.villages) villages.push_back({"stats-village-" + v.id, v.name});
        const int v = pill_row(villages, f.village.empty() ? "stats-village-all" : "stats-village-" + f.village,
                               x0 + label_w, inner - label_w);
        if (v >= 0) {
            StatsFilter n = f;
            n.village = v == 0 ? "" : st.villages[static_cast<std::size_t>(v - 1)].id;
            if (!(n == f)) c.out.push_back(SetStatsFilter{n});
        }
    }
}

// One headline figure: its name, the number, and what it is made of.
void figure(const char* name, int64_t value, const std::string& detail, ImU32 accent, bool loading, float inner) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x - px(18), p.y - px(16) + px(8)),
                                              ImVec2(p.x - px(14), p.y - px(16) + px(92)), accent, px(2));
    label(name, 15, ui::theme::kTextMuted);
    label(loading ? "…" : thousands(value), 32, ui::theme::kText);
    ui::text_block(detail, 13, ui::theme::kTextMuted, inner);
}

std::string help_detail(const StatsHeadline& h) {
    static const std::vector<std::pair<const char*, const char*>> kinds = {
        {"phone", "电话"}, {"question", "咨询"}, {"prereview", "预审"}, {"proxy", "代办"}, {"video", "视频"}};
    std::string out;
    for (auto& [id, zh] : kinds)
        for (auto& [k, n] : h.help_by_kind)
            if (k == id) out += std::string(out.empty() ? "" : " · ") + zh + " " + thousands(n);
    return out.empty() ? "电话求助与线上帮办申请" : out;
}

std::vector<charts::Bar> bars_of(const std::vector<StatsRow>& rows, bool skip_unknown) {
    std::vector<charts::Bar> out;
    for (auto& r : rows) {
        if (skip_unknown && r.key.empty()) continue;
        out.push_back({r.label, static_cast<double>(r.look_ups), thousands(r.look_ups)});
    }
    std::stable_sort(out.begin(), out.end(), [](auto& a, auto& b) { return a.value > b.value; });
    return out;
}

void trend_card(Ctx& c, const StatsState& st, float inner) {
    card_header(c, std::string("趋势（按") + group_zh(st.filter.group) + "）", &st.trend, st.filter.group, inner);
    if (!table_ready(c, st.trend, inner, "trend")) return;
    charts::LineChart looks, services;
    for (auto& r : st.trend.rows) {
        looks.x_labels.push_back(r.label);
        services.x_labels.push_back(r.label);
    }
    if (st.filter.group == "week") {  // "第45周（11月3日起）" is too long under an axis: "第45周"
        for (auto* l : {&looks.x_labels, &services.x_labels})
            for (auto& s : *l) s = s.substr(0, s.find("（"));
    }
    looks.series.push_back({"查询次数", {}, kLookUps});
    services.series.push_back({"导航", {}, kNavigations});
    services.series.push_back({"帮办服务", {}, kHelp});
    int64_t any = 0;
    for (auto& r : st.trend.rows) {
        looks.series[0].values.push_back(static_cast<double>(r.look_ups));
        services.series[0].values.push_back(static_cast<double>(r.navigations));
        services.series[1].values.push_back(static_cast<double>(r.help_services));
        any += r.look_ups + r.navigations + r.help_services;
    }
    if (any == 0) {
        label("所选时段和区域暂无数据。", 14, ui::theme::kTextMuted);
        ImGui::Dummy(ImVec2(0, px(40)));
        return;
    }
    charts::line_chart("trend-look-ups", looks, inner, 210);
    ImGui::Dummy(ImVec2(0, px(6)));
    charts::line_chart("trend-services", services, inner, 190);
}

void quality_card(Ctx& c, const StatsState& st, float inner) {
    card_header(c, "帮办服务质量", nullptr, "", inner);
    if (!table_ready(c, st.trend, inner, "quality")) return;
    const StatsHeadline& h = st.headline;
    const float half = (inner - px(12)) * 0.5f;
    const ImVec2 p = ImGui::GetCursorScreenPos();
    charts::gauge("satisfaction", "满意率", h.totals.satisfaction,
                  "满意及以上 " + thousands(h.satisfied_ratings) + " / 评价 " + thousands(h.totals.ratings), half);
    const float after = ImGui::GetCursorScreenPos().y;
    ImGui::SetCursorScreenPos(ImVec2(p.x + half + px(12), p.y));
    charts::gauge("compliance", "按时办结率", h.compliance,
                  "按时 " + thousands(h.completed_on_time) + " / 办结 " + thousands(h.requests_completed), half);
    ImGui::SetCursorScreenPos(ImVec2(p.x, std::max(after, ImGui::GetCursorScreenPos().y) + px(8)));
    const ImVec2 q = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddLine(q, ImVec2(q.x + inner, q.y), ui::theme::kCardBorder, px(1));
    ImGui::Dummy(ImVec2(0, px(6)));
    label("平均办理时长", 15, ui::theme::kTextMuted);
    label(h.average_handling_label.empty() ? "暂无数据" : h.average_handling_label, 26,
          h.average_handling_label.empty() ? ui::theme::kTextMuted : ui::theme::kText);
    ui::text_block("从提交到办结，扣除等待居民补件的时间；按时办结以各类帮办的办理时限计。", 13, ui::theme::kTextMuted, inner);
}

void area_table(Ctx& c, const StatsState& st, float inner) {
    card_header(c, st.filter.town.empty() ? "各镇街明细" : "各村（社区）明细", &st.areas, "area", inner);
    if (!table_ready(c, st.areas, inner, "areas")) return;
    if (st.areas.rows.empty()) {
        label("暂无数据", 14, ui::theme::kTextMuted);
        return;
    }
    struct Col {
        const char* title;
        float right;  // right edge as a share of the width (numbers are right-aligned)
    };
    const Col cols[] = {{"查询次数", 0.46f}, {"导航", 0.60f}, {"帮办服务", 0.76f}, {"评价", 0.87f}, {"满意率", 1.0f}};
    const float x0 = ImGui::GetCursorScreenPos().x;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    auto row = [&](const std::vector<std::string>& cells, ImU32 color, float size) {
        const float y = ImGui::GetCursorScreenPos().y;
        ImGui::PushFont(nullptr, size);
        dl->AddText(ImVec2(x0, y), color, cells[0].c_str());
        for (std::size_t i = 0; i < 5; ++i) {
            const float w = ImGui::CalcTextSize(cells[i + 1].c_str()).x;
            dl->AddText(ImVec2(x0 + inner * cols[i].right - w, y), color, cells[i + 1].c_str());
        }
        const float lh = ImGui::GetTextLineHeight();
        ImGui::PopFont();
        ImGui::Dummy(ImVec2(inner, lh + px(4)));
        const ImVec2 p = ImGui::GetCursorScreenPos();
        dl->AddLine(ImVec2(x0, p.y - px(4)), ImVec2(x0 + inner, p.y - px(4)), ui::theme::kCardBorder, px(1));
    };
    std::vector<std::string> head = {"区域"};
    for (auto& col : cols) head.push_back(col.title);
    row(head, ui::theme::kTextMuted, 13);
    for (auto& r : st.areas.rows)
        row({r.label, thousands(r.look_ups), thousands(r.navigations), thousands(r.help_services), thousands(r.ratings),
             r.satisfaction ? dp::format_percent(*r.satisfaction) : "—"},
            ui::theme::kText, 14);
}

}  // namespace

void draw_stats(Ctx& c, float width, float height) {
    const StatsState& st = c.m.stats;
    ImGui::BeginChild("stats", ImVec2(width, height), ImGuiChildFlags_None, ImGuiWindowFlags_NoBackground);
    const float pad = px(24), gap = px(16);
    const float content = std::min(width - 2 * pad - px(12), px(1400));
    const float x0 = ImGui::GetCursorScreenPos().x + std::max(pad, (width - px(12) - content) * 0.5f);
    float y = ImGui::GetCursorScreenPos().y + px(18);

    // Title and the selection in words.
    ImGui::SetCursorScreenPos(ImVec2(x0, y));
    label("数据统计", 22, ui::theme::kText);
    ImGui::SameLine(0, px(14));
    ImGui::SetCursorScreenPos(ImVec2(ImGui::GetCursorScreenPos().x, y + px(7)));
    label((st.area_name.empty() ? std::string("全县") : st.area_name) + " · " + stats_period_zh(st.filter.period) +
              " · 数据来自门牌扫码、办事指南、地图导航和帮办代办",
          14, ui::theme::kTextMuted);
    y += px(44);

    y += card(c.vs, "filters", x0, y, content, row_height(c.vs, {"filters"}), [&](float inner) { filters(c, inner); }) + gap;

    // The seed's three figures.
    const bool loading = st.trend.state != Load::ready && st.trend.rows.empty();
    const StatsRow& t = st.headline.totals;
    const float third = (content - 2 * gap) / 3;
    const float kpi_h = row_height(c.vs, {"kpi-look-ups", "kpi-navigations", "kpi-help"});
    card(c.vs, "kpi-look-ups", x0, y, third, kpi_h, [&](float inner) {
        figure("查询次数", t.look_ups, "打开门牌 " + thousands(t.doorplate_opens) + " · 查看办事指南 " + thousands(t.guide_views),
               kLookUps, loading, inner);
    });
    card(c.vs, "kpi-navigations", x0 + third + gap, y, third, kpi_h, [&](float inner) {
        figure("导航次数", t.navigations, "点“导航”用地图前往办事点（另有搜索 " + thousands(t.searches) + " 次）", kNavigations,
               loading, inner);
    });
    card(c.vs, "kpi-help", x0 + 2 * (third + gap), y, third, kpi_h, [&](float inner) {
        figure("帮办服务", t.help_services, help_detail(st.headline), kHelp, loading, inner);
    });
    y += std::max(kpi_h, px(60)) + gap;
    if (st.trend.state == Load::failed) {
        ImGui::SetCursorScreenPos(ImVec2(x0, y));
        ui::text_block("统计数据读取失败：" + st.trend.error, 15, ui::theme::kPrimary, content);
        if (button("stats-retry", "重新读取", ButtonStyle::primary)) c.out.push_back(ReloadStats{});
        y = ImGui::GetCursorScreenPos().y + gap;
    }

    // Trend and service quality.
    const float wide = std::floor((content - gap) * 0.64f), narrow = content - gap - wide;
    const float r2 = row_height(c.vs, {"trend", "quality"});
    card(c.vs, "trend", x0, y, wide, r2, [&](float inner) { trend_card(c, st, inner); });
    card(c.vs, "quality", x0 + wide + gap, y, narrow, r2, [&](float inner) { quality_card(c, st, inner); });
    y += std::max(r2, px(60)) + gap;

    // Top items and areas.
    const float half = (content - gap) * 0.5f;
    const float r3 = row_height(c.vs, {"items", "areas"});
    card(c.vs, "items", x0, y, half, r3, [&](float inner) {
        card_header(c, "热门事项（查询次数前 10）", &st.items, "item", inner);
        if (table_ready(c, st.items, inner, "items")) charts::bar_chart("items-bars", "", bars_of(st.items.rows, false), inner, kLookUps, 10);
    });
    card(c.vs, "areas", x0 + half + gap, y, half, r3, [&](float inner) {
        card_header(c, st.filter.town.empty() ? "各镇街查询次数" : "各村（社区）查询次数", &st.areas, "", inner);
        if (table_ready(c, st.areas, inner, "area-bars"))
            charts::bar_chart("areas-bars", "", bars_of(st.areas.rows, true), inner, IM_COL32(90, 70, 180, 255), 15);
    });
    y += std::max(r3, px(60)) + gap;

    // Entry channels and the area table.
    const float r4 = row_height(c.vs, {"channels", "area-table"});
    card(c.vs, "channels", x0, y, half, r4, [&](float inner) {
        card_header(c, "入口渠道（打开门牌次数）", &st.channels, "channel", inner);
        if (!table_ready(c, st.channels, inner, "channels")) return;
        std::vector<charts::Share> shares;
        for (std::size_t i = 0; i < st.channels.rows.size(); ++i)
            shares.push_back({st.channels.rows[i].label, static_cast<double>(st.channels.rows[i].doorplate_opens), 0});
        charts::donut("channel-donut", "", shares, inner, "打开门牌");
    });
    card(c.vs, "area-table", x0 + half + gap, y, half, r4, [&](float inner) { area_table(c, st, inner); });
    y += std::max(r4, px(60)) + gap;

    ImGui::SetCursorScreenPos(ImVec2(x0, y));
    ImGui::Dummy(ImVec2(content, px(8)));
    ImGui::EndChild();
}

}  // namespace desk
