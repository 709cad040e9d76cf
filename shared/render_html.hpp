// The HTML back-end of the render document: a complete, accessible HTML5 page that works
// without JavaScript (GET form for the situation questions, real checkboxes for the checklist),
// prints well, and escapes every string that comes from data.
#pragma once
#include "render_doc.hpp"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dp {

struct HtmlOptions {
    // Where the situation form is sent (GET). "" → "/guide/<guide id>".
    std::string form_action;
    // Extra hidden fields carried by the form, e.g. {"lang", "zh-Hant"}.
    std::vector<std::pair<std::string, std::string>> hidden_fields;
    // Prefix of sample and step pictures (paths in the data are under assets/images/).
    std::string image_base = "/assets/images/";
    // Prefix of links to related items and bundles.
    std::string guide_base = "/guide/";
};

std::string render_html(const RenderDoc& doc, const HtmlOptions& options = {});
// The inline <style> sheet render_html emits (the server allows exactly it by hash in its CSP).
const char* render_html_style_sheet();

// &, <, >, " and ' as character references: safe in text and in quoted attribute values.
std::string html_escape(std::string_view text);
// Only http:, https:, tel: and relative links (not //host) are allowed as href values.
bool is_safe_link(std::string_view url);

}  // namespace dp
