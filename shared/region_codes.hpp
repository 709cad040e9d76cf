// Administrative division codes (GB/T 2260) needed to check resident ID numbers: every province-level
// code, and a compact hand-written table of Fujian's prefecture and county-level codes.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace dp {

// Name of a province-level unit from the first two digits of a code ("35" → "福建省"): 11–15,
// 21–23, 31–37, 41–46, 50–54, 61–65, 71, 81, 82. nullopt otherwise.
std::optional<std::string> province_name(std::string_view two_digits);

struct FujianRegion {
    const char* code;  // "350583"
    const char* name;  // "南安市"
    bool current;      // false: a former code that ID numbers issued earlier still carry
};

// The entry for a 6-digit code under Fujian (35xxxx), or nullptr. The table holds the nine
// prefecture-level cities (3501–3509, their xx00 and xx01 "市辖区" codes), every current district,
// county and county-level city, and the former codes listed in region_codes.cpp.
const FujianRegion* find_fujian_region(std::string_view six_digits);

enum class FujianCodeCheck {
    known,            // in the table
    former_prefecture,// 3521–3529: the pre-1990s 地区 codes (e.g. 宁德地区 3522xx); counties not checked
    unknown,          // a Fujian code that is neither
};
// Only meaningful for codes starting "35"; others give `unknown`.
FujianCodeCheck check_fujian_code(std::string_view six_digits);

}  // namespace dp
