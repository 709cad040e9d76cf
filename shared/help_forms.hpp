// The forms and fixed texts of 帮办代办, shared by the phone app, the desk console and the server:
// the proxy form and its validation, the proxy agreement text and its canonical signed JSON,
// pre-review material states, video slots, batch-proxy CSV rows and the canned replies.
#pragma once
#include <nlohmann/json.hpp>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "validate.hpp"

namespace dp {

// ---- 代办 proxy form ----------------------------------------------------------------------------------

// Field names: name, id_number, phone, address, handover ("pickup" | "delivery"), delivery_address
// (required when handover is delivery). The spec of the plain fields, for validate_form().
const FormSpec& proxy_form_spec();
// The whole form as served by GET /api/v1/help/proxy-form: the spec plus the handover choice
// ({"name":"handover","kind":"choice","options":[{"id","label"}]}) in field order.
nlohmann::json proxy_form_json();
const char* handover_label(const std::string& handover);  // 到服务点领取 / 邮寄到家; "" if unknown

// validate_form() of the spec plus the handover rules ("请选择取件方式", "请填写邮寄地址").
// normalized holds every field of a valid form (delivery_address "" for pickup).
FormResult validate_proxy_form(const std::map<std::string, std::string>& values, const CalendarDate& today);

// ---- 代办 agreement (电子委托书) --------------------------------------------------------------------------

struct ProxyAgreementInput {
    std::string request_number;  // D-20250611-K7M2QX
    std::string item_name;       // 居民身份证换领
    std::string town_name;       // 溪美街道 (whose 便民服务中心 acts for the resident)
    std::map<std::string, std::string> fields;  // validate_proxy_form(...).normalized
};
// Who authorises whom for which item, what the agent may do, how the result is handed over.
std::string proxy_agreement_text(const ProxyAgreementInput& in);

// Exactly what is signed: {"agreement_text","fields","request_number","signature_sha256","signed_at"}
// as JSON with sorted keys, no spaces, UTF-8 unescaped. Hash it with SHA-256.
std::string proxy_canonical_json(const std::string& agreement_text, const std::map<std::string, std::string>& fields,
                                 const std::string& request_number, const std::string& signature_sha256,
                                 std::int64_t signed_at);

// Proxy case steps after signing: materials_received 已收到材料, submitted 已提交办理部门,
// result_ready 办理结果已出, delivered 已寄出, picked_up 已取件.
const std::vector<std::string>& proxy_steps();
const char* proxy_step_label(const std::string& step);  // "" if unknown

// ---- 预审 materials ------------------------------------------------------------------------------------

enum class MaterialState { missing, submitted, accepted, needs_supplement };
const char* to_string(MaterialState s);
const char* label_zh(MaterialState s);  // 未上传 待审核 合格 需补件
std::optional<MaterialState> material_state_from_string(const std::string& s);

// What the review of every material means for the request: undecided while any is missing or
// submitted; otherwise supplement if any needs it, else passed.
enum class PrereviewOutcome { undecided, supplement, passed };
PrereviewOutcome prereview_outcome(const std::vector<MaterialState>& states);

// ---- 视频帮办 slots ------------------------------------------------------------------------------------

// 30-minute slots, Monday–Friday 09:00–12:00 and 14:00–17:30 China time (UTC+8), over the next
// `working_days` working days (today included), starting at least `lead_seconds` after `now`,
// not in `taken`; at most `max_slots`. Unix seconds, ascending.
constexpr std::int64_t kVideoSlotSeconds = 30 * 60;
std::vector<std::int64_t> video_slots(std::int64_t now, const std::set<std::int64_t>& taken, int working_days = 5,
                                      std::int64_t lead_seconds = 10 * 60, std::size_t max_slots = 60);
bool is_video_slot_time(std::int64_t at);        // on a slot boundary inside working hours
std::string video_slot_label(std::int64_t at);  // "6月11日 周三 09:00–09:30"

// ---- Batch proxy (CSV) ---------------------------------------------------------------------------------

struct BatchProblem {
    int row = 0;         // line of the file (header = 1)
    std::string field;   // name, id_number, phone, doorplate, address, handover, delivery_address, csv
    std::string label;   // 身份证号码
    std::string message;
};

struct BatchRow {
    int row = 0;
    std::map<std::string, std::string> values;  // normalised (doorplate as given; address may be "")
};

struct BatchParse {
    std::vector<BatchProblem> file_errors;  // the file as a whole is unusable (header, size)
    std::vector<BatchRow> valid;
    std::vector<BatchProblem> report;       // every problem of every invalid row, row order
    int rows = 0;                           // data rows read
    int invalid = 0;                        // rows with at least one problem
};
// Headers in English (name, id_number, phone, doorplate, address, handover, delivery_address) or
// Chinese (姓名, 身份证号码/身份证号, 手机号码/手机号, 门牌码, 住址, 取件方式, 邮寄地址); handover values
// pickup/领取/自取 and delivery/邮寄. Checks everything but whether the doorplate exists (the server's).
BatchParse parse_batch_proxy_csv(std::string_view csv, const CalendarDate& today, int max_rows = 500);

// ---- Canned replies for the desk --------------------------------------------------------------------

struct CannedReply {
    std::string id, title, text;
};
const std::vector<CannedReply>& canned_replies();

}  // namespace dp
