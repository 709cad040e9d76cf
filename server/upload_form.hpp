// The upload form (multipart/form-data: `file` and `material`) read from httplib's multipart
// reader with limits while it streams, then checked: one file, its type sniffed from the bytes,
// a material name. No socket or database: the upload route and the fuzz targets use it.
#pragma once
#include <httplib.h>

#include <cstddef>
#include <cstdint>
#include <string>

namespace dp {

// The parts of an upload form, read with limits: at most max_file bytes of the file are kept.
struct UploadForm {
    std::string file, material;
    int file_parts = 0;
    bool file_too_large = false, material_too_long = false;
    size_t total = 0;
    bool aborted = false;  // the body went past the drain limit: reading stopped
};

// Reads every part: the first `file` part (up to max_file bytes) and `material` (up to 400 bytes);
// other parts are read and dropped; stops after drain_limit bytes in all.
UploadForm read_upload_form(const httplib::ContentReader& reader, size_t max_file, size_t drain_limit);

// The stored type (image/jpeg, image/png, application/pdf), or HttpError: 413 file_too_large,
// 400 missing_file | one_file_only | bad_material | missing_material, 415 unsupported_type.
std::string check_upload_form(const UploadForm& form, int64_t max_file_bytes);

}  // namespace dp
