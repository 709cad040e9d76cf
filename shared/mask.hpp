// Masking of residents' personal data for lists, exports and logs: mobile numbers, resident ID
// numbers, names, and a scrubber that masks anything in free text that looks like either.
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "validate.hpp"

namespace dp {

// mask_mobile ("138****5678") and mask_id_card ("350583********123X") live with their validators
// in validate.hpp; mask_id_number is the name the access code uses for the latter.
inline std::string mask_id_number(std::string_view id_number) { return mask_id_card(id_number); }

// "张三" → "张*", "欧阳娜娜" → "欧阳**" (a compound surname is kept when the name has more than
// two characters), a one-character name → "*"; the separators '·' and ' ' are kept.
std::string mask_name(std::string_view name);

// Masks, in free text, every run of digits that looks like a mobile (11 digits 1[3-9]…, also
// "+86…" and "138-1234-5678" / "138 1234 5678") or a resident ID number (18 characters, the last
// possibly X; or 15 digits) the same way as mask_mobile / mask_id_card. Other text is unchanged. For log lines.
std::string scrub_personal_data(std::string_view text);

// Applies scrub_personal_data to every string in a JSON value (keys too) and turns integers
// that look like a mobile or an ID number into their masked strings.
void scrub_json(nlohmann::json& value);

}  // namespace dp
