// Reading and checking the upload form (see upload_form.hpp).
#include "upload_form.hpp"

#include "http_util.hpp"
#include "upload_store.hpp"
#include "validate.hpp"

namespace dp {

UploadForm read_upload_form(const httplib::ContentReader& reader, size_t max_file, size_t drain_limit) {
    UploadForm form;
    std::string current;
    reader(
        [&](const httplib::MultipartFormData& part) {
            current = part.name;
            if (current == "file") ++form.file_parts;
            return true;
        },
        [&](const char* data, size_t len) {
            form.total += len;
            if (form.total > drain_limit) {
                form.aborted = true;
                return false;
            }
            if (current == "file" && form.file_parts == 1) {
                if (form.file.size() + len > max_file) form.file_too_large = true;
                else form.file.append(data, len);
            } else if (current == "material") {
                if (form.material.size() + len > 400) form.material_too_long = true;
                else form.material.append(data, len);
            }
            return true;  // other parts are read and dropped
        });
    return form;
}

std::string check_upload_form(const UploadForm& form, int64_t max_file_bytes) {
    if (form.aborted || form.file_too_large)
        throw HttpError(413, "file_too_large",
                        "文件太大：每个文件最多 " + std::to_string(max_file_bytes / (1024 * 1024)) + " MB");
    if (form.file_parts == 0 || form.file.empty()) throw HttpError(400, "missing_file", "缺少文件（字段 file）");
    if (form.file_parts > 1) throw HttpError(400, "one_file_only", "每次只能上传一个文件");
    const auto material_cps = decode_utf8_strict(form.material);
    if (form.material_too_long || !material_cps || material_cps->size() > 100)
        throw HttpError(400, "bad_material", "材料名称（字段 material）最多 100 个字");
    if (form.material.find_first_not_of(" \t\r\n") == std::string::npos)
        throw HttpError(400, "missing_material", "请说明这是哪一项材料（字段 material）");
    const auto mime = sniff_upload_type(form.file);
    if (!mime) throw HttpError(415, "unsupported_type", "只能上传 JPG、PNG 图片或 PDF 文件");
    return *mime;
}

}  // namespace dp
