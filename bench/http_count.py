# A fixed number of HTTP requests over keep-alive connections (for callgrind/strace/CPU counts,
# where wrk's fixed duration does not fit): python3 bench/http_count.py PORT PATH N CONNECTIONS [BODY_FILE]
# With BODY_FILE, each request is a POST of that JSON with a unique Idempotency-Key (like
# bench/submit.lua); without, a GET. Reconnects when the server closes a keep-alive connection. Prints the status counts; exit 1 if any was not 2xx.
import socket
import sys
import threading
import time
from collections import Counter


def worker(port, path, count, body, tag, statuses, lock):
    def connect():
        c = socket.create_connection(("127.0.0.1", port))
        c.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return c

    s = connect()
    buf = b""
    local = Counter()
    for i in range(count):
        if body is None:
            req = f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode()
        else:
            req = (f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                   f"Idempotency-Key: count-{tag}-{i}\r\nContent-Length: {len(body)}\r\n\r\n").encode() + body
        s.sendall(req)
        while b"\r\n\r\n" not in buf:
            chunk = s.recv(65536)
            if not chunk:
                raise RuntimeError("connection closed")
            buf += chunk
        head, buf = buf.split(b"\r\n\r\n", 1)
        lines = head.split(b"\r\n")
        status = int(lines[0].split()[1])
        length = 0
        close = False
        for line in lines[1:]:
            k, _, v = line.partition(b":")
            if k.strip().lower() == b"content-length":
                length = int(v)
            if k.strip().lower() == b"connection" and v.strip().lower() == b"close":
                close = True
        while len(buf) < length:
            chunk = s.recv(65536)
            if not chunk:
                raise RuntimeError("connection closed")
            buf += chunk
        buf = buf[length:]
        local[status] += 1
        if close:  # the server's keep-alive limit: go on over a new connection, as wrk does
            s.close()
            s, buf = connect(), b""
    s.close()
    with lock:
        statuses.update(local)


def main():
    port, path, n, conns = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    body = open(sys.argv[5], "rb").read() if len(sys.argv) > 5 else None
    run = f"{time.time_ns()}"
    statuses, lock = Counter(), threading.Lock()
    threads = [threading.Thread(target=worker,
                                args=(port, path, n // conns + (1 if c < n % conns else 0), body, f"{run}-{c}",
                                      statuses, lock)) for c in range(conns)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(dict(statuses))
    sys.exit(0 if all(200 <= s < 300 for s in statuses) else 1)


if __name__ == "__main__":
    main()
