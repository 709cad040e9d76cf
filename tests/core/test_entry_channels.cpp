// Tests of shared/entry_channels: channel ids, Chinese names, and the lenient src mapping.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "entry_channels.hpp"

TEST_CASE("every channel has a distinct id and a Chinese name, and its id maps back to it") {
    std::set<std::string> ids, names;
    for (auto c : dp::all_entry_channels()) {
        ids.insert(dp::entry_channel_id(c));
        names.insert(dp::entry_channel_zh(c));
        CHECK(dp::entry_channel_from_src(dp::entry_channel_id(c)) == c);
    }
    CHECK(ids.size() == 7);
    CHECK(names.size() == 7);
    CHECK(std::string(dp::entry_channel_zh(dp::EntryChannel::poster)) == "门牌海报");
    CHECK(std::string(dp::entry_channel_id(dp::EntryChannel::lift_ad)) == "lift_ad");
}

TEST_CASE("an unknown src is recorded as other, never an error") {
    for (const char* src : {"bogus", "POSTER", "poster ", "<script>", "wechat2", "%00"})
        CHECK_MESSAGE(dp::entry_channel_from_src(src) == dp::EntryChannel::other, src);
}

TEST_CASE("a link without src counts as a plain web link") {
    CHECK(dp::entry_channel_from_src("") == dp::EntryChannel::web);
}
