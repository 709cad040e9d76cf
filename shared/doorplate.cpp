// Doorplate and address helpers and their JSON mapping.
#include "doorplate.hpp"

namespace dp {

std::string Address::full() const {
    return county + town + village + road + number + building;
}

bool is_plausible_doorplate_code(const std::string& code) {
    if (code.size() < 4 || code.size() > 16) return false;
    for (char c : code)
        if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'))) return false;
    return true;
}

const char kDoorplateAlphabet[33] = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

namespace {
int alphabet_index(char c) {
    for (int i = 0; i < 32; ++i)
        if (kDoorplateAlphabet[i] == c) return i;
    return -1;
}
// Luhn mod N over code points (N = 32): the check makes the weighted sum divisible by N.
int luhn_check_index(const std::string& payload) {
    int factor = 2, sum = 0;
    for (auto it = payload.rbegin(); it != payload.rend(); ++it) {
        int addend = factor * alphabet_index(*it);
        factor = factor == 2 ? 1 : 2;
        sum += addend / 32 + addend % 32;
    }
    return (32 - sum % 32) % 32;
}
}  // namespace

std::string make_doorplate_code(uint32_t serial) {
    std::string payload(6, kDoorplateAlphabet[0]);
    for (int i = 5; i >= 0; --i) {
        payload[static_cast<size_t>(i)] = kDoorplateAlphabet[serial % 32];
        serial /= 32;
    }
    return payload + kDoorplateAlphabet[luhn_check_index(payload)];
}

bool doorplate_code_has_valid_check(const std::string& code) {
    if (code.size() != 7) return false;
    for (char c : code)
        if (alphabet_index(c) < 0) return false;
    return kDoorplateAlphabet[luhn_check_index(code.substr(0, 6))] == code[6];
}

void to_json(nlohmann::json& j, const LatLng& v) { j = {{"lat", v.lat}, {"lng", v.lng}}; }
void from_json(const nlohmann::json& j, LatLng& v) {
    v.lat = j.at("lat").get<double>();
    v.lng = j.at("lng").get<double>();
}

void to_json(nlohmann::json& j, const Address& v) {
    j = {{"county", v.county}, {"town", v.town},     {"village", v.village},
         {"road", v.road},     {"number", v.number}, {"building", v.building},
         {"full", v.full()}};
}
void from_json(const nlohmann::json& j, Address& v) {
    v.county = j.value("county", "");
    v.town = j.value("town", "");
    v.village = j.value("village", "");
    v.road = j.value("road", "");
    v.number = j.value("number", "");
    v.building = j.value("building", "");
}

void to_json(nlohmann::json& j, const Doorplate& v) {
    j = {{"code", v.code},       {"area_id", v.area_id},   {"town_id", v.town_id},
         {"address", v.address}, {"location", v.location}};
}
void from_json(const nlohmann::json& j, Doorplate& v) {
    v.code = j.at("code").get<std::string>();
    v.area_id = j.value("area_id", "");
    v.town_id = j.value("town_id", "");
    v.address = j.value("address", Address{});
    v.location = j.value("location", LatLng{});
}

}  // namespace dp
