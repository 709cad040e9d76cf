// The server's connections: the keep-alive loop and the buffered socket stream (connection.hpp
// says why they replace httplib 0.11's).
#include "connection.hpp"

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace dp {

namespace {

// Sends a then b completely (a partial send continues where it stopped); false on error or
// when the socket's send timeout passed.
bool send_all(int fd, const char* a, size_t a_len, const char* b, size_t b_len) {
    while (a_len + b_len > 0) {
        iovec iov[2] = {{const_cast<char*>(a), a_len}, {const_cast<char*>(b), b_len}};
        msghdr msg{};
        msg.msg_iov = a_len ? iov : iov + 1;
        msg.msg_iovlen = a_len ? (b_len ? 2 : 1) : 1;
        const ssize_t n = ::sendmsg(fd, &msg, MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        size_t sent = static_cast<size_t>(n);
        const size_t from_a = std::min(sent, a_len);
        a += from_a, a_len -= from_a, sent -= from_a;
        b += sent, b_len -= sent;
    }
    return true;
}

ssize_t recv_some(int fd, char* buf, size_t size) {
    for (;;) {
        const ssize_t n = ::recv(fd, buf, size, 0);
        if (n < 0 && errno == EINTR) continue;
        return n;
    }
}

// The peer's (remote) or this end's address of a connected socket, as text and port.
void ask_address(int fd, bool remote, std::string& ip, int& port) {
    sockaddr_storage addr{};
    socklen_t len = sizeof addr;
    auto* sa = reinterpret_cast<sockaddr*>(&addr);
    if ((remote ? ::getpeername(fd, sa, &len) : ::getsockname(fd, sa, &len)) != 0) return;
    char host[NI_MAXHOST] = "";
    if (getnameinfo(reinterpret_cast<const sockaddr*>(&addr), len, host, sizeof host, nullptr, 0, NI_NUMERICHOST) == 0)
        ip = host;
    if (addr.ss_family == AF_INET)
        port = ntohs(reinterpret_cast<const sockaddr_in&>(addr).sin_port);
    else if (addr.ss_family == AF_INET6)
        port = ntohs(reinterpret_cast<const sockaddr_in6&>(addr).sin6_port);
}

timeval to_timeval(time_t sec, time_t usec) {
    timeval tv{};
    tv.tv_sec = sec;
    tv.tv_usec = static_cast<suseconds_t>(usec);
    return tv;
}

}  // namespace

// ---- ConnectionStream ----

ConnectionStream::ConnectionStream(int fd, int wake_fd) : fd_(fd), wake_fd_(wake_fd) {}

void ConnectionStream::set_timeouts(time_t read_sec, time_t read_usec, time_t write_sec, time_t write_usec) {
    const timeval r = to_timeval(read_sec, read_usec), w = to_timeval(write_sec, write_usec);
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &r, sizeof r);
    ::setsockopt(fd_, SOL_SOCKET, SO_SNDTIMEO, &w, sizeof w);
    read_timeout_ms_ = read_sec == 0 && read_usec == 0 ? -1 : static_cast<int>(read_sec * 1000 + read_usec / 1000);
    const int yes = 1;  // one send per response: nothing for Nagle's algorithm to wait for
    ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
}

bool ConnectionStream::wait_for_request(time_t timeout_sec) {
    if (in_pos_ < in_len_) return true;
    if (!flush()) return false;
    pollfd fds[2] = {{fd_, POLLIN, 0}, {wake_fd_, POLLIN, 0}};
    const int count = wake_fd_ >= 0 ? 2 : 1;
    const int ms = static_cast<int>(std::min<time_t>(timeout_sec, 24 * 3600) * 1000);
    int r;
    do r = ::poll(fds, count, ms);
    while (r < 0 && errno == EINTR);
    if (r <= 0) return false;                             // timed out, or poll failed
    if (count == 2 && fds[1].revents != 0) return false;  // shutting down: no new request
    return fds[0].revents != 0;  // data, or a close/error that the read then reports
}

bool ConnectionStream::flush() {
    if (broken_) return false;
    if (out_.empty()) return true;
    broken_ = !send_all(fd_, out_.data(), out_.size(), nullptr, 0);
    out_.clear();  // keeps its capacity for the connection's next response
    return !broken_;
}

bool ConnectionStream::is_readable() const {
    if (in_pos_ < in_len_) return true;
    pollfd p{fd_, POLLIN, 0};
    int r;
    do r = ::poll(&p, 1, read_timeout_ms_);
    while (r < 0 && errno == EINTR);
    return r > 0;
}

bool ConnectionStream::is_writable() const { return !broken_; }

ssize_t ConnectionStream::read(char* ptr, size_t size) {
    if (in_pos_ == in_len_) {
        // About to wait for the peer: whatever it should see first goes out now.
        if (!flush()) return -1;
        if (size >= read_buffer_size) return recv_some(fd_, ptr, size);
        if (in_.size() < read_buffer_size) in_.resize(read_buffer_size);
        const ssize_t n = recv_some(fd_, in_.data(), in_.size());
        if (n <= 0) return n;
        in_pos_ = 0;
        in_len_ = static_cast<size_t>(n);
    }
    const size_t n = std::min(size, in_len_ - in_pos_);
    std::memcpy(ptr, in_.data() + in_pos_, n);
    in_pos_ += n;
    return static_cast<ssize_t>(n);
}

ssize_t ConnectionStream::write(const char* ptr, size_t size) {
    if (broken_) return -1;
    if (out_.size() + size < flush_threshold) {
        out_.append(ptr, size);
        return static_cast<ssize_t>(size);
    }
    // A large body: sent together with what is buffered, without copying it.
    broken_ = !send_all(fd_, out_.data(), out_.size(), ptr, size);
    out_.clear();
    return broken_ ? -1 : static_cast<ssize_t>(size);
}

void ConnectionStream::get_remote_ip_and_port(std::string& ip, int& port) const {
    if (!have_remote_) ask_address(fd_, true, remote_ip_, remote_port_);
    have_remote_ = true;
    ip = remote_ip_;
    port = remote_port_;
}

void ConnectionStream::get_local_ip_and_port(std::string& ip, int& port) const {
    if (!have_local_) ask_address(fd_, false, local_ip_, local_port_);
    have_local_ = true;
    ip = local_ip_;
    port = local_port_;
}

// ---- HttpServer ----

HttpServer::HttpServer() : wake_fd_(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)) {
    set_socket_options([this](socket_t sock) {
        httplib::default_socket_options(sock);
        listen_fd_ = sock;
    });
}

int HttpServer::widen_backlog() {
    if (listen_fd_ < 0) return EBADF;
    return ::listen(listen_fd_, SOMAXCONN) == 0 ? 0 : errno;
}

HttpServer::~HttpServer() {
    if (wake_fd_ >= 0) ::close(wake_fd_);
}

void HttpServer::shutdown() {
    stopping_ = true;
    if (wake_fd_ >= 0) {
        const uint64_t one = 1;  // stays readable: every waiting connection sees it
        [[maybe_unused]] const ssize_t n = ::write(wake_fd_, &one, sizeof one);
    }
    stop();
}

bool HttpServer::process_and_close_socket(socket_t sock) {
    bool ok = false;
    {
        ConnectionStream strm(sock, wake_fd_);
        strm.set_timeouts(read_timeout_sec_, read_timeout_usec_, write_timeout_sec_, write_timeout_usec_);
        for (size_t left = keep_alive_max_count_; left > 0; --left) {
            if (stopping_ || svr_sock_ == INVALID_SOCKET || !strm.wait_for_request(keep_alive_timeout_sec_)) break;
            bool connection_closed = false;
            ok = process_request(strm, left == 1, connection_closed, nullptr);
            if (!strm.flush()) ok = false;
            if (!ok || connection_closed) break;
        }
    }
    ::shutdown(sock, SHUT_RDWR);
    ::close(sock);
    return ok;
}

}  // namespace dp
