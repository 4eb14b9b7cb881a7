-- Ratings from distinct visitors (visitors.lua), 3 to 5 stars, as the hydrated rating
-- form posts them. BENCH_PATH is the rating function's address, BENCH_SLUG the article.
request = function()
  local key, n = visitor()
  local body = "slug=" .. os.getenv("BENCH_SLUG") .. "&stars=" .. tostring(3 + n % 3)
  return wrk.format("POST", os.getenv("BENCH_PATH"), {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Origin"] = os.getenv("BENCH_ORIGIN"),
    ["Cookie"] = "toasoan_khach=" .. key,
    ["Accept"] = "application/json",
  }, body)
end
