// Tests of shared/landing: parsing the doorplate landing data sent by the server.
#include <doctest/doctest.h>

#include "landing.hpp"

TEST_CASE("landing data carries the doorplate and its popular items in order") {
    auto j = nlohmann::json::parse(R"({
      "code": "H5GYFKJ", "area_id": "350583-101-001", "town_id": "350583-101",
      "address": {"county": "南安市", "town": "溪美街道", "village": "溪州社区", "road": "成功街", "number": "2号"},
      "location": {"lat": 24.96, "lng": 118.39},
      "popular_items": [
        {"id": "id-card-renewal", "name": "居民身份证换领", "plain_name": "身份证到期了，换张新的"},
        {"id": "social-security-card", "name": "社会保障卡申领"}
      ]})");
    auto l = dp::parse_landing(j);
    CHECK(l.doorplate.code == "H5GYFKJ");
    CHECK(l.doorplate.address.full() == "南安市溪美街道溪州社区成功街2号");
    REQUIRE(l.popular_items.size() == 2);
    CHECK(l.popular_items[0].plain_name == "身份证到期了，换张新的");
    CHECK(l.popular_items[1].plain_name == "社会保障卡申领");  // falls back to the official name
}

TEST_CASE("landing data without a code is rejected") {
    CHECK_THROWS(dp::parse_landing(nlohmann::json::parse(R"({"address": {}})")));
}
