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
