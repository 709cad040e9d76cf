// Resident app routes ↔ URLs (see resident_route.hpp).
#include "resident_route.hpp"

#include <vector>

namespace dp {
namespace {

std::vector<std::string> split_path(std::string_view path) {
    std::vector<std::string> parts;
    size_t i = 0;
    while (i < path.size()) {
        while (i < path.size() && path[i] == '/') ++i;
        size_t j = i;
        while (j < path.size() && path[j] != '/') ++j;
        if (j > i) parts.push_back(url_decode(path.substr(i, j - i)));
        i = j;
    }
    return parts;
}

std::vector<std::pair<std::string, std::string>> split_query(std::string_view q) {
    std::vector<std::pair<std::string, std::string>> out;
    size_t i = 0;
    while (i <= q.size() && !q.empty()) {
        size_t amp = q.find('&', i);
        if (amp == std::string_view::npos) amp = q.size();
        auto kv = q.substr(i, amp - i);
        if (!kv.empty()) {
            size_t eq = kv.find('=');
            if (eq == std::string_view::npos)
                out.emplace_back(url_decode(kv), "");
            else
                out.emplace_back(url_decode(kv.substr(0, eq)), url_decode(kv.substr(eq + 1)));
        }
        if (amp >= q.size()) break;
        i = amp + 1;
    }
    return out;
}

bool is_reserved_param(const std::string& k) {
    return k == "q" || k == "src" || k == "lang" || k == "route" || k == "item";
}

bool is_id_text(const std::string& s) {
    if (s.empty() || s.size() > 20) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}


}  // namespace

bool is_help_page(ResidentPage page) {
    switch (page) {
        case ResidentPage::help_menu:
        case ResidentPage::help_proxy:
        case ResidentPage::help_proxy_sign:
        case ResidentPage::help_prereview:
        case ResidentPage::help_ask:
        case ResidentPage::help_video:
        case ResidentPage::requests:
        case ResidentPage::request_status: return true;
        default: return false;
    }
}

ResidentRoute parse_resident_route(std::string_view path, std::string_view query) {
    ResidentRoute r;
    auto parts = split_path(path);
    auto params = split_query(query);
    if (parts.size() < 2 || parts[0] != "d" || parts[1].empty()) return r;
    r.doorplate = parts[1];
    for (auto& [k, v] : params) {
        if (k == "q") r.query = v;
        if (k == "src") r.channel = v;
        if (k == "item") r.item_id = v;
    }
    const size_t n = parts.size();
    if (n == 2) {
        r.page = ResidentPage::landing;
    } else if (n == 3 && parts[2] == "search") {
        r.page = ResidentPage::search;
    } else if (n == 3 && parts[2] == "settings") {
        r.page = ResidentPage::settings;
    } else if (parts[2] == "map" && (n == 3 || (n == 5 && parts[3] == "place" && !parts[4].empty()))) {
        r.page = ResidentPage::map;
        if (n == 5) r.place_id = parts[4];
        for (auto& [k, v] : params)
            if (k == "route" && n == 5 && (v == "walk" || v == "drive")) r.route_mode = v;
    } else if (parts[2] == "help" && n <= 5) {
        const std::string a = n > 3 ? parts[3] : "", b = n > 4 ? parts[4] : "";
        if (n == 3) r.page = ResidentPage::help_menu;
        else if (n == 4 && a == "proxy") r.page = ResidentPage::help_proxy;
        else if (n == 5 && a == "proxy" && b == "sign") r.page = ResidentPage::help_proxy_sign;
        else if (n == 4 && a == "prereview") r.page = ResidentPage::help_prereview;
        else if (n == 4 && a == "ask") r.page = ResidentPage::help_ask;
        else if (n == 4 && a == "video") r.page = ResidentPage::help_video;
        if (r.page == ResidentPage::not_found) {
            r.item_id.clear();
        } else {
            for (auto& [k, v] : params)  // the guide's answers: the tailored checklist for 预审
                if (!is_reserved_param(k) && !v.empty()) r.answers[k].push_back(v);
        }
    } else if (parts[2] == "requests" && n <= 4) {
        if (n == 3) {
            r.page = ResidentPage::requests;
        } else if (is_id_text(parts[3])) {
            r.page = ResidentPage::request_status;
            r.request_id = parts[3];
        }
    } else if (n >= 4 && parts[2] == "guide") {
        r.guide_id = parts[3];
        if (n == 4) {
            r.page = ResidentPage::guide_intro;
        } else if (n == 6 && parts[4] == "q") {
            r.page = ResidentPage::guide_question;
            r.question_id = parts[5];
        } else if (n == 5 && parts[4] == "result") {
            r.page = ResidentPage::guide_result;
        } else {
            ResidentRoute none;
            none.doorplate = r.doorplate;
            return none;
        }
        for (auto& [k, v] : params)
            if (!is_reserved_param(k) && !v.empty()) r.answers[k].push_back(v);
    }
    return r;
}

std::string resident_url(const ResidentRoute& r) {
    std::string base = "/d/" + url_encode(r.doorplate);
    std::string answers;
    for (auto& [q, opts] : r.answers)
        for (auto& o : opts) answers += (answers.empty() ? "?" : "&") + url_encode(q) + "=" + url_encode(o);
    switch (r.page) {
        case ResidentPage::landing: return base + (r.channel.empty() ? "" : "?src=" + url_encode(r.channel));
        case ResidentPage::search: return base + "/search" + (r.query.empty() ? "" : "?q=" + url_encode(r.query));
        case ResidentPage::settings: return base + "/settings";
        case ResidentPage::guide_intro: return base + "/guide/" + url_encode(r.guide_id);
        case ResidentPage::guide_question:
            return base + "/guide/" + url_encode(r.guide_id) + "/q/" + url_encode(r.question_id) + answers;
        case ResidentPage::guide_result: return base + "/guide/" + url_encode(r.guide_id) + "/result" + answers;
        case ResidentPage::map:
            if (r.place_id.empty()) return base + "/map";
            return base + "/map/place/" + url_encode(r.place_id) + (r.route_mode.empty() ? "" : "?route=" + r.route_mode);
        case ResidentPage::help_menu:
        case ResidentPage::help_proxy:
        case ResidentPage::help_proxy_sign:
        case ResidentPage::help_prereview:
        case ResidentPage::help_ask:
        case ResidentPage::help_video: {
            const char* sub = r.page == ResidentPage::help_menu         ? ""
                              : r.page == ResidentPage::help_proxy      ? "/proxy"
                              : r.page == ResidentPage::help_proxy_sign ? "/proxy/sign"
                              : r.page == ResidentPage::help_prereview  ? "/prereview"
                              : r.page == ResidentPage::help_ask        ? "/ask"
                                                                        : "/video";
            std::string q = r.item_id.empty() ? "" : "item=" + url_encode(r.item_id);
            if (!answers.empty()) q += (q.empty() ? "" : "&") + answers.substr(1);
            return base + "/help" + sub + (q.empty() ? "" : "?" + q);
        }
        case ResidentPage::requests: return base + "/requests";
        case ResidentPage::request_status: return base + "/requests/" + url_encode(r.request_id);
        case ResidentPage::not_found: break;
    }
    return base;
}

}  // namespace dp
