// Tests of the digest helpers: SHA-256 against published vectors, sealed boxes that open again
// (every length of the base64url tail), and boxes that do not open under another key or altered.
#include <doctest/doctest.h>

#include <cctype>
#include <string>

#include "digest.hpp"

TEST_CASE("SHA-256 gives the published digests") {
    CHECK(dp::digest::sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(dp::digest::sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(dp::digest::sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    CHECK(dp::digest::sha256_hex(std::string(1000, 'a')) ==
          "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3");
    CHECK(dp::digest::sha256_base64("abc") == "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=");
}

TEST_CASE("a sealed box opens with its secret and context, whatever its length") {
    for (size_t n = 0; n < 70; ++n) {
        CAPTURE(n);
        std::string plain;
        for (size_t i = 0; i < n; ++i) plain += static_cast<char>('a' + (i * 7) % 26);
        const std::string sealed = dp::digest::seal(plain, "key-1", "POST /api/v1/requests");
        for (char c : sealed) CHECK((std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_'));
        auto opened = dp::digest::open(sealed, "key-1", "POST /api/v1/requests");
        REQUIRE(opened);
        CHECK(*opened == plain);
        CHECK_FALSE(dp::digest::open(sealed, "key-2", "POST /api/v1/requests"));
        CHECK_FALSE(dp::digest::open(sealed, "key-1", "POST /api/v1/events"));
        std::string altered = sealed;
        altered[altered.size() / 2] = altered[altered.size() / 2] == 'A' ? 'B' : 'A';
        CHECK_FALSE(dp::digest::open(altered, "key-1", "POST /api/v1/requests"));
    }
}

TEST_CASE("two seals of the same text differ (a fresh nonce each)") {
    CHECK(dp::digest::seal("{\"id\":1}", "k", "c") != dp::digest::seal("{\"id\":1}", "k", "c"));
}
