// RenderDoc → one self-contained HTML5 page: landmarks, ordered headings, a no-JavaScript
// situation form and checklist, a print stylesheet, and escaping of every data string.
#include "render_html.hpp"

#include <algorithm>

namespace dp {

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 16);
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

bool is_safe_link(std::string_view url) {
    if (url.empty()) return false;
    for (char c : url) {
        auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u == 0x7F || c == '\\' || c == '<' || c == '>' || c == '"' || c == '\'' || c == '`')
            return false;
    }
    std::string lower;
    for (char c : url.substr(0, 8)) lower += (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
    if (lower.rfind("https://", 0) == 0) return url.size() > 8;
    if (lower.rfind("http://", 0) == 0) return url.size() > 7;
    if (lower.rfind("tel:", 0) == 0) return url.size() > 4;
    if (url.rfind("//", 0) == 0) return false;   // another host, scheme-relative
    // Relative: no scheme, i.e. no ':' before the first '/', '?' or '#'.
    auto colon = url.find(':');
    auto stop = url.find_first_of("/?#");
    return colon == std::string_view::npos || (stop != std::string_view::npos && stop < colon);
}

namespace {

const char* kStyle = R"CSS(
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; font-family: "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif;
  font-size: 1.125rem; line-height: 1.65; color: #1a1a1a; background: #fff; }
:lang(zh-Hant) body, body:lang(zh-Hant) { font-family: "PingFang TC", "Noto Sans CJK TC", "Microsoft JhengHei", sans-serif; }
main { max-width: 42rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.75rem; line-height: 1.3; margin: .5rem 0 1rem; }
h2 { font-size: 1.375rem; margin: 2rem 0 .75rem; padding-top: .5rem; border-top: 2px solid #e3e3e3; }
h3, h4 { font-size: 1.2rem; margin: 1.25rem 0 .5rem; }
a { color: #0b4fa8; text-underline-offset: .15em; }
a:focus, input:focus, button:focus { outline: 3px solid #f5b400; outline-offset: 2px; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem; }
.muted { color: #555; font-size: 1rem; }
.hint { color: #555; margin: .25rem 0 .5rem; }
fieldset { border: 0; padding: 0; margin: 0 0 1.25rem; }
legend { font-weight: bold; font-size: 1.2rem; margin-bottom: .5rem; }
fieldset.next legend { font-size: 1.35rem; }
.option { display: flex; align-items: flex-start; gap: .6rem; margin: .4rem 0; }
.option input, .checklist input { width: 1.6rem; height: 1.6rem; flex: none; margin: .1rem 0 0; }
button { font: inherit; font-weight: bold; padding: .6rem 1.4rem; border: 0; border-radius: .3rem;
  background: #0b6e3a; color: #fff; cursor: pointer; }
.actions { display: flex; gap: 1rem; align-items: center; flex-wrap: wrap; }
.checklist { list-style: none; padding: 0; margin: 0; }
.checklist > li { border: 1px solid #d5d5d5; border-radius: .4rem; padding: .75rem; margin: 0 0 .75rem; }
.checklist label { display: flex; gap: .6rem; align-items: flex-start; font-weight: bold; }
.checklist .qty { font-weight: normal; color: #0b6e3a; white-space: nowrap; }
.checklist .details { margin-left: 2.2rem; }
.checklist .details ul { margin: .25rem 0; padding-left: 1.2rem; }
.exempt { color: #0b6e3a; }
.callout { border-left: 4px solid #0b4fa8; background: #eef4fc; padding: .6rem .9rem; margin: .75rem 0; }
.callout.warning { border-color: #c25b00; background: #fff4e5; }
.steps { padding-left: 1.6rem; }
.steps > li { margin-bottom: .6rem; }
.kind { display: inline-block; font-size: .95rem; background: #eef4fc; padding: 0 .5rem; border-radius: .3rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .4rem 1rem; }
dl.facts dt { font-weight: bold; }
dl.facts dd, dl.faq dd { margin: 0; }
dl.faq dt { font-weight: bold; margin-top: .75rem; }
img { max-width: 100%; height: auto; border: 1px solid #ddd; }
@media print {
  body { font-size: 12pt; color: #000; }
  main { max-width: none; padding: 0; }
  form .actions, .skip, .noprint { display: none; }
  fieldset .option:not(.chosen) { display: none; }
  h2 { break-after: avoid; border: 0; }
  .checklist > li { break-inside: avoid; }
  .checklist input { appearance: none; -webkit-appearance: none; border: 1.5pt solid #000; width: 14pt; height: 14pt; }
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 10pt; }
  .callout { border: 1pt solid #000; background: none; }
}
)CSS";

class HtmlWriter {
public:
    HtmlWriter(const RenderDoc& doc, const HtmlOptions& options) : doc_(doc), opt_(options) {}

    std::string page() {
        out_ += "<!doctype html>\n<html lang=\"" + attr(doc_.lang) + "\">\n<head>\n<meta charset=\"utf-8\">\n";
        out_ += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
        out_ += "<title>" + text(doc_.title) + "</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n";
        out_ += "<a class=\"skip\" href=\"#main\">" + text(label(UiText::skip_to_content)) + "</a>\n";
        out_ += "<main id=\"main\">\n";
        for (const Block& block : doc_.blocks) std::visit([this](const auto& b) { write(b); }, block);
        close_group();
        out_ += "</main>\n</body>\n</html>\n";
        return std::move(out_);
    }

private:
    enum class Group { none, checklist, facts, faq };
    const RenderDoc& doc_;
    const HtmlOptions& opt_;
    std::string out_;
    Group group_ = Group::none;
    int material_index_ = 0;

    static std::string text(std::string_view s) { return html_escape(s); }
    static std::string attr(std::string_view s) { return html_escape(s); }
    std::string label(UiText key) const { return ui_text(key, doc_.locale); }
    std::string colon() const { return doc_.locale == Locale::en ? ": " : "："; }
    std::string list_sep() const { return doc_.locale == Locale::en ? ", " : "、"; }

    // Text with line breaks kept.
    static std::string multiline(std::string_view s) {
        std::string escaped = html_escape(s), out;
        for (char c : escaped) {
            if (c == '\n') out += "<br>";
            else out += c;
        }
        return out;
    }

    void open_group(Group g) {
        if (group_ == g) return;
        close_group();
        group_ = g;
        if (g == Group::checklist)
            out_ += "<p class=\"hint\">" + text(label(UiText::checklist_hint)) + "</p>\n<ul class=\"checklist\">\n";
        if (g == Group::facts) out_ += "<dl class=\"facts\">\n";
        if (g == Group::faq) out_ += "<dl class=\"faq\">\n";
    }
    void close_group() {
        if (group_ == Group::checklist) out_ += "</ul>\n";
        if (group_ == Group::facts || group_ == Group::faq) out_ += "</dl>\n";
        group_ = Group::none;
    }

    std::string image(const std::string& path, const std::string& alt) const {
        if (path.empty() || path.find("..") != std::string::npos || path.find(':') != std::string::npos ||
            path.front() == '/' || !is_safe_link(opt_.image_base + path))
            return {};
        return "<img src=\"" + attr(opt_.image_base + path) + "\" alt=\"" + attr(alt) + "\" loading=\"lazy\">";
    }

    std::string link(const std::string& url, const std::string& label_text) const {
        if (!is_safe_link(url)) return text(label_text) + " " + text(url);
        return "<a href=\"" + attr(url) + "\">" + text(label_text) + "</a>";
    }

    void write(const HeadingBlock& h) {
        close_group();
        int level = std::clamp(h.level, 1, 6);
        std::string tag = "h" + std::to_string(level);
        out_ += "<" + tag + (h.anchor.empty() ? "" : " id=\"" + attr(h.anchor) + "\"") + ">" + text(h.text) + "</" + tag + ">\n";
    }

    void write(const ParagraphBlock& p) {
        close_group();
        out_ += p.muted ? "<p class=\"muted\">" : "<p>";
        if (!p.label.empty()) out_ += "<strong>" + text(p.label) + colon() + "</strong>";
        out_ += multiline(p.text) + "</p>\n";
    }

    void write(const SituationBlock& s) {
        close_group();
        std::string action = opt_.form_action.empty() ? opt_.guide_base + doc_.guide_id : opt_.form_action;
        if (!is_safe_link(action)) action = "";
        out_ += "<form class=\"situation\" method=\"get\" action=\"" + attr(action) + "\">\n";
        for (const auto& [name, value] : opt_.hidden_fields)
            out_ += "<input type=\"hidden\" name=\"" + attr(name) + "\" value=\"" + attr(value) + "\">\n";
        int qn = 0;
        for (const SituationQuestion& q : s.questions) {
            std::string qid = "q" + std::to_string(++qn);
            out_ += std::string("<fieldset") + (q.is_next ? " class=\"next\"" : "");
            std::string help = q.help;
            // Multiple choice says so, unless the author's hint already does (可多选 / 可以多選).
            bool says_multiple = help.find("多选") != std::string::npos || help.find("多選") != std::string::npos;
            if (q.multiple && !says_multiple)
                help = help.empty() ? label(UiText::choose_any) : help + " " + label(UiText::choose_any);
            if (!help.empty()) out_ += " aria-describedby=\"" + qid + "-help\"";
            out_ += ">\n<legend>" + text(q.text) + "</legend>\n";
            if (!help.empty()) out_ += "<p class=\"hint\" id=\"" + qid + "-help\">" + text(help) + "</p>\n";
            int on = 0;
            for (const SituationOption& o : q.options) {
                std::string oid = qid + "-" + std::to_string(++on);
                out_ += std::string("<div class=\"option") + (o.selected ? " chosen" : "") + "\"><input type=\"" +
                        (q.multiple ? "checkbox" : "radio") + "\" name=\"" + attr(q.id) + "\" value=\"" + attr(o.id) +
                        "\" id=\"" + oid + "\"" + (o.selected ? " checked" : "") + "><label for=\"" + oid + "\">" +
                        text(o.label) + "</label></div>\n";
            }
            out_ += "</fieldset>\n";
        }
        out_ += "<div class=\"actions\"><button type=\"submit\">" + text(label(UiText::submit)) + "</button> <a href=\"" +
                attr(action) + "\">" + text(label(UiText::restart)) + "</a></div>\n</form>\n";
    }

    void write(const MaterialBlock& m) {
        open_group(Group::checklist);
        std::string id = "m" + std::to_string(++material_index_);
        out_ += "<li><label for=\"" + id + "\"><input type=\"checkbox\" id=\"" + id + "\"> <span><span class=\"name\">" +
                text(m.name) + "</span> <span class=\"qty\">" + text(m.quantity) + "</span></span></label>\n";
        out_ += "<div class=\"details\">\n";
        if (!m.review_points.empty()) {
            out_ += "<p>" + text(label(UiText::review_points)) + colon() + "</p>\n<ul>\n";
            for (const auto& point : m.review_points) out_ += "<li>" + text(point) + "</li>\n";
            out_ += "</ul>\n";
        }
        if (!m.exempt.empty())
            out_ += "<p class=\"exempt\"><strong>" + text(label(UiText::exempt)) + colon() + "</strong>" + text(m.exempt) + "</p>\n";
        if (!m.note.empty())
            out_ += "<p><strong>" + text(label(UiText::note)) + colon() + "</strong>" + text(m.note) + "</p>\n";
        if (!m.used_by.empty()) {
            std::string names;
            for (std::size_t i = 0; i < m.used_by.size(); ++i) names += (i ? list_sep() : "") + m.used_by[i];
            out_ += "<p class=\"muted\">" + text(label(UiText::used_by)) + colon() + text(names) + "</p>\n";
        }
        std::string img = image(m.sample, label(UiText::sample) + colon() + m.name);
        if (!img.empty())
            out_ += "<figure>" + img + "<figcaption>" + text(label(UiText::sample)) + "</figcaption></figure>\n";
        out_ += "</div></li>\n";
    }

    void write(const StepperBlock& s) {
        close_group();
        int level = std::clamp(s.heading_level, 2, 6);
        std::string tag = "h" + std::to_string(level);
        out_ += "<section class=\"channel\">\n<" + tag + ">" + text(s.title) + "</" + tag + ">\n";
        out_ += "<p><span class=\"kind\">" + text(s.kind_label) + "</span></p>\n";
        if (!s.place.empty())
            out_ += "<p><strong>" + text(label(UiText::place)) + colon() + "</strong>" + text(s.place) + "</p>\n";
        if (!s.url.empty()) out_ += "<p>" + link(s.url, label(UiText::open_link)) + "</p>\n";
        if (!s.steps.empty()) {
            out_ += "<ol class=\"steps\">\n";
            for (const StepperStep& step : s.steps) {
                out_ += "<li><strong>" + text(step.title) + "</strong>";
                if (!step.text.empty()) out_ += "<br>" + multiline(step.text);
                std::string img = image(step.image, step.title);
                if (!img.empty()) out_ += "<br>" + img;
                out_ += "</li>\n";
            }
            out_ += "</ol>\n";
        }
        out_ += "</section>\n";
    }

    void write(const CalloutBlock& c) {
        close_group();
        out_ += std::string("<p class=\"callout ") + (c.tone == CalloutBlock::Tone::warning ? "warning" : "tip") + "\">" +
                multiline(c.text) + "</p>\n";
    }

    void write(const LinkBlock& l) {
        close_group();
        out_ += "<p>" + link(l.url, l.label) + "</p>\n";
    }

    void write(const FactBlock& f) {
        open_group(Group::facts);
        out_ += "<dt>" + text(f.label) + "</dt><dd>" + multiline(f.value) + "</dd>\n";
    }

    void write(const FaqBlock& f) {
        open_group(Group::faq);
        out_ += "<dt>" + text(f.question) + "</dt><dd>" + multiline(f.answer) + "</dd>\n";
    }

    void write(const RelatedBlock& r) {
        close_group();
        out_ += "<p><strong>" + text(r.label) + colon() + "</strong></p>\n<ul class=\"related\">\n";
        for (const RelatedItem& item : r.items) {
            if (item.known && is_valid_guide_id(item.id))
                out_ += "<li><a href=\"" + attr(opt_.guide_base + item.id) + "\">" + text(item.name) + "</a></li>\n";
            else
                out_ += "<li>" + text(item.name) + "</li>\n";
        }
        out_ += "</ul>\n";
    }
};

}  // namespace

std::string render_html(const RenderDoc& doc, const HtmlOptions& options) {
    return HtmlWriter(doc, options).page();
}

const char* render_html_style_sheet() { return kStyle; }

}  // namespace dp
