// The fuzz targets (see targets.hpp): parse, then check what must hold for any input.
#include "targets.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "catalogue.hpp"
#include "csv.hpp"
#include "doorplate.hpp"
#include "importers.hpp"
#include "opening_hours.hpp"
#include "resident_route.hpp"
#include "search.hpp"
#include "validate.hpp"

namespace dp_fuzz {
namespace {

std::string_view bytes(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

[[noreturn]] void broken(const char* what) {
    std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
    std::abort();
}
void require(bool ok, const char* what) {
    if (!ok) broken(what);
}

}  // namespace

int validate(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const auto& kinds = dp::validation_kinds();
    const std::string kind = kinds[data[0] % kinds.size()];
    const std::string_view value = bytes(data + 1, size - 1);
    dp::ValidationContext ctx;
    ctx.today = {2026, 11, 28};
    ctx.label = "字段";
    ctx.max_chars = 20;
    const auto r = dp::validate_field(kind, value, ctx);
    require(r.ok == r.code.empty() || r.ok, "a failed validation names its reason");
    if (!r.ok) require(!r.message.empty(), "a failed validation has a message");
    if (kind == "id_card" && r.ok) {
        const std::string& id = r.normalized;
        require(id.size() == 18 && dp::id_card_check_char(std::string_view(id).substr(0, 17)) == id[17],
                "an accepted ID number carries its check character");
        require(dp::mask_id_card(id).find(id.substr(6, 8)) == std::string::npos, "masking hides the birth date");
    }
    if (r.ok) require(dp::validate_field(kind, r.normalized, ctx).ok, "the normalized value validates again");
    (void)dp::mask_id_card(value);
    return 0;
}

int doorplate_code(const std::uint8_t* data, std::size_t size) {
    const std::string code(bytes(data, size));
    const bool plausible = dp::is_plausible_doorplate_code(code);
    const bool valid = dp::doorplate_code_has_valid_check(code);
    require(!valid || plausible, "a code with a valid check is plausible");
    if (valid) {
        // Every single-character substitution within the alphabet is detected.
        for (std::size_t i = 0; i < code.size(); ++i)
            for (const char* a = dp::kDoorplateAlphabet; *a; ++a) {
                if (*a == code[i]) continue;
                std::string damaged = code;
                damaged[i] = *a;
                require(!dp::doorplate_code_has_valid_check(damaged), "a single-character error is detected");
            }
    }
    if (size >= 4) {
        const std::uint32_t serial = (std::uint32_t(data[0]) << 22 | std::uint32_t(data[1]) << 14 |
                                      std::uint32_t(data[2]) << 6 | data[3]) % (32u * 32 * 32 * 32 * 32 * 32);
        require(dp::doorplate_code_has_valid_check(dp::make_doorplate_code(serial)), "made codes check");
    }
    return 0;
}

int csv(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = bytes(data, size);
    const auto table = dp::parse_csv(text);
    (void)table;
    const auto plates = dp::import_doorplates_csv(text);
    const auto again = dp::import_doorplates_csv(dp::doorplates_to_csv(plates.rows));
    require(again.issues.empty() && again.rows.size() == plates.rows.size(), "imported doorplates round-trip");
    const auto points = dp::import_service_points_csv(text);
    const auto again2 = dp::import_service_points_csv(dp::service_points_to_csv(points.rows));
    require(again2.issues.empty() && again2.rows.size() == points.rows.size(), "imported service points round-trip");
    const auto areas = dp::import_areas_csv(text);
    require(areas.origins.size() == areas.rows.size(), "one origin per imported area");
    const auto again3 = dp::import_areas_csv(dp::areas_to_csv(areas.rows));
    require(again3.issues.empty() && again3.rows.size() == areas.rows.size(), "imported areas round-trip");
    return 0;
}

int geojson(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = bytes(data, size);
    const auto roads = dp::import_roads_geojson(text);
    const auto again = dp::import_roads_geojson(dp::roads_to_geojson(roads.rows));
    require(again.rows.size() == roads.rows.size(), "imported roads round-trip");
    const auto features = dp::import_map_features_geojson(text);
    const auto again2 = dp::import_map_features_geojson(dp::map_features_to_geojson(features.rows));
    require(again2.rows.size() == features.rows.size(), "imported map features round-trip");
    return 0;
}

int opening_hours(const std::uint8_t* data, std::size_t size) {
    const auto parsed = dp::parse_opening_hours(bytes(data, size));
    if (!parsed.ok()) {
        require(!parsed.error.empty(), "a rejected schedule says why");
        return 0;
    }
    const auto& h = *parsed.hours;
    const auto again = dp::parse_opening_hours(dp::to_text(h));
    require(again.ok() && *again.hours == h, "the text form round-trips");
    const dp::LocalDateTime t{2026, 10, 1, 9, 30};
    (void)dp::status_zh(h, t);
    (void)dp::describe_week_zh(h);
    (void)dp::describe_dates_zh(h, t.date());
    if (auto next = h.next_opening(t)) require(h.is_open(*next), "the next opening is open");
    return 0;
}

int guide_json(const std::uint8_t* data, std::size_t size) {
    const auto doc = nlohmann::json::parse(bytes(data, size), nullptr, false);
    if (doc.is_discarded()) return 0;
    const auto load = dp::parse_catalogue_json(doc);
    if (load.ok()) (void)load.catalogue.validate();
    return 0;
}

int resident_route(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = bytes(data, size);
    const auto q = text.find('?');
    const auto route = dp::parse_resident_route(text.substr(0, q), q == std::string_view::npos ? "" : text.substr(q + 1));
    const std::string url = dp::resident_url(route);
    const auto q2 = url.find('?');
    const auto again = dp::parse_resident_route(std::string_view(url).substr(0, q2),
                                                q2 == std::string::npos ? "" : std::string_view(url).substr(q2 + 1));
    require(dp::resident_url(again) == url, "a route's URL parses back to the same URL");
    return 0;
}

int search_query(const std::uint8_t* data, std::size_t size) {
    static const auto index = [] {
        std::vector<dp::SearchEntry> entries(3);
        entries[0].id = "id-card-renewal";
        entries[0].kind = "item";
        entries[0].name = "居民身份证换领";
        entries[0].plain_name = "换身份证";
        entries[1].id = "birth-registration";
        entries[1].kind = "item";
        entries[1].name = "出生登记";
        entries[2].id = "birth";
        entries[2].kind = "bundle";
        entries[2].name = "宝宝出生一件事";
        return std::make_shared<dp::SearchIndex>(std::move(entries));
    }();
    const auto results = index->search(bytes(data, size), 10);
    require(results.size() <= 10, "the limit is kept");
    return 0;
}

}  // namespace dp_fuzz
