// The map pages' UI wording in 简体, 繁體 and English (its own table, beside strings.hpp).
#pragma once
#include <string>

#include "render_doc.hpp"

namespace resident {

enum class MapStr {
    title, entry, entry_detail, you_are_here, back_home, walk, drive, navigate, choose_app, choose_app_hint,
    cancel, phone, can_do, planning, no_route, loading, failed, tap_hint, nav_app_setting, nav_app_none,
    nav_app_reset, nearest, distance, close, zoom_in, zoom_out, more_items, places_n,
    count
};

std::string tr(MapStr key, dp::Locale locale);
std::string tr_n(MapStr key, dp::Locale locale, int n);  // replaces {n}
// 高德地图 / 百度地图 / 腾讯地图 for "amap" / "baidu" / "tencent" ("" when unknown).
std::string nav_app_label(const std::string& key, dp::Locale locale);

}  // namespace resident
