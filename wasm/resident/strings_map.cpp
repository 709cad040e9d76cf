// Map wording table (see strings_map.hpp).
#include "strings_map.hpp"

namespace resident {
namespace {

struct Row {
    const char* zh_hans;
    const char* zh_hant;
    const char* en;
};

const Row kRows[static_cast<int>(MapStr::count)] = {
    {"附近办事点", "附近辦事點", "Service points nearby"},
    {"地图 / 附近办事点", "地圖 / 附近辦事點", "Map / service points nearby"},
    {"便民服务中心、村居便民站、派出所、自助终端，看地址、时间和路线",
     "便民服務中心、村居便民站、派出所、自助終端，看地址、時間和路線",
     "Service centres, village stations, police, kiosks: address, hours, route"},
    {"你在这里", "你在這裡", "You are here"},
    {"回到门牌", "回到門牌", "My doorplate"},
    {"步行路线", "步行路線", "Walking route"},
    {"驾车路线", "駕車路線", "Driving route"},
    {"导航", "導航", "Navigate"},
    {"用哪个地图导航？", "用哪個地圖導航？", "Navigate with which map app?"},
    {"选择会记在这部手机上，可以在“设置”里更改。", "選擇會記在這部手機上，可以在「設定」裡更改。",
     "Remembered on this phone; change it in Settings."},
    {"取消", "取消", "Cancel"},
    {"电话 ", "電話 ", "Phone "},
    {"可办：", "可辦：", "Handles: "},
    {"正在规划路线…", "正在規劃路線…", "Finding a route…"},
    {"没有找到路线，可以试试“导航”。", "沒有找到路線，可以試試「導航」。", "No route found; try Navigate."},
    {"正在读取地图…", "正在讀取地圖…", "Loading the map…"},
    {"地图暂时打不开，下面是附近的办事点。", "地圖暫時打不開，下面是附近的辦事點。",
     "The map cannot be loaded right now; nearby service points are below."},
    {"点地图上的标记，看地址、时间和路线", "點地圖上的標記，看地址、時間和路線", "Tap a marker for address, hours and route"},
    {"导航用的地图", "導航用的地圖", "Map app for navigation"},
    {"还没有选，第一次导航时会问你", "還沒有選，第一次導航時會問你", "Not chosen yet; you will be asked the first time"},
    {"重新选择", "重新選擇", "Choose again"},
    {"离你最近的办事点", "離你最近的辦事點", "Nearest service points"},
    {"距离 ", "距離 ", ""},
    {"关闭", "關閉", "Close"},
    {"放大", "放大", "Zoom in"},
    {"缩小", "縮小", "Zoom out"},
    {"等 {n} 项", "等 {n} 項", "and {n} more"},
    {"{n} 处办事点", "{n} 處辦事點", "{n} service points"},
};

}  // namespace

std::string tr(MapStr key, dp::Locale locale) {
    const Row& r = kRows[static_cast<int>(key)];
    switch (locale) {
        case dp::Locale::zh_hant: return r.zh_hant;
        case dp::Locale::en: return r.en;
        default: return r.zh_hans;
    }
}

std::string tr_n(MapStr key, dp::Locale locale, int n) {
    std::string s = tr(key, locale);
    auto at = s.find("{n}");
    if (at != std::string::npos) s.replace(at, 3, std::to_string(n));
    return s;
}

std::string nav_app_label(const std::string& key, dp::Locale locale) {
    const bool hant = locale == dp::Locale::zh_hant, en = locale == dp::Locale::en;
    if (key == "amap") return en ? "Amap (高德地图)" : hant ? "高德地圖" : "高德地图";
    if (key == "baidu") return en ? "Baidu Maps (百度地图)" : hant ? "百度地圖" : "百度地图";
    if (key == "tencent") return en ? "Tencent Maps (腾讯地图)" : hant ? "騰訊地圖" : "腾讯地图";
    return "";
}

}  // namespace resident
