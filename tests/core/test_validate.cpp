// Tests of shared/validate and shared/region_codes: ID numbers, mobiles, USCC, names, dates, text,
// validate_field, whole forms and invalid UTF-8. Check characters were computed independently.
#include <doctest/doctest.h>

#include "region_codes.hpp"
#include "validate.hpp"

#include <cstdint>
#include <string>

namespace {

const dp::CalendarDate kToday{2025, 6, 15};

dp::ValidationResult id(const std::string& v) { return dp::validate_id_card(v, kToday); }

}  // namespace

// ---- UTF-8 and dates ---------------------------------------------------------------------------

TEST_CASE("strict UTF-8 decoding accepts every plane and rejects ill-formed sequences") {
    auto ok = dp::decode_utf8_strict("a·张𠀾");
    REQUIRE(ok);
    CHECK(*ok == std::u32string{U'a', 0xB7, 0x5F20, 0x2003E});
    CHECK(dp::encode_utf8_codepoints(*ok) == "a·张𠀾");
    CHECK_FALSE(dp::is_valid_utf8("\xC0\xAF"));          // overlong '/'
    CHECK_FALSE(dp::is_valid_utf8("\xE0\x80\xAF"));      // overlong, 3 bytes
    CHECK_FALSE(dp::is_valid_utf8("\xED\xA0\x80"));      // surrogate
    CHECK_FALSE(dp::is_valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
    CHECK_FALSE(dp::is_valid_utf8("\xE5\xBC"));          // truncated
    CHECK_FALSE(dp::is_valid_utf8("\x80"));              // lone continuation
    CHECK_FALSE(dp::is_valid_utf8("\xFF"));
    CHECK(dp::is_valid_utf8(""));
}

TEST_CASE("leap years follow the Gregorian rule and real dates respect month lengths") {
    CHECK(dp::is_leap_year(2000));
    CHECK(dp::is_leap_year(2024));
    CHECK_FALSE(dp::is_leap_year(1900));
    CHECK_FALSE(dp::is_leap_year(2023));
    CHECK(dp::is_real_date({2024, 2, 29}));
    CHECK_FALSE(dp::is_real_date({2023, 2, 29}));
    CHECK_FALSE(dp::is_real_date({2024, 4, 31}));
    CHECK_FALSE(dp::is_real_date({2024, 13, 1}));
    CHECK_FALSE(dp::is_real_date({2024, 0, 1}));
    CHECK_FALSE(dp::is_real_date({}));
    CHECK(dp::format_date_iso({2024, 2, 9}) == "2024-02-09");
    CHECK(dp::format_date_zh({2031, 2, 3}) == "2031年02月03日");
    CHECK(dp::parse_iso_calendar_date("2024-02-29") == dp::CalendarDate{2024, 2, 29});
    CHECK_FALSE(dp::parse_iso_calendar_date("2023-02-29"));
    CHECK_FALSE(dp::parse_iso_calendar_date("2024-2-29"));
}

TEST_CASE("age counts completed years and a 29 February birthday turns over on 1 March in common years") {
    CHECK(dp::age_on({1990, 1, 1}, {2025, 6, 15}) == 35);
    CHECK(dp::age_on({1990, 6, 15}, {2025, 6, 15}) == 35);
    CHECK(dp::age_on({1990, 6, 16}, {2025, 6, 15}) == 34);
    CHECK(dp::age_on({2000, 2, 29}, {2023, 2, 28}) == 22);
    CHECK(dp::age_on({2000, 2, 29}, {2023, 3, 1}) == 23);
    CHECK(dp::age_on({2000, 2, 29}, {2024, 2, 29}) == 24);
    CHECK(dp::age_on({2025, 6, 16}, {2025, 6, 15}) == -1);
}

// ---- Resident ID numbers -------------------------------------------------------------------------

TEST_CASE("the ID check character follows GB 11643 including X and 0") {
    CHECK(dp::id_card_check_char("11010519491231002") == 'X');  // the standard's own example
    CHECK(dp::id_card_check_char("35058319900101018") == 'X');
    CHECK(dp::id_card_check_char("35058319900101004") == '0');
    CHECK(dp::id_card_check_char("35058320000229000") == '0');
    CHECK(dp::id_card_check_char("3505831990010100") == '\0');
    CHECK(dp::id_card_check_char("3505831990010100A") == '\0');
}

TEST_CASE("valid ID numbers pass and are normalised") {
    for (const char* n : {"35058319900101018X", "350583199001010040", "350583200002290000", "11010519491231002X",
                          "350502197511200015", "350102199001010016", "310115199001010010", "810000199001010019",
                          "710000199001010015", "350583190001010015", "350583202506150019"}) {
        CAPTURE(n);
        const auto r = id(n);
        CHECK(r.ok);
        CHECK(r.code == "ok");
        CHECK(r.message.empty());
        CHECK(r.normalized == n);
    }
}

TEST_CASE("a lower-case x, spaces and full-width digits are accepted and normalised") {
    CHECK(id("35058319900101018x").normalized == "35058319900101018X");
    CHECK(id(" 350583 19900101 018X ").normalized == "35058319900101018X");
    CHECK(id("３５０５８３１９９００１０１００４０").normalized == "350583199001010040");
    const std::string input = "35058319900101018x";
    (void)id(input);
    CHECK(input == "35058319900101018x");  // the caller's value is never touched
}

TEST_CASE("29 February is a birth date only in leap years") {
    CHECK(id("350583200002290000").ok);                                   // 2000 is a leap year
    CHECK(dp::validate_id_card("35058320240229005X", {2024, 2, 29}).ok);  // born today, a leap day
    auto r = id("35058320230229001X");                                    // check character is right
    CHECK(r.code == "id_card.birth_date");
    CHECK(r.message == "出生日期 2023年02月29日 不存在，请核对身份证号码第7至14位");
    r = id("350583190002290012");  // 1900 is not a leap year
    CHECK(r.code == "id_card.birth_date");
    CHECK(r.message.find("1900年02月29日 不存在") != std::string::npos);
}

TEST_CASE("impossible, future and pre-1900 birth dates are rejected with the date spelled out") {
    auto r = id("350583203102300011");
    CHECK(r.code == "id_card.birth_date");
    CHECK(r.message.rfind("出生日期 2031年02月30日 不存在", 0) == 0);
    r = id("350583203101010012");
    CHECK(r.code == "id_card.birth_future");
    CHECK(r.message == "出生日期 2031年01月01日 晚于今天，请核对身份证号码第7至14位");
    CHECK(id("350583202506160014").code == "id_card.birth_future");  // tomorrow
    CHECK(id("350583202506150019").ok);                              // today
    r = id("350583189912310010");
    CHECK(r.code == "id_card.birth_too_early");
    CHECK(r.message.find("1899年12月31日 早于1900年") != std::string::npos);
    CHECK(id("440524188001010014").code == "id_card.birth_too_early");  // GB 11643's 1880 example
}

TEST_CASE("wrong lengths name the count typed and 15-digit numbers are explained") {
    auto r = id("35058319900101018");
    CHECK(r.code == "id_card.length");
    CHECK(r.message == "身份证号码应为18位，您输入了17位");
    CHECK(id("35058319900101018X1").message == "身份证号码应为18位，您输入了19位");
    r = id("350583900101018");
    CHECK(r.code == "id_card.legacy_15");
    CHECK(r.message.rfind("身份证号码应为18位，您输入了15位", 0) == 0);
    CHECK(id("").code == "id_card.empty");
    CHECK(id("   ").message == "请输入身份证号码");
}

TEST_CASE("letters in the middle of an ID number are pointed at by position") {
    auto r = id("3505831990A101018X");
    CHECK(r.code == "id_card.char");
    CHECK(r.message == "身份证号码第11位是“A”，身份证号码只能由数字组成（最后一位可以是 X）");
    r = id("35058319900X01018X");
    CHECK(r.code == "id_card.char");
    CHECK(r.message == "身份证号码第12位是“X”，只有最后一位可以是 X，其余都应是数字");
    r = id("350583一9900101018X");
    CHECK(r.code == "id_card.char");
    CHECK(r.message.find("第7位是“一”") != std::string::npos);
}

TEST_CASE("a wrong check character names the expected one") {
    auto r = id("350583199001010041");
    CHECK(r.code == "id_card.check_char");
    CHECK(r.message.rfind("身份证号码最后一位应为 0，请核对", 0) == 0);
    r = id("350583199001010180");
    CHECK(r.code == "id_card.check_char");
    CHECK(r.message.rfind("身份证号码最后一位应为 X，请核对", 0) == 0);
    CHECK(id("350583199001010140").code == "id_card.check_char");  // a typo in the sequence
}

TEST_CASE("ID region codes: provinces everywhere, counties within Fujian") {
    auto r = id("990583199001010015");
    CHECK(r.code == "id_card.province");
    CHECK(r.message == "身份证号码前两位“99”不是省级行政区划代码，请核对");
    CHECK(id("830000199001010012").code == "id_card.province");
    r = id("350599199001010017");
    CHECK(r.code == "id_card.county");
    CHECK(r.message == "身份证号码前6位“350599”不是福建省的县级行政区划代码，请核对");
    CHECK(id("351000199001010019").code == "id_card.county");
    CHECK(id("352201198001010012").ok);  // a former 宁德地区 code, accepted at province level
}

TEST_CASE("the Fujian table knows current and former county codes") {
    REQUIRE(dp::find_fujian_region("350583"));
    CHECK(std::string(dp::find_fujian_region("350583")->name) == "南安市");
    CHECK(dp::find_fujian_region("350583")->current);
    CHECK(std::string(dp::find_fujian_region("350523")->name) == "南安县");
    CHECK_FALSE(dp::find_fujian_region("350523")->current);
    CHECK(dp::check_fujian_code("350582") == dp::FujianCodeCheck::known);
    CHECK(dp::check_fujian_code("352201") == dp::FujianCodeCheck::former_prefecture);
    CHECK(dp::check_fujian_code("350599") == dp::FujianCodeCheck::unknown);
    CHECK(dp::check_fujian_code("110105") == dp::FujianCodeCheck::unknown);
    CHECK(dp::province_name("35") == std::optional<std::string>("福建省"));
    CHECK(dp::province_name("82") == std::optional<std::string>("澳门特别行政区"));
    CHECK_FALSE(dp::province_name("16"));
    CHECK_FALSE(dp::province_name("3"));
}

TEST_CASE("parsing a valid ID number gives region, birth date and gender") {
    auto info = dp::parse_id_card("35058319900101018x", kToday);
    REQUIRE(info);
    CHECK(info->number == "35058319900101018X");
    CHECK(info->region_code == "350583");
    CHECK(info->province == "福建省");
    CHECK(info->county == "南安市");
    CHECK(info->birth == dp::CalendarDate{1990, 1, 1});
    CHECK(info->gender == dp::Gender::female);  // sequence 018: the 17th digit 8 is even
}

TEST_CASE("gender comes from the 17th digit: odd is male, even is female") {
    auto male = dp::parse_id_card("350502197511200015", kToday);  // sequence 001
    auto female = dp::parse_id_card("350583199001010024", kToday);  // sequence 002
    REQUIRE(male);
    REQUIRE(female);
    CHECK(male->gender == dp::Gender::male);
    CHECK(female->gender == dp::Gender::female);
    CHECK(male->county == "鲤城区");
    CHECK(dp::age_on(male->birth, kToday) == 49);
    auto beijing = dp::parse_id_card("11010519491231002X", kToday);
    REQUIRE(beijing);
    CHECK(beijing->province == "北京市");
    CHECK(beijing->county.empty());
    CHECK(beijing->gender == dp::Gender::female);  // sequence 002
    CHECK_FALSE(dp::parse_id_card("350583199001010041", kToday));
}

TEST_CASE("ID validation refuses to guess today") {
    CHECK(dp::validate_id_card("35058319900101018X", {}).code == "context.today");
}

TEST_CASE("ID masking hides the birth date and leaks nothing of malformed input") {
    CHECK(dp::mask_id_card("35058319900101018X") == "350583********018X");
    CHECK(dp::mask_id_card("35058319900101018x") == "350583********018X");
    CHECK(dp::mask_id_card("3505 8319 9001 0101 23") == "350583********0123");
    CHECK(dp::mask_id_card("350583900101018") == "350583*********");
    CHECK(dp::mask_id_card("3505831990") == "**********");
    CHECK(dp::mask_id_card("张三") == "**");
    CHECK(dp::mask_id_card("\xFF\xFE") == "******");
    CHECK(dp::mask_id_card("") == "");
    CHECK(id("\ufeff35058319900101018X\u200b").normalized == "35058319900101018X");
}

// ---- Mobile numbers ------------------------------------------------------------------------------

TEST_CASE("mobile numbers accept country prefixes, spaces and dashes and normalise to 11 digits") {
    for (const char* v : {"13812345678", "+86 138 1234 5678", "+8613812345678", "008613812345678", "8613812345678",
                          "138-1234-5678", "(+86) 138 1234 5678", "１３８１２３４５６７８", " 138 1234 5678 "}) {
        CAPTURE(v);
        const auto r = dp::validate_mobile(v);
        CHECK(r.ok);
        CHECK(r.normalized == "13812345678");
    }
    CHECK(dp::validate_mobile("19912345678").ok);
}

TEST_CASE("wrong mobile numbers get a specific message") {
    auto r = dp::validate_mobile("1381234567");
    CHECK(r.code == "mobile.length");
    CHECK(r.message == "手机号码应为11位数字，以1开头；您输入了10位");
    r = dp::validate_mobile("23812345678");
    CHECK(r.code == "mobile.prefix");
    CHECK(r.message == "手机号码应为11位数字，以1开头");
    r = dp::validate_mobile("12812345678");
    CHECK(r.code == "mobile.prefix");
    CHECK(r.message == "手机号码第2位应为3至9，请核对");
    r = dp::validate_mobile("138a2345678");
    CHECK(r.code == "mobile.char");
    CHECK(r.message == "手机号码只能包含数字，“a”不是数字");
    CHECK(dp::validate_mobile("0595-86381234").code == "mobile.landline");
    CHECK(dp::validate_mobile("+85291234567").code == "mobile.country");
    CHECK(dp::validate_mobile("").code == "mobile.empty");
    CHECK(dp::validate_mobile("138\xC0\xAF").code == "mobile.encoding");
}

TEST_CASE("mobile masking keeps the first 3 and last 4 digits") {
    CHECK(dp::mask_mobile("13812345678") == "138****5678");
    CHECK(dp::mask_mobile("+86 138-1234-5678") == "138****5678");
    CHECK(dp::mask_mobile("12345") == "*****");
    CHECK(dp::mask_mobile("\xFF") == "******");
}

// ---- Unified social credit codes -----------------------------------------------------------------

TEST_CASE("USCC check characters follow GB 32100 including a sum divisible by 31") {
    CHECK(dp::uscc_check_char("91350100M000100Y4") == '3');
    CHECK(dp::uscc_check_char("91110000600037341") == 'L');
    CHECK(dp::uscc_check_char("91350583MA200U000") == '0');  // Σ mod 31 == 0 → 31 → 0
    CHECK(dp::uscc_check_char("12350583315000013") == '0');
    CHECK(dp::uscc_check_char("91350583MA200J000") == 'Y');  // Σ mod 31 == 1 → 30 → Y
    CHECK(dp::uscc_check_char("91350583MA200I000") == '\0');
}

TEST_CASE("valid unified social credit codes pass and lower case is upper-cased") {
    for (const char* v : {"91350100M000100Y43", "91110000600037341L", "91350583MA200U0000", "123505833150000130",
                          "523505833150000240", "913505003150000170", "91350583MA200J000Y"}) {
        CAPTURE(v);
        CHECK(dp::validate_uscc(v).ok);
    }
    CHECK(dp::validate_uscc("91350583ma200j000y").normalized == "91350583MA200J000Y");
    CHECK(dp::validate_uscc(" 9135 0583 MA20 0U00 00 ").normalized == "91350583MA200U0000");
}

TEST_CASE("USCC errors name the expected check character, forbidden letters and lengths") {
    auto r = dp::validate_uscc("91350583MA200U0001");
    CHECK(r.code == "uscc.check_char");
    CHECK(r.message.rfind("统一社会信用代码最后一位应为 0，请核对", 0) == 0);
    CHECK(dp::validate_uscc("91350100M000100Y44").message.rfind("统一社会信用代码最后一位应为 3", 0) == 0);
    r = dp::validate_uscc("91350583MA2O0U0000");
    CHECK(r.code == "uscc.forbidden_letter");
    CHECK(r.message == "统一社会信用代码不使用字母 O，第12位可能是数字 0，请核对");
    CHECK(dp::validate_uscc("91350583MA20IU0000").message.find("不使用字母 I，第13位可能是数字 1") != std::string::npos);
    CHECK(dp::validate_uscc("S1350583MA200U0000").message.find("字母 S，第1位可能是数字 5") != std::string::npos);
    CHECK(dp::validate_uscc("91350583MA2Z0U0000").message.find("字母 Z，第12位可能是数字 2") != std::string::npos);
    r = dp::validate_uscc("91350583MA2V0U0000");
    CHECK(r.code == "uscc.forbidden_letter");
    CHECK(r.message == "统一社会信用代码不使用字母 I、O、S、V、Z，第12位的“V”请核对");
    r = dp::validate_uscc("91350583MA2-0U0000");
    CHECK(r.code == "uscc.char");
    CHECK(r.message == "统一社会信用代码只能由数字和大写英文字母组成，第12位的“-”请更正");
    r = dp::validate_uscc("91350583MA200U000");
    CHECK(r.code == "uscc.length");
    CHECK(r.message == "统一社会信用代码应为18位，您输入了17位");
    CHECK(dp::validate_uscc("").code == "uscc.empty");
    CHECK(dp::validate_uscc("9135\xED\xA0\x80").code == "uscc.encoding");
}

// ---- Person names --------------------------------------------------------------------------------

TEST_CASE("Chinese names with Han characters, rare characters and the middle dot pass") {
    for (const char* v : {"张三", "欧阳娜娜", "阿依古丽·买买提", "王𠀾", "㐀㐁", "李〇", "买买提·吐尔逊·阿不都拉"}) {
        CAPTURE(v);
        const auto r = dp::validate_person_name(v);
        CHECK(r.ok);
        CHECK(r.normalized == v);
    }
}

TEST_CASE("dot variants become the middle dot and stray spaces are dropped") {
    CHECK(dp::validate_person_name("阿依古丽・买买提").normalized == "阿依古丽·买买提");  // U+30FB
    CHECK(dp::validate_person_name("阿依古丽•买买提").normalized == "阿依古丽·买买提");   // U+2022
    CHECK(dp::validate_person_name("阿依古丽･买买提").normalized == "阿依古丽·买买提");   // U+FF65
    CHECK(dp::validate_person_name("阿依古丽 · 买买提").normalized == "阿依古丽·买买提");
    CHECK(dp::validate_person_name("  张三\u3000").normalized == "张三");
    CHECK(dp::validate_person_name("\ufeff张\u200b三").normalized == "张三");  // pasted zero-width noise
}

TEST_CASE("names with digits, letters, punctuation or misplaced dots are rejected specifically") {
    auto r = dp::validate_person_name("张3");
    CHECK(r.code == "name.digit");
    CHECK(r.message == "姓名中不能有数字“3”");
    CHECK(dp::validate_person_name("张三！").message == "姓名中不能有标点符号“!”");
    CHECK(dp::validate_person_name("张三，李四").code == "name.punctuation");
    CHECK(dp::validate_person_name("Zhang San").code == "name.latin");
    CHECK(dp::validate_person_name("张 三").code == "name.space");
    r = dp::validate_person_name("阿依古丽.买买提");
    CHECK(r.code == "name.period");
    CHECK(r.message == "姓名中的“.”请改为间隔号“·”");
    CHECK(dp::validate_person_name("·张三").message == "姓名不能以“·”开头");
    CHECK(dp::validate_person_name("张三·").message == "姓名不能以“·”结尾");
    CHECK(dp::validate_person_name("张··三").code == "name.double_dot");
    CHECK(dp::validate_person_name("张・·三").code == "name.double_dot");
    CHECK(dp::validate_person_name("张三😀").code == "name.char");
    CHECK(dp::validate_person_name("张\u200d三").code == "name.char");  // zero-width joiner
    CHECK(dp::validate_person_name("张\u200d三").message == "姓名中有不可见字符（U+200D），请删除后重新输入");
}

TEST_CASE("names are 2 to 20 characters long") {
    auto r = dp::validate_person_name("张");
    CHECK(r.code == "name.too_short");
    CHECK(r.message == "姓名至少应有2个字，您输入了1个字");
    std::string twenty;
    for (int i = 0; i < 20; ++i) twenty += "张";
    CHECK(dp::validate_person_name(twenty).ok);
    r = dp::validate_person_name(twenty + "三");
    CHECK(r.code == "name.too_long");
    CHECK(r.message == "姓名最多20个字，您输入了21个字");
    CHECK(dp::validate_person_name("  ").code == "name.empty");
    CHECK(dp::validate_person_name("张\xFF").code == "name.encoding");
}

// ---- Dates ---------------------------------------------------------------------------------------

TEST_CASE("dates are read in the usual Chinese and ISO shapes") {
    const dp::DateRule rule;
    for (const char* v : {"2024-02-09", "2024/02/09", "2024/2/9", "2024.2.9", "20240209", "2024年2月9日",
                          "2024年02月09日", "２０２４年２月９日", " 2024 - 02 - 09 ", "2024年2月9号"}) {
        CAPTURE(v);
        const auto r = dp::validate_date(v, rule);
        CHECK(r.ok);
        CHECK(r.normalized == "2024-02-09");
    }
}

TEST_CASE("dates that do not exist or have another shape are explained") {
    dp::DateRule rule;
    auto r = dp::validate_date("2023-02-29", rule);
    CHECK(r.code == "date.not_real");
    CHECK(r.message == "日期 2023年02月29日 不存在");
    CHECK(dp::validate_date("2024-02-29", rule).ok);
    CHECK(dp::validate_date("2024-13-01", rule).code == "date.not_real");
    CHECK(dp::validate_date("2024-04-31", rule).code == "date.not_real");
    r = dp::validate_date("24-02-09", rule);
    CHECK(r.code == "date.format");
    CHECK(r.message == "日期请按“2024-01-31”或“2024年1月31日”的格式填写");
    CHECK(dp::validate_date("2024-02/09", rule).code == "date.format");
    CHECK(dp::validate_date("2024-02-09x", rule).code == "date.format");
    CHECK(dp::validate_date("明天", rule).code == "date.format");
    CHECK(dp::validate_date("", rule).code == "date.empty");
    CHECK(dp::validate_date("2024\xC0", rule).code == "date.encoding");
}

TEST_CASE("date bounds use the field label and call today by name") {
    dp::DateRule rule;
    rule.label = "出生日期";
    rule.min = dp::CalendarDate{1900, 1, 1};
    rule.max = kToday;
    rule.today = kToday;
    auto r = dp::validate_date("2025-06-16", rule);
    CHECK(r.code == "date.too_late");
    CHECK(r.message == "出生日期不能晚于今天（2025年06月15日）");
    CHECK(dp::validate_date("2025-06-15", rule).ok);
    r = dp::validate_date("1899-12-31", rule);
    CHECK(r.code == "date.too_early");
    CHECK(r.message == "出生日期不能早于1900年01月01日");
    CHECK(dp::validate_date("2023-02-30", rule).message == "出生日期 2023年02月30日 不存在");
}

// ---- Text ----------------------------------------------------------------------------------------

TEST_CASE("free text is trimmed, limited in length and free of control characters") {
    CHECK(dp::validate_text("  请帮我看看材料\n谢谢  ", "留言", 0).normalized == "请帮我看看材料\n谢谢");
    auto r = dp::validate_text("一二三四五六", "留言", 5);
    CHECK(r.code == "text.too_long");
    CHECK(r.message == "留言最多5个字，您输入了6个字");
    CHECK(dp::validate_text("一二三四五", "留言", 5).ok);
    CHECK(dp::validate_text("a\x01" "b", "留言", 0).code == "text.control");
    CHECK(dp::validate_text("a\xFF", "留言", 0).code == "text.encoding");
    CHECK(dp::validate_text(" ", "", 0).message == "请输入内容");
}

// ---- validate_field ------------------------------------------------------------------------------

TEST_CASE("validate_field dispatches on the kind used by the validate API") {
    dp::ValidationContext ctx;
    ctx.today = kToday;
    CHECK(dp::validate_field("id_card", "35058319900101018X", ctx).ok);
    CHECK(dp::validate_field("id_card", "35058319900101018", ctx).code == "id_card.length");
    CHECK(dp::validate_field("mobile", "+86 13812345678", ctx).normalized == "13812345678");
    CHECK(dp::validate_field("uscc", "91350583MA200U0000", ctx).ok);
    CHECK(dp::validate_field("name", "张3", ctx).code == "name.digit");
    CHECK(dp::validate_field("date", "2024年2月29日", ctx).normalized == "2024-02-29");
    CHECK(dp::validate_field("text", "你好", ctx).ok);
    ctx.max_date = kToday;
    ctx.label = "办理日期";
    CHECK(dp::validate_field("date", "2025-06-16", ctx).message == "办理日期不能晚于今天（2025年06月15日）");
    auto r = dp::validate_field("passport", "E12345678", ctx);
    CHECK(r.code == "kind.unknown");
    CHECK(r.message == "不支持的校验类型“passport”");
    CHECK(dp::validate_field("\xFF", "x", ctx).message == "不支持的校验类型");
    CHECK(dp::validation_kinds().size() == 6);
}

TEST_CASE("a validation result serialises to the API's JSON shape") {
    dp::ValidationContext ctx;
    ctx.today = kToday;
    const nlohmann::json j = dp::validate_field("mobile", "1381234567", ctx);
    CHECK(j["ok"] == false);
    CHECK(j["code"] == "mobile.length");
    CHECK(j["message"] == "手机号码应为11位数字，以1开头；您输入了10位");
    const nlohmann::json ok = dp::validate_field("mobile", "13812345678", ctx);
    CHECK(ok["ok"] == true);
    CHECK(ok["message"] == "");
    CHECK(ok["normalized"] == "13812345678");
}

TEST_CASE("random bytes never crash a validator and every message is valid UTF-8") {
    dp::ValidationContext ctx;
    ctx.today = kToday;
    ctx.max_chars = 10;
    std::uint32_t seed = 12345;
    auto next = [&seed] {
        seed = seed * 1664525u + 1013904223u;
        return seed >> 24;
    };
    const std::string alphabet[] = {"\xE5", "\xBC", "\xA0", "\xF0\xA0\x80", "\xFF", "·", "1", "X", "张", " ", "-", "+"};
    int checked = 0;
    for (int round = 0; round < 400; ++round) {
        std::string value;
        const unsigned len = next() % 24;
        for (unsigned i = 0; i < len; ++i) value += (next() % 3 == 0) ? alphabet[next() % 12] : std::string(1, char(next()));
        for (const auto& kind : dp::validation_kinds()) {
            const auto r = dp::validate_field(kind, value, ctx);
            CHECK(dp::is_valid_utf8(r.message));
            CHECK(dp::is_valid_utf8(r.normalized));
            CHECK_NOTHROW((void)nlohmann::json(r).dump());
            CHECK(r.ok == r.message.empty());
            ++checked;
        }
        CHECK(dp::is_valid_utf8(dp::mask_id_card(value)));
        CHECK(dp::is_valid_utf8(dp::mask_mobile(value)));
    }
    CHECK(checked == 400 * 6);
}

// ---- Forms ---------------------------------------------------------------------------------------

namespace {

dp::FormSpec proxy_form() {
    dp::FormSpec spec;
    spec.fields = {
        {"name", "name", "申请人姓名", true, "", "", 0},
        {"id", "id_card", "身份证号码", true, "", "", 0},
        {"mobile", "mobile", "联系电话", false, "", "", 0},
        {"visit", "date", "预约日期", true, "today", "", 0},
        {"company", "uscc", "单位统一社会信用代码", false, "", "", 0},
        {"note", "text", "备注", false, "", "", 10},
    };
    return spec;
}

}  // namespace

TEST_CASE("a whole form reports every error in field order with a summary, leaving the input alone") {
    const std::map<std::string, std::string> values = {
        {"name", " 阿依古丽・买买提 "}, {"id", "35058319900101018"}, {"visit", "2025-06-14"},
        {"company", "91350583MA200U0000"}, {"note", "   "},
    };
    const auto before = values;
    const auto r = dp::validate_form(proxy_form(), values, kToday);
    CHECK(values == before);
    CHECK_FALSE(r.ok);
    REQUIRE(r.errors.size() == 2);
    CHECK(r.errors[0].field == "id");
    CHECK(r.errors[0].code == "id_card.length");
    CHECK(r.errors[0].message == "身份证号码应为18位，您输入了17位");
    CHECK(r.errors[1].field == "visit");
    CHECK(r.errors[1].code == "date.too_early");
    CHECK(r.errors[1].message == "预约日期不能早于今天（2025年06月15日）");
    REQUIRE(r.summary.size() == 2);
    CHECK(r.summary[0].field == "id");
    CHECK(r.summary[0].text == "身份证号码应为18位，您输入了17位");  // already starts with the label
    CHECK(r.summary[1].text == "预约日期不能早于今天（2025年06月15日）");
    CHECK(r.normalized.at("name") == "阿依古丽·买买提");
    CHECK(r.normalized.at("company") == "91350583MA200U0000");
    CHECK(r.normalized.count("note") == 0);
    CHECK(r.normalized.count("mobile") == 0);
}

TEST_CASE("missing required fields ask for the field by its label and the summary names foreign labels") {
    dp::FormSpec spec = proxy_form();
    spec.fields[1].label = "代办人身份证号码";
    const std::map<std::string, std::string> values = {
        {"name", ""}, {"id", "350583199001010041"}, {"visit", "2025年6月20日"}, {"note", "一二三四五六七八九十十一"}};
    const auto r = dp::validate_form(spec, values, kToday);
    REQUIRE(r.errors.size() == 3);
    CHECK(r.errors[0].code == "form.required");
    CHECK(r.errors[0].message == "请填写申请人姓名");
    CHECK(r.summary[0].text == "申请人姓名：请填写申请人姓名");
    CHECK(r.errors[1].code == "id_card.check_char");
    CHECK(r.summary[1].text.rfind("代办人身份证号码：身份证号码最后一位应为 0", 0) == 0);
    CHECK(r.errors[2].code == "text.too_long");
    CHECK(r.normalized.at("visit") == "2025-06-20");
}

TEST_CASE("a complete and valid form passes with every normalised value") {
    const std::map<std::string, std::string> values = {
        {"name", "王𠀾"}, {"id", "35058319900101018x"}, {"mobile", "+86 138-1234-5678"}, {"visit", "2025/6/15"}};
    const auto r = dp::validate_form(proxy_form(), values, kToday);
    CHECK(r.ok);
    CHECK(r.errors.empty());
    CHECK(r.summary.empty());
    CHECK(r.normalized == std::map<std::string, std::string>{
                             {"name", "王𠀾"}, {"id", "35058319900101018X"}, {"mobile", "13812345678"}, {"visit", "2025-06-15"}});
}

TEST_CASE("spec mistakes are reported on their field instead of being ignored") {
    dp::FormSpec spec;
    spec.fields = {{"a", "passport", "护照号码", true, "", "", 0}, {"b", "date", "日期", false, "soon", "", 0}};
    const auto r = dp::validate_form(spec, {{"a", "E1"}, {"b", "2024-01-01"}}, kToday);
    REQUIRE(r.errors.size() == 2);
    CHECK(r.errors[0].code == "spec.invalid");
    CHECK(r.errors[1].code == "spec.invalid");
}

TEST_CASE("form specs and results round-trip through JSON") {
    const auto j = nlohmann::json::parse(R"({"fields":[
        {"name":"id","kind":"id_card","label":"身份证号码","required":true},
        {"name":"birth","kind":"date","label":"出生日期","required":false,"max_date":"today"},
        {"name":"note","kind":"text","label":"备注","required":false,"max_chars":200}]})");
    const auto spec = j.get<dp::FormSpec>();
    REQUIRE(spec.fields.size() == 3);
    CHECK(spec.fields[0].required);
    CHECK_FALSE(spec.fields[1].required);
    CHECK(spec.fields[1].max_date == "today");
    CHECK(spec.fields[2].max_chars == 200);
    CHECK(nlohmann::json(spec) == j);
    const auto r = dp::validate_form(spec, {{"id", "x"}, {"birth", "2030-01-01"}}, kToday);
    const nlohmann::json out = r;
    CHECK(out["ok"] == false);
    CHECK(out["errors"].size() == 2);
    CHECK(out["errors"][1]["message"] == "出生日期不能晚于今天（2025年06月15日）");
    CHECK(out["summary"][0]["field"] == "id");
    CHECK(out["normalized"].empty());
}
