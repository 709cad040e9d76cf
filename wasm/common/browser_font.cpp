// Browser font loader for ImGui's dynamic atlas (see browser_font.hpp).
#include "browser_font.hpp"

#include <imgui.h>
#include <imgui_internal.h>
#include <misc/freetype/imgui_freetype.h>  // declares ImGuiFreeType::GetFontLoader (defined below)

#include <cmath>
#include <vector>

#include "platform.hpp"

namespace ui {
namespace {

// Glyphs placed in the atlas whose pixels are drawn at the end of the frame, all at once.
struct PendingGlyph {
    ImFontAtlas* atlas;
    ImFontAtlasRectId rect;
    platform::GlyphRequest request;
};
std::vector<PendingGlyph> g_pending;

bool src_contains_glyph(ImFontAtlas*, ImFontConfig*, ImWchar) { return true; }

bool baked_init(ImFontAtlas*, ImFontConfig* src, ImFontBaked* baked, void*) {
    if (src->MergeMode) return true;
    const float size = baked->Size * src->RasterizerDensity * baked->RasterizerDensity;
    platform::FontMetrics m = platform::font_metrics(size);
    const float density = src->RasterizerDensity * baked->RasterizerDensity;
    baked->Ascent = std::ceil(m.ascent / density);
    baked->Descent = -std::ceil(m.descent / density);
    return true;
}

// ImGui asks for the advance alone while measuring text and for the whole glyph when drawing
// it. The glyph gets its place in the atlas now; its pixels come with flush_browser_glyphs().
bool baked_load_glyph(ImFontAtlas* atlas, ImFontConfig* src, ImFontBaked* baked, void*, ImWchar codepoint,
                      ImFontGlyph* out_glyph, float* out_advance_x) {
    const float density = src->RasterizerDensity * baked->RasterizerDensity;
    const float size = baked->Size * density;
    const platform::GlyphBox box = platform::glyph_box(static_cast<uint32_t>(codepoint), size);
    if (!box.ok) return false;
    if (out_advance_x) {
        *out_advance_x = box.advance / density;
        return true;
    }
    out_glyph->Codepoint = codepoint;
    out_glyph->AdvanceX = box.advance / density;
    if (box.width > 0 && box.height > 0) {
        ImFontAtlasRectId pack_id = ImFontAtlasPackAddRect(atlas, box.width, box.height);
        if (pack_id == ImFontAtlasRectId_Invalid) return false;
        const float inv = 1.0f / density;
        out_glyph->X0 = box.x0 * inv;
        out_glyph->Y0 = IM_ROUND(baked->Ascent) + box.y0 * inv;
        out_glyph->X1 = out_glyph->X0 + box.width * inv;
        out_glyph->Y1 = out_glyph->Y0 + box.height * inv;
        out_glyph->Visible = true;
        out_glyph->PackId = pack_id;
        g_pending.push_back({atlas, pack_id, {static_cast<uint32_t>(codepoint), size, box}});
    }
    return true;
}

const ImFontLoader* loader() {
    static ImFontLoader l;
    l.Name = "browser-canvas2d";
    l.FontSrcContainsGlyph = src_contains_glyph;
    l.FontBakedInit = baked_init;
    l.FontBakedLoadGlyph = baked_load_glyph;
    return &l;
}

}  // namespace

ImFont* add_browser_font(ImFontAtlas* atlas, float size_px) {
    atlas->SetFontLoader(loader());
    ImFontConfig cfg;
    cfg.FontLoader = loader();
    cfg.SizePixels = size_px;
    ImFormatString(cfg.Name, IM_ARRAYSIZE(cfg.Name), "browser %.0fpx", size_px);
    return atlas->AddFont(&cfg);
}

bool flush_browser_glyphs() {
    if (g_pending.empty()) return false;
    std::vector<PendingGlyph> pending;
    pending.swap(g_pending);
    std::vector<platform::GlyphRequest> requests;
    requests.reserve(pending.size());
    for (const auto& p : pending) requests.push_back(p.request);
    std::vector<uint8_t> alpha;
    platform::rasterize_glyphs(requests, alpha);
    size_t offset = 0;
    for (const auto& p : pending) {
        const int w = p.request.box.width, h = p.request.box.height;
        // The rect is gone if the atlas dropped the font size meanwhile (e.g. elder mode).
        ImTextureRect* r = ImFontAtlasPackGetRectSafe(p.atlas, p.rect);
        ImTextureData* tex = p.atlas->TexData;
        if (r && r->w == w && r->h == h && tex && tex->Pixels) {
            ImFontAtlasTextureBlockConvert(alpha.data() + offset, ImTextureFormat_Alpha8, w,
                                           static_cast<unsigned char*>(tex->GetPixelsAt(r->x, r->y)), tex->Format,
                                           tex->GetPitch(), w, h);
            ImFontAtlasTextureBlockQueueUpload(p.atlas, tex, r->x, r->y, w, h);
        }
        offset += static_cast<size_t>(w) * static_cast<size_t>(h);
    }
    return true;
}

}  // namespace ui

// ImGui built with IMGUI_ENABLE_FREETYPE (cmake/wasm.cmake) takes its default font loader from
// here; answering with the browser loader keeps stb_truetype and FreeType out of the build.
namespace ImGuiFreeType {
const ImFontLoader* GetFontLoader() { return ui::loader(); }
}  // namespace ImGuiFreeType
