-- Distinct visitors for the write scripts: each thread has a number, and `visitor()`
-- gives every request a visitor cookie value of its own (32 hex digits).
local counter = 0
local thread_id = 0
local threads = {}
setup = function(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end
init = function(args)
  thread_id = id or 0
end
function visitor()
  counter = counter + 1
  return string.format("%08x%08x%016x", thread_id, os.time() % 0xffffffff, counter), counter, thread_id
end
-- A form post to `path` (BENCH_PATH when nil) as the hydrated page sends it, from
-- visitor `key`.
function post(body, key, path)
  return wrk.format("POST", path or os.getenv("BENCH_PATH"), {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Origin"] = os.getenv("BENCH_ORIGIN"),
    ["Cookie"] = "toasoan_khach=" .. key,
    ["Accept"] = "application/json",
  }, body)
end
