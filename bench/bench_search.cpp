// Search benchmark (native and wasm from the same file): loads a guide catalogue directory,
// computes pinyin from Unihan, builds the SearchIndex and replays typed queries keystroke by
// keystroke. Prints JSON lines {"name","value","unit"} (suffix _native or _wasm) on stdout.
#include "bench_clock.hpp"
#include "pinyin.hpp"
#include "search.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#ifndef DP_UNIHAN_READINGS
#define DP_UNIHAN_READINGS "/usr/share/unicode/Unihan_Readings.txt"
#endif

namespace fs = std::filesystem;

namespace {

#ifdef __EMSCRIPTEN__
constexpr const char* kPlatform = "wasm";
#else
constexpr const char* kPlatform = "native";
#endif


void emit(const std::string& name, double value, const char* unit) {
    nlohmann::json j = {{"name", name + "_" + kPlatform}, {"value", std::round(value * 100) / 100}, {"unit", unit}};
    std::cout << j.dump() << "\n";
}

// What residents type, in full; every prefix is one keystroke. Pinyin is typed letter by letter;
// Chinese arrives from the IME one committed character (or word) at a time.
const std::vector<std::string> kTyped = {
    "shenfenzheng", "sfz", "shen fen", "shebao", "shebaoka", "sbk", "gongjijin", "gongjijintiqu", "gjj",
    "hukou", "hukouqianyi", "yingyezhizhao", "yyzz", "jiashizheng", "jsz", "huzhao", "yibao", "yibaocanbao",
    "dibao", "canjizheng", "jiehundengji", "chushengzhengming", "tuixiu", "yanglaojin", "shiyejin",
    "juzhuzheng", "gangaotongxingzheng", "etc", "budongchan", "shipinjingying", "SFZ", "ｓｆｚ",
    "身份证", "社保卡", "社保", "户口迁移", "户口", "营业执照", "公积金提取", "医保参保", "驾驶证补领", "结婚登记",
    "出生医学证明", "低保", "残疾人证", "护照", "居住证", "失业金", "养老金", "不动产权证书", "食品经营许可证",
    "港澳通行证", "异地就医备案", "退休", "户口迁", "社", "证",
};

std::vector<std::string> keystrokes() {
    std::vector<std::string> out;
    for (const auto& typed : kTyped) {
        for (std::size_t i = 1; i <= typed.size(); ++i) {
            // cut only at code point boundaries
            if (i < typed.size() && (static_cast<unsigned char>(typed[i]) & 0xC0) == 0x80) continue;
            out.push_back(typed.substr(0, i));
        }
    }
    return out;
}

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const std::size_t k = std::min(v.size() - 1, std::size_t(p * double(v.size() - 1) + 0.5));
    return v[k];
}

// Reads DIR/items/*.json and DIR/bundles/*.json (or DIR/*.json when there is no items/).
std::vector<dp::SearchEntry> load_entries(const fs::path& dir) {
    std::vector<dp::SearchEntry> entries;
    auto read_dir = [&](const fs::path& d, const std::string& kind) {
        if (!fs::is_directory(d)) return;
        std::vector<fs::path> files;
        for (const auto& e : fs::directory_iterator(d))
            if (e.is_regular_file() && e.path().extension() == ".json") files.push_back(e.path());
        std::sort(files.begin(), files.end());
        for (const auto& f : files) {
            std::ifstream in(f, std::ios::binary);
            const auto j = nlohmann::json::parse(in, nullptr, false);
            if (j.is_discarded() || !j.is_object()) {
                std::cerr << "bench_search: skipping unreadable " << f << "\n";
                continue;
            }
            entries.push_back(dp::search_entry_from_guide_json(j, kind));
        }
    };
    if (fs::is_directory(dir / "items")) {
        read_dir(dir / "items", "item");
        read_dir(dir / "bundles", "bundle");
    } else {
        read_dir(dir, "item");
    }
    return entries;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: bench_search CATALOGUE_DIR [--unihan Unihan_Readings.txt] [--rounds N]\n";
        return 2;
    }
    const fs::path dir = argv[1];
    std::string unihan = DP_UNIHAN_READINGS;
    int rounds = 30;
    for (int i = 2; i + 1 < argc; i += 2) {
        const std::string arg = argv[i];
        if (arg == "--unihan") unihan = argv[i + 1];
        else if (arg == "--rounds") rounds = std::max(1, std::atoi(argv[i + 1]));
    }

    auto t0 = Clock::now();
    const auto table = dp::load_pinyin_table_file(unihan);
    if (!table) {
        std::cerr << "bench_search: cannot read Unihan readings from " << unihan << "\n";
        return 1;
    }
    const double table_ms = micros_since(t0) / 1000;

    t0 = Clock::now();
    std::vector<dp::SearchEntry> entries = load_entries(dir);
    if (entries.empty()) {
        std::cerr << "bench_search: no items under " << dir << "\n";
        return 1;
    }
    const double load_ms = micros_since(t0) / 1000;
    t0 = Clock::now();
    for (auto& e : entries) dp::fill_search_pinyin(e, *table);
    const double pinyin_ms = micros_since(t0) / 1000;
    const std::size_t item_count = entries.size();

    t0 = Clock::now();
    const dp::SearchIndex index(std::move(entries));
    const double build_ms = micros_since(t0) / 1000;

    const auto queries = keystrokes();
    std::size_t checksum = 0;
    for (const auto& q : queries) checksum += index.search(q, 20).size();  // warm-up
    std::vector<double> times;
    times.reserve(queries.size() * std::size_t(rounds));
    for (int r = 0; r < rounds; ++r) {
        for (const auto& q : queries) {
            const auto start = Clock::now();
            const auto results = index.search(q, 20);
            times.push_back(micros_since(start));
            checksum += results.size();
        }
    }
    double sum = 0;
    for (double t : times) sum += t;

    // A glimpse of what the keystrokes find, for a human reading the log.
    for (const char* q : {"sfz", "社保", "gongjijin", "户口迁"}) {
        const auto r = index.search(q, 3);
        std::cerr << "bench_search: " << q << " →";
        for (const auto& x : r) std::cerr << " " << x.id << "(" << x.score << "," << x.field << ")";
        std::cerr << "\n";
    }
    std::cerr << "bench_search: " << item_count << " entries, " << queries.size() << " keystrokes × " << rounds
              << " rounds, checksum " << checksum << "\n";

    emit("search_keystroke_median", percentile(times, 0.5), "us");
    emit("search_keystroke_p99", percentile(times, 0.99), "us");
    emit("search_keystroke_mean", sum / double(times.size()), "us");
    emit("search_index_build", build_ms, "ms");
    emit("search_catalogue_pinyin", pinyin_ms, "ms");
    emit("search_catalogue_load", load_ms, "ms");
    emit("search_unihan_load", table_ms, "ms");
    emit("search_catalogue_entries", double(item_count), "count");
    emit("search_keystrokes_replayed", double(queries.size()), "count");
    return 0;
}
