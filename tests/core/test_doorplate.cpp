// Tests of shared/doorplate: address formatting, code shape, JSON round trip.
#include <doctest/doctest.h>
#include "doorplate.hpp"

TEST_CASE("a full address joins county, town, village, road, number and building") {
    dp::Address a{"南安市", "溪美街道", "溪州社区", "成功街", "88号", "3幢"};
    CHECK(a.full() == "南安市溪美街道溪州社区成功街88号3幢");
}

TEST_CASE("doorplate codes are 4 to 16 upper-case letters or digits") {
    CHECK(dp::is_plausible_doorplate_code("NA7K2Q9"));
    CHECK_FALSE(dp::is_plausible_doorplate_code("abc"));
    CHECK_FALSE(dp::is_plausible_doorplate_code("na7k2q9"));
    CHECK_FALSE(dp::is_plausible_doorplate_code("NA7K/../Q9"));
    CHECK_FALSE(dp::is_plausible_doorplate_code(std::string(17, 'A')));
}

TEST_CASE("a doorplate survives a JSON round trip") {
    dp::Doorplate d;
    d.code = "NA7K2Q9";
    d.area_id = "350583-001-003";
    d.address.county = "南安市";
    d.address.road = "成功街";
    d.location = {24.96, 118.39};
    nlohmann::json j = d;
    CHECK(j["address"]["full"] == "南安市成功街");
    auto back = j.get<dp::Doorplate>();
    CHECK(back.code == d.code);
    CHECK(back.location.lat == doctest::Approx(24.96));
    CHECK(back.address.road == "成功街");
}

TEST_CASE("generated doorplate codes carry a valid check character") {
    for (uint32_t serial : {0u, 1u, 31u, 32u, 12345u, 999999u, (1u << 30) - 1}) {
        auto code = dp::make_doorplate_code(serial);
        CHECK(code.size() == 7);
        CHECK(dp::doorplate_code_has_valid_check(code));
        CHECK(dp::is_plausible_doorplate_code(code));
    }
    CHECK(dp::make_doorplate_code(1) != dp::make_doorplate_code(2));
}

TEST_CASE("every single-character error in a doorplate code is detected") {
    auto code = dp::make_doorplate_code(424242);
    int detected = 0, total = 0;
    for (size_t pos = 0; pos < code.size(); ++pos)
        for (int a = 0; a < 32; ++a) {
            char c = dp::kDoorplateAlphabet[a];
            if (c == code[pos]) continue;
            auto typo = code;
            typo[pos] = c;
            ++total;
            if (!dp::doorplate_code_has_valid_check(typo)) ++detected;
        }
    CHECK(total == 7 * 31);
    CHECK(detected == total);
}
