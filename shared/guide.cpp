// Parsing and writing the guide JSON (items, bundles, conditions) with precise errors, and the
// small lookups on the model.
#include "guide.hpp"

#include <algorithm>
#include <cmath>
#include <set>

namespace dp {

using nlohmann::json;

// ---------------------------------------------------------------- model lookups

const QuestionOption* Question::find_option(const std::string& option_id) const {
    for (const auto& o : options)
        if (o.id == option_id) return &o;
    return nullptr;
}

const Question* Item::find_question(const std::string& question_id) const {
    for (const auto& q : questions)
        if (q.id == question_id) return &q;
    return nullptr;
}

const Material* Item::find_material(const std::string& material_id) const {
    for (const auto& m : materials)
        if (m.id == material_id) return &m;
    return nullptr;
}

std::string GuideError::to_string() const {
    std::string s;
    if (!file.empty()) s += file + ": ";
    s += "item " + (item_id.empty() ? std::string("?") : item_id) + ": ";
    if (!field.empty()) s += field + ": ";
    s += message;
    return s;
}

const char* to_string(MaterialForm form) {
    switch (form) {
        case MaterialForm::original: return "original";
        case MaterialForm::copy: return "copy";
        case MaterialForm::original_and_copy: return "original_and_copy";
        case MaterialForm::electronic: return "electronic";
    }
    return "original";
}

const char* to_string(ChannelKind kind) {
    switch (kind) {
        case ChannelKind::online: return "online";
        case ChannelKind::mobile: return "mobile";
        case ChannelKind::kiosk: return "kiosk";
        case ChannelKind::nearest_hall: return "nearest_hall";
        case ChannelKind::city_hall: return "city_hall";
        case ChannelKind::video: return "video";
    }
    return "nearest_hall";
}

std::optional<MaterialForm> material_form_from_string(const std::string& s) {
    for (auto f : {MaterialForm::original, MaterialForm::copy, MaterialForm::original_and_copy,
                   MaterialForm::electronic})
        if (s == to_string(f)) return f;
    return std::nullopt;
}

std::optional<ChannelKind> channel_kind_from_string(const std::string& s) {
    for (auto k : {ChannelKind::online, ChannelKind::mobile, ChannelKind::kiosk,
                   ChannelKind::nearest_hall, ChannelKind::city_hall, ChannelKind::video})
        if (s == to_string(k)) return k;
    return std::nullopt;
}

bool is_valid_guide_id(const std::string& id) {
    if (id.empty() || id.size() > 64 || id.front() == '-' || id.back() == '-') return false;
    for (char c : id)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
    return true;
}

const std::vector<std::string>& guide_categories() {
    static const std::vector<std::string> categories = {
        "户籍与证件", "社会保障", "医疗保障", "婚姻家庭", "住房与不动产", "就业创业", "市场主体",
        "交通出行", "社会救助", "教育",       "出入境",   "民政服务", "公积金"};
    return categories;
}

const std::vector<std::pair<std::string, std::string>>& life_event_labels() {
    static const std::vector<std::pair<std::string, std::string>> events = {
        {"birth", "出生"},       {"school", "上学"},      {"work", "就业"},
        {"marriage", "结婚"},    {"housing", "买房"},     {"business", "开店办厂"},
        {"travel", "出行"},      {"health", "看病就医"},  {"retire", "退休"},
        {"elderly", "养老"},     {"disability", "残疾人服务"}, {"hardship", "生活困难"},
        {"death", "身后事"},     {"moving", "迁居"}};
    return events;
}

json overlay_json(const json& base, const json& overlay) {
    if (base.is_object() && overlay.is_object()) {
        json out = base;
        for (auto it = overlay.begin(); it != overlay.end(); ++it) {
            auto found = out.find(it.key());
            out[it.key()] = found == out.end() ? it.value() : overlay_json(*found, it.value());
        }
        return out;
    }
    if (base.is_array() && overlay.is_array()) {
        json out = base;
        for (std::size_t i = 0; i < overlay.size() && i < out.size(); ++i)
            out[i] = overlay_json(out[i], overlay[i]);
        return out;
    }
    if (overlay.is_null()) return base;
    return overlay;
}

// ---------------------------------------------------------------- reading with errors

namespace {

const char* type_name(const json& v) {
    switch (v.type()) {
        case json::value_t::null: return "null";
        case json::value_t::object: return "an object";
        case json::value_t::array: return "an array";
        case json::value_t::string: return "a string";
        case json::value_t::boolean: return "true/false";
        case json::value_t::number_integer:
        case json::value_t::number_unsigned: return "an integer";
        case json::value_t::number_float: return "a number";
        default: return "something else";
    }
}

std::string join_path(const std::string& base, const std::string& key) {
    return base.empty() ? key : base + "." + key;
}

// "questions[reason]" when the element has a readable id, else "questions[2]".
std::string element_path(const std::string& base, std::size_t index, const json& element) {
    if (element.is_object()) {
        auto id = element.find("id");
        if (id != element.end() && id->is_string() && !id->get<std::string>().empty())
            return base + "[" + id->get<std::string>() + "]";
    }
    return base + "[" + std::to_string(index) + "]";
}

class Reader {
public:
    Reader(std::vector<GuideError>& errors, std::string owner_id)
        : errors_(errors), owner_(std::move(owner_id)) {}

    void error(const std::string& field, const std::string& message) {
        errors_.push_back({"", owner_, field, message});
    }

    // Reports keys of `obj` not in `known` (keys beginning with '_' are comments).
    void check_keys(const json& obj, const std::string& path, std::initializer_list<const char*> known) {
        for (auto it = obj.begin(); it != obj.end(); ++it) {
            const std::string& k = it.key();
            if (!k.empty() && k[0] == '_') continue;
            bool ok = false;
            for (const char* name : known)
                if (k == name) ok = true;
            if (!ok) error(join_path(path, k), "unknown field (a typo?)");
        }
    }

    const json* field(const json& obj, const char* key, const std::string& path, bool required) {
        auto it = obj.find(key);
        if (it == obj.end() || it->is_null()) {
            if (required) error(join_path(path, key), "required field is missing");
            return nullptr;
        }
        return &*it;
    }

    std::string string(const json& obj, const char* key, const std::string& path, bool required) {
        const json* v = field(obj, key, path, required);
        if (!v) return {};
        if (!v->is_string()) {
            error(join_path(path, key), std::string("must be a string, not ") + type_name(*v));
            return {};
        }
        return v->get<std::string>();
    }

    int integer(const json& obj, const char* key, const std::string& path, bool required,
                int fallback, int min_value) {
        const json* v = field(obj, key, path, required);
        if (!v) return fallback;
        if (!v->is_number_integer()) {
            error(join_path(path, key), std::string("must be a whole number, not ") + type_name(*v));
            return fallback;
        }
        auto n = v->get<long long>();
        if (n < min_value || n > 1000000000LL) {
            error(join_path(path, key), "must be at least " + std::to_string(min_value) +
                                            " (got " + std::to_string(n) + ")");
            return fallback;
        }
        return static_cast<int>(n);
    }

    double number(const json& obj, const char* key, const std::string& path, bool required) {
        const json* v = field(obj, key, path, required);
        if (!v) return 0;
        if (!v->is_number()) {
            error(join_path(path, key), std::string("must be a number, not ") + type_name(*v));
            return 0;
        }
        double d = v->get<double>();
        if (!std::isfinite(d) || d < 0) {
            error(join_path(path, key), "must be zero or more");
            return 0;
        }
        return d;
    }

    std::vector<std::string> strings(const json& obj, const char* key, const std::string& path,
                                     bool required) {
        std::vector<std::string> out;
        const json* v = field(obj, key, path, required);
        if (!v) return out;
        std::string p = join_path(path, key);
        if (!v->is_array()) {
            error(p, std::string("must be a list of strings, not ") + type_name(*v));
            return out;
        }
        for (std::size_t i = 0; i < v->size(); ++i) {
            const json& e = (*v)[i];
            if (!e.is_string())
                error(p + "[" + std::to_string(i) + "]",
                      std::string("must be a string, not ") + type_name(e));
            else
                out.push_back(e.get<std::string>());
        }
        return out;
    }

    // Calls fn(element, element_path) for each object in an array field.
    template <typename Fn>
    void objects(const json& obj, const char* key, const std::string& path, bool required, Fn fn) {
        const json* v = field(obj, key, path, required);
        if (!v) return;
        std::string p = join_path(path, key);
        if (!v->is_array()) {
            error(p, std::string("must be a list, not ") + type_name(*v));
            return;
        }
        for (std::size_t i = 0; i < v->size(); ++i) {
            const json& e = (*v)[i];
            std::string ep = element_path(p, i, e);
            if (!e.is_object()) {
                error(ep, std::string("must be an object, not ") + type_name(e));
                continue;
            }
            fn(e, ep);
        }
    }

    std::optional<Condition> condition(const json& v, const std::string& path) {
        if (!v.is_object()) {
            error(path, std::string("a condition must be an object, not ") + type_name(v));
            return std::nullopt;
        }
        Condition c;
        int forms = int(v.contains("q")) + int(v.contains("all")) + int(v.contains("any")) +
                    int(v.contains("not"));
        if (forms != 1) {
            error(path, forms == 0 ? "a condition needs one of \"q\"+\"in\", \"all\", \"any\" or \"not\""
                                   : "a condition has exactly one of \"q\", \"all\", \"any\", \"not\"");
            return std::nullopt;
        }
        if (v.contains("q")) {
            check_keys(v, path, {"q", "in"});
            c.kind = Condition::Kind::answered_in;
            c.question = string(v, "q", path, true);
            c.options = strings(v, "in", path, true);
            if (v.contains("in") && v["in"].is_array() && v["in"].empty())
                error(join_path(path, "in"), "must list at least one option id");
            return c;
        }
        if (v.contains("not")) {
            check_keys(v, path, {"not"});
            c.kind = Condition::Kind::none_of;
            auto child = condition(v["not"], join_path(path, "not"));
            if (!child) return std::nullopt;
            c.children.push_back(std::move(*child));
            return c;
        }
        const char* key = v.contains("all") ? "all" : "any";
        check_keys(v, path, {key});
        c.kind = v.contains("all") ? Condition::Kind::all_of : Condition::Kind::any_of;
        const json& list = v[key];
        std::string p = join_path(path, key);
        if (!list.is_array() || list.empty()) {
            error(p, "must be a non-empty list of conditions");
            return std::nullopt;
        }
        bool ok = true;
        for (std::size_t i = 0; i < list.size(); ++i) {
            auto child = condition(list[i], p + "[" + std::to_string(i) + "]");
            if (child)
                c.children.push_back(std::move(*child));
            else
                ok = false;
        }
        if (!ok) return std::nullopt;
        return c;
    }

private:
    std::vector<GuideError>& errors_;
    std::string owner_;
};

std::string readable_id(const json& j) {
    if (j.is_object()) {
        auto it = j.find("id");
        if (it != j.end() && it->is_string()) return it->get<std::string>();
    }
    return "?";
}

Question read_question(Reader& r, const json& j, const std::string& p) {
    r.check_keys(j, p, {"id", "text", "help", "type", "options", "next"});
    Question q;
    q.id = r.string(j, "id", p, true);
    q.text = r.string(j, "text", p, true);
    q.help = r.string(j, "help", p, false);
    std::string type = r.string(j, "type", p, false);
    if (type.empty() || type == "single")
        q.multiple = false;
    else if (type == "multiple")
        q.multiple = true;
    else
        r.error(join_path(p, "type"), "must be \"single\" or \"multiple\", not \"" + type + "\"");
    r.objects(j, "options", p, true, [&](const json& o, const std::string& op) {
        r.check_keys(o, op, {"id", "label"});
        QuestionOption opt;
        opt.id = r.string(o, "id", op, true);
        opt.label = r.string(o, "label", op, true);
        q.options.push_back(std::move(opt));
    });
    const json* next = r.field(j, "next", p, true);
    if (next) {
        std::string np = join_path(p, "next");
        if (!next->is_array()) {
            r.error(np, std::string("must be a list of rules, not ") + type_name(*next));
        } else {
            for (std::size_t i = 0; i < next->size(); ++i) {
                const json& rule = (*next)[i];
                std::string rp = np + "[" + std::to_string(i) + "]";
                if (!rule.is_object()) {
                    r.error(rp, "a rule must be an object with \"goto\" (and maybe \"when\")");
                    continue;
                }
                r.check_keys(rule, rp, {"when", "goto"});
                NextRule nr;
                nr.target = r.string(rule, "goto", rp, true);
                if (rule.contains("when") && !rule["when"].is_null())
                    nr.when = r.condition(rule["when"], join_path(rp, "when"));
                q.next.push_back(std::move(nr));
            }
        }
    }
    return q;
}

Material read_material(Reader& r, const json& j, const std::string& p) {
    r.check_keys(j, p, {"id", "doc", "name", "count", "form", "when", "review_points", "exempt",
                        "sample", "note"});
    Material m;
    m.id = r.string(j, "id", p, true);
    m.doc = r.string(j, "doc", p, false);
    m.name = r.string(j, "name", p, true);
    m.count = r.integer(j, "count", p, false, 1, 1);
    std::string form = r.string(j, "form", p, false);
    if (!form.empty()) {
        if (auto f = material_form_from_string(form))
            m.form = *f;
        else
            r.error(join_path(p, "form"),
                    "must be original, copy, original_and_copy or electronic, not \"" + form + "\"");
    }
    if (j.contains("when") && !j["when"].is_null()) m.when = r.condition(j["when"], join_path(p, "when"));
    m.review_points = r.strings(j, "review_points", p, true);
    m.exempt = r.string(j, "exempt", p, false);
    m.sample = r.string(j, "sample", p, false);
    m.note = r.string(j, "note", p, false);
    return m;
}

Channel read_channel(Reader& r, const json& j, const std::string& p) {
    r.check_keys(j, p, {"kind", "title", "url", "place", "steps"});
    Channel c;
    std::string kind = r.string(j, "kind", p, true);
    if (!kind.empty()) {
        if (auto k = channel_kind_from_string(kind))
            c.kind = *k;
        else
            r.error(join_path(p, "kind"),
                    "must be online, mobile, kiosk, nearest_hall, city_hall or video, not \"" + kind + "\"");
    }
    c.title = r.string(j, "title", p, true);
    c.url = r.string(j, "url", p, false);
    c.place = r.string(j, "place", p, false);
    r.objects(j, "steps", p, true, [&](const json& s, const std::string& sp) {
        r.check_keys(s, sp, {"title", "text", "image"});
        ChannelStep step;
        step.title = r.string(s, "title", sp, true);
        step.text = r.string(s, "text", sp, false);
        step.image = r.string(s, "image", sp, false);
        c.steps.push_back(std::move(step));
    });
    return c;
}

void read_item_body(Reader& r, const json& j, Item& it) {
    const std::string p;
    r.check_keys(j, p, {"id", "version", "last_reviewed", "name", "plain_name", "name_en", "aliases",
                        "department", "category", "life_events", "popularity", "legal_basis",
                        "conditions", "visits", "start", "questions", "materials", "fees",
                        "time_limit", "channels", "prerequisites", "follow_ups", "faq", "tips",
                        "zh-Hant"});
    it.id = r.string(j, "id", p, true);
    it.version = r.integer(j, "version", p, false, 1, 1);
    it.last_reviewed = r.string(j, "last_reviewed", p, false);
    it.name = r.string(j, "name", p, true);
    it.plain_name = r.string(j, "plain_name", p, true);
    it.name_en = r.string(j, "name_en", p, true);
    it.aliases = r.strings(j, "aliases", p, false);
    it.department = r.string(j, "department", p, true);
    it.category = r.string(j, "category", p, true);
    it.life_events = r.strings(j, "life_events", p, false);
    it.popularity = r.integer(j, "popularity", p, false, 0, 0);
    it.legal_basis = r.strings(j, "legal_basis", p, false);
    if (const json* c = r.field(j, "conditions", p, true)) {
        if (!c->is_object()) {
            r.error("conditions", "must be an object with \"official\" and \"plain\"");
        } else {
            r.check_keys(*c, "conditions", {"official", "plain"});
            it.conditions.official = r.string(*c, "official", "conditions", false);
            it.conditions.plain = r.string(*c, "plain", "conditions", true);
        }
    }
    it.visits = r.integer(j, "visits", p, false, 1, 0);
    it.start = r.string(j, "start", p, false);
    r.objects(j, "questions", p, false, [&](const json& q, const std::string& qp) {
        it.questions.push_back(read_question(r, q, qp));
    });
    r.objects(j, "materials", p, true, [&](const json& m, const std::string& mp) {
        it.materials.push_back(read_material(r, m, mp));
    });
    r.objects(j, "fees", p, false, [&](const json& f, const std::string& fp) {
        r.check_keys(f, fp, {"name", "amount_yuan", "note"});
        Fee fee;
        fee.name = r.string(f, "name", fp, true);
        fee.amount_yuan = r.number(f, "amount_yuan", fp, true);
        fee.note = r.string(f, "note", fp, false);
        it.fees.push_back(std::move(fee));
    });
    if (const json* t = r.field(j, "time_limit", p, false)) {
        if (!t->is_object()) {
            r.error("time_limit", "must be an object");
        } else {
            r.check_keys(*t, "time_limit", {"legal_days", "promised_days", "note"});
            it.time_limit.legal_days = r.integer(*t, "legal_days", "time_limit", false, 0, 0);
            it.time_limit.promised_days = r.integer(*t, "promised_days", "time_limit", false, 0, 0);
            it.time_limit.note = r.string(*t, "note", "time_limit", false);
        }
    }
    r.objects(j, "channels", p, true, [&](const json& c, const std::string& cp) {
        it.channels.push_back(read_channel(r, c, cp));
    });
    it.prerequisites = r.strings(j, "prerequisites", p, false);
    it.follow_ups = r.strings(j, "follow_ups", p, false);
    r.objects(j, "faq", p, false, [&](const json& f, const std::string& fp) {
        r.check_keys(f, fp, {"q", "a"});
        it.faq.push_back({r.string(f, "q", fp, true), r.string(f, "a", fp, true)});
    });
    it.tips = r.strings(j, "tips", p, false);
}

void read_bundle_body(Reader& r, const json& j, Bundle& b) {
    const std::string p;
    r.check_keys(j, p, {"id", "name", "plain_name", "name_en", "aliases", "life_events", "popularity",
                        "summary", "items", "zh-Hant"});
    b.id = r.string(j, "id", p, true);
    b.name = r.string(j, "name", p, true);
    b.plain_name = r.string(j, "plain_name", p, true);
    b.name_en = r.string(j, "name_en", p, true);
    b.aliases = r.strings(j, "aliases", p, false);
    b.life_events = r.strings(j, "life_events", p, false);
    b.popularity = r.integer(j, "popularity", p, false, 0, 0);
    b.summary = r.string(j, "summary", p, false);
    b.items = r.strings(j, "items", p, true);
}

void prefix_fields(std::vector<GuideError>& errors, std::size_t from, const std::string& prefix) {
    for (std::size_t i = from; i < errors.size(); ++i)
        errors[i].field = errors[i].field.empty() ? prefix : prefix + "." + errors[i].field;
}

}  // namespace

Parsed<Condition> parse_condition(const json& j) {
    Parsed<Condition> out;
    Reader r(out.errors, "?");
    if (auto c = r.condition(j, "when")) out.value = std::move(*c);
    return out;
}

Parsed<Item> parse_item(const json& j) {
    Parsed<Item> out;
    std::string id = readable_id(j);
    Reader r(out.errors, id);
    if (!j.is_object()) {
        r.error("", std::string("an item must be a JSON object, not ") + type_name(j));
        return out;
    }
    read_item_body(r, j, out.value);
    auto hant = j.find("zh-Hant");
    if (hant != j.end() && !hant->is_null()) {
        if (!hant->is_object()) {
            r.error("zh-Hant", "must be an object laid over the item");
        } else {
            std::size_t before = out.errors.size();
            json merged = overlay_json(j, *hant);
            merged.erase("zh-Hant");
            auto tr = std::make_shared<Item>();
            read_item_body(r, merged, *tr);
            prefix_fields(out.errors, before, "zh-Hant");
            out.value.zh_hant = std::move(tr);
        }
    }
    return out;
}

Parsed<Bundle> parse_bundle(const json& j) {
    Parsed<Bundle> out;
    Reader r(out.errors, readable_id(j));
    if (!j.is_object()) {
        r.error("", std::string("a bundle must be a JSON object, not ") + type_name(j));
        return out;
    }
    read_bundle_body(r, j, out.value);
    auto hant = j.find("zh-Hant");
    if (hant != j.end() && !hant->is_null()) {
        if (!hant->is_object()) {
            r.error("zh-Hant", "must be an object laid over the bundle");
        } else {
            std::size_t before = out.errors.size();
            json merged = overlay_json(j, *hant);
            merged.erase("zh-Hant");
            auto tr = std::make_shared<Bundle>();
            read_bundle_body(r, merged, *tr);
            prefix_fields(out.errors, before, "zh-Hant");
            out.value.zh_hant = std::move(tr);
        }
    }
    return out;
}

// ---------------------------------------------------------------- writing

json to_json(const Condition& c) {
    switch (c.kind) {
        case Condition::Kind::answered_in: return {{"q", c.question}, {"in", c.options}};
        case Condition::Kind::none_of:
            return {{"not", c.children.empty() ? json::object() : to_json(c.children.front())}};
        case Condition::Kind::all_of:
        case Condition::Kind::any_of: {
            json list = json::array();
            for (const auto& child : c.children) list.push_back(to_json(child));
            return {{c.kind == Condition::Kind::all_of ? "all" : "any", list}};
        }
    }
    return json::object();
}

json to_json(const Item& it) {
    json questions = json::array();
    for (const auto& q : it.questions) {
        json options = json::array();
        for (const auto& o : q.options) options.push_back({{"id", o.id}, {"label", o.label}});
        json next = json::array();
        for (const auto& n : q.next) {
            json rule = {{"goto", n.target}};
            if (n.when) rule["when"] = to_json(*n.when);
            next.push_back(rule);
        }
        json jq = {{"id", q.id}, {"text", q.text}, {"type", q.multiple ? "multiple" : "single"},
                   {"options", options}, {"next", next}};
        if (!q.help.empty()) jq["help"] = q.help;
        questions.push_back(jq);
    }
    json materials = json::array();
    for (const auto& m : it.materials) {
        json jm = {{"id", m.id}, {"name", m.name}, {"count", m.count}, {"form", to_string(m.form)},
                   {"review_points", m.review_points}};
        if (!m.doc.empty()) jm["doc"] = m.doc;
        if (m.when) jm["when"] = to_json(*m.when);
        if (!m.exempt.empty()) jm["exempt"] = m.exempt;
        if (!m.sample.empty()) jm["sample"] = m.sample;
        if (!m.note.empty()) jm["note"] = m.note;
        materials.push_back(jm);
    }
    json fees = json::array();
    for (const auto& f : it.fees) {
        json jf = {{"name", f.name}, {"amount_yuan", f.amount_yuan}};
        if (!f.note.empty()) jf["note"] = f.note;
        fees.push_back(jf);
    }
    json channels = json::array();
    for (const auto& c : it.channels) {
        json steps = json::array();
        for (const auto& s : c.steps) {
            json js = {{"title", s.title}, {"text", s.text}};
            if (!s.image.empty()) js["image"] = s.image;
            steps.push_back(js);
        }
        json jc = {{"kind", to_string(c.kind)}, {"title", c.title}, {"steps", steps}};
        if (!c.url.empty()) jc["url"] = c.url;
        if (!c.place.empty()) jc["place"] = c.place;
        channels.push_back(jc);
    }
    json faq = json::array();
    for (const auto& f : it.faq) faq.push_back({{"q", f.question}, {"a", f.answer}});
    json tl = json::object();
    if (it.time_limit.legal_days) tl["legal_days"] = it.time_limit.legal_days;
    if (it.time_limit.promised_days) tl["promised_days"] = it.time_limit.promised_days;
    if (!it.time_limit.note.empty()) tl["note"] = it.time_limit.note;
    return {{"id", it.id},
            {"version", it.version},
            {"last_reviewed", it.last_reviewed},
            {"name", it.name},
            {"plain_name", it.plain_name},
            {"name_en", it.name_en},
            {"aliases", it.aliases},
            {"department", it.department},
            {"category", it.category},
            {"life_events", it.life_events},
            {"popularity", it.popularity},
            {"legal_basis", it.legal_basis},
            {"conditions", {{"official", it.conditions.official}, {"plain", it.conditions.plain}}},
            {"visits", it.visits},
            {"start", it.start},
            {"questions", questions},
            {"materials", materials},
            {"fees", fees},
            {"time_limit", tl},
            {"channels", channels},
            {"prerequisites", it.prerequisites},
            {"follow_ups", it.follow_ups},
            {"faq", faq},
            {"tips", it.tips}};
}

json to_json(const Bundle& b) {
    return {{"id", b.id},           {"name", b.name},
            {"plain_name", b.plain_name}, {"name_en", b.name_en},
            {"aliases", b.aliases}, {"life_events", b.life_events},
            {"popularity", b.popularity}, {"summary", b.summary},
            {"items", b.items}};
}

}  // namespace dp
