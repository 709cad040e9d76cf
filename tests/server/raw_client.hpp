// A raw TCP client for the server tests that need bytes exactly as sent (framing, pipelining,
// hostile input): send as given, read statuses, whole responses or bytes with a deadline.
#pragma once
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <string>

namespace testing {

// One raw connection: send bytes as given, optionally leave the connection half-open.
class RawClient {
public:
    explicit RawClient(int port) {
        fd_ = socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_port = htons(static_cast<uint16_t>(port));
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (connect(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
            close(fd_);
            fd_ = -1;
        }
    }
    ~RawClient() {
        if (fd_ >= 0) close(fd_);
    }
    bool ok() const { return fd_ >= 0; }
    bool send_all(const std::string& bytes) {
        size_t sent = 0;
        while (sent < bytes.size()) {
            ssize_t n = ::send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
            if (n <= 0) return false;  // the server may close early on garbage: fine
            sent += static_cast<size_t>(n);
        }
        return true;
    }
    void shut_write() { shutdown(fd_, SHUT_WR); }
    // Reads until the peer closes, the first response is complete enough to see its status, or
    // timeout_ms passes. Returns the HTTP status, 0 when the server closed without answering,
    // -1 on timeout.
    int read_status(int timeout_ms) {
        std::string got;
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
        char buf[4096];
        while (got.find("\r\n") == std::string::npos) {
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
            if (left.count() <= 0) return -1;
            pollfd p{fd_, POLLIN, 0};
            if (poll(&p, 1, static_cast<int>(left.count())) <= 0) return -1;
            ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
            if (n <= 0) break;
            got.append(buf, static_cast<size_t>(n));
        }
        if (got.rfind("HTTP/1.", 0) != 0 || got.size() < 12) return 0;
        return std::atoi(got.substr(9, 3).c_str());
    }

    // Reads until `want` bytes have arrived in all, the peer closes, or timeout_ms passes.
    std::string read_bytes(size_t want, int timeout_ms) {
        std::string got;
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
        char buf[4096];
        while (got.size() < want) {
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
            if (left.count() <= 0) break;
            pollfd p{fd_, POLLIN, 0};
            if (poll(&p, 1, static_cast<int>(left.count())) <= 0) break;
            ssize_t n = ::recv(fd_, buf, std::min(sizeof buf, want - got.size()), 0);
            if (n <= 0) break;
            got.append(buf, static_cast<size_t>(n));
        }
        return got;
    }
    // Reads one whole response (head and a Content-Length body); empty on close or timeout.
    std::string read_response(int timeout_ms) {
        std::string head;
        while (head.find("\r\n\r\n") == std::string::npos) {
            std::string b = read_bytes(1, timeout_ms);
            if (b.empty()) return "";
            head += b;
        }
        const auto at = head.find("\r\n\r\n") + 4;
        size_t length = 0;
        const auto cl = head.find("Content-Length: ");
        if (cl != std::string::npos && cl < at) length = std::stoul(head.substr(cl + 16));
        std::string body = head.substr(at);
        if (body.size() < length) body += read_bytes(length - body.size(), timeout_ms);
        return head.substr(0, at) + body;
    }
    // True once the peer has closed the connection (within timeout_ms).
    bool closed_by_peer(int timeout_ms) {
        pollfd p{fd_, POLLIN, 0};
        if (poll(&p, 1, timeout_ms) <= 0) return false;
        char c;
        return ::recv(fd_, &c, 1, MSG_PEEK) == 0;
    }

private:
    int fd_ = -1;
};

}  // namespace testing
