// The resident's submission (POST /api/v1/requests): its JSON body checked strictly per kind
// (question, prereview, proxy, video) into a NewRequest, with no socket and no database of its own.
#pragma once
#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <shared_mutex>
#include <string>
#include <unordered_map>

#include "catalogue.hpp"
#include "request_lifecycle.hpp"
#include "validate.hpp"

namespace dp {

class Db;

struct NewRequest {
    HelpKind kind = HelpKind::question;
    std::string item_id, doorplate, area_id, town_id, name, phone;
    std::optional<std::string> id_number;
    nlohmann::json payload = nlohmann::json::object();
    // Made by the route before the write is queued (randomness stays out of the writer): the
    // resident's token and its hash, and a request number (the writer draws again on a clash).
    std::string token, token_hash, number;
};

struct DoorplateArea {
    std::string area_id, town_id;
};

// What a submission is checked against: the guides, the doorplates, and the time.
struct SubmissionContext {
    const Catalogue& catalogue;
    std::function<std::optional<DoorplateArea>(const std::string& code)> find_doorplate;
    int64_t now = 0;       // Unix seconds (video slots must lie ahead of it)
    CalendarDate today{};  // in China (ID numbers: birth dates not in the future)
};

// Throws HttpError: 400 "invalid" with every field's message ({"fields": {path: message}}),
// 400 unknown_field / bad_type for the shape. Does not check the Content-Type or parse the body
// (parse_json_body does that first).
NewRequest check_submission(const nlohmann::json& body, const SubmissionContext& ctx);

// The doorplate's area and town (the route's find_doorplate): from memory once seen, else from the
// database. Doorplates are added, never moved or deleted, so what was found stays true; only
// codes that exist are remembered (at most every doorplate once).
class DoorplateAreas {
public:
    std::optional<DoorplateArea> find(Db& db, const std::string& code);

private:
    std::shared_mutex mutex_;
    std::unordered_map<std::string, DoorplateArea> known_;
};

}  // namespace dp
