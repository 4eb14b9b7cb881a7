-- Comments from distinct visitors, each text different (a duplicate would be refused),
-- with the form token of the article page (BENCH_TOKEN) as the comment form sends it.
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
  -- "Ý kiến số N của luồng T lúc S", percent-encoded
  local text = string.format("%%C3%%9D+ki%%E1%%BA%%BFn+s%%E1%%BB%%91+%d+c%%E1%%BB%%A7a+lu%%E1%%BB%%93ng+%d+l%%C3%%BAc+%d",
    counter, thread_id, os.time())
  local body = "slug=" .. os.getenv("BENCH_SLUG") .. "&parent=&name=B%E1%BA%A1n%20%C4%91%E1%BB%8Dc&email=" ..
    "&body=" .. text .. "&website=&started=" .. os.getenv("BENCH_TOKEN")
  return wrk.format("POST", os.getenv("BENCH_PATH"), {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Origin"] = os.getenv("BENCH_ORIGIN"),
    ["Cookie"] = "toasoan_khach=" .. visitor,
    ["Accept"] = "application/json",
  }, body)
end
