// The server's connections: httplib::Server with its per-connection loop replaced, through the
// virtual httplib itself overrides for its SSLServer, by one buffered stream per connection.
#pragma once
#include <httplib.h>

#include <atomic>
#include <string>

namespace dp {

// httplib 0.11's own loop makes about nine system calls per keep-alive request: it wakes every
// 11 ms while waiting for the next request (poll with 10 ms, then sleep 1 ms), polls again before
// every read and every write, sends a response's head and body in two writes, and asks the
// kernel for both addresses on every request. HttpServer keeps httplib's request parsing,
// routing and response writing (process_request) and runs each connection as: wait for the next
// request (one poll, woken by shutdown()), read into a per-connection buffer, write the whole
// response with one send. Read and write timeouts are the socket's own (SO_RCVTIMEO/SO_SNDTIMEO).
class HttpServer : public httplib::Server {
public:
    HttpServer();
    ~HttpServer() override;
    // Stops accepting and wakes every connection waiting for its next request (each then closes);
    // requests being handled finish. Use instead of stop(), which leaves idle keep-alive
    // connections until their timeout.
    void shutdown();
    // After bind_to_port/bind_to_any_port: listen again with the system's full backlog. httplib
    // 0.11 listens with a backlog of 5 (compiled into Debian's library): when clients connect
    // together (64 keep-alive connections reaching their limit at once) the kernel drops SYNs
    // and those clients wait for a retransmit, 200 ms to 1 s. Returns 0 or the errno.
    int widen_backlog();

private:
    bool process_and_close_socket(socket_t sock) override;

    int wake_fd_ = -1;  // an eventfd, readable once shutdown() ran
    int listen_fd_ = -1;  // the listening socket as httplib created it (the last one offered)
    std::atomic<bool> stopping_{false};
};

// One connection's socket as an httplib::Stream: reads through a buffer kept across the
// connection's requests (so pipelined requests are not lost), writes into a buffer sent by
// flush() (process_and_close_socket flushes after each response; a read that would wait
// flushes first, so a "100 Continue" goes out before the body is awaited).
class ConnectionStream final : public httplib::Stream {
public:
    ConnectionStream(int fd, int wake_fd);
    ConnectionStream(const ConnectionStream&) = delete;
    ConnectionStream& operator=(const ConnectionStream&) = delete;

    // Sets the socket's own read and write timeouts (one call each per connection).
    void set_timeouts(time_t read_sec, time_t read_usec, time_t write_sec, time_t write_usec);
    // Waits up to timeout_sec for the next request's first bytes; false on timeout, close, error
    // or shutdown. Buffered bytes (a pipelined request) count as arrived.
    bool wait_for_request(time_t timeout_sec);
    // Sends everything written so far; false if the peer is gone or the write timed out.
    bool flush();

    bool is_readable() const override;
    bool is_writable() const override;
    ssize_t read(char* ptr, size_t size) override;
    ssize_t write(const char* ptr, size_t size) override;
    void get_remote_ip_and_port(std::string& ip, int& port) const override;
    void get_local_ip_and_port(std::string& ip, int& port) const override;
    socket_t socket() const override { return fd_; }

private:
    static constexpr size_t read_buffer_size = 16 * 1024;
    static constexpr size_t flush_threshold = 64 * 1024;

    int fd_;
    int wake_fd_;
    int read_timeout_ms_ = -1;  // for is_readable(); -1: none
    bool broken_ = false;  // a send failed: every later write fails too
    std::string in_;       // bytes received and not yet read: in_[in_pos_, in_len_)
    size_t in_pos_ = 0, in_len_ = 0;
    std::string out_;      // bytes written and not yet sent
    // Addresses, asked of the kernel once per connection (httplib asks on every request).
    mutable bool have_remote_ = false, have_local_ = false;
    mutable std::string remote_ip_, local_ip_;
    mutable int remote_port_ = 0, local_port_ = 0;
};

}  // namespace dp
