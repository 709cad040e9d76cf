// Content-addressed upload files (see upload_store.hpp).
#include "upload_store.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "auth.hpp"

namespace dp {
namespace {

[[noreturn]] void io_fail(const std::string& what, const std::string& path) {
    throw std::runtime_error(what + " " + path + ": " + std::strerror(errno));
}

void fsync_dir(const std::string& dir) {
    int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) io_fail("open folder", dir);
    int rc = ::fsync(fd);
    ::close(fd);
    if (rc != 0) io_fail("fsync folder", dir);
}

// mkdir -p, making each new folder durable in its parent.
void make_dirs(const std::string& dir) {
    std::string path;
    size_t pos = 0;
    while (pos <= dir.size()) {
        size_t next = dir.find('/', pos);
        if (next == std::string::npos) next = dir.size();
        path = dir.substr(0, next);
        if (!path.empty() && ::mkdir(path.c_str(), 0750) == 0) {
            const size_t slash = path.rfind('/');
            fsync_dir(slash == std::string::npos ? "." : slash == 0 ? "/" : path.substr(0, slash));
        } else if (!path.empty() && errno != EEXIST) {
            io_fail("mkdir", path);
        }
        pos = next + 1;
    }
}

}  // namespace

std::optional<std::string> sniff_upload_type(std::string_view b) {
    auto starts = [&](std::string_view magic) { return b.size() >= magic.size() && b.substr(0, magic.size()) == magic; };
    if (starts(std::string_view("\xFF\xD8\xFF", 3))) return "image/jpeg";
    if (starts(std::string_view("\x89PNG\r\n\x1A\n", 8))) return "image/png";
    if (starts("%PDF-")) return "application/pdf";
    return std::nullopt;
}

bool is_sha256_hex(std::string_view s) {
    if (s.size() != 64) return false;
    for (char c : s)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

std::string UploadStore::path_for(const std::string& sha) const {
    return dir_ + "/" + sha.substr(0, 2) + "/" + sha.substr(2, 2) + "/" + sha;
}

std::string UploadStore::put(std::string_view bytes) {
    const std::string sha = sha256_hex(bytes);
    const std::string final_path = path_for(sha);
    struct stat st {};
    if (::stat(final_path.c_str(), &st) == 0 && static_cast<size_t>(st.st_size) == bytes.size()) return sha;
    const std::string folder = final_path.substr(0, final_path.rfind('/'));
    make_dirs(folder);
    const std::string tmp = folder + "/.tmp-" + sha.substr(0, 16) + "-" + random_token().substr(0, 12);
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0640);
    if (fd < 0) io_fail("create", tmp);
    size_t done = 0;
    while (done < bytes.size()) {
        ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            ::close(fd);
            ::unlink(tmp.c_str());
            io_fail("write", tmp);
        }
        done += static_cast<size_t>(n);
    }
    if (::fsync(fd) != 0) {
        ::close(fd);
        ::unlink(tmp.c_str());
        io_fail("fsync", tmp);
    }
    ::close(fd);
    if (::rename(tmp.c_str(), final_path.c_str()) != 0) {
        ::unlink(tmp.c_str());
        io_fail("rename", tmp);
    }
    fsync_dir(folder);
    return sha;
}

std::optional<std::string> UploadStore::read(const std::string& sha) const {
    if (!is_sha256_hex(sha)) return std::nullopt;
    std::ifstream in(path_for(sha), std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

}  // namespace dp
