// The catalogue's id index, the whole-catalogue validator, and the loaders that read guide
// JSON files from a directory or a built catalogue.json.
#include "catalogue.hpp"

#include "guide_flow.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <set>
#include <sstream>

namespace dp {

using nlohmann::json;

void Catalogue::add(Item item, const std::string& file) {
    if (!file.empty() && !source.count(item.id)) source[item.id] = file;
    item_index_.emplace(item.id, items.size());
    items.push_back(std::move(item));
}

void Catalogue::add(Bundle bundle, const std::string& file) {
    if (!file.empty() && !source.count(bundle.id)) source[bundle.id] = file;
    bundle_index_.emplace(bundle.id, bundles.size());
    bundles.push_back(std::move(bundle));
}

const Item* Catalogue::find_item(const std::string& id) const {
    auto it = item_index_.find(id);
    return it == item_index_.end() ? nullptr : &items[it->second];
}

const Bundle* Catalogue::find_bundle(const std::string& id) const {
    auto it = bundle_index_.find(id);
    return it == bundle_index_.end() ? nullptr : &bundles[it->second];
}

std::string Catalogue::name_of(const std::string& id) const {
    if (const Item* i = find_item(id)) return i->name;
    if (const Bundle* b = find_bundle(id)) return b->name;
    return {};
}

// ---------------------------------------------------------------- validation

namespace {

constexpr std::size_t kExamplesPerProblem = 3;

std::string describe(const Answers& answers) {
    if (answers.empty()) return "(no answers)";
    std::string s;
    for (const auto& [q, options] : answers) {
        if (!s.empty()) s += ", ";
        s += q + "=";
        for (std::size_t i = 0; i < options.size(); ++i) s += (i ? "+" : "") + options[i];
    }
    return s;
}

bool is_iso_date(const std::string& s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
        if (s[i] < '0' || s[i] > '9') return false;
    int month = std::stoi(s.substr(5, 2)), day = std::stoi(s.substr(8, 2));
    return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

bool is_http_url(const std::string& url) {
    return (url.rfind("https://", 0) == 0 && url.size() > 8) ||
           (url.rfind("http://", 0) == 0 && url.size() > 7);
}

bool is_blank(const std::string& s) {
    return s.find_first_not_of(" \t\r\n") == std::string::npos;
}

class ItemValidator {
public:
    ItemValidator(const Catalogue& cat, const Item& item, std::vector<GuideError>& out)
        : cat_(cat), item_(item), out_(out) {}

    void run() {
        basics();
        questions();
        flow_graph();
        materials();
        paths();
        references();
    }

private:
    const Catalogue& cat_;
    const Item& item_;
    std::vector<GuideError>& out_;
    std::set<std::string> unreachable_;   // questions the goto graph never reaches

    void error(const std::string& field, const std::string& message) {
        out_.push_back({{}, item_.id, field, message});
    }
    static std::string qpath(const Question& q) { return "questions[" + q.id + "]"; }
    static std::string mpath(const Material& m) { return "materials[" + m.id + "]"; }

    void require_text(const std::string& value, const std::string& field) {
        if (is_blank(value)) error(field, "must not be empty");
    }

    void basics() {
        if (!is_valid_guide_id(item_.id))
            error("id", "\"" + item_.id + "\" is not a valid id (use a-z, 0-9 and -)");
        require_text(item_.name, "name");
        require_text(item_.plain_name, "plain_name");
        require_text(item_.name_en, "name_en");
        require_text(item_.department, "department");
        require_text(item_.conditions.plain, "conditions.plain");
        const auto& cats = guide_categories();
        if (std::find(cats.begin(), cats.end(), item_.category) == cats.end())
            error("category", "\"" + item_.category + "\" is not one of the listed categories");
        for (std::size_t i = 0; i < item_.life_events.size(); ++i) {
            const auto& events = life_event_labels();
            if (std::none_of(events.begin(), events.end(),
                             [&](const auto& e) { return e.first == item_.life_events[i]; }))
                error("life_events[" + std::to_string(i) + "]",
                      "\"" + item_.life_events[i] + "\" is not a known life event");
        }
        if (!item_.last_reviewed.empty() && !is_iso_date(item_.last_reviewed))
            error("last_reviewed", "must be a date like 2026-10-12");
        for (std::size_t i = 0; i < item_.aliases.size(); ++i)
            require_text(item_.aliases[i], "aliases[" + std::to_string(i) + "]");
        for (std::size_t i = 0; i < item_.legal_basis.size(); ++i)
            require_text(item_.legal_basis[i], "legal_basis[" + std::to_string(i) + "]");
        for (std::size_t i = 0; i < item_.fees.size(); ++i)
            require_text(item_.fees[i].name, "fees[" + std::to_string(i) + "].name");
        const auto& tl = item_.time_limit;
        if (tl.legal_days && tl.promised_days && tl.promised_days > tl.legal_days)
            error("time_limit.promised_days", "is longer than legal_days");
        if (item_.channels.empty()) error("channels", "must list at least one way to do it");
        for (std::size_t i = 0; i < item_.channels.size(); ++i) {
            const Channel& c = item_.channels[i];
            std::string p = "channels[" + std::to_string(i) + "]";
            require_text(c.title, p + ".title");
            bool place = c.kind == ChannelKind::nearest_hall || c.kind == ChannelKind::city_hall ||
                         c.kind == ChannelKind::kiosk;
            if (c.kind == ChannelKind::online && c.url.empty())
                error(p + ".url", "an online channel needs its link");
            // A phone channel is a link or an app named in "place" (闽政通APP).
            if (c.kind == ChannelKind::mobile && c.url.empty() && is_blank(c.place))
                error(p + ".url", "a mobile channel needs its link, or the app's name in \"place\"");
            if (!c.url.empty() && !is_http_url(c.url))
                error(p + ".url", "must start with https:// or http://");
            if (place && is_blank(c.place)) error(p + ".place", "a hall or kiosk channel needs its place");
            if (c.steps.empty()) error(p + ".steps", "must have at least one step");
            for (std::size_t s = 0; s < c.steps.size(); ++s)
                require_text(c.steps[s].title, p + ".steps[" + std::to_string(s) + "].title");
        }
        for (std::size_t i = 0; i < item_.faq.size(); ++i) {
            require_text(item_.faq[i].question, "faq[" + std::to_string(i) + "].q");
            require_text(item_.faq[i].answer, "faq[" + std::to_string(i) + "].a");
        }
        for (std::size_t i = 0; i < item_.tips.size(); ++i)
            require_text(item_.tips[i], "tips[" + std::to_string(i) + "]");
    }

    // Checks that a condition names questions of this item and options of those questions.
    void condition_refs(const Condition& c, const std::string& field) {
        switch (c.kind) {
            case Condition::Kind::answered_in: {
                const Question* q = item_.find_question(c.question);
                if (!q) {
                    error(field + ".q", "no question \"" + c.question + "\" in this item");
                    return;
                }
                for (std::size_t i = 0; i < c.options.size(); ++i)
                    if (!q->find_option(c.options[i]))
                        error(field + ".in[" + std::to_string(i) + "]",
                              "question \"" + q->id + "\" has no option \"" + c.options[i] + "\"");
                return;
            }
            case Condition::Kind::none_of:
                for (const auto& child : c.children) condition_refs(child, field + ".not");
                return;
            case Condition::Kind::all_of:
            case Condition::Kind::any_of: {
                std::string key = c.kind == Condition::Kind::all_of ? ".all[" : ".any[";
                for (std::size_t i = 0; i < c.children.size(); ++i)
                    condition_refs(c.children[i], field + key + std::to_string(i) + "]");
                return;
            }
        }
    }

    void questions() {
        std::set<std::string> ids;
        for (const Question& q : item_.questions) {
            std::string p = qpath(q);
            if (!ids.insert(q.id).second) error(p + ".id", "two questions have the id \"" + q.id + "\"");
            if (q.id == kFlowEnd || !is_valid_guide_id(q.id))
                error(p + ".id", "\"" + q.id + "\" is not a usable question id");
            require_text(q.text, p + ".text");
            std::size_t min_options = q.multiple ? 1 : 2;
            if (q.options.size() < min_options)
                error(p + ".options", q.multiple ? "must have at least one option"
                                                 : "a single-choice question needs at least two options");
            std::set<std::string> option_ids;
            for (const auto& o : q.options) {
                std::string op = p + ".options[" + o.id + "]";
                if (!option_ids.insert(o.id).second) error(op, "two options have the id \"" + o.id + "\"");
                if (!is_valid_guide_id(o.id)) error(op + ".id", "\"" + o.id + "\" is not a usable option id");
                require_text(o.label, op + ".label");
            }
            if (q.next.empty()) error(p + ".next", "must have at least one rule");
            for (std::size_t i = 0; i < q.next.size(); ++i) {
                const NextRule& rule = q.next[i];
                std::string rp = p + ".next[" + std::to_string(i) + "]";
                if (rule.target != kFlowEnd && !item_.find_question(rule.target))
                    error(rp + ".goto", "no question \"" + rule.target + "\" (nor \"end\")");
                if (rule.target == q.id) error(rp + ".goto", "goes back to the same question");
                if (rule.when) condition_refs(*rule.when, rp + ".when");
                if (!rule.when && i + 1 < q.next.size())
                    error(p + ".next[" + std::to_string(i + 1) + "]",
                          "comes after a rule without \"when\", so it is never used");
            }
            if (!q.next.empty() && q.next.back().when)
                error(p + ".next[" + std::to_string(q.next.size() - 1) + "]",
                      "the last rule must have no \"when\", so that the flow cannot dead-end");
        }
        if (!item_.questions.empty() && item_.start.empty())
            error("start", "the item has questions but no start question");
        if (!item_.start.empty() && !item_.find_question(item_.start))
            error("start", "no question \"" + item_.start + "\"");
    }

    // Static checks on the goto graph: reachable from start, no loops.
    void flow_graph() {
        if (item_.questions.empty() || !item_.find_question(item_.start)) return;
        std::map<std::string, int> state;  // 0 unvisited, 1 on stack, 2 done
        std::set<std::string> reported_loops;
        std::function<void(const Question&)> dfs = [&](const Question& q) {
            state[q.id] = 1;
            for (std::size_t i = 0; i < q.next.size(); ++i) {
                const Question* t = item_.find_question(q.next[i].target);
                if (!t || t == &q) continue;
                if (state[t->id] == 1) {
                    if (reported_loops.insert(q.id).second)
                        error(qpath(q) + ".next[" + std::to_string(i) + "].goto",
                              "loops back to question \"" + t->id + "\"");
                } else if (state[t->id] == 0) {
                    dfs(*t);
                }
            }
            state[q.id] = 2;
        };
        dfs(*item_.find_question(item_.start));
        for (const Question& q : item_.questions)
            if (state[q.id] == 0) {
                unreachable_.insert(q.id);
                error(qpath(q), "is not reachable from the start question");
            }
    }

    void materials() {
        if (item_.materials.empty()) error("materials", "must list at least one material");
        std::set<std::string> ids;
        for (const Material& m : item_.materials) {
            std::string p = mpath(m);
            if (!ids.insert(m.id).second) error(p + ".id", "two materials have the id \"" + m.id + "\"");
            if (!is_valid_guide_id(m.id)) error(p + ".id", "\"" + m.id + "\" is not a usable material id");
            if (!m.doc.empty() && !is_valid_guide_id(m.doc))
                error(p + ".doc", "\"" + m.doc + "\" is not a usable document key");
            require_text(m.name, p + ".name");
            if (m.review_points.empty()) error(p + ".review_points", "must have at least one review point");
            for (std::size_t i = 0; i < m.review_points.size(); ++i)
                require_text(m.review_points[i], p + ".review_points[" + std::to_string(i) + "]");
            if (!m.sample.empty() &&
                (m.sample.find("..") != std::string::npos || m.sample.front() == '/' ||
                 m.sample.find("://") != std::string::npos))
                error(p + ".sample", "must be a path under assets/images/");
            if (m.when) condition_refs(*m.when, p + ".when");
        }
    }

    // Dynamic checks over every answer path.
    void paths() {
        if (!item_.start.empty() && !item_.find_question(item_.start)) return;
        auto e = enumerate_answer_paths(item_);
        std::set<std::string> asked;
        std::set<std::string> used_materials;
        std::map<std::string, std::size_t> broken_count;   // problem field → count
        std::size_t empty_count = 0, dup_count = 0;
        for (const AnswerPath& p : e.paths) {
            for (const auto& q : p.questions) asked.insert(q);
            if (p.status == FlowStatus::broken) {
                std::string field = p.questions.empty() ? "start" : "questions[" + p.questions.back() + "].next";
                if (broken_count[field]++ < kExamplesPerProblem)
                    error(field, p.problem + " (answers: " + describe(p.answers) + ")");
                continue;
            }
            FlowState st;
            st.answers = p.answers;
            auto ms = tailored_materials(item_, st);
            for (const Material* m : ms) used_materials.insert(m->id);
            if (ms.empty() && empty_count++ < kExamplesPerProblem)
                error("materials", "no material at all is needed for answers " + describe(p.answers));
            std::map<std::string, const Material*> keys;
            for (const Material* m : ms) {
                auto [it, fresh] = keys.emplace(m->dedup_key(), m);
                if (!fresh && dup_count++ < kExamplesPerProblem)
                    error(mpath(*m) + (m->doc.empty() ? ".id" : ".doc"),
                          "the same document as materials[" + it->second->id + "] is asked for twice with answers " +
                              describe(p.answers));
            }
        }
        if (e.truncated) return;  // too many paths to judge reachability fairly
        for (const Question& q : item_.questions)
            if (!asked.count(q.id) && !unreachable_.count(q.id))
                error(qpath(q), "no answer path ever asks this question");
        bool any_complete = std::any_of(e.paths.begin(), e.paths.end(),
                                        [](const AnswerPath& p) { return p.status == FlowStatus::complete; });
        if (any_complete)
            for (const Material& m : item_.materials)
                if (!used_materials.count(m.id))
                    error(mpath(m) + ".when", "no answer path needs this material");
    }

    void references() {
        auto check = [&](const std::vector<std::string>& ids, const std::string& field) {
            std::set<std::string> seen;
            for (std::size_t i = 0; i < ids.size(); ++i) {
                std::string p = field + "[" + std::to_string(i) + "]";
                if (ids[i] == item_.id) error(p, "an item cannot refer to itself");
                else if (!cat_.find_item(ids[i]) && !cat_.find_bundle(ids[i]))
                    error(p, "no item \"" + ids[i] + "\" in the catalogue");
                if (!seen.insert(ids[i]).second) error(p, "\"" + ids[i] + "\" is listed twice");
            }
        };
        check(item_.prerequisites, "prerequisites");
        check(item_.follow_ups, "follow_ups");
        for (const auto& id : item_.prerequisites)
            if (std::find(item_.follow_ups.begin(), item_.follow_ups.end(), id) != item_.follow_ups.end())
                error("follow_ups", "\"" + id + "\" is both a prerequisite and a follow-up");
    }
};

void validate_bundle(const Catalogue& cat, const Bundle& b, std::vector<GuideError>& out) {
    auto error = [&](const std::string& field, const std::string& message) {
        out.push_back({{}, b.id, field, message});
    };
    if (!is_valid_guide_id(b.id)) error("id", "\"" + b.id + "\" is not a valid id (use a-z, 0-9 and -)");
    if (is_blank(b.name)) error("name", "must not be empty");
    if (is_blank(b.plain_name)) error("plain_name", "must not be empty");
    if (is_blank(b.name_en)) error("name_en", "must not be empty");
    for (std::size_t i = 0; i < b.life_events.size(); ++i) {
        const auto& events = life_event_labels();
        if (std::none_of(events.begin(), events.end(), [&](const auto& e) { return e.first == b.life_events[i]; }))
            error("life_events[" + std::to_string(i) + "]", "\"" + b.life_events[i] + "\" is not a known life event");
    }
    if (b.items.size() < 2) error("items", "a bundle combines at least two items");
    std::set<std::string> seen;
    // question id → (item id, question) of its first appearance
    std::map<std::string, std::pair<std::string, const Question*>> shared;
    for (std::size_t i = 0; i < b.items.size(); ++i) {
        std::string p = "items[" + std::to_string(i) + "]";
        if (!seen.insert(b.items[i]).second) error(p, "\"" + b.items[i] + "\" is listed twice");
        const Item* item = cat.find_item(b.items[i]);
        if (!item) {
            error(p, "no item \"" + b.items[i] + "\" in the catalogue");
            continue;
        }
        for (const Question& q : item->questions) {
            auto [it, fresh] = shared.emplace(q.id, std::make_pair(item->id, &q));
            if (fresh) continue;
            const Question& first = *it->second.second;
            bool same = first.multiple == q.multiple && first.options.size() == q.options.size();
            for (std::size_t k = 0; same && k < q.options.size(); ++k)
                same = first.options[k].id == q.options[k].id && first.options[k].label == q.options[k].label;
            if (!same)
                error(p, "question \"" + q.id + "\" of item " + item->id + " differs from the one in item " +
                             it->second.first + " (a shared question must have identical type and options)");
        }
    }
}

}  // namespace

std::vector<GuideError> Catalogue::validate() const {
    std::vector<GuideError> out;
    std::map<std::string, std::string> owner;  // id → "item"/"bundle" of the first holder
    auto claim = [&](const std::string& id, const char* kind) {
        auto [it, fresh] = owner.emplace(id, kind);
        if (!fresh) {
            auto src = source.find(id);
            out.push_back({{}, id, "id", std::string("the id is used twice (") + it->second + " and " + kind +
                                             (src != source.end() ? ", first in " + src->second : "") + ")"});
        }
    };
    for (const Item& item : items) claim(item.id, "item");
    for (const Bundle& b : bundles) claim(b.id, "bundle");
    for (const Item& item : items) ItemValidator(*this, item, out).run();
    for (const Bundle& b : bundles) validate_bundle(*this, b, out);
    for (auto& e : out) {
        auto src = source.find(e.item_id);
        if (e.file.empty() && src != source.end()) e.file = src->second;
    }
    return out;
}

// ---------------------------------------------------------------- parsing a built catalogue

CatalogueLoad parse_catalogue_json(const json& doc) {
    CatalogueLoad out;
    if (!doc.is_object()) {
        out.errors.push_back({{}, "?", "", "a catalogue must be a JSON object"});
        return out;
    }
    if (doc.contains("version") && doc["version"].is_string()) out.catalogue.version = doc["version"];
    for (const char* key : {"items", "bundles"}) {
        auto it = doc.find(key);
        if (it == doc.end()) continue;
        if (!it->is_array()) {
            out.errors.push_back({{}, "?", key, "must be a list"});
            continue;
        }
        for (const json& entry : *it) {
            if (std::string(key) == "items") {
                auto parsed = parse_item(entry);
                out.errors.insert(out.errors.end(), parsed.errors.begin(), parsed.errors.end());
                out.catalogue.add(std::move(parsed.value));
            } else {
                auto parsed = parse_bundle(entry);
                out.errors.insert(out.errors.end(), parsed.errors.begin(), parsed.errors.end());
                out.catalogue.add(std::move(parsed.value));
            }
        }
    }
    return out;
}

// ---------------------------------------------------------------- loaders (file reading)

namespace {

// Reads and parses one JSON file; on failure adds an error naming the line and column.
std::optional<json> read_json_file(const std::string& path, std::vector<GuideError>& errors) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        errors.push_back({path, "?", "", "cannot open the file"});
        return std::nullopt;
    }
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string text = buffer.str();
    // No exceptions (WebAssembly builds may not catch them): parse quietly, and on failure
    // run the SAX parser once more only to learn where and why.
    json doc = json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (!doc.is_discarded()) return doc;
    struct ErrorFinder : nlohmann::json_sax<json> {
        std::size_t byte = 0;
        std::string what = "not valid JSON";
        bool null() override { return true; }
        bool boolean(bool) override { return true; }
        bool number_integer(number_integer_t) override { return true; }
        bool number_unsigned(number_unsigned_t) override { return true; }
        bool number_float(number_float_t, const string_t&) override { return true; }
        bool string(string_t&) override { return true; }
        bool binary(binary_t&) override { return true; }
        bool start_object(std::size_t) override { return true; }
        bool key(string_t&) override { return true; }
        bool end_object() override { return true; }
        bool start_array(std::size_t) override { return true; }
        bool end_array() override { return true; }
        bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& e) override {
            byte = position;
            what = e.what();
            return false;
        }
    } finder;
    json::sax_parse(text, &finder);
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i + 1 < finder.byte && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++column;
        }
    }
    errors.push_back({path, "?", "", "not valid JSON at line " + std::to_string(line) + ", column " +
                                         std::to_string(column) + ": " + finder.what});
    return std::nullopt;
}

}  // namespace

CatalogueLoad load_catalogue_dir(const std::string& dir) {
    namespace fs = std::filesystem;
    CatalogueLoad out;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        out.errors.push_back({dir, "?", "", "not a directory"});
        return out;
    }
    std::vector<fs::path> files;
    for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec))
        if (it->is_regular_file(ec) && it->path().extension() == ".json") files.push_back(it->path());
    if (ec) out.errors.push_back({dir, "?", "", "cannot list the directory: " + ec.message()});
    std::sort(files.begin(), files.end());
    for (const auto& path : files) {
        bool is_bundle = false;
        for (const auto& part : path.lexically_relative(dir))
            if (part == "bundles") is_bundle = true;
        std::string file = path.string();
        auto doc = read_json_file(file, out.errors);
        if (!doc) continue;
        std::size_t before = out.errors.size();
        if (is_bundle) {
            auto parsed = parse_bundle(*doc);
            out.errors.insert(out.errors.end(), parsed.errors.begin(), parsed.errors.end());
            out.catalogue.add(std::move(parsed.value), file);
        } else {
            auto parsed = parse_item(*doc);
            out.errors.insert(out.errors.end(), parsed.errors.begin(), parsed.errors.end());
            out.catalogue.add(std::move(parsed.value), file);
        }
        for (std::size_t i = before; i < out.errors.size(); ++i) out.errors[i].file = file;
        std::string stem = path.stem().string();
        const std::string& id = is_bundle ? out.catalogue.bundles.back().id : out.catalogue.items.back().id;
        if (!id.empty() && id != stem)
            out.errors.push_back({file, id, "id", "the file should be named " + id + ".json"});
    }
    return out;
}

CatalogueLoad load_catalogue_file(const std::string& path) {
    CatalogueLoad out;
    auto doc = read_json_file(path, out.errors);
    if (!doc) return out;
    out = parse_catalogue_json(*doc);
    for (auto& e : out.errors) e.file = path;
    return out;
}

}  // namespace dp
