-- Ratings and comments in turn from distinct visitors (visitors.lua), paced so that
-- the BENCH_THREADS wrk threads (2) together send BENCH_WRITES_PER_SECOND (as long as
-- their connections keep up). BENCH_RATE_PATH and BENCH_COMMENT_PATH are the two
-- functions' addresses, BENCH_TOKEN the article page's form token.
local sent = 0
request = function()
  local key, n, t = visitor()
  sent = sent + 1
  if sent % 2 == 0 then
    return post("slug=" .. os.getenv("BENCH_SLUG") .. "&stars=" .. tostring(3 + n % 3), key,
      os.getenv("BENCH_RATE_PATH"))
  end
  local text = string.format("%%C3%%9D+ki%%E1%%BA%%BFn+s%%E1%%BB%%91+%d+c%%E1%%BB%%A7a+lu%%E1%%BB%%93ng+%d+l%%C3%%BAc+%d",
    n, t, os.time())
  return post("slug=" .. os.getenv("BENCH_SLUG") .. "&parent=&name=B%E1%BA%A1n%20%C4%91%E1%BB%8Dc&email=" ..
    "&body=" .. text .. "&website=&started=" .. os.getenv("BENCH_TOKEN"), key,
    os.getenv("BENCH_COMMENT_PATH"))
end
-- pacing: each wrk thread hands out send times `gap` apart to whichever of its
-- connections is free (the clock through LuaJIT's ffi; wrk's Lua has no finer one)
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
  int clock_gettime(int clock, bench_timespec *tp);
]]
local clock = ffi.new("bench_timespec")
local function now_ms()
  ffi.C.clock_gettime(1, clock) -- CLOCK_MONOTONIC
  return tonumber(clock.tv_sec) * 1000 + tonumber(clock.tv_nsec) / 1e6
end
local next_at = nil
delay = function()
  local now = now_ms()
  local gap = 1000 * tonumber(os.getenv("BENCH_THREADS") or "2") / tonumber(os.getenv("BENCH_WRITES_PER_SECOND"))
  -- behind by more than a tenth of a second (a stall): start again from now, no burst
  if next_at == nil or next_at < now - 100 then
    next_at = now
  end
  local at = math.max(next_at, now)
  next_at = at + gap
  return at - now
end
