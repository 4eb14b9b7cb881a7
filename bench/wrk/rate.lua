-- Ratings from distinct visitors: each request carries a visitor cookie of its own
-- (thread number and a counter), 3 to 5 stars, as the hydrated rating form posts it.
-- BENCH_PATH is the rating function's address, BENCH_SLUG the article.
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
request = function()
  counter = counter + 1
  local visitor = string.format("%08x%08x%016x", thread_id, os.time() % 0xffffffff, counter)
  local body = "slug=" .. os.getenv("BENCH_SLUG") .. "&stars=" .. tostring(3 + counter % 3)
  return wrk.format("POST", os.getenv("BENCH_PATH"), {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Origin"] = os.getenv("BENCH_ORIGIN"),
    ["Cookie"] = "toasoan_khach=" .. visitor,
    ["Accept"] = "application/json",
  }, body)
end
