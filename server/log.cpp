// JSON-lines logger (see log.hpp).
#include "log.hpp"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <mutex>

#include "mask.hpp"

namespace dp::log {
namespace {
std::atomic<int> g_level{static_cast<int>(Level::info)};
std::mutex g_mutex;
const char* name_of(Level l) {
    switch (l) {
        case Level::debug: return "debug";
        case Level::info: return "info";
        case Level::warn: return "warn";
        case Level::error: return "error";
    }
    return "info";
}
std::string now_iso8601() {
    using namespace std::chrono;
    auto now = system_clock::now();
    std::time_t t = system_clock::to_time_t(now);
    auto ms = duration_cast<milliseconds>(now.time_since_epoch()).count() % 1000;
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1,
                  tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms));
    return buf;
}
}  // namespace

bool set_level(const std::string& name) {
    for (Level l : {Level::debug, Level::info, Level::warn, Level::error})
        if (name == name_of(l)) {
            g_level = static_cast<int>(l);
            return true;
        }
    return false;
}

void write(Level level, const std::string& event, nlohmann::json fields) {
    if (static_cast<int>(level) < g_level.load()) return;
    nlohmann::json line = {{"ts", now_iso8601()}, {"level", name_of(level)}, {"event", event}};
    if (fields.is_object())
        for (auto& [k, v] : fields.items()) line[k] = v;
    scrub_json(line);  // no log line carries a mobile or an ID number in clear
    std::string text = line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    std::lock_guard<std::mutex> lock(g_mutex);
    std::fprintf(stderr, "%s\n", text.c_str());
}

}  // namespace dp::log
