// Content-addressed storage of uploaded files: <dir>/ab/cd/<sha256>, written atomically (temp
// file, fsync, rename, fsync of the folder) and deduplicated; type decided by magic bytes.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace dp {

// "image/jpeg" (FF D8 FF), "image/png" (89 50 4E 47 0D 0A 1A 0A), "application/pdf" (%PDF-);
// nullopt for anything else, whatever its name or declared type.
std::optional<std::string> sniff_upload_type(std::string_view bytes);

bool is_sha256_hex(std::string_view s);  // 64 lowercase hex digits

class UploadStore {
public:
    explicit UploadStore(std::string dir) : dir_(std::move(dir)) {}
    std::string path_for(const std::string& sha256) const;  // <dir>/ab/cd/<sha256>
    // Stores the bytes under their SHA-256 (nothing is written when the file is already there);
    // returns the SHA-256. Throws std::runtime_error on I/O errors.
    std::string put(std::string_view bytes);
    std::optional<std::string> read(const std::string& sha256) const;

private:
    std::string dir_;
};

}  // namespace dp
