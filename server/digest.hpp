// Hashes, tokens and sealed boxes for stored secrets (libsodium; SHA-256 by libcrypto): SHA-256 in hex, random
// base64url tokens, and secretbox sealing under a key derived from a client-held secret.
#pragma once
#include <optional>
#include <string>

namespace dp::digest {

std::string sha256_hex(const std::string& data);  // 64 lowercase hex digits
std::string sha256_base64(const std::string& data);  // standard base64 with padding (CSP hashes)
// 32 random bytes in base64url without padding (43 characters).
std::string random_token();
// `n` random characters from an unambiguous upper-case alphabet (no I, O, 0, 1).
std::string random_code(int n);
// Constant-time comparison of two strings of equal length (false when lengths differ).
bool equal(const std::string& a, const std::string& b);
// Encrypts and authenticates `plain` under a key derived from `secret` (+ `context`): base64url text.
std::string seal(const std::string& plain, const std::string& secret, const std::string& context);
// seal() in two steps, so that the key derivation and the random nonce can be made before a
// caller enters a critical section (the writer) and the sealing there costs only the cipher.
// A SealingKey carries its nonce: seal with it once.
struct SealingKey {
    std::string key, nonce;  // raw bytes
    ~SealingKey();           // wipes the key
};
SealingKey sealing_key(const std::string& secret, const std::string& context);
std::string seal(const std::string& plain, const SealingKey& key);  // same format as seal() above
// The plain text, or nullopt if `sealed` was not made by seal() with this secret and context.
std::optional<std::string> open(const std::string& sealed, const std::string& secret, const std::string& context);

}  // namespace dp::digest
