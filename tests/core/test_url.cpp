// Tests of shared/url: percent-encoding of UTF-8 text.
#include <doctest/doctest.h>

#include "url.hpp"

TEST_CASE("url encoding round-trips and bad escapes stay literal") {
    CHECK(dp::url_encode("a b/身") == "a%20b%2F%E8%BA%AB");
    CHECK(dp::url_decode("a%20b%2F%E8%BA%AB") == "a b/身");
    CHECK(dp::url_decode("100%") == "100%");
    CHECK(dp::url_decode("%zz") == "%zz");
    CHECK(dp::url_decode("a+b") == "a b");
}
