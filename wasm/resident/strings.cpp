// UI wording table (see strings.hpp).
#include "strings.hpp"

namespace resident {
namespace {

struct Row {
    const char* zh_hans;
    const char* zh_hant;
    const char* en;
};

const Row kRows[static_cast<int>(Str::count)] = {
    {"数字政务门牌", "數字政務門牌", "Digital service doorplate"},
    {"搜索要办的事，如“身份证”", "搜尋要辦的事，如「身份證」", "Search, e.g. ID card"},
    {"这里的居民常办", "這裡的居民常辦", "Most needed here"},
    {"按人生大事找", "按人生大事找", "By life event"},
    {"找人帮我办", "找人幫我辦", "Get help"},
    {"不会办、不方便跑？拨打 12345 政务服务便民热线，或到就近的便民服务中心找帮办员。",
     "不會辦、不方便跑？撥打 12345 政務服務便民熱線，或到就近的便民服務中心找幫辦員。",
     "Not sure how, or can't travel? Call the 12345 service hotline or ask a helper at the nearest service centre."},
    {"拨打 12345", "撥打 12345", "Call 12345"},
    {"设置", "設定", "Settings"},
    {"文字和语言", "文字和語言", "Language"},
    {"长辈模式", "長輩模式", "Large text mode"},
    {"字更大、颜色更清楚、每屏内容更少", "字更大、顏色更清楚、每屏內容更少", "Bigger text, stronger contrast, less per screen"},
    {"朗读", "朗讀", "Read aloud"},
    {"用手机的声音把这一页读出来", "用手機的聲音把這一頁讀出來", "Read this page aloud with the phone's voice"},
    {"返回", "返回", "Back"},
    {"上一步", "上一步", "Previous"},
    {"继续", "繼續", "Continue"},
    {"开始", "開始", "Start"},
    {"看看要带什么", "看看要帶什麼", "See what to bring"},
    {"第 {n} 个问题", "第 {n} 個問題", "Question {n}"},
    {"正在读取事项目录…", "正在讀取事項目錄…", "Loading the list of services…"},
    {"没有找到相关的事项。试试换个说法，比如“身份证”“医保”“sfz”。",
     "沒有找到相關的事項。試試換個說法，比如「身份證」「醫保」「sfz」。",
     "Nothing found. Try other words, e.g. 身份证, 医保 or sfz."},
    {"找到 {n} 项", "找到 {n} 項", "{n} found"},
    {"正在读取办事指南…", "正在讀取辦事指南…", "Loading the guide…"},
    {"暂时打不开这份指南", "暫時打不開這份指南", "The guide cannot be opened right now"},
    {"文字版（读屏、打印）", "文字版（讀屏、列印）", "Text version (screen readers, print)"},
    {"分享", "分享", "Share"},
    {"请选一项", "請選一項", "Choose one"},
    {"可以选多项", "可以選多項", "Choose all that apply"},
    {"修改", "修改", "Change"},
    {"你的情况", "你的情況", "Your situation"},
    {"准备好一件就勾一件，勾选会保存在这部手机上。", "準備好一件就勾一件，勾選會保存在這部手機上。",
     "Tick each item as you gather it; ticks stay on this phone."},
    {"重新加载", "重新載入", "Try again"},
    {"没有这个页面", "沒有這個頁面", "Page not found"},
    {"链接可能不完整。点“返回”回到门牌首页。", "連結可能不完整。點「返回」回到門牌首頁。",
     "The link may be incomplete. Tap Back to return to the doorplate page."},
    {"网络好像断了", "網路好像斷了", "You seem to be offline"},
    {"请检查网络后点“重新加载”。", "請檢查網路後點「重新載入」。", "Check the connection, then tap Try again."},
    {"重新回答", "重新回答", "Start again"},
    {"已备齐 {n} 件", "已備齊 {n} 件", "{n} gathered"},
    {"附近的办事地点会显示在这里。", "附近的辦事地點會顯示在這裡。", "Nearby service points appear here."},
    {"门牌首页", "門牌首頁", "Home"},
    {"正在读取门牌信息…", "正在讀取門牌資訊…", "Loading the doorplate…"},
    {"搜索", "搜尋", "Search"},
    {"看样例", "看樣例", "See a sample"},
    {"链接已复制，可以粘贴给家人或朋友", "連結已複製，可以貼上給家人或朋友", "Link copied: paste it to family or friends"},
    {"没能分享，可以长按地址栏复制链接", "沒能分享，可以長按網址列複製連結", "Could not share; copy the link from the address bar"},
    {"找人帮我办", "找人幫我辦", "Get help"},
    {"代办、材料预审、问一问、视频帮办", "代辦、材料預審、問一問、視頻幫辦", "Do it for me, check papers, ask, video"},
    {"我的申请", "我的申請", "My requests"},
    {"正在打开…", "正在打開…", "Opening…"},
};

const Row& row(Str key) { return kRows[static_cast<int>(key)]; }

}  // namespace

std::string tr(Str key, dp::Locale locale) {
    const Row& r = row(key);
    switch (locale) {
        case dp::Locale::zh_hant: return r.zh_hant;
        case dp::Locale::en: return r.en;
        default: return r.zh_hans;
    }
}

std::string tr_n(Str key, dp::Locale locale, int n) {
    std::string s = tr(key, locale);
    auto at = s.find("{n}");
    if (at != std::string::npos) s.replace(at, 3, std::to_string(n));
    return s;
}

const std::vector<LifeEvent>& life_events() {
    static const std::vector<LifeEvent> v = {
        {"birth", "出生", "出生", "Birth"},          {"school", "上学", "上學", "School"},
        {"work", "就业", "就業", "Work"},            {"marriage", "结婚", "結婚", "Marriage"},
        {"housing", "买房", "買房", "Home"},         {"business", "开店办厂", "開店辦廠", "Business"},
        {"travel", "出行", "出行", "Travel"},        {"health", "看病就医", "看病就醫", "Health"},
        {"retire", "退休", "退休", "Retirement"},    {"elderly", "养老", "養老", "Old age"},
        {"hardship", "生活困难", "生活困難", "Hardship"}, {"death", "身后事", "身後事", "Bereavement"},
    };
    return v;
}

std::string life_event_label(const LifeEvent& e, dp::Locale locale) {
    switch (locale) {
        case dp::Locale::zh_hant: return e.zh_hant;
        case dp::Locale::en: return e.en;
        default: return e.zh_hans;
    }
}

}  // namespace resident
