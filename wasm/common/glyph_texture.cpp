// Alpha8 font atlas → LUMINANCE_ALPHA WebGL texture (see glyph_texture.hpp).
#define GLFW_INCLUDE_ES3
#include "glyph_texture.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>

#include <cstdint>
#include <vector>

namespace ui {
namespace {

// Luminance is always 1 and alpha is the coverage, so the backend's shader, which multiplies
// the vertex colour by the texel, draws glyphs and the atlas's white pixel as with RGBA.
void upload_rect(ImTextureData* tex, const ImTextureRect& r, std::vector<uint8_t>& scratch) {
    if (r.w == 0 || r.h == 0) return;
    scratch.resize(static_cast<size_t>(r.w) * r.h * 2);
    uint8_t* out = scratch.data();
    for (int y = 0; y < r.h; ++y) {
        const auto* row = static_cast<const uint8_t*>(tex->GetPixelsAt(r.x, r.y + y));
        for (int x = 0; x < r.w; ++x) {
            *out++ = 255;
            *out++ = row[x];
        }
    }
    glTexSubImage2D(GL_TEXTURE_2D, 0, r.x, r.y, r.w, r.h, GL_LUMINANCE_ALPHA, GL_UNSIGNED_BYTE, scratch.data());
}

}  // namespace

void use_alpha_atlas(ImFontAtlas* atlas) { atlas->TexDesiredFormat = ImTextureFormat_Alpha8; }

void upload_alpha_textures(ImDrawData* draw_data) {
    if (!draw_data || !draw_data->Textures) return;
    static std::vector<uint8_t> scratch;
    for (ImTextureData* tex : *draw_data->Textures) {
        if (tex->Format != ImTextureFormat_Alpha8) continue;
        if (tex->Status != ImTextureStatus_WantCreate && tex->Status != ImTextureStatus_WantUpdates) continue;
        GLint last = 0;
        glGetIntegerv(GL_TEXTURE_BINDING_2D, &last);
        glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
        if (tex->Status == ImTextureStatus_WantCreate) {
            GLuint id = 0;
            glGenTextures(1, &id);
            glBindTexture(GL_TEXTURE_2D, id);
            glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
            glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
            glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
            glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
            // Allocated empty (WebGL clears it); only the part in use is sent.
            glTexImage2D(GL_TEXTURE_2D, 0, GL_LUMINANCE_ALPHA, tex->Width, tex->Height, 0, GL_LUMINANCE_ALPHA,
                         GL_UNSIGNED_BYTE, nullptr);
            upload_rect(tex, tex->UsedRect, scratch);
            tex->SetTexID(static_cast<ImTextureID>(id));
        } else {
            glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(tex->TexID));
            // One upload around this frame's new glyphs rather than one per glyph.
            upload_rect(tex, tex->UpdateRect, scratch);
        }
        tex->SetStatus(ImTextureStatus_OK);
        glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(last));
    }
}

}  // namespace ui
