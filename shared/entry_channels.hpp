// Entry channels (入口渠道): how a resident reached a doorplate page — the `src` query parameter
// of /d/<code>?src=… — with Chinese names for statistics (not guide.hpp's 办理渠道). No platform headers.
#pragma once
#include <array>
#include <cstdint>
#include <string_view>

namespace dp {

enum class EntryChannel : std::uint8_t {
    poster,       // 门牌二维码海报 (the printed QR poster: ?src=poster)
    wechat,       // 微信公众号
    miniprogram,  // 小程序
    lift_ad,      // 电梯广告
    sms,          // 短信
    web,          // 网页链接 (a plain link without src)
    other,        // 其他 (any src this list does not know)
};

// Every channel, in the order above.
const std::array<EntryChannel, 7>& all_entry_channels();
// "poster", "wechat", "miniprogram", "lift_ad", "sms", "web", "other".
const char* entry_channel_id(EntryChannel c);
// "门牌海报", "微信公众号", "小程序", "电梯广告", "短信", "网页链接", "其他".
const char* entry_channel_zh(EntryChannel c);
// The channel a `src` value records: an exact id from the list; an absent or empty src is
// `web` (a plain link); anything else is `other` — never an error.
EntryChannel entry_channel_from_src(std::string_view src);

}  // namespace dp
