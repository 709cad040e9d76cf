// URL text: RFC 3986 percent-encoding and decoding of UTF-8 (links, query strings, routes).
#pragma once
#include <string>
#include <string_view>

namespace dp {

// Everything but A–Z a–z 0–9 - _ . ~ is percent-encoded (upper-case hex).
std::string url_encode(std::string_view text);
// '%XX' decoded, '+' → space; a malformed escape is kept literally.
std::string url_decode(std::string_view text);

}  // namespace dp
