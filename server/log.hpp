// Structured logging: one JSON object per line on stderr, with a level filter. Anything that looks
// like a mobile or an ID number is masked (shared/mask.hpp); still, never pass personal data here.
#pragma once
#include <nlohmann/json.hpp>
#include <string>

namespace dp::log {

enum class Level { debug = 0, info = 1, warn = 2, error = 3 };

bool set_level(const std::string& name);  // false if the name is unknown
void write(Level level, const std::string& event, nlohmann::json fields = nlohmann::json::object());
inline void info(const std::string& event, nlohmann::json f = nlohmann::json::object()) { write(Level::info, event, std::move(f)); }
inline void warn(const std::string& event, nlohmann::json f = nlohmann::json::object()) { write(Level::warn, event, std::move(f)); }
inline void error(const std::string& event, nlohmann::json f = nlohmann::json::object()) { write(Level::error, event, std::move(f)); }
inline void debug(const std::string& event, nlohmann::json f = nlohmann::json::object()) { write(Level::debug, event, std::move(f)); }

}  // namespace dp::log
