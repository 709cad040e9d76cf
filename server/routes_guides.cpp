// Guide routes: item search and listing, one item or bundle as JSON, the per-guide document
// the app loads, the search index the app searches offline, and the HTML guide /guide/<id>.
#include <map>
#include <memory>
#include <mutex>
#include <shared_mutex>

#include "app.hpp"
#include "etag.hpp"
#include "guide_flow.hpp"
#include "http_util.hpp"
#include "render_doc.hpp"
#include "render_html.hpp"

namespace dp {
namespace {

std::string id_param(const httplib::Request& req) {
    std::string id = req.matches[1];
    if (id.empty() || id.size() > 80) throw HttpError(400, "bad_id", "事项编号格式不对");
    for (char c : id)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
            throw HttpError(400, "bad_id", "事项编号只能包含小写字母、数字和“-”");
    return id;
}

void list_items(App& app, const httplib::Request& req, httplib::Response& res) {
    const int limit = int_param(req, "limit", 20, 1, 200);
    const std::string q = req.get_param_value("q");
    if (q.size() > 200) throw HttpError(400, "bad_parameter", "搜索内容太长了（最多200个字节）");
    std::optional<std::string> life_event;
    if (req.has_param("life_event") && !req.get_param_value("life_event").empty())
        life_event = req.get_param_value("life_event");
    nlohmann::json list = nlohmann::json::array();
    const auto& store = app.catalogue;
    if (!q.empty()) {
        for (auto& r : store.search().search(q, static_cast<size_t>(limit), life_event)) {
            nlohmann::json s = store.summary(r.id);
            s["score"] = r.score;
            s["matched"] = {{"field", r.field}, {"text", r.matched_text}};
            list.push_back(std::move(s));
        }
    } else {
        for (const Item* item : store.by_popularity()) {
            if (static_cast<int>(list.size()) >= limit) break;
            if (life_event && std::find(item->life_events.begin(), item->life_events.end(), *life_event) ==
                                  item->life_events.end())
                continue;
            list.push_back(store.summary(item->id));
        }
    }
    send_json(res, {{"total", list.size()}, {"query", q}, {"items", list}});
}

Answers answers_from_request(const httplib::Request& req) {
    std::vector<std::pair<std::string, std::string>> params;
    for (auto& [k, v] : req.params)
        if (k != "lang" && k != "src") params.emplace_back(k, v);
    return answers_from_params(params);
}

}  // namespace

void register_guide_routes(Routes& server, App& app) {
    server.Get("/api/v1/items", [&app](const httplib::Request& req, httplib::Response& res) { list_items(app, req, res); });
    server.Get(R"(/api/v1/items/([^/]+))", [&app](const httplib::Request& req, httplib::Response& res) {
        const std::string id = id_param(req);
        const nlohmann::json* j = app.catalogue.item_json(id);
        if (!j) throw HttpError(404, "item_not_found", "没有找到这个事项：" + id);
        send_json_etag(req, res, *j);
    });
    server.Get(R"(/api/v1/bundles/([^/]+))", [&app](const httplib::Request& req, httplib::Response& res) {
        const std::string id = id_param(req);
        const nlohmann::json* j = app.catalogue.bundle_json(id);
        if (!j) throw HttpError(404, "bundle_not_found", "没有找到这个“一件事”：" + id);
        nlohmann::json body = *j;
        body["item_summaries"] = nlohmann::json::array();
        for (auto& i : (*j)["items"]) body["item_summaries"].push_back(app.catalogue.summary(i.get<std::string>()));
        send_json_etag(req, res, body);
    });
    // Guide documents are built (and brotli/gzip-compressed) once per id: the catalogue does not
    // change while serving. Readers share the lock (every request reads; only a first one writes).
    auto guide_cache = std::make_shared<
        std::pair<std::shared_mutex, std::map<std::string, std::shared_ptr<const PrecompressedJson>>>>();
    server.Get(R"(/api/v1/guides/([^/]+))", [&app, guide_cache](const httplib::Request& req, httplib::Response& res) {
        const std::string id = id_param(req);
        std::shared_ptr<const PrecompressedJson> text;
        {
            std::shared_lock<std::shared_mutex> l(guide_cache->first);
            auto it = guide_cache->second.find(id);
            if (it != guide_cache->second.end()) text = it->second;
        }
        if (!text) {
            nlohmann::json doc = app.catalogue.guide_document(id);
            if (doc.is_null()) throw HttpError(404, "guide_not_found", "没有找到这份指南：" + id);
            text = std::make_shared<const PrecompressedJson>(
                doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
            std::lock_guard<std::shared_mutex> l(guide_cache->first);
            guide_cache->second.emplace(id, text);
        }
        send_precompressed_json(req, res, *text);
    });
    server.Get("/api/v1/search-index", [&app](const httplib::Request&, httplib::Response& res) {
        res.set_header("Cache-Control", "no-cache");
        send_json(res, {{"version", app.catalogue.version()}, {"entries", app.catalogue.search().entries()}});
    });
    // The text guide: complete HTML that works without JavaScript (screen readers, old phones, print).
    server.Get(R"(/guide/([^/]+))", [&app](const httplib::Request& req, httplib::Response& res) {
        const std::string id = id_param(req);
        Locale locale = Locale::zh_hans;
        if (req.has_param("lang")) {
            auto l = locale_from_tag(req.get_param_value("lang"));
            if (!l) throw HttpError(400, "bad_parameter", "参数 lang 只能是 zh-Hans、zh-Hant 或 en");
            locale = *l;
        }
        auto doc = render_guide(app.catalogue.catalogue(), id, answers_from_request(req), locale);
        if (!doc) throw HttpError(404, "guide_not_found", "没有找到这份指南：" + id);
        HtmlOptions options;
        if (locale != Locale::zh_hans) options.hidden_fields.push_back({"lang", locale_tag(locale)});
        res.set_header("Cache-Control", "no-cache");
        res.set_content(render_html(*doc, options), "text/html; charset=utf-8");
    });
}

}  // namespace dp
