// /api/v1/items: the service-item catalogue (listing by popularity, one item's summary).
#include "app.hpp"
#include "http_util.hpp"

namespace dp {

void register_item_routes(httplib::Server& server, App& app) {
    server.Get("/api/v1/items", [&app](const httplib::Request& req, httplib::Response& res) {
        int limit = int_param(req, "limit", 20, 1, 500);
        nlohmann::json list = nlohmann::json::array();
        for (auto& item : app.items.by_popularity()) {
            if (static_cast<int>(list.size()) >= limit) break;
            list.push_back(item);
        }
        send_json(res, {{"total", app.items.by_popularity().size()}, {"items", list}});
    });
    server.Get(R"(/api/v1/items/([^/]+))", [&app](const httplib::Request& req, httplib::Response& res) {
        const ItemSummary* item = app.items.find(req.matches[1]);
        if (!item) throw HttpError(404, "item_not_found", "没有找到这个事项：" + std::string(req.matches[1]));
        send_json(res, *item);
    });
}

}  // namespace dp
