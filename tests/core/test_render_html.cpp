// Tests of shared/render_html: a complete, well-formed, accessible page without JavaScript,
// the GET form for the situation, the checklist, escaping of hostile data, and safe links.
#include <doctest/doctest.h>
#include "render_html.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace {

dp::Catalogue fixtures() {
    auto load = dp::load_catalogue_dir(std::string(DP_SOURCE_DIR) + "/tests/fixtures/guides/valid");
    REQUIRE(load.ok());
    return std::move(load.catalogue);
}

std::size_t count(const std::string& haystack, const std::string& needle) {
    std::size_t n = 0;
    for (auto pos = haystack.find(needle); pos != std::string::npos; pos = haystack.find(needle, pos + 1)) ++n;
    return n;
}

struct Tag {
    std::string name;
    bool closing = false;
    std::map<std::string, std::string> attrs;
};

// A small checker for the HTML we emit: every non-void element is closed in order, attribute
// values are quoted, and the contents of <style> are skipped.
std::vector<Tag> parse_tags(const std::string& html, std::string& problem) {
    static const std::set<std::string> kVoid = {"meta", "input", "br", "img", "link", "hr"};
    std::vector<Tag> tags;
    std::vector<std::string> stack;
    std::size_t pos = 0;
    while ((pos = html.find('<', pos)) != std::string::npos) {
        if (html.compare(pos, 9, "<!doctype") == 0) {
            pos = html.find('>', pos);
            continue;
        }
        std::size_t end = html.find('>', pos);
        if (end == std::string::npos) {
            problem = "unterminated tag";
            return tags;
        }
        std::string body = html.substr(pos + 1, end - pos - 1);
        Tag t;
        t.closing = !body.empty() && body[0] == '/';
        std::size_t i = t.closing ? 1 : 0;
        while (i < body.size() && std::isalnum(static_cast<unsigned char>(body[i]))) t.name += body[i++];
        if (t.name.empty()) {
            problem = "a bare '<' in text: " + body.substr(0, 20);
            return tags;
        }
        // attributes: name or name="value" (always double-quoted, no < > " inside)
        std::size_t j = i;
        while (j < body.size()) {
            if (body[j] != ' ') break;
            ++j;
            std::string name;
            while (j < body.size() && (std::islower(static_cast<unsigned char>(body[j])) || body[j] == '-')) name += body[j++];
            if (name.empty()) break;
            std::string value;
            if (j < body.size() && body[j] == '=') {
                if (j + 1 >= body.size() || body[j + 1] != '"') break;
                std::size_t close = body.find('"', j + 2);
                if (close == std::string::npos) break;
                value = body.substr(j + 2, close - j - 2);
                if (value.find_first_of("<>") != std::string::npos) break;
                j = close + 1;
            }
            t.attrs[name] = value;
        }
        if (j != body.size()) {
            problem = "unparsable attributes in <" + body + ">";
            return tags;
        }
        if (t.closing) {
            if (stack.empty() || stack.back() != t.name) {
                problem = "</" + t.name + "> closes " + (stack.empty() ? "nothing" : stack.back());
                return tags;
            }
            stack.pop_back();
        } else if (!kVoid.count(t.name)) {
            stack.push_back(t.name);
        }
        tags.push_back(t);
        pos = end + 1;
        if (!t.closing && t.name == "style") pos = html.find("</style>", pos);
    }
    if (!stack.empty()) problem = "<" + stack.back() + "> is never closed";
    return tags;
}

std::vector<Tag> well_formed(const std::string& html) {
    std::string problem;
    auto tags = parse_tags(html, problem);
    INFO(problem);
    CHECK(problem.empty());
    return tags;
}

std::vector<const Tag*> find_tags(const std::vector<Tag>& tags, const std::string& name) {
    std::vector<const Tag*> out;
    for (const auto& t : tags)
        if (!t.closing && t.name == name) out.push_back(&t);
    return out;
}

std::string page(const dp::Catalogue& cat, const std::string& id, const dp::Answers& answers,
                 dp::Locale locale = dp::Locale::zh_hans, const dp::HtmlOptions& options = {}) {
    auto doc = dp::render_guide(cat, id, answers, locale);
    REQUIRE(doc.has_value());
    return dp::render_html(*doc, options);
}

}  // namespace

TEST_CASE("the page is a complete HTML5 document with language, charset, viewport and title") {
    auto cat = fixtures();
    auto html = page(cat, "id-card-renewal", {{"reason", {"expired"}}, {"age", {"adult"}}});
    CHECK(html.rfind("<!doctype html>\n<html lang=\"zh-Hans\">", 0) == 0);
    CHECK(html.find("<meta charset=\"utf-8\">") != std::string::npos);
    CHECK(html.find("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">") != std::string::npos);
    CHECK(html.find("<title>身份证到期、坏了或丢了，换张新的</title>") != std::string::npos);
    auto tags = well_formed(html);
    CHECK(find_tags(tags, "main").size() == 1);
    CHECK(find_tags(tags, "h1").size() == 1);
    CHECK(count(html, "</html>") == 1);
}

TEST_CASE("there is no script and no external resource, and a print stylesheet") {
    auto cat = fixtures();
    for (const char* id : {"id-card-renewal", "renewal-bundle", "residence-certificate"}) {
        auto html = page(cat, id, {{"reason", {"unsure"}}, {"age", {"under16"}}, {"guardian", {"other"}}});
        auto tags = well_formed(html);
        CHECK(find_tags(tags, "script").empty());
        CHECK(find_tags(tags, "link").empty());
        CHECK(find_tags(tags, "iframe").empty());
        for (const auto* img : find_tags(tags, "img")) CHECK(img->attrs.at("src").rfind("/assets/images/", 0) == 0);
        CHECK(html.find("@media print") != std::string::npos);
        for (const auto& t : tags)
            for (const auto& [name, value] : t.attrs) CHECK_FALSE(name.rfind("on", 0) == 0);
    }
}

TEST_CASE("headings go down one level at a time") {
    auto cat = fixtures();
    for (const char* id : {"id-card-renewal", "renewal-bundle"}) {
        auto tags = well_formed(page(cat, id, {{"reason", {"expired"}}, {"age", {"adult"}}}));
        int previous = 0;
        for (const auto& t : tags) {
            if (t.closing || t.name.size() != 2 || t.name[0] != 'h' || !std::isdigit(static_cast<unsigned char>(t.name[1])))
                continue;
            int level = t.name[1] - '0';
            CHECK(level <= previous + 1);
            previous = level;
        }
        CHECK(previous >= 2);
    }
}

TEST_CASE("the situation is a GET form with the chosen answers checked") {
    auto cat = fixtures();
    dp::HtmlOptions options;
    options.hidden_fields = {{"lang", "zh-Hans"}};
    auto html = page(cat, "id-card-renewal", {{"reason", {"damaged"}}, {"age", {"under16"}}}, dp::Locale::zh_hans, options);
    auto tags = well_formed(html);
    auto forms = find_tags(tags, "form");
    REQUIRE(forms.size() == 1);
    CHECK(forms[0]->attrs.at("method") == "get");
    CHECK(forms[0]->attrs.at("action") == "/guide/id-card-renewal");
    std::map<std::string, std::string> checked;
    std::set<std::string> ids;
    for (const auto* input : find_tags(tags, "input")) {
        if (input->attrs.count("id")) CHECK(ids.insert(input->attrs.at("id")).second);
        if (input->attrs.count("checked")) checked[input->attrs.at("name")] = input->attrs.at("value");
    }
    CHECK(checked == std::map<std::string, std::string>{{"reason", "damaged"}, {"age", "under16"}});
    // the next question (guardian) is there as checkboxes; every input has a label
    auto inputs = find_tags(tags, "input");
    CHECK(std::count_if(inputs.begin(), inputs.end(), [](const Tag* t) {
              return t->attrs.at("type") == "checkbox" && t->attrs.count("name") && t->attrs.at("name") == "guardian";
          }) == 3);
    std::set<std::string> label_for;
    for (const auto* l : find_tags(tags, "label")) label_for.insert(l->attrs.at("for"));
    for (const auto* input : inputs)
        if (input->attrs.at("type") != "hidden") CHECK(label_for.count(input->attrs.at("id")));
    CHECK(find_tags(tags, "fieldset").size() == 3);
    CHECK(find_tags(tags, "legend").size() == 3);
    CHECK(html.find("<input type=\"hidden\" name=\"lang\" value=\"zh-Hans\">") != std::string::npos);
    CHECK(html.find("<button type=\"submit\">确定</button>") != std::string::npos);
    CHECK(html.find(">重新开始</a>") != std::string::npos);
}

TEST_CASE("the checklist has one real checkbox with a label per material, and details") {
    auto cat = fixtures();
    auto html = page(cat, "id-card-renewal", {{"reason", {"expired"}}, {"age", {"adult"}}});
    auto tags = well_formed(html);
    auto uls = find_tags(tags, "ul");
    CHECK(std::count_if(uls.begin(), uls.end(), [](const Tag* t) {
              return t->attrs.count("class") && t->attrs.at("class") == "checklist";
          }) == 1);
    CHECK(count(html, "<input type=\"checkbox\" id=\"m") == 2);
    CHECK(html.find("<span class=\"name\">原居民身份证</span> <span class=\"qty\">原件1份</span>") != std::string::npos);
    CHECK(html.find("<li>损坏的证件也要交回</li>") != std::string::npos);
    CHECK(html.find("可以不带：</strong>本市户籍的可以在窗口直接查询，不用带。") != std::string::npos);
    CHECK(html.find("<img src=\"/assets/images/samples/hukou-book.png\" alt=\"样例：居民户口簿\"") != std::string::npos);
}

TEST_CASE("channels are sections with the steps in an ordered list and a safe link") {
    auto cat = fixtures();
    auto html = page(cat, "id-card-renewal", {{"reason", {"expired"}}, {"age", {"adult"}}});
    auto tags = well_formed(html);
    auto ols = find_tags(tags, "ol");
    REQUIRE(ols.size() == 2);
    CHECK(html.find("<li><strong>取号</strong><br>在叫号机选择“身份证业务”。</li>") != std::string::npos);
    CHECK(html.find("<a href=\"https://www.example.gov.cn/id-card\">打开办理网址</a>") != std::string::npos);
    CHECK(html.find("<a href=\"/guide/social-security-card\">社会保障卡申领</a>") != std::string::npos);
    CHECK(html.find("<dt>收费</dt><dd>证件工本费 20元（丢失补领收40元）</dd>") != std::string::npos);
}

TEST_CASE("hostile strings in the data render inert, in text and in attributes") {
    auto cat = fixtures();
    dp::Item item = *cat.find_item("id-card-renewal");
    item.plain_name = "<script>alert('x')</script>";
    item.materials[1].name = "<img src=x onerror=alert(1)>";
    item.materials[1].sample = "../../etc/passwd";
    item.questions[0].options[0].label = "\"><script>alert(2)</script>";
    item.questions[0].options[0].id = "a\" onclick=\"alert(3)";
    item.channels[1].url = "javascript:alert(4)";
    item.faq[0].answer = "</dd></dl><script>alert(5)</script>";
    item.tips[0] = "tip & <b>bold</b>";
    auto doc = dp::render_item(item, {{"reason", {"a\" onclick=\"alert(3)"}}}, dp::Locale::zh_hans, &cat);
    auto html = dp::render_html(doc);
    auto tags = well_formed(html);
    CHECK(find_tags(tags, "script").empty());
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;") != std::string::npos);
    CHECK(html.find("value=\"a&quot; onclick=&quot;alert(3)\"") != std::string::npos);
    CHECK(html.find("href=\"javascript:") == std::string::npos);
    CHECK(html.find("../../etc/passwd") == std::string::npos);
    CHECK(html.find("tip &amp; &lt;b&gt;bold&lt;/b&gt;") != std::string::npos);
    for (const auto& t : tags)
        for (const auto& [name, value] : t.attrs) CHECK_FALSE(name.rfind("on", 0) == 0);
}

TEST_CASE("only http, https, tel and same-site relative links are allowed") {
    CHECK(dp::is_safe_link("https://zwfw.fujian.gov.cn/"));
    CHECK(dp::is_safe_link("HTTP://example.cn/a"));
    CHECK(dp::is_safe_link("tel:0595-12345"));
    CHECK(dp::is_safe_link("/guide/id-card-renewal"));
    CHECK(dp::is_safe_link("guide/x?y=1"));
    CHECK(dp::is_safe_link("#materials"));
    CHECK_FALSE(dp::is_safe_link("javascript:alert(1)"));
    CHECK_FALSE(dp::is_safe_link("JaVaScRiPt:alert(1)"));
    CHECK_FALSE(dp::is_safe_link("java\tscript:alert(1)"));
    CHECK_FALSE(dp::is_safe_link("data:text/html,<b>"));
    CHECK_FALSE(dp::is_safe_link("vbscript:x"));
    CHECK_FALSE(dp::is_safe_link("//evil.example/x"));
    CHECK_FALSE(dp::is_safe_link("https://"));
    CHECK_FALSE(dp::is_safe_link(""));
    CHECK(dp::html_escape("<a href=\"x\">'&'</a>") == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
}

TEST_CASE("the lang attribute and labels follow the locale") {
    auto cat = fixtures();
    auto hant = page(cat, "id-card-renewal", {}, dp::Locale::zh_hant);
    CHECK(hant.find("<html lang=\"zh-Hant\">") != std::string::npos);
    CHECK(hant.find("需要準備的材料") != std::string::npos);
    auto en = page(cat, "id-card-renewal", {}, dp::Locale::en);
    CHECK(en.find("<html lang=\"en\">") != std::string::npos);
    CHECK(en.find("<title>Renewing a resident ID card</title>") != std::string::npos);
    CHECK(en.find(">Continue</button>") != std::string::npos);
    well_formed(hant);
    well_formed(en);
}

TEST_CASE("a bundle page lists merged materials with the items that use them") {
    auto cat = fixtures();
    auto html = page(cat, "renewal-bundle", {{"reason", {"expired"}}, {"age", {"adult"}}});
    well_formed(html);
    CHECK(html.find("用于：居民身份证换领、社会保障卡申领") != std::string::npos);
    CHECK(html.find("action=\"/guide/renewal-bundle\"") != std::string::npos);
    CHECK(count(html, "<input type=\"checkbox\" id=\"m") == 2);
}

TEST_CASE("the well-formedness checker used here rejects broken markup") {
    std::string problem;
    parse_tags("<p><b>x</p></b>", problem);
    CHECK(problem.find("closes") != std::string::npos);
    problem.clear();
    parse_tags("<ul><li>x</li>", problem);
    CHECK(problem.find("never closed") != std::string::npos);
    problem.clear();
    parse_tags("<a href=x>y</a>", problem);
    CHECK(problem.find("unparsable") != std::string::npos);
    problem.clear();
    parse_tags("<p>1 < 2</p>", problem);
    CHECK_FALSE(problem.empty());
    problem.clear();
    parse_tags("<p class=\"a\"><input type=\"checkbox\" checked><br></p>", problem);
    CHECK(problem.empty());
}
