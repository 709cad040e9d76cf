// Picture cache: url → WebGL texture and size; pictures load on first use (see pictures.hpp).
#define GLFW_INCLUDE_ES3
#include "pictures.hpp"

#include <GLES3/gl3.h>
#include <imgui.h>

#include <algorithm>
#include <cstdint>
#include <map>

#include "platform.hpp"
#include "theme.hpp"
#include "ui_runtime.hpp"
#include "widgets.hpp"

namespace ui {
namespace {

struct Picture {
    enum class State { loading, ready, failed } state = State::loading;
    GLuint texture = 0;
    int width = 0, height = 0;
};
std::map<std::string, Picture> g_pictures;

constexpr int kMaxPictureWidth = 1280;  // physical pixels: sharp on a phone at DPR 3

void start_loading(const std::string& url, const std::string& bearer) {
    g_pictures[url] = Picture{};
    platform::load_image(url, kMaxPictureWidth, [url](int w, int h, const uint8_t* rgba) {
        Picture& p = g_pictures[url];
        if (w <= 0 || h <= 0 || !rgba) {
            p.state = Picture::State::failed;
            return;
        }
        glGenTextures(1, &p.texture);
        glBindTexture(GL_TEXTURE_2D, p.texture);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
        glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
        p.width = w;
        p.height = h;
        p.state = Picture::State::ready;
    }, bearer);
}

}  // namespace

bool picture(const char* id, const std::string& url, const std::string& alt, float width_px, float placeholder_aspect,
             const std::string& bearer) {
    auto it = g_pictures.find(url);
    if (it == g_pictures.end()) {
        start_loading(url, bearer);
        it = g_pictures.find(url);
    }
    const Picture& p = it->second;
    const bool ready = p.state == Picture::State::ready;
    // The box is the same before and after the picture arrives, so nothing below it moves
    // (a button must not slide away under a finger or a mouse as a picture loads).
    const float h = width_px * placeholder_aspect;
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    const ImVec2 p1(p0.x + width_px, p0.y + h);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (ready) {
        // Fitted whole inside the box ("contain"), centred on a light ground.
        const float scale = std::min(width_px / static_cast<float>(p.width), h / static_cast<float>(p.height));
        const float w = static_cast<float>(p.width) * scale, ih = static_cast<float>(p.height) * scale;
        const ImVec2 i0(p0.x + (width_px - w) * 0.5f, p0.y + (h - ih) * 0.5f);
        if (w < width_px - 0.5f || ih < h - 0.5f) dl->AddRectFilled(p0, p1, IM_COL32(246, 247, 249, 255));
        dl->AddImage(ImTextureRef(static_cast<ImTextureID>(static_cast<intptr_t>(p.texture))), i0, ImVec2(i0.x + w, i0.y + ih));
    } else {
        dl->AddRectFilled(p0, p1, IM_COL32(236, 239, 244, 255), px(8));
        const std::string shown = p.state == Picture::State::failed ? alt + "（图片暂时打不开）" : alt;
        const ImVec2 sz = ImGui::CalcTextSize(shown.c_str());
        dl->AddText(ImVec2(p0.x + (width_px - sz.x) * 0.5f, p0.y + (h - sz.y) * 0.5f), theme::muted(), shown.c_str());
    }
    dl->AddRect(p0, p1, theme::border(), ready ? 0.0f : px(8), 0, px(1));
    ImGui::PushID(id);
    const bool tapped = ImGui::InvisibleButton("picture", ImVec2(width_px, h));
    ImGui::PopID();
    register_hit(id, p0.x, p0.y, p1.x, p1.y);
    return tapped;
}

}  // namespace ui
