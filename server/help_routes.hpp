// The 帮办代办 route files (routes_help_*.cpp) and the helpers they share: a JSON body that may be
// empty, and a durable POST that wakes the long polls after its commit.
#pragma once
#include <httplib.h>

#include <nlohmann/json.hpp>

#include "app.hpp"
#include "idempotency.hpp"

namespace dp {

int64_t unix_now();  // auth.hpp

// The JSON object body, or {} when the body is empty (actions without parameters).
nlohmann::json body_or_empty(const httplib::Request& req);
// durable_post keyed by "POST <path>" (the request id is part of the path), then HelpHub::notify().
void help_post(App& app, const httplib::Request& req, httplib::Response& res, const PrepareWrite& prepare);

void register_help_action_routes(Routes& server, App& app);
void register_help_chat_routes(Routes& server, App& app);
void register_help_prereview_routes(Routes& server, App& app);
void register_help_proxy_routes(Routes& server, App& app);
void register_help_batch_routes(Routes& server, App& app);
void register_help_video_routes(Routes& server, App& app);

}  // namespace dp
