// doorplate-catalogue: the build-time guide tool. Loads assets/guides, validates it (every
// error as "<file>: item <id>: <field>: <message>"), adds zh-Hant text through OpenCC, and
// writes one deterministic catalogue.json: {"version","items","bundles","search"} (search
// entries carry pinyin from Unihan when --unihan is given).
#include "catalogue.hpp"
#include "pinyin.hpp"
#include "search.hpp"

#include <opencc.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#ifndef DP_OPENCC_CONFIG
#define DP_OPENCC_CONFIG "/usr/share/opencc/s2t.json"
#endif

namespace {

using nlohmann::json;

class Converter {
public:
    explicit Converter(const std::string& config) : handle_(opencc_open(config.c_str())) {}
    ~Converter() {
        if (ok()) opencc_close(handle_);
    }
    Converter(const Converter&) = delete;
    Converter& operator=(const Converter&) = delete;
    bool ok() const { return handle_ != reinterpret_cast<opencc_t>(-1) && handle_ != nullptr; }

    std::string operator()(const std::string& text) const {
        if (text.empty()) return text;
        char* out = opencc_convert_utf8(handle_, text.c_str(), text.size());
        if (!out) throw std::runtime_error(std::string("OpenCC conversion failed: ") + opencc_error());
        std::string s(out);
        opencc_convert_utf8_free(out);
        return s;
    }

private:
    opencc_t handle_;
};

// Builds the zh-Hant overlay: the same keys and array positions as `src`, holding only the
// human-readable strings, converted. `spec` names them: a string value "s" marks a string, a
// one-element array [x] a list whose elements follow x, an object a nested object.
json overlay(const json& src, const json& spec, const Converter& convert) {
    if (spec.is_string()) return src.is_string() ? json(convert(src.get<std::string>())) : json();
    if (spec.is_array()) {
        if (!src.is_array()) return json();
        json out = json::array();
        for (const auto& element : src) {
            json converted = overlay(element, spec[0], convert);
            out.push_back(converted.is_null() ? json::object() : converted);
        }
        return out;
    }
    if (!src.is_object()) return json();
    json out = json::object();
    for (auto it = spec.begin(); it != spec.end(); ++it) {
        auto field = src.find(it.key());
        if (field == src.end()) continue;
        json converted = overlay(*field, it.value(), convert);
        if (!converted.is_null()) out[it.key()] = converted;
    }
    return out;
}

const json& item_spec() {
    static const json spec = json::parse(R"({
        "name": "s", "plain_name": "s", "aliases": ["s"], "department": "s", "legal_basis": ["s"],
        "conditions": { "official": "s", "plain": "s" },
        "questions": [ { "text": "s", "help": "s", "options": [ { "label": "s" } ] } ],
        "materials": [ { "name": "s", "review_points": ["s"], "note": "s", "exempt": "s" } ],
        "fees": [ { "name": "s", "note": "s" } ],
        "time_limit": { "note": "s" },
        "channels": [ { "title": "s", "place": "s", "steps": [ { "title": "s", "text": "s" } ] } ],
        "faq": [ { "q": "s", "a": "s" } ],
        "tips": ["s"]
    })");
    return spec;
}

const json& bundle_spec() {
    static const json spec = json::parse(R"({ "name": "s", "plain_name": "s", "aliases": ["s"], "summary": "s" })");
    return spec;
}

json read_json(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return json::parse(in);
}

std::string fnv1a_hex(const std::string& data) {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (unsigned char c : data) {
        h ^= c;
        h *= 0x100000001b3ULL;
    }
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return buf;
}

int usage() {
    std::cerr << "usage: doorplate-catalogue --in <assets/guides> --out <catalogue.json> [--opencc-config <s2t.json>] [--unihan <Unihan_Readings.txt>]\n"
                 "       doorplate-catalogue --in <assets/guides> --check   (validate only)\n";
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    std::string in_dir, out_path, unihan, config = DP_OPENCC_CONFIG;
    bool check_only = false;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        auto value = [&]() -> std::string { return i + 1 < argc ? argv[++i] : std::string(); };
        if (a == "--in") in_dir = value();
        else if (a == "--out") out_path = value();
        else if (a == "--opencc-config") config = value();
        else if (a == "--unihan") unihan = value();
        else if (a == "--check") check_only = true;
        else return usage();
    }
    if (in_dir.empty() || (out_path.empty() && !check_only)) return usage();

    auto load = dp::load_catalogue_dir(in_dir);
    std::vector<dp::GuideError> errors = load.errors;
    if (load.ok()) {
        auto found = load.catalogue.validate();
        errors.insert(errors.end(), found.begin(), found.end());
        // Pictures named by the guides must exist under assets/images/ (beside assets/guides).
        const std::filesystem::path images = std::filesystem::path(in_dir).parent_path() / "images";
        auto need = [&](const dp::Item& item, const std::string& field, const std::string& path) {
            if (!path.empty() && !std::filesystem::is_regular_file(images / path))
                errors.push_back({"", item.id, field, "picture " + path + " is not in " + images.string()});
        };
        for (const auto& item : load.catalogue.items) {
            for (const auto& m : item.materials) need(item, "materials[" + m.id + "].sample", m.sample);
            for (size_t c = 0; c < item.channels.size(); ++c)
                for (size_t s = 0; s < item.channels[c].steps.size(); ++s)
                    need(item, "channels[" + std::to_string(c) + "].steps[" + std::to_string(s) + "].image",
                         item.channels[c].steps[s].image);
        }
    }
    for (const auto& e : errors) std::cerr << e.to_string() << "\n";
    if (!errors.empty()) {
        std::cerr << "doorplate-catalogue: " << errors.size() << " error(s) in " << in_dir << "\n";
        return 1;
    }
    const dp::Catalogue& cat = load.catalogue;
    if (check_only) {
        std::cout << "doorplate-catalogue: " << cat.items.size() << " items, " << cat.bundles.size()
                  << " bundles: no errors\n";
        return 0;
    }

    Converter convert(config);
    if (!convert.ok()) {
        std::cerr << "doorplate-catalogue: cannot open OpenCC config " << config << ": " << opencc_error() << "\n";
        return 1;
    }
    try {
        // Every field of each source file as written, plus its zh-Hant overlay; sorted by id.
        auto collect = [&](auto const& list, const json& spec) {
            std::vector<std::pair<std::string, json>> entries;
            for (const auto& entry : list) {
                json raw = read_json(cat.source.at(entry.id));
                raw.erase("zh-Hant");
                raw["zh-Hant"] = overlay(raw, spec, convert);
                entries.emplace_back(entry.id, std::move(raw));
            }
            std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
            json out = json::array();
            for (auto& e : entries) out.push_back(std::move(e.second));
            return out;
        };
        json items = collect(cat.items, item_spec());
        json bundles = collect(cat.bundles, bundle_spec());
        json doc = {{"version", fnv1a_hex(items.dump() + "\n" + bundles.dump())}, {"items", items}, {"bundles", bundles}};

        // Search entries with pinyin (full and initials), so the server and the app search by
        // pinyin without shipping the Unihan table.
        if (!unihan.empty()) {
            auto table = dp::load_pinyin_table_file(unihan);
            if (!table) throw std::runtime_error("cannot read Unihan readings " + unihan);
            json search = json::array();
            for (auto& [list, kind] : {std::pair<const json*, const char*>{&items, "item"}, {&bundles, "bundle"}})
                for (auto& j : *list) {
                    dp::SearchEntry e = dp::search_entry_from_guide_json(j, kind);
                    dp::fill_search_pinyin(e, *table);
                    search.push_back(e);
                }
            doc["search"] = search;
        }

        // The output must read back through the same parser the server uses.
        auto check = dp::parse_catalogue_json(doc);
        if (!check.ok() || check.catalogue.items.size() != cat.items.size()) {
            for (const auto& e : check.errors) std::cerr << "catalogue.json: " << e.to_string() << "\n";
            std::cerr << "doorplate-catalogue: the written catalogue does not read back\n";
            return 1;
        }

        std::filesystem::path out(out_path);
        if (out.has_parent_path()) std::filesystem::create_directories(out.parent_path());
        std::string tmp = out_path + ".tmp";
        {
            std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
            f << doc.dump() << "\n";
            if (!f) throw std::runtime_error("cannot write " + tmp);
        }
        std::filesystem::rename(tmp, out);
        std::cout << "doorplate-catalogue: " << cat.items.size() << " items, " << cat.bundles.size()
                  << " bundles → " << out_path << " (version " << doc["version"].get<std::string>() << ")\n";
    } catch (const std::exception& e) {
        std::cerr << "doorplate-catalogue: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
