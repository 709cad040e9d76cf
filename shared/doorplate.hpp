// Doorplates (门牌) and the administrative areas they belong to: plain structs, their JSON
// form, and the checks on a doorplate code's shape. No platform headers.
#pragma once
#include <nlohmann/json.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace dp {

struct LatLng {
    double lat = 0;  // WGS-84
    double lng = 0;
};

// A county is divided into towns/streets (乡镇/街道), each into villages/communities (村/社区).
struct Area {
    std::string id;         // e.g. "350583-101" (town) or "350583-101-003" (village)
    std::string name;       // 溪美街道, 柳城社区
    std::string kind;       // "county" | "town" | "village" | "community"
    std::string parent_id;  // "" for the county
    LatLng centre;
};

struct Address {
    std::string county;    // 南安市
    std::string town;      // 溪美街道
    std::string village;   // 溪州社区
    std::string road;      // 成功街
    std::string number;    // 88号
    std::string building;  // optional: 3幢
    std::string full() const;  // 南安市溪美街道溪州社区成功街88号3幢
};

struct Doorplate {
    std::string code;      // short stable code printed in the QR link: /d/<code>
    std::string area_id;   // the village/community it belongs to
    std::string town_id;
    Address address;
    LatLng location;
};

// A code is 4–16 characters of [0-9A-Z] (upper case); anything else is not a doorplate code.
bool is_plausible_doorplate_code(const std::string& code);

// Doorplate codes: 6 payload characters from a 32-letter alphabet without 0/1/I/O, plus a
// Luhn mod-32 check character, so any single mistyped character is detected.
extern const char kDoorplateAlphabet[33];
std::string make_doorplate_code(uint32_t serial);            // serial < 32^6
bool doorplate_code_has_valid_check(const std::string& code);  // shape and check character

void to_json(nlohmann::json& j, const LatLng& v);
void from_json(const nlohmann::json& j, LatLng& v);
void to_json(nlohmann::json& j, const Address& v);
void from_json(const nlohmann::json& j, Address& v);
void to_json(nlohmann::json& j, const Doorplate& v);
void from_json(const nlohmann::json& j, Doorplate& v);

}  // namespace dp
