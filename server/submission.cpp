// Checking a resident's submission (see submission.hpp): field by field, Chinese messages.
#include "submission.hpp"

#include <algorithm>

#include "db.hpp"
#include "http_util.hpp"
#include "json_body.hpp"

namespace dp {
namespace {

using nlohmann::json;

constexpr size_t kQuestionMaxChars = 2000;
constexpr size_t kNoteMaxChars = 500;
constexpr size_t kAddressMaxChars = 200;
constexpr size_t kMaxMaterials = 50;
constexpr int64_t kVideoEarliest = 10 * 60;         // a slot at least 10 minutes ahead
constexpr int64_t kVideoLatest = 30 * 24 * 3600;    // and at most 30 days ahead

// Field errors collected in order; the first message per field wins.
struct FieldErrors {
    json fields = json::object();
    std::string first;
    void add(const std::string& path, const std::string& message) {
        if (fields.contains(path)) return;
        fields[path] = message;
        if (first.empty()) first = message;
    }
    void raise_if_any() const {
        if (!fields.empty()) throw HttpError(400, "invalid", "请检查填写的内容：" + first, {{"fields", fields}});
    }
};

// Free text: valid, not blank when required, at most max_chars; the trimmed text.
std::optional<std::string> check_text(FieldErrors& errors, const json& obj, const char* name, const std::string& path,
                                      const std::string& label, size_t max_chars, bool required) {
    auto v = opt_string(obj, name, path);
    ValidationResult r = validate_text(v.value_or(""), label, max_chars);
    if (r.code == "text.empty") {  // absent or blank: "请输入<label>" when required
        if (required) errors.add(path, r.message);
        return std::nullopt;
    }
    if (!r.ok) {
        errors.add(path, r.message);
        return std::nullopt;
    }
    return r.normalized;
}

// The material ids a prereview may name: the item's materials, or every material of a bundle's items.
std::vector<std::string> known_materials(const Catalogue& cat, const std::string& id) {
    std::vector<std::string> out;
    auto add_item = [&](const Item* item) {
        if (item)
            for (auto& m : item->materials) out.push_back(m.id);
    };
    if (const Item* item = cat.find_item(id)) add_item(item);
    if (const Bundle* b = cat.find_bundle(id))
        for (auto& i : b->items) add_item(cat.find_item(i));
    return out;
}

json check_payload(FieldErrors& errors, const json& p, HelpKind kind, const Catalogue& cat, const std::string& item_id,
                   int64_t now) {
    json out = json::object();
    switch (kind) {
        case HelpKind::question: {
            reject_unknown_fields(p, {"text"}, "payload.");
            if (auto t = check_text(errors, p, "text", "payload.text", "要咨询的问题", kQuestionMaxChars, true))
                out["text"] = *t;
            break;
        }
        case HelpKind::prereview: {
            reject_unknown_fields(p, {"materials", "note"}, "payload.");
            const json* list = opt_array(p, "materials", "payload.materials");
            if (!list || list->empty()) {
                errors.add("payload.materials", "请至少选择一项要预审的材料");
            } else if (list->size() > kMaxMaterials) {
                errors.add("payload.materials", "一次最多预审 " + std::to_string(kMaxMaterials) + " 项材料");
            } else {
                const auto known = known_materials(cat, item_id);
                json ids = json::array();
                for (size_t i = 0; i < list->size(); ++i) {
                    const std::string path = "payload.materials[" + std::to_string(i) + "]";
                    const json& m = (*list)[i];
                    if (!m.is_string()) throw HttpError(400, "bad_type", "字段 " + path + " 应为材料编号（文字）",
                                                        {{"fields", {{path, "应为材料编号（文字）"}}}});
                    const std::string id = m.get<std::string>();
                    if (std::find(known.begin(), known.end(), id) == known.end())
                        errors.add(path, "这个事项没有名为 " + id.substr(0, 80) + " 的材料");
                    else if (std::find(ids.begin(), ids.end(), id) != ids.end())
                        errors.add(path, "材料 " + id + " 重复了");
                    else
                        ids.push_back(id);
                }
                out["materials"] = ids;
            }
            if (auto n = check_text(errors, p, "note", "payload.note", "备注", kNoteMaxChars, false)) out["note"] = *n;
            break;
        }
        case HelpKind::proxy: {
            reject_unknown_fields(p, {"address", "agree", "note"}, "payload.");
            if (auto a = check_text(errors, p, "address", "payload.address", "材料交接地址", kAddressMaxChars, true))
                out["address"] = *a;
            auto agree = opt_bool(p, "agree", "payload.agree");
            if (!agree || !*agree) errors.add("payload.agree", "请阅读并同意代办协议");
            else out["agree"] = true;
            if (auto n = check_text(errors, p, "note", "payload.note", "备注", kNoteMaxChars, false)) out["note"] = *n;
            break;
        }
        case HelpKind::video: {
            reject_unknown_fields(p, {"slot_at", "topic"}, "payload.");
            auto slot = opt_integer(p, "slot_at", "payload.slot_at");
            if (!slot) errors.add("payload.slot_at", "请选择视频连线的时间");
            else if (*slot < now + kVideoEarliest) errors.add("payload.slot_at", "视频连线的时间应在 10 分钟以后");
            else if (*slot > now + kVideoLatest) errors.add("payload.slot_at", "视频连线最多预约 30 天以内的时间");
            else out["slot_at"] = *slot;
            if (auto t = check_text(errors, p, "topic", "payload.topic", "想咨询的内容", kNoteMaxChars, false))
                out["topic"] = *t;
            break;
        }
    }
    return out;
}

}  // namespace

NewRequest check_submission(const json& body, const SubmissionContext& ctx) {
    const int64_t now = ctx.now;
    reject_unknown_fields(body, {"kind", "item_id", "doorplate", "contact", "id_number", "payload"});
    FieldErrors errors;
    NewRequest r;

    auto kind = opt_string(body, "kind", "kind");
    std::optional<HelpKind> k;
    if (kind) k = help_kind_from_string(*kind);
    if (!kind) errors.add("kind", "请选择求助方式");
    else if (!k) errors.add("kind", "求助方式只能是 question、prereview、proxy 或 video");
    else r.kind = *k;

    const Catalogue& cat = ctx.catalogue;
    auto item = opt_string(body, "item_id", "item_id");
    if (!item || item->empty()) errors.add("item_id", "请选择要办的事项");
    else if (!cat.find_item(*item) && !cat.find_bundle(*item)) errors.add("item_id", "没有找到这个事项");
    else r.item_id = *item;

    auto plate = opt_string(body, "doorplate", "doorplate");
    if (!plate || plate->empty()) {
        errors.add("doorplate", "缺少门牌码");
    } else if (plate->size() > 32) {
        errors.add("doorplate", "没有找到这个门牌");
    } else if (auto where = ctx.find_doorplate(*plate)) {
        r.doorplate = *plate;
        r.area_id = where->area_id;
        r.town_id = where->town_id;
    } else {
        errors.add("doorplate", "没有找到这个门牌");
    }

    const json* contact = opt_object(body, "contact", "contact");
    if (!contact) {
        errors.add("contact.name", "请填写联系人姓名");
        errors.add("contact.phone", "请填写手机号码");
    } else {
        reject_unknown_fields(*contact, {"name", "phone"}, "contact.");
        auto name = opt_string(*contact, "name", "contact.name");
        ValidationResult n = validate_person_name(name.value_or(""));
        if (!n.ok) errors.add("contact.name", name ? n.message : "请填写联系人姓名");
        else r.name = n.normalized;
        auto phone = opt_string(*contact, "phone", "contact.phone");
        ValidationResult m = validate_mobile(phone.value_or(""));
        if (!m.ok) errors.add("contact.phone", phone ? m.message : "请填写手机号码");
        else r.phone = m.normalized;
    }

    auto id_number = opt_string(body, "id_number", "id_number");
    if (id_number && !id_number->empty()) {
        ValidationResult v = validate_id_card(*id_number, ctx.today);
        if (!v.ok) errors.add("id_number", v.message);
        else r.id_number = v.normalized;
    } else if (k.has_value() && *k == HelpKind::proxy) {
        errors.add("id_number", "代办需要填写申请人的身份证号码");
    }

    const json* payload = opt_object(body, "payload", "payload");
    static const json empty = json::object();
    if (k) r.payload = check_payload(errors, payload ? *payload : empty, *k, cat, r.item_id, now);

    errors.raise_if_any();
    return r;
}

std::optional<DoorplateArea> DoorplateAreas::find(Db& db, const std::string& code) {
    {
        std::shared_lock<std::shared_mutex> l(mutex_);
        auto it = known_.find(code);
        if (it != known_.end()) return it->second;
    }
    DoorplateArea found;
    {
        auto lock = db.lock();
        Stmt q(db, "SELECT area_id, town_id FROM doorplates WHERE code = ?");
        q.bind(1, code);
        if (!q.step()) return std::nullopt;
        found = {q.text(0), q.text(1)};
    }
    std::unique_lock<std::shared_mutex> l(mutex_);
    known_.emplace(code, found);
    return found;
}

}  // namespace dp
