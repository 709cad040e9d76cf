-- wrk script for bench_http: POST /api/v1/requests with the body in $BENCH_BODY and a unique
-- Idempotency-Key per request ($BENCH_RUN, thread, counter), so every request is a new durable write.
local threads = 0
function setup(thread)
  thread:set("tid", threads)
  threads = threads + 1
end

function init(args)
  local f = assert(io.open(os.getenv("BENCH_BODY"), "r"))
  body = f:read("*a")
  f:close()
  run = os.getenv("BENCH_RUN") or tostring(os.time())
  counter = 0
end

function request()
  counter = counter + 1
  return wrk.format("POST", "/api/v1/requests", {
    ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = "bench-" .. run .. "-" .. tid .. "-" .. counter,
  }, body)
end
