-- Comments from distinct visitors (visitors.lua), each text different (a duplicate
-- would be refused), with the article page's form token (BENCH_TOKEN).
request = function()
  local key, n, t = visitor()
  -- "Ý kiến số N của luồng T lúc S", percent-encoded
  local text = string.format("%%C3%%9D+ki%%E1%%BA%%BFn+s%%E1%%BB%%91+%d+c%%E1%%BB%%A7a+lu%%E1%%BB%%93ng+%d+l%%C3%%BAc+%d",
    n, t, os.time())
  return post("slug=" .. os.getenv("BENCH_SLUG") .. "&parent=&name=B%E1%BA%A1n%20%C4%91%E1%BB%8Dc&email=" ..
    "&body=" .. text .. "&website=&started=" .. os.getenv("BENCH_TOKEN"), key)
end
