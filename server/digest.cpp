// libsodium helpers (see digest.hpp).
#include "digest.hpp"

#include <sodium.h>

#include <stdexcept>
#include <vector>

namespace dp::digest {
namespace {

void ensure_sodium() {
    static const bool ok = sodium_init() >= 0;
    if (!ok) throw std::runtime_error("libsodium failed to initialise");
}

std::string to_b64url(const unsigned char* data, size_t n) {
    std::string out(sodium_base64_encoded_len(n, sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
    sodium_bin2base64(out.data(), out.size(), data, n, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    out.resize(std::char_traits<char>::length(out.c_str()));
    return out;
}

void derive_key(unsigned char key[crypto_secretbox_KEYBYTES], const std::string& secret, const std::string& context) {
    const std::string material = context + '\0' + secret;
    crypto_generichash(key, crypto_secretbox_KEYBYTES, reinterpret_cast<const unsigned char*>(material.data()),
                       material.size(), nullptr, 0);
}

}  // namespace

std::string sha256_hex(const std::string& data) {
    ensure_sodium();
    unsigned char h[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(h, reinterpret_cast<const unsigned char*>(data.data()), data.size());
    char hex[crypto_hash_sha256_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, h, sizeof h);
    return hex;
}

std::string sha256_base64(const std::string& data) {
    ensure_sodium();
    unsigned char h[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(h, reinterpret_cast<const unsigned char*>(data.data()), data.size());
    std::string out(sodium_base64_encoded_len(sizeof h, sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(out.data(), out.size(), h, sizeof h, sodium_base64_VARIANT_ORIGINAL);
    out.resize(std::char_traits<char>::length(out.c_str()));
    return out;
}

std::string random_token() {
    ensure_sodium();
    unsigned char b[32];
    randombytes_buf(b, sizeof b);
    return to_b64url(b, sizeof b);
}

std::string random_code(int n) {
    ensure_sodium();
    static const char alphabet[] = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";  // 32 characters
    std::string out;
    for (int i = 0; i < n; ++i) out += alphabet[randombytes_uniform(32)];
    return out;
}

bool equal(const std::string& a, const std::string& b) {
    return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string seal(const std::string& plain, const std::string& secret, const std::string& context) {
    ensure_sodium();
    unsigned char key[crypto_secretbox_KEYBYTES];
    derive_key(key, secret, context);
    std::vector<unsigned char> box(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + plain.size());
    randombytes_buf(box.data(), crypto_secretbox_NONCEBYTES);
    crypto_secretbox_easy(box.data() + crypto_secretbox_NONCEBYTES, reinterpret_cast<const unsigned char*>(plain.data()),
                          plain.size(), box.data(), key);
    sodium_memzero(key, sizeof key);
    return to_b64url(box.data(), box.size());
}

std::optional<std::string> open(const std::string& sealed, const std::string& secret, const std::string& context) {
    ensure_sodium();
    std::vector<unsigned char> box(sealed.size());
    size_t n = 0;
    if (sodium_base642bin(box.data(), box.size(), sealed.data(), sealed.size(), nullptr, &n, nullptr,
                          sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
        n < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES)
        return std::nullopt;
    unsigned char key[crypto_secretbox_KEYBYTES];
    derive_key(key, secret, context);
    std::string plain(n - crypto_secretbox_NONCEBYTES - crypto_secretbox_MACBYTES, '\0');
    const int rc = crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(plain.data()),
                                              box.data() + crypto_secretbox_NONCEBYTES, n - crypto_secretbox_NONCEBYTES,
                                              box.data(), key);
    sodium_memzero(key, sizeof key);
    if (rc != 0) return std::nullopt;
    return plain;
}

}  // namespace dp::digest
