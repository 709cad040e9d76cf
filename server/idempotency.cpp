// Idempotency-Key handling for POST routes (see idempotency.hpp).
#include "idempotency.hpp"

#include <sodium.h>

#include <atomic>
#include <chrono>

#include "digest.hpp"
#include "http_util.hpp"
#include "writer.hpp"

namespace dp {
namespace {

int64_t unix_now() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// The body's fingerprint, kept to tell a retry from another body under the same key: BLAKE2b-256
// (libsodium), "b2:" and 64 hex digits. In software it costs a quarter of a SHA-256 (no SHA
// instructions here), and it is computed for every keyed POST. Only equality matters: no one
// outside the server reads it.
std::string body_fingerprint(const std::string& body) {
    unsigned char h[32];
    crypto_generichash(h, sizeof h, reinterpret_cast<const unsigned char*>(body.data()), body.size(), nullptr, 0);
    char hex[sizeof h * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, h, sizeof h);
    return std::string("b2:") + hex;
}

// Whether a stored fingerprint is that of `body` (fingerprint `fp`). Rows written before the
// fingerprint changed hold the body's SHA-256 in hex, and are compared as such for their 24 h.
bool same_body(const std::string& stored, const std::string& body, const std::string& fp) {
    if (stored.compare(0, 3, "b2:") == 0) return digest::equal(stored, fp);
    return digest::equal(stored, digest::sha256_hex(body));
}

struct Stored {
    bool found = false;
    std::string body_hash;
    int status = 0;
    std::string sealed;
};

Stored lookup(Db& db, const std::string& route, const std::string& key_hash, int64_t now) {
    auto lock = db.lock();
    Stmt q(db,
           "SELECT body_hash, status, response FROM idempotency_keys "
           "WHERE route = ? AND key_hash = ? AND created_at >= ?");
    q.bind(1, route).bind(2, key_hash).bind(3, now - kIdempotencyTtlSeconds);
    Stored s;
    if (q.step()) s = {true, q.text(0), static_cast<int>(q.int64(1)), q.text(2)};
    return s;
}

// Sends a stored reply, or 422 when the key was used for a different body.
void replay(const Stored& s, const std::string& request_body, const std::string& body_hash, const std::string& key,
            const std::string& route, httplib::Response& res) {
    std::optional<std::string> body;
    if (same_body(s.body_hash, request_body, body_hash)) body = digest::open(s.sealed, key, route);
    if (!body)
        throw HttpError(422, "idempotency_key_reused",
                        "这个 Idempotency-Key 已用于另一份不同的提交；新的提交请换一个新的 Key");
    res.status = s.status;
    res.set_header("Idempotent-Replay", "true");
    res.set_content(*body, "application/json; charset=utf-8");
}

}  // namespace

void purge_expired_idempotency_keys(Db& db, int64_t now) {
    auto lock = db.lock();
    Stmt purge(db, "DELETE FROM idempotency_keys WHERE created_at < ?");
    purge.bind(1, now - kIdempotencyTtlSeconds);
    purge.step();
}

void durable_post(App& app, const httplib::Request& req, httplib::Response& res, const std::string& route,
                  const PrepareWrite& prepare) {
    if (!app.writer) throw HttpError(503, "storage_unavailable", "服务器暂时无法保存，请稍后再试");
    if (!req.has_header("Idempotency-Key")) {
        const DurableWrite write = prepare();
        WriteReply reply;
        app.writer->run([&](Db& w) { reply = write(w); });
        send_json(res, reply.body, reply.status);
        return;
    }
    const std::string key = req.get_header_value("Idempotency-Key");
    bool key_ok = !key.empty() && key.size() <= 200;
    for (char c : key) key_ok = key_ok && c > 0x20 && c < 0x7f;
    if (!key_ok)
        throw HttpError(400, "bad_idempotency_key", "Idempotency-Key 应为 1 到 200 个可见的 ASCII 字符");
    const std::string key_hash = digest::sha256_hex(key);
    const std::string body_hash = body_fingerprint(req.body);
    const int64_t now = unix_now();

    // A new submission is checked and queued without a read of its own: the writer looks the key
    // up inside the transaction anyway (below). Only a body that fails the checks is looked up
    // here first, so that a retry of something already committed is still answered with its
    // first reply (say, a video call whose chosen time has passed since).
    DurableWrite write;
    Stored hit;
    try {
        write = prepare();
    } catch (const HttpError&) {
        hit = lookup(app.db, route, key_hash, now);
        if (hit.found) {
            app.writer->wait_durable();  // committed is not yet answered: its fsync may still be running
            return replay(hit, req.body, body_hash, key, route, res);
        }
        throw;
    }
    const digest::SealingKey sealing = digest::sealing_key(key, route);  // made here: the writer only encrypts
    // Otherwise the writer decides, serially: the first of two concurrent requests with this key
    // writes; the second finds its row (same connection, same or later transaction) and replays.
    WriteReply reply;
    std::string text;  // the reply as sent, and as stored (sealed) for a retry
    static std::atomic<int64_t> last_purge{0};
    app.writer->run([&](Db& w) {
        hit = lookup(w, route, key_hash, now);
        if (hit.found) return;
        reply = write(w);
        text = reply.body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        Stmt ins(w,
                 "INSERT OR REPLACE INTO idempotency_keys (route, key_hash, body_hash, status, response, created_at) "
                 "VALUES (?, ?, ?, ?, ?, ?)");
        ins.bind(1, route).bind(2, key_hash).bind(3, body_hash).bind(4, reply.status);
        ins.bind(5, digest::seal(text, sealing)).bind(6, now);
        ins.step();
        int64_t last = last_purge.load();
        if (now - last >= 60 && last_purge.compare_exchange_strong(last, now)) purge_expired_idempotency_keys(w, now);
    });
    if (hit.found) return replay(hit, req.body, body_hash, key, route, res);
    res.status = reply.status;
    res.set_content(text, "application/json; charset=utf-8");
}

}  // namespace dp
