// libsodium helpers, and SHA-256 by libcrypto (see digest.hpp).
#include "digest.hpp"

#include <openssl/evp.h>
#include <sodium.h>

#include <algorithm>
#include <cstdint>
#include <memory>
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

// The same text as to_b64url, by table look-up: for what is not secret (a sealed box is
// ciphertext), where libsodium's constant-time encoder costs several times more.
std::string to_b64url_public(const unsigned char* data, size_t n) {
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    std::string out;
    out.reserve((n * 4 + 2) / 3);
    size_t i = 0;
    for (; i + 3 <= n; i += 3) {
        const uint32_t v = (uint32_t{data[i]} << 16) | (uint32_t{data[i + 1]} << 8) | data[i + 2];
        out += alphabet[v >> 18];
        out += alphabet[(v >> 12) & 63];
        out += alphabet[(v >> 6) & 63];
        out += alphabet[v & 63];
    }
    if (n - i == 1) {
        const uint32_t v = uint32_t{data[i]} << 16;
        out += alphabet[v >> 18];
        out += alphabet[(v >> 12) & 63];
    } else if (n - i == 2) {
        const uint32_t v = (uint32_t{data[i]} << 16) | (uint32_t{data[i + 1]} << 8);
        out += alphabet[v >> 18];
        out += alphabet[(v >> 12) & 63];
        out += alphabet[(v >> 6) & 63];
    }
    return out;
}

void derive_key(unsigned char key[crypto_secretbox_KEYBYTES], const std::string& secret, const std::string& context) {
    const std::string material = context + '\0' + secret;
    crypto_generichash(key, crypto_secretbox_KEYBYTES, reinterpret_cast<const unsigned char*>(material.data()),
                       material.size(), nullptr, 0);
}

// Random bytes from the kernel (libsodium's randombytes_buf: getrandom), drawn 4 KiB at a time
// per thread: a submission needs a token, a number and a nonce, and each system call is costly.
void random_bytes(void* out, size_t n) {
    ensure_sodium();
    thread_local unsigned char pool[4096];
    thread_local size_t left = 0;
    auto* dst = static_cast<unsigned char*>(out);
    while (n > 0) {
        if (left == 0) {
            randombytes_buf(pool, sizeof pool);
            left = sizeof pool;
        }
        const size_t take = std::min(n, left);
        unsigned char* src = pool + sizeof pool - left;
        std::copy(src, src + take, dst);
        sodium_memzero(src, take);  // handed out once
        left -= take;
        dst += take;
        n -= take;
    }
}

// SHA-256 by OpenSSL's libcrypto (already loaded for httplib): it uses the CPU's SHA
// instructions where there are some, several times faster than libsodium's portable code, and a
// submission hashes its token, its Idempotency-Key and its body. The algorithm is fetched once;
// each thread keeps its own context. libsodium's result when libcrypto cannot be used.
void sha256(const std::string& data, unsigned char out[crypto_hash_sha256_BYTES]) {
    static EVP_MD* const md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    thread_local const std::unique_ptr<EVP_MD_CTX, void (*)(EVP_MD_CTX*)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    unsigned int n = 0;
    if (md && ctx && EVP_DigestInit_ex2(ctx.get(), md, nullptr) == 1 &&
        EVP_DigestUpdate(ctx.get(), data.data(), data.size()) == 1 && EVP_DigestFinal_ex(ctx.get(), out, &n) == 1 &&
        n == crypto_hash_sha256_BYTES)
        return;
    crypto_hash_sha256(out, reinterpret_cast<const unsigned char*>(data.data()), data.size());
}

}  // namespace

std::string sha256_hex(const std::string& data) {
    ensure_sodium();
    unsigned char h[crypto_hash_sha256_BYTES];
    sha256(data, h);
    char hex[crypto_hash_sha256_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, h, sizeof h);
    return hex;
}

std::string sha256_base64(const std::string& data) {
    ensure_sodium();
    unsigned char h[crypto_hash_sha256_BYTES];
    sha256(data, h);
    std::string out(sodium_base64_encoded_len(sizeof h, sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(out.data(), out.size(), h, sizeof h, sodium_base64_VARIANT_ORIGINAL);
    out.resize(std::char_traits<char>::length(out.c_str()));
    return out;
}

std::string random_token() {
    ensure_sodium();
    unsigned char b[32];
    random_bytes(b, sizeof b);
    return to_b64url(b, sizeof b);
}

std::string random_code(int n) {
    ensure_sodium();
    static const char alphabet[] = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";  // 32 characters
    std::string out(static_cast<size_t>(n), '\0');
    random_bytes(out.data(), out.size());  // 256 is a multiple of 32: no bias
    for (char& c : out) c = alphabet[static_cast<unsigned char>(c) % 32];
    return out;
}

bool equal(const std::string& a, const std::string& b) {
    return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

SealingKey::~SealingKey() { sodium_memzero(key.data(), key.size()); }

SealingKey sealing_key(const std::string& secret, const std::string& context) {
    ensure_sodium();
    SealingKey k{std::string(crypto_secretbox_KEYBYTES, '\0'), std::string(crypto_secretbox_NONCEBYTES, '\0')};
    derive_key(reinterpret_cast<unsigned char*>(k.key.data()), secret, context);
    random_bytes(k.nonce.data(), k.nonce.size());
    return k;
}

std::string seal(const std::string& plain, const SealingKey& key) {
    std::vector<unsigned char> box(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + plain.size());
    std::copy(key.nonce.begin(), key.nonce.end(), box.begin());
    crypto_secretbox_easy(box.data() + crypto_secretbox_NONCEBYTES, reinterpret_cast<const unsigned char*>(plain.data()),
                          plain.size(), box.data(), reinterpret_cast<const unsigned char*>(key.key.data()));
    return to_b64url_public(box.data(), box.size());
}

std::string seal(const std::string& plain, const std::string& secret, const std::string& context) {
    return seal(plain, sealing_key(secret, context));
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
