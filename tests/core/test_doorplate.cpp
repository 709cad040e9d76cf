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

TEST_CASE("every single-character substitution is detected, on codes across the whole serial range") {
    int codes = 0, total = 0, detected = 0;
    for (uint32_t serial = 0; serial < (1u << 30); serial += 7919u * 1013u, ++codes) {
        const auto code = dp::make_doorplate_code(serial);
        for (size_t pos = 0; pos < code.size(); ++pos)
            for (char c : std::string(dp::kDoorplateAlphabet) + "01IOa-") {
                if (c == code[pos]) continue;
                auto typo = code;
                typo[pos] = c;
                ++total;
                if (!dp::doorplate_code_has_valid_check(typo)) ++detected;
            }
    }
    CHECK(total == codes * 7 * 37);  // 31 other alphabet characters and 0 1 I O a -, at 7 positions
    CHECK(detected == total);
}

namespace {
// The valid code whose six payload characters are `payload`.
std::string code_with_payload(const std::string& payload) {
    uint32_t serial = 0;
    for (char ch : payload) serial = serial * 32 + static_cast<uint32_t>(std::string(dp::kDoorplateAlphabet).find(ch));
    return dp::make_doorplate_code(serial);
}
}  // namespace

TEST_CASE("adjacent transpositions are detected except swapping 2 and Z (the Luhn mod 32 blind spot)") {
    // Luhn mod N misses exactly one transposition: the first and last alphabet characters
    // (like 09 <-> 90 in Luhn mod 10). Every other adjacent swap, check character included, is caught.
    int total = 0, detected = 0;
    for (size_t pos = 0; pos < 6; ++pos)
        for (char a : std::string(dp::kDoorplateAlphabet))
            for (char b : std::string(dp::kDoorplateAlphabet)) {
                if (a == b) continue;
                // A valid code with a at pos and b at pos+1 (pos+1 == 6 is the check character,
                // reached by varying the first payload character).
                std::string payload = "K7M3QX", code;
                payload[pos] = a;
                if (pos < 5) {
                    payload[pos + 1] = b;
                    code = code_with_payload(payload);
                } else {
                    for (char first : std::string(dp::kDoorplateAlphabet)) {
                        payload[0] = first;
                        if (code_with_payload(payload)[6] == b) code = code_with_payload(payload);
                    }
                    if (code.empty()) continue;
                }
                REQUIRE(dp::doorplate_code_has_valid_check(code));
                REQUIRE(code[pos] == a);
                REQUIRE(code[pos + 1] == b);
                auto swapped = code;
                std::swap(swapped[pos], swapped[pos + 1]);
                ++total;
                if (!dp::doorplate_code_has_valid_check(swapped)) {
                    ++detected;
                } else {
                    const std::string pair{a, b};
                    CHECK_MESSAGE((pair == "2Z" || pair == "Z2"), "undetected swap " << code << " -> " << swapped);
                }
            }
    MESSAGE("adjacent transpositions detected: " << detected << " of " << total);
    CHECK(total == 6 * 32 * 31);
    CHECK(total - detected == 12);  // exactly the 2<->Z swaps: two orders at each of six positions
}
