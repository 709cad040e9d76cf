// Form validation shared by the browser app and the server: resident ID numbers, mobile numbers,
// unified social credit codes, Chinese person names, dates, free text and whole forms. Pure functions.
#pragma once
#include <nlohmann/json.hpp>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dp {

// ---- UTF-8 -------------------------------------------------------------------------------------

// Strict decoding: nullopt on any ill-formed sequence (truncated, overlong, surrogate, > U+10FFFF).
std::optional<std::u32string> decode_utf8_strict(std::string_view bytes);
std::string encode_utf8_codepoints(std::u32string_view code_points);
inline bool is_valid_utf8(std::string_view bytes) { return decode_utf8_strict(bytes).has_value(); }

// ---- Calendar dates (no clock here: "today" is always passed in) ---------------------------------

struct CalendarDate {
    int year = 0;
    int month = 0;
    int day = 0;
};
bool operator==(const CalendarDate& a, const CalendarDate& b);
bool operator!=(const CalendarDate& a, const CalendarDate& b);
bool operator<(const CalendarDate& a, const CalendarDate& b);
bool operator<=(const CalendarDate& a, const CalendarDate& b);
bool operator>(const CalendarDate& a, const CalendarDate& b);
bool operator>=(const CalendarDate& a, const CalendarDate& b);

bool is_leap_year(int year);
int days_in_month(int year, int month);       // 0 for a month outside 1–12
bool is_real_date(const CalendarDate& d);     // year 1–9999, month 1–12, day within the month
std::string format_date_iso(const CalendarDate& d);  // "2024-02-29"
std::string format_date_zh(const CalendarDate& d);   // "2024年02月29日"
// Strict ISO "YYYY-MM-DD" (zero-padded) naming a real date; for data, not for user input.
std::optional<CalendarDate> parse_iso_calendar_date(std::string_view s);
// Completed years on `on`. Someone born on 29 February becomes a year older on 1 March in a
// common year (their anniversary has not been reached on 28 February). Negative if `on` < birth.
int age_on(const CalendarDate& birth, const CalendarDate& on);

// ---- Results --------------------------------------------------------------------------------------

// One value checked. `code` is a stable machine string ("id_card.check_char"; "ok" when ok),
// `message` a plain Simplified Chinese sentence saying exactly what to fix ("" when ok),
// `normalized` the canonical form when ok (the input itself is never modified).
struct ValidationResult {
    bool ok = false;
    std::string code;
    std::string message;
    std::string normalized;
};

// ---- Resident identity card number (GB 11643-1999) ------------------------------------------------

// Accepts spaces (stripped), full-width digits and a lower-case x (→ X). Checks, in this order:
// length 18, characters (digits, X only last), birth date real / not before 1900-01-01 / not after
// `today`, region (province code; for Fujian the 6-digit county code, see region_codes.hpp), check
// character. Codes: id_card.encoding|empty|length|legacy_15|char|birth_date|birth_too_early|
// birth_future|province|county|check_char. `today` must be a real date (else code "context.today").
ValidationResult validate_id_card(std::string_view value, const CalendarDate& today);

// The check character for the first 17 digits ("10X98765432"[Σ digit·weight mod 11]); '\0' if the
// argument is not 17 ASCII digits.
char id_card_check_char(std::string_view first17);

enum class Gender { female, male };

struct IdCardInfo {
    std::string number;       // normalised 18 characters
    std::string region_code;  // first 6 digits
    std::string province;     // 福建省
    std::string county;       // 南安市 when known (Fujian table), else ""
    CalendarDate birth;
    Gender gender = Gender::male;  // 17th digit: odd = male, even = female
};
// The facts carried by a valid number (nullopt when validate_id_card would reject it).
std::optional<IdCardInfo> parse_id_card(std::string_view value, const CalendarDate& today);

// Masking for lists and logs. An 18-character number keeps the region (first 6) and the sequence
// and check (last 4) and hides the 8 birth-date digits: "350583********123X". A 15-digit legacy
// number keeps only the first 6: "350583*********". Anything else becomes one '*' per character
// (at most 18), so that nothing of a malformed number leaks; invalid UTF-8 gives "******".
std::string mask_id_card(std::string_view value);

// ---- Mainland mobile numbers ------------------------------------------------------------------------

// 11 digits, 1[3-9]xxxxxxxxx. Accepts +86 / 0086 / 86 prefixes, spaces, dashes, dots, brackets
// and full-width digits; normalised to the 11 digits. Codes: mobile.encoding|empty|char|country|
// landline|length|prefix.
ValidationResult validate_mobile(std::string_view value);
// "138****5678" for a valid number; otherwise one '*' per character (at most 11).
std::string mask_mobile(std::string_view value);

// ---- Unified social credit code (GB 32100-2015) ---------------------------------------------------

// 18 characters from 0123456789ABCDEFGHJKLMNPQRTUWXY (lower case accepted → upper). Codes:
// uscc.encoding|empty|length|forbidden_letter (I O S V Z)|char|check_char.
ValidationResult validate_uscc(std::string_view value);
// The check character for the first 17 characters; '\0' if they are not 17 valid characters.
char uscc_check_char(std::string_view first17);

// ---- Chinese person names -------------------------------------------------------------------------

// 2–20 characters: Han ideographs (basic block, Ext A–H, compatibility ideographs, 〇) and the
// middle dot "·" (U+00B7) between parts. ・ ･ • ‧ ⋅ ∙ · ⸱ are normalised to "·", spaces next to a
// dot and at either end are dropped. Codes: name.encoding|empty|too_short|too_long|digit|latin|
// space|dot_position|double_dot|period|punctuation|char.
ValidationResult validate_person_name(std::string_view value);

// ---- Dates ----------------------------------------------------------------------------------------

// "YYYY-MM-DD", "YYYY/MM/DD", "YYYY.MM.DD", "YYYYMMDD" or "YYYY年M月D日" (month and day may have
// one digit; full-width digits and spaces accepted); normalised to "YYYY-MM-DD". `label` names the
// field in messages ("出生日期"; "日期" when empty). A bound equal to `today` is called 今天.
// Codes: date.encoding|empty|format|not_real|too_early|too_late.
struct DateRule {
    std::string label;
    std::optional<CalendarDate> min;
    std::optional<CalendarDate> max;
    std::optional<CalendarDate> today;
};
ValidationResult validate_date(std::string_view value, const DateRule& rule);

// ---- Free text ------------------------------------------------------------------------------------

// Valid UTF-8, no control characters other than tab and line breaks, at most `max_chars` characters
// (0 = no limit) after trimming; normalised by trimming. Codes: text.encoding|control|too_long.
ValidationResult validate_text(std::string_view value, const std::string& label, std::size_t max_chars);

// ---- One entry point (used by GET /api/v1/validate) ------------------------------------------------

struct ValidationContext {
    CalendarDate today;                     // required by id_card (future birth dates) and "today" bounds
    std::string label;                      // field label for messages (date, text)
    std::optional<CalendarDate> min_date;   // date only
    std::optional<CalendarDate> max_date;   // date only
    std::size_t max_chars = 0;              // text only; 0 = no limit
};

// kind: "id_card" | "mobile" | "uscc" | "name" | "date" | "text". An empty (or blank) value is
// reported as "<kind>.empty"; whether that matters is the form's business (see validate_form).
// An unknown kind gives code "kind.unknown".
ValidationResult validate_field(std::string_view kind, std::string_view value, const ValidationContext& context);
const std::vector<std::string>& validation_kinds();

// ---- Whole forms ----------------------------------------------------------------------------------

struct FormFieldSpec {
    std::string name;      // key in the submitted values
    std::string kind;      // one of validation_kinds()
    std::string label;     // 申请人身份证号码
    bool required = false;
    std::string min_date;  // date only: "" | "today" | "YYYY-MM-DD"
    std::string max_date;  // date only: "" | "today" | "YYYY-MM-DD"
    std::size_t max_chars = 0;  // text only
};

struct FormSpec {
    std::vector<FormFieldSpec> fields;
};

struct FieldError {
    std::string field;  // spec name
    std::string label;
    std::string code;
    std::string message;  // shown beside the field
};

struct FormSummaryItem {
    std::string field;  // link target
    std::string text;   // "label：message", or the message alone when it already starts with the label
};

struct FormResult {
    bool ok = true;
    std::vector<FieldError> errors;          // in field order
    std::vector<FormSummaryItem> summary;    // the error summary for the top of the form, same order
    std::map<std::string, std::string> normalized;  // every field that passed and is not empty
};

// Missing or blank values: "form.required" ("请填写<label>") when required, otherwise skipped.
// A spec mistake (unknown kind, unreadable date bound) is reported on its field as "spec.invalid".
FormResult validate_form(const FormSpec& spec, const std::map<std::string, std::string>& values,
                         const CalendarDate& today);

// ---- JSON ------------------------------------------------------------------------------------------

void to_json(nlohmann::json& j, const ValidationResult& v);  // {"ok","code","message","normalized"}
void to_json(nlohmann::json& j, const FormFieldSpec& v);
void from_json(const nlohmann::json& j, FormFieldSpec& v);
void to_json(nlohmann::json& j, const FormSpec& v);
void from_json(const nlohmann::json& j, FormSpec& v);  // {"fields":[…]}
void to_json(nlohmann::json& j, const FieldError& v);
void to_json(nlohmann::json& j, const FormSummaryItem& v);
void to_json(nlohmann::json& j, const FormResult& v);

}  // namespace dp
