// Entry channels: ids, Chinese names and the lenient mapping from `src` (see entry_channels.hpp).
#include "entry_channels.hpp"

namespace dp {

namespace {
struct ChannelInfo {
    EntryChannel channel;
    const char* id;
    const char* zh;
};
constexpr ChannelInfo kChannels[] = {
    {EntryChannel::poster, "poster", "门牌海报"},
    {EntryChannel::wechat, "wechat", "微信公众号"},
    {EntryChannel::miniprogram, "miniprogram", "小程序"},
    {EntryChannel::lift_ad, "lift_ad", "电梯广告"},
    {EntryChannel::sms, "sms", "短信"},
    {EntryChannel::web, "web", "网页链接"},
    {EntryChannel::other, "other", "其他"},
};
const ChannelInfo& info(EntryChannel c) { return kChannels[static_cast<std::size_t>(c)]; }
}  // namespace

const std::array<EntryChannel, 7>& all_entry_channels() {
    static const std::array<EntryChannel, 7> all = {EntryChannel::poster,  EntryChannel::wechat, EntryChannel::miniprogram,
                                                    EntryChannel::lift_ad, EntryChannel::sms,    EntryChannel::web,
                                                    EntryChannel::other};
    return all;
}

const char* entry_channel_id(EntryChannel c) { return info(c).id; }
const char* entry_channel_zh(EntryChannel c) { return info(c).zh; }

EntryChannel entry_channel_from_src(std::string_view src) {
    if (src.empty()) return EntryChannel::web;
    for (const auto& c : kChannels)
        if (src == c.id) return c.channel;
    return EntryChannel::other;
}

}  // namespace dp
