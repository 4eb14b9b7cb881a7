-- Prints one JSON line when wrk ends: requests/s, p50/p99 (ms), errors and answers
-- that were not 2xx/3xx. Prepended to the other scripts by bench/backend.sh.
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'JSON {"requests":%d,"seconds":%.3f,"rps":%.1f,"p50":%.3f,"p99":%.3f,"max":%.3f,' ..
    '"socket_errors":%d,"non_2xx":%d}\n',
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    e.connect + e.read + e.write + e.timeout, e.status))
end
