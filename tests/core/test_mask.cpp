// Tests of shared/mask: mobiles, ID numbers and names masked for lists and exports, and the
// scrubber that keeps them out of log lines.
#include <doctest/doctest.h>

#include "mask.hpp"

using namespace dp;

TEST_CASE("a mobile number keeps its first three and last four digits") {
    CHECK(mask_mobile("13812345678") == "138****5678");
    CHECK(mask_mobile(" 138-1234-5678 ") == "138****5678");
    CHECK(mask_mobile("+86 138 1234 5678") == "138****5678");
    CHECK(mask_mobile("8613812345678") == "138****5678");
    CHECK(mask_mobile("１３８１２３４５６７８") == "138****5678");  // full-width digits
}

TEST_CASE("a phone that is not a mobile is masked completely, in at most 11 stars") {
    CHECK(mask_mobile("12345") == "*****");
    CHECK(mask_mobile("0595-87654321") == "***********");
    CHECK(mask_mobile("23812345678") == "***********");   // 11 digits, but not a mobile
    CHECK(mask_mobile("138123456789") == "***********");  // one digit too many
    CHECK(mask_mobile("138abcd5678") == "***********");
}

TEST_CASE("an ID number keeps its region prefix and its last four characters") {
    CHECK(mask_id_number("35058319900101123X") == "350583********123X");
    CHECK(mask_id_number("35058319900101123x") == "350583********123X");
    CHECK(mask_id_number("350583199001011234") == "350583********1234");
    CHECK(mask_id_number("350583900101123") == "350583*********");  // first-generation, 15 digits
}

TEST_CASE("a short or malformed ID number is masked completely") {
    CHECK(mask_id_number("") == "");
    CHECK(mask_id_number("3505831990") == "**********");
    CHECK(mask_id_number("3505831990010112345") == "******************");  // 19 digits: at most 18 stars
    CHECK(mask_id_number("350583X99001011234") == "******************");   // X not at the end
    CHECK(mask_id_number("护照E12345678") == "***********");
}

TEST_CASE("a name keeps only its surname") {
    CHECK(mask_name("张三") == "张*");
    CHECK(mask_name("张三丰") == "张**");
    CHECK(mask_name("欧阳娜娜") == "欧阳**");
    CHECK(mask_name("欧阳") == "欧*");  // two characters: the second is the given name
    CHECK(mask_name("张") == "*");
    CHECK(mask_name("阿丽亚·克里斯") == "阿**·***");
    CHECK(mask_name("") == "");
}

TEST_CASE("the scrubber masks mobiles and ID numbers inside free text and leaves the rest") {
    CHECK(scrub_personal_data("电话13812345678，请回电") == "电话138****5678，请回电");
    CHECK(scrub_personal_data("id=35058319900101123X&x=1") == "id=350583********123X&x=1");
    CHECK(scrub_personal_data("身份证350583199001011234") == "身份证350583********1234");
    CHECK(scrub_personal_data("旧证350583900101123。") == "旧证350583*********。");
    CHECK(scrub_personal_data("call +8613812345678 now") == "call +86138****5678 now");
    CHECK(scrub_personal_data("138-1234-5678 / 138 1234 5678") == "138-****-5678 / 138 **** 5678");
    CHECK(scrub_personal_data("１３８１２３４５６７８") == "１３８****５６７８");
    // Not personal data: timestamps, short numbers, 12-digit runs, 11 digits not starting 1[3-9].
    CHECK(scrub_personal_data("at 1700000000123 port 8080") == "at 1700000000123 port 8080");
    CHECK(scrub_personal_data("2024-05-01T10:00:00Z 123456789012") == "2024-05-01T10:00:00Z 123456789012");
    CHECK(scrub_personal_data("12012345678") == "12012345678");
    // Digits inside a word or a hex digest are not a phone number.
    CHECK(scrub_personal_data("sha a13812345678f0") == "sha a13812345678f0");
    CHECK(scrub_personal_data("") == "");
}

TEST_CASE("scrubbing JSON masks strings, keys and integers that look like personal data") {
    nlohmann::json j = {{"username", "13812345678"},
                        {"nested", {{"ids", {"35058319900101123X", "ok"}}}},
                        {"phone_number", 13812345678LL},
                        {"port", 8080},
                        {"13900001111", true}};
    scrub_json(j);
    CHECK(j["username"] == "138****5678");
    CHECK(j["nested"]["ids"][0] == "350583********123X");
    CHECK(j["nested"]["ids"][1] == "ok");
    CHECK(j["phone_number"] == "138****5678");
    CHECK(j["port"] == 8080);
    CHECK(j.contains("139****1111"));
    CHECK(j.dump().find("13812345678") == std::string::npos);
}
