// Resident app entry: reads the doorplate code from the URL, loads the landing data, and runs
// the model–view loop; reports loading/ready/error on <html data-app-state>.
#include <nlohmann/json.hpp>

#include "model.hpp"
#include "platform.hpp"
#include "ui_runtime.hpp"
#include "view.hpp"

namespace {

resident::Model g_model;
resident::ViewState g_view;
int g_ready_frames = 0;  // frames drawn since the landing data arrived

void dispatch(const resident::Action& a);

void load_landing() {
    const std::string code = g_model.doorplate_code;
    if (code.empty()) {
        dispatch(resident::LoadFailed{"这不是门牌链接", "请扫描门牌上的二维码，或者检查链接是否完整。"});
        return;
    }
    platform::set_loading_progress(0.9f, "正在读取门牌信息…");
    std::string url = "/api/v1/doorplates/" + code;
    if (!g_model.channel.empty()) url += "?src=" + g_model.channel;
    platform::fetch_text(url, [](int status, const std::string& body) {
        if (status == 0) {
            dispatch(resident::LoadFailed{"网络好像断了", "请检查网络后点“重新加载”。"});
            return;
        }
        auto j = nlohmann::json::parse(body, nullptr, false);
        if (status != 200) {
            std::string msg = "门牌码：" + g_model.doorplate_code;
            if (!j.is_discarded() && j.contains("error")) msg = j["error"].value("message", msg);
            dispatch(resident::LoadFailed{status == 404 ? "没有找到这个门牌" : "暂时打不开", msg});
            return;
        }
        try {
            dispatch(resident::LandingLoaded{dp::parse_landing(j)});
        } catch (const std::exception&) {
            dispatch(resident::LoadFailed{"数据有误", "服务器返回的门牌信息不完整，请稍后再试。"});
        }
    });
}

void dispatch(const resident::Action& a) {
    g_model = resident::update(std::move(g_model), a);
    if (std::holds_alternative<resident::Retry>(a)) load_landing();
    if (std::holds_alternative<resident::LandingLoaded>(a)) g_ready_frames = 0;
    if (std::holds_alternative<resident::LoadFailed>(a)) {
        platform::set_app_state("error", g_model.error_title + "：" + g_model.error_detail);
        platform::hide_loading_overlay();
    }
    platform::request_frame();
}

bool frame(const ui::FrameInfo& f) {
    for (auto& a : resident::draw(g_model, g_view, f)) dispatch(a);
    if (g_model.status == resident::Status::ready && g_ready_frames < 3) {
        // ImGui lays a new window out on its first frame and shows it on the next: report
        // "ready" only once a complete view has been drawn.
        if (++g_ready_frames == 2) {
            platform::hide_loading_overlay();
            platform::set_app_state("ready");
        }
        return true;
    }
    return false;
}

}  // namespace

int main() {
    g_model.doorplate_code = resident::doorplate_code_from_path(platform::location_path());
    g_model.channel = platform::location_query_param("src");
    ui::start(frame);
    load_landing();
    return 0;
}
