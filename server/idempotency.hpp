// Durable POSTs with Idempotency-Key: the write runs on the group-commit writer and its reply is
// sent only after COMMIT; with a key, the first reply is stored in the same transaction (24 h) and
// a retry replays it (Idempotent-Replay: true) without writing anything; another body → 422.
#pragma once
#include <httplib.h>

#include <functional>
#include <nlohmann/json.hpp>
#include <string>

#include "app.hpp"

namespace dp {

struct WriteReply {
    int status = 201;
    nlohmann::json body;
};

// Runs inside the writer's transaction (its own savepoint) on the writer's connection.
using DurableWrite = std::function<WriteReply(Db&)>;

constexpr int64_t kIdempotencyTtlSeconds = 24 * 3600;

// Checks the request (`prepare`: parse and validate, throwing HttpError 4xx) and returns its write.
using PrepareWrite = std::function<DurableWrite()>;

// `route` names the endpoint ("POST /api/v1/requests"); keys are scoped to it. The key: 1–200
// visible ASCII characters (else 400 bad_idempotency_key). A committed key is replayed whatever
// `prepare` says of the body now (a retry is answered even if, say, a chosen time has passed since). Stored
// replies are sealed under a key derived from the Idempotency-Key, stored only as its SHA-256.
// Deletes stored replies older than kIdempotencyTtlSeconds; durable_post also does it (at most once
// a minute) inside a keyed write, and the server at start-up.
void purge_expired_idempotency_keys(Db& db, int64_t now);

void durable_post(App& app, const httplib::Request& req, httplib::Response& res, const std::string& route,
                  const PrepareWrite& prepare);

}  // namespace dp
