// Browser font loader for ImGui's dynamic atlas (see browser_font.hpp).
#include "browser_font.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <cmath>

#include "platform.hpp"

namespace ui {
namespace {

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

bool baked_load_glyph(ImFontAtlas* atlas, ImFontConfig* src, ImFontBaked* baked, void*, ImWchar codepoint,
                      ImFontGlyph* out_glyph, float* out_advance_x) {
    const float density = src->RasterizerDensity * baked->RasterizerDensity;
    platform::GlyphBitmap g;
    if (!platform::rasterize_glyph(static_cast<uint32_t>(codepoint), baked->Size * density, out_advance_x != nullptr, g))
        return false;
    if (out_advance_x) {
        *out_advance_x = g.advance / density;
        return true;
    }
    out_glyph->Codepoint = codepoint;
    out_glyph->AdvanceX = g.advance / density;
    if (g.width > 0 && g.height > 0 && !g.alpha.empty()) {
        ImFontAtlasRectId pack_id = ImFontAtlasPackAddRect(atlas, g.width, g.height);
        if (pack_id == ImFontAtlasRectId_Invalid) return false;
        ImTextureRect* r = ImFontAtlasPackGetRect(atlas, pack_id);
        const float inv = 1.0f / density;
        out_glyph->X0 = g.x0 * inv;
        out_glyph->Y0 = IM_ROUND(baked->Ascent) + g.y0 * inv;
        out_glyph->X1 = out_glyph->X0 + g.width * inv;
        out_glyph->Y1 = out_glyph->Y0 + g.height * inv;
        out_glyph->Visible = true;
        out_glyph->PackId = pack_id;
        ImFontAtlasBakedSetFontGlyphBitmap(atlas, baked, src, out_glyph, r, g.alpha.data(), ImTextureFormat_Alpha8,
                                           g.width);
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

}  // namespace ui
