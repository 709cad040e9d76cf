// 帮办代办 forms and fixed texts: proxy form validation, agreement text and canonical signed JSON,
// material states, video slots, batch-proxy CSV rows, canned replies (see help_forms.hpp).
#include "help_forms.hpp"

#include <algorithm>
#include <cstdio>

#include "csv.hpp"

namespace dp {

// ---- 代办 proxy form ----------------------------------------------------------------------------------

const FormSpec& proxy_form_spec() {
    static const FormSpec spec = [] {
        FormSpec s;
        s.fields.push_back({"name", "name", "申请人姓名", true, "", "", 0});
        s.fields.push_back({"id_number", "id_card", "申请人身份证号码", true, "", "", 0});
        s.fields.push_back({"phone", "mobile", "手机号码", true, "", "", 0});
        s.fields.push_back({"address", "text", "住址", true, "", "", 200});
        return s;
    }();
    return spec;
}

namespace {
FormFieldSpec delivery_address_spec() { return {"delivery_address", "text", "邮寄地址", false, "", "", 200}; }

bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

void add_form_error(FormResult& r, const std::string& field, const std::string& label, const std::string& code,
                    const std::string& message) {
    r.ok = false;
    r.errors.push_back({field, label, code, message});
    const bool starts_with_label = message.compare(0, label.size(), label) == 0;
    r.summary.push_back({field, starts_with_label ? message : label + "：" + message});
}
}  // namespace

nlohmann::json proxy_form_json() {
    nlohmann::json fields = nlohmann::json::array();
    for (const auto& f : proxy_form_spec().fields) fields.push_back(f);
    fields.push_back({{"name", "handover"},
                      {"kind", "choice"},
                      {"label", "取件方式"},
                      {"required", true},
                      {"options",
                       {{{"id", "pickup"}, {"label", handover_label("pickup")}},
                        {{"id", "delivery"}, {"label", handover_label("delivery")}}}}});
    nlohmann::json d = delivery_address_spec();
    d["required_when"] = {{"handover", "delivery"}};
    fields.push_back(d);
    return {{"fields", fields}};
}

const char* handover_label(const std::string& handover) {
    if (handover == "pickup") return "到服务点领取";
    if (handover == "delivery") return "邮寄到家";
    return "";
}

FormResult validate_proxy_form(const std::map<std::string, std::string>& values, const CalendarDate& today) {
    FormResult r = validate_form(proxy_form_spec(), values, today);
    auto get = [&](const char* k) {
        auto it = values.find(k);
        return it == values.end() ? std::string() : it->second;
    };
    const std::string handover = get("handover");
    if (blank(handover))
        add_form_error(r, "handover", "取件方式", "form.required", "请选择取件方式");
    else if (handover != "pickup" && handover != "delivery")
        add_form_error(r, "handover", "取件方式", "choice.unknown", "取件方式只能是到服务点领取或邮寄到家");
    else
        r.normalized["handover"] = handover;
    const std::string delivery = get("delivery_address");
    const FormFieldSpec d = delivery_address_spec();
    if (handover == "delivery") {
        if (blank(delivery)) {
            add_form_error(r, d.name, d.label, "form.required", "请填写邮寄地址");
        } else {
            const ValidationResult v = validate_text(delivery, d.label, d.max_chars);
            if (v.ok) r.normalized[d.name] = v.normalized;
            else add_form_error(r, d.name, d.label, v.code, v.message);
        }
    } else {
        r.normalized[d.name] = "";
    }
    if (!r.ok) r.normalized.clear();
    return r;
}

// ---- 代办 agreement ------------------------------------------------------------------------------------

std::string proxy_agreement_text(const ProxyAgreementInput& in) {
    auto get = [&](const char* k) {
        auto it = in.fields.find(k);
        return it == in.fields.end() ? std::string() : it->second;
    };
    const std::string handover = get("handover");
    std::string t;
    t += "帮办代办委托书（电子）\n";
    t += "编号：" + in.request_number + "\n";
    t += "委托人：" + get("name") + "，身份证号码：" + get("id_number") + "，手机号码：" + get("phone") + "，住址：" +
         get("address") + "。\n";
    t += "受托人：" + in.town_name + "便民服务中心帮办代办窗口。\n";
    t += "委托事项：委托人委托受托人代为办理“" + in.item_name + "”。\n";
    t += "委托权限：受托人可代委托人提交、补正与该事项有关的材料，查询办理进度，领取办理结果；"
         "不得办理与该事项无关的其他事务。\n";
    t += "结果交付：" + std::string(handover_label(handover));
    if (handover == "delivery") t += "，邮寄地址：" + get("delivery_address");
    t += "。\n";
    t += "委托人承诺：所提供的信息和材料真实、有效，如有不实，愿意承担相应责任。"
         "本委托书经委托人手写签名确认后生效，与纸质委托书具有同等效力，事项办结后自动终止。";
    return t;
}

std::string proxy_canonical_json(const std::string& agreement_text, const std::map<std::string, std::string>& fields,
                                 const std::string& request_number, const std::string& signature_sha256,
                                 std::int64_t signed_at) {
    nlohmann::json f = nlohmann::json::object();
    for (const auto& [k, v] : fields) f[k] = v;
    const nlohmann::json j = {{"agreement_text", agreement_text},
                              {"fields", f},
                              {"request_number", request_number},
                              {"signature_sha256", signature_sha256},
                              {"signed_at", signed_at}};
    return j.dump();  // nlohmann objects are ordered by key; dump() adds no spaces, keeps UTF-8
}

const std::vector<std::string>& proxy_steps() {
    static const std::vector<std::string> steps = {"materials_received", "submitted", "result_ready", "delivered",
                                                   "picked_up"};
    return steps;
}

const char* proxy_step_label(const std::string& step) {
    if (step == "materials_received") return "已收到材料";
    if (step == "submitted") return "已提交办理部门";
    if (step == "result_ready") return "办理结果已出";
    if (step == "delivered") return "已寄出";
    if (step == "picked_up") return "已取件";
    return "";
}

// ---- 预审 materials ------------------------------------------------------------------------------------

const char* to_string(MaterialState s) {
    switch (s) {
        case MaterialState::missing: return "missing";
        case MaterialState::submitted: return "submitted";
        case MaterialState::accepted: return "accepted";
        case MaterialState::needs_supplement: return "needs_supplement";
    }
    return "";
}

const char* label_zh(MaterialState s) {
    switch (s) {
        case MaterialState::missing: return "未上传";
        case MaterialState::submitted: return "待审核";
        case MaterialState::accepted: return "合格";
        case MaterialState::needs_supplement: return "需补件";
    }
    return "";
}

std::optional<MaterialState> material_state_from_string(const std::string& s) {
    for (MaterialState m : {MaterialState::missing, MaterialState::submitted, MaterialState::accepted,
                            MaterialState::needs_supplement})
        if (s == to_string(m)) return m;
    return std::nullopt;
}

PrereviewOutcome prereview_outcome(const std::vector<MaterialState>& states) {
    if (states.empty()) return PrereviewOutcome::undecided;
    bool supplement = false;
    for (MaterialState s : states) {
        if (s == MaterialState::missing || s == MaterialState::submitted) return PrereviewOutcome::undecided;
        if (s == MaterialState::needs_supplement) supplement = true;
    }
    return supplement ? PrereviewOutcome::supplement : PrereviewOutcome::passed;
}

// ---- 视频帮办 slots ------------------------------------------------------------------------------------

namespace {
constexpr std::int64_t kChinaOffset = 8 * 3600;
constexpr std::int64_t kDay = 86400;
// Slot starts as seconds after local midnight: 09:00–11:30 and 14:00–17:00.
const std::vector<std::int64_t>& slot_starts() {
    static const std::vector<std::int64_t> starts = [] {
        std::vector<std::int64_t> v;
        for (std::int64_t t = 9 * 3600; t < 12 * 3600; t += kVideoSlotSeconds) v.push_back(t);
        for (std::int64_t t = 14 * 3600; t < 17 * 3600 + 1800; t += kVideoSlotSeconds) v.push_back(t);
        return v;
    }();
    return starts;
}
std::int64_t floor_div(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }
int weekday_of_day(std::int64_t day) {  // 0 = Sunday; day 0 (1970-01-01) was a Thursday
    return static_cast<int>(((day + 4) % 7 + 7) % 7);
}
bool working_day(std::int64_t day) {
    const int w = weekday_of_day(day);
    return w >= 1 && w <= 5;
}
// Days since 1970-01-01 → civil date (Howard Hinnant's algorithm).
void civil_from_days(std::int64_t z, int& y, int& m, int& d) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t doe = z - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    y = static_cast<int>(yoe + era * 400 + (m <= 2));
}
std::string hhmm(std::int64_t secs) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d:%02d", static_cast<int>(secs / 3600), static_cast<int>(secs % 3600 / 60));
    return buf;
}
}  // namespace

std::vector<std::int64_t> video_slots(std::int64_t now, const std::set<std::int64_t>& taken, int working_days,
                                      std::int64_t lead_seconds, std::size_t max_slots) {
    std::vector<std::int64_t> out;
    std::int64_t day = floor_div(now + kChinaOffset, kDay);
    for (int seen = 0; seen < working_days && out.size() < max_slots; ++day) {
        if (!working_day(day)) continue;
        ++seen;
        for (std::int64_t start : slot_starts()) {
            const std::int64_t at = day * kDay + start - kChinaOffset;
            if (at < now + lead_seconds || taken.count(at)) continue;
            out.push_back(at);
            if (out.size() >= max_slots) break;
        }
    }
    return out;
}

bool is_video_slot_time(std::int64_t at) {
    const std::int64_t local = at + kChinaOffset;
    const std::int64_t day = floor_div(local, kDay);
    if (!working_day(day)) return false;
    const std::int64_t secs = local - day * kDay;
    const auto& s = slot_starts();
    return std::find(s.begin(), s.end(), secs) != s.end();
}

std::string video_slot_label(std::int64_t at) {
    static const char* const kWeekdays[] = {"周日", "周一", "周二", "周三", "周四", "周五", "周六"};
    const std::int64_t local = at + kChinaOffset;
    const std::int64_t day = floor_div(local, kDay);
    const std::int64_t secs = local - day * kDay;
    int y = 0, m = 0, d = 0;
    civil_from_days(day, y, m, d);
    return std::to_string(m) + "月" + std::to_string(d) + "日 " + kWeekdays[weekday_of_day(day)] + " " + hhmm(secs) +
           "–" + hhmm(secs + kVideoSlotSeconds);
}

// ---- Batch proxy (CSV) ---------------------------------------------------------------------------------

namespace {
struct Column {
    const char* field;
    const char* label;
    std::vector<std::string> headers;
    bool required;
};
const std::vector<Column>& batch_columns() {
    static const std::vector<Column> cols = {
        {"name", "姓名", {"name", "姓名"}, true},
        {"id_number", "身份证号码", {"id_number", "身份证号码", "身份证号"}, true},
        {"phone", "手机号码", {"phone", "手机号码", "手机号"}, true},
        {"doorplate", "门牌码", {"doorplate", "门牌码"}, true},
        {"address", "住址", {"address", "住址"}, false},
        {"handover", "取件方式", {"handover", "取件方式"}, false},
        {"delivery_address", "邮寄地址", {"delivery_address", "邮寄地址"}, false},
    };
    return cols;
}
std::string lower_ascii(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}
// The batch labels name the person, not the applicant role of the single form.
std::string batch_label(const std::string& field) {
    for (const auto& c : batch_columns())
        if (field == c.field) return c.label;
    return field;
}
}  // namespace

BatchParse parse_batch_proxy_csv(std::string_view csv, const CalendarDate& today, int max_rows) {
    BatchParse out;
    const CsvParse parsed = parse_csv(csv);
    if (parsed.records.empty() && parsed.errors.empty()) {
        out.file_errors.push_back({1, "csv", "CSV", "文件是空的，请按模板填写后再上传"});
        return out;
    }
    // The header: the first record (a header line with an error is a file error).
    if (!parsed.errors.empty() && (parsed.records.empty() || parsed.errors.front().line < parsed.records.front().line)) {
        out.file_errors.push_back({parsed.errors.front().line, "csv", "CSV", "表头无法读取：" + parsed.errors.front().message});
        return out;
    }
    const CsvRecord& header = parsed.records.front();
    std::map<std::string, std::size_t> index;  // field → column
    for (std::size_t i = 0; i < header.fields.size(); ++i) {
        const std::string h = lower_ascii(header.fields[i]);
        for (const auto& c : batch_columns())
            if (std::find(c.headers.begin(), c.headers.end(), h) != c.headers.end() && !index.count(c.field))
                index[c.field] = i;
    }
    for (const auto& c : batch_columns())
        if (c.required && !index.count(c.field))
            out.file_errors.push_back({header.line, c.field, c.label,
                                       std::string("表头缺少“") + c.label + "”一列（也可写作 " + c.field + "）"});
    if (!out.file_errors.empty()) return out;
    if (static_cast<int>(parsed.records.size()) - 1 > max_rows) {
        out.file_errors.push_back(
            {header.line, "csv", "CSV", "一次最多 " + std::to_string(max_rows) + " 人，请分成几个文件上传"});
        return out;
    }
    // Rows the CSV reader could not read are reported as such, in row order with the others.
    std::vector<std::pair<int, std::string>> broken;
    for (const auto& e : parsed.errors)
        if (e.line > header.line) broken.push_back({e.line, e.message});

    auto report_broken_before = [&](int line) {
        while (!broken.empty() && broken.front().first < line) {
            out.report.push_back({broken.front().first, "csv", "CSV", "这一行无法读取：" + broken.front().second});
            ++out.rows;
            ++out.invalid;
            broken.erase(broken.begin());
        }
    };
    for (std::size_t r = 1; r < parsed.records.size(); ++r) {
        const CsvRecord& rec = parsed.records[r];
        report_broken_before(rec.line);
        ++out.rows;
        std::map<std::string, std::string> values;
        for (const auto& [field, col] : index) values[field] = col < rec.fields.size() ? rec.fields[col] : "";
        std::vector<BatchProblem> problems;
        // handover: Chinese words → ids; default pickup.
        std::string& h = values["handover"];
        if (blank(h) || h == "领取" || h == "自取" || h == "到服务点领取") h = "pickup";
        else if (h == "邮寄" || h == "邮寄到家") h = "delivery";
        std::map<std::string, std::string> form = values;
        const bool no_address = blank(values["address"]);
        if (no_address) form["address"] = "门牌地址";  // filled from the doorplate by the server
        const FormResult f = validate_proxy_form(form, today);
        for (const auto& e : f.errors) {
            std::string message = e.message;
            // "请填写申请人姓名" reads oddly for a list of people: use the column name.
            if (e.code == "form.required") message = "请填写" + batch_label(e.field);
            problems.push_back({rec.line, e.field, batch_label(e.field), message});
        }
        const std::string plate = values["doorplate"];
        if (blank(plate)) {
            problems.push_back({rec.line, "doorplate", "门牌码", "请填写门牌码"});
        } else {
            bool ok = plate.size() <= 32;
            for (char c : plate) ok = ok && ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'));
            if (!ok) problems.push_back({rec.line, "doorplate", "门牌码", "门牌码应为门牌上二维码下方的字母和数字"});
        }
        // Keep the report in column order.
        std::stable_sort(problems.begin(), problems.end(), [](const BatchProblem& a, const BatchProblem& b) {
            auto pos = [](const std::string& f) {
                const auto& cols = batch_columns();
                for (std::size_t i = 0; i < cols.size(); ++i)
                    if (f == cols[i].field) return i;
                return cols.size();
            };
            return pos(a.field) < pos(b.field);
        });
        if (problems.empty()) {
            BatchRow row;
            row.row = rec.line;
            row.values = f.normalized;
            if (no_address) row.values["address"] = "";
            row.values["doorplate"] = plate;
            out.valid.push_back(std::move(row));
        } else {
            ++out.invalid;
            out.report.insert(out.report.end(), problems.begin(), problems.end());
        }
    }
    report_broken_before(1 << 30);
    return out;
}

// ---- Canned replies ----------------------------------------------------------------------------------

const std::vector<CannedReply>& canned_replies() {
    static const std::vector<CannedReply> replies = {
        {"greeting", "问候", "您好，我是帮办员，请问有什么可以帮您？"},
        {"received", "已收到", "您的申请我们已经收到，正在为您办理，请耐心等待。"},
        {"photo_unclear", "照片不清楚", "您上传的照片不够清楚，请在光线充足的地方平放拍摄，确保四角完整、文字清晰后重新上传。"},
        {"bring_originals", "携带原件", "办理时请携带身份证原件和材料原件，复印件需用 A4 纸。"},
        {"hours", "办公时间", "便民服务中心工作时间为周一至周五 上午 9:00–12:00，下午 14:00–17:30。"},
        {"done", "已办结", "您的事项已经办好了，感谢您的耐心，欢迎对本次服务进行评价。"},
        {"more", "还有其他问题", "请问还有其他需要帮忙的吗？"},
    };
    return replies;
}

}  // namespace dp
