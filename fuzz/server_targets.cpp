// The server's fuzz targets (see server_targets.hpp): a body goes through the route's own parsing
// and checks; a refusal must be an HttpError 4xx, an acceptance must hold up.
#include "server_targets.hpp"

#include <httplib.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <string_view>

#include "auth.hpp"
#include "catalogue.hpp"
#include "http_util.hpp"
#include "json_body.hpp"
#include "post_bodies.hpp"
#include "submission.hpp"
#include "upload_form.hpp"
#include "upload_store.hpp"
#include "validate.hpp"

namespace dp_fuzz {
namespace {

[[noreturn]] void broken(const char* what) {
    std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
    std::abort();
}
void require(bool ok, const char* what) {
    if (!ok) broken(what);
}

httplib::Request json_request(const std::uint8_t* data, std::size_t size) {
    httplib::Request req;
    req.method = "POST";
    req.body.assign(reinterpret_cast<const char*>(data), size);
    req.headers.emplace("Content-Type", "application/json; charset=utf-8");
    return req;
}

// Runs `parse`; a refusal must be a client error (what the one exception handler sends as 4xx).
// Anything else thrown escapes: libFuzzer reports it (the server would answer 500).
template <class Fn>
void refused_as_4xx(Fn&& parse) {
    try {
        parse();
    } catch (const dp::HttpError& e) {
        require(e.status >= 400 && e.status < 500, "a refused body is a 4xx");
        require(!e.code.empty() && e.what()[0] != '\0', "a refusal has a code and a message");
        if (!e.extra.is_null()) (void)e.extra.dump();  // what send_json would write
    }
}

bool chars_at_most(const std::string& s, std::size_t n) {
    auto cps = dp::decode_utf8_strict(s);
    return cps && cps->size() <= n;
}

// The guides the server loads (assets/guides), for item and material ids.
const dp::Catalogue& catalogue() {
    static const dp::Catalogue cat = [] {
        auto load = dp::load_catalogue_dir(std::string(DP_SOURCE_DIR) + "/assets/guides");
        if (!load.ok()) broken("assets/guides loads");
        return std::move(load.catalogue);
    }();
    return cat;
}

constexpr std::int64_t kNow = 1800000000;  // 2027-01-15 08:00 UTC
const std::set<std::string>& known_doorplates() {
    static const std::set<std::string> codes = {"35058310100100011", "NA7Q3KX9", "ABC"};
    return codes;
}

}  // namespace

int submission_body(const std::uint8_t* data, std::size_t size) {
    const httplib::Request req = json_request(data, size);
    dp::SubmissionContext ctx{catalogue(),
                              [](const std::string& code) -> std::optional<dp::DoorplateArea> {
                                  if (!known_doorplates().count(code)) return std::nullopt;
                                  return dp::DoorplateArea{"350583-101-001", "350583-101"};
                              },
                              kNow,
                              {2027, 1, 15}};
    refused_as_4xx([&] {
        const dp::NewRequest r = dp::check_submission(dp::parse_json_body(req), ctx);
        require(catalogue().find_item(r.item_id) || catalogue().find_bundle(r.item_id), "the item exists");
        require(known_doorplates().count(r.doorplate) == 1 && r.area_id == "350583-101-001", "the doorplate is known");
        require(dp::validate_person_name(r.name).ok && dp::validate_mobile(r.phone).ok, "name and phone validate again");
        if (r.id_number) require(dp::validate_id_card(*r.id_number, ctx.today).ok, "the ID number validates again");
        const std::string stored = r.payload.dump();  // what the writer stores: must not throw
        require(stored.size() < 64 * 1024, "the stored payload is bounded");
        const auto& p = r.payload;
        switch (r.kind) {
            case dp::HelpKind::question:
                require(p.contains("text") && chars_at_most(p["text"], 2000), "a question has its text");
                break;
            case dp::HelpKind::prereview: {
                require(p.contains("materials") && p["materials"].is_array() && !p["materials"].empty(),
                        "a pre-review names materials");
                std::set<std::string> seen;
                for (const auto& m : p["materials"]) require(seen.insert(m.get<std::string>()).second, "materials once each");
                break;
            }
            case dp::HelpKind::proxy:
                require(r.id_number.has_value() && p.value("agree", false) && p.contains("address") &&
                            chars_at_most(p["address"], 200),
                        "a proxy application has an ID number, agreement and an address");
                break;
            case dp::HelpKind::video: {
                require(p.contains("slot_at") && p["slot_at"].is_number_integer(), "a video call has its slot");
                const std::int64_t slot = p["slot_at"];
                require(slot >= kNow + 600 && slot <= kNow + 30 * 24 * 3600, "a video slot lies ahead, within 30 days");
                break;
            }
        }
    });
    return 0;
}

int login_body(const std::uint8_t* data, std::size_t size) {
    const httplib::Request req = json_request(data, size);
    refused_as_4xx([&] {
        const dp::LoginBody b = dp::parse_login_body(req);
        require(!b.username.empty() && !b.password.empty(), "both are given");
        require(chars_at_most(b.username, 64) && chars_at_most(b.password, 1024), "within their limits");
        require(std::none_of(b.username.begin(), b.username.end(), [](char c) { return c >= 'A' && c <= 'Z'; }),
                "the username is lower-cased");
    });
    return 0;
}

int new_user_body(const std::uint8_t* data, std::size_t size) {
    const httplib::Request req = json_request(data, size);
    refused_as_4xx([&] {
        const dp::NewUser u = dp::parse_new_user_body(req);
        require(dp::role_from_string(u.role).has_value(), "the role is known");
        require(u.username.size() >= 3 && u.username.size() <= 32, "the username has 3 to 32 characters");
        require(dp::decode_utf8_strict(u.password).value_or(U"").size() >= 10, "the password has 10 characters or more");
        require(u.role != "agent" || !u.area_id.empty(), "an agent has an area");
        dp::check_new_user(u);  // accepted once, accepted again
    });
    return 0;
}

int reveal_body(const std::uint8_t* data, std::size_t size) {
    const httplib::Request req = json_request(data, size);
    refused_as_4xx([&] {
        const dp::RevealBody b = dp::parse_reveal_body(req);
        require(b.field == "contact_phone" || b.field == "id_number", "a known field");
        require(b.reason.find_first_not_of(" \t\r\n") != std::string::npos && chars_at_most(b.reason, 200),
                "a reason of at most 200 characters");
    });
    return 0;
}

// The multipart events as httplib's parser delivers them, from the input: byte 0 sets the file
// limit (1–256 bytes); then records — 'H' n name[n] (a part starts, named) or 'D' hi lo data[len]
// (a chunk of the current part); anything else ends the body.
int upload_form(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::size_t max_file = 1 + data[0];
    const std::size_t drain_limit = max_file * 2 + 1024;
    std::size_t delivered = 0;
    bool stopped = false;
    httplib::ContentReader reader(
        [](const httplib::ContentReceiver&) { return false; },
        [&](const httplib::MultipartContentHeader& header, const httplib::ContentReceiver& receiver) {
            std::size_t at = 1;
            while (at < size) {
                const std::uint8_t op = data[at++];
                if (op == 'H' && at < size) {
                    const std::size_t len = data[at++];
                    const std::size_t n = std::min(len, size - at);
                    httplib::MultipartFormData part;
                    part.name.assign(reinterpret_cast<const char*>(data + at), n);
                    at += n;
                    if (!header(part)) return false;
                } else if (op == 'D' && at + 1 < size) {
                    const std::size_t n = std::min<std::size_t>((std::size_t(data[at]) << 8 | data[at + 1]), size - at - 2);
                    at += 2;
                    delivered += n;
                    if (!receiver(reinterpret_cast<const char*>(data + at), n)) {
                        stopped = true;
                        return false;
                    }
                    at += n;
                } else {
                    break;
                }
            }
            return true;
        });
    const dp::UploadForm form = dp::read_upload_form(reader, max_file, drain_limit);
    require(form.file.size() <= max_file, "the kept file is within its limit");
    require(form.material.size() <= 400, "the kept material name is within its limit");
    require(form.total == delivered, "every delivered byte is counted");
    require(form.aborted == stopped && form.aborted == (delivered > drain_limit), "reading stops only past the drain limit");
    refused_as_4xx([&] {
        const std::string mime = dp::check_upload_form(form, static_cast<std::int64_t>(max_file));
        require(mime == "image/jpeg" || mime == "image/png" || mime == "application/pdf", "one of the three types");
        require(dp::sniff_upload_type(form.file) == mime, "the type comes from the bytes");
        require(form.file_parts == 1 && !form.file.empty() && !form.file_too_large, "exactly one whole file");
        require(chars_at_most(form.material, 100), "a material name of at most 100 characters");
    });
    return 0;
}

}  // namespace dp_fuzz
