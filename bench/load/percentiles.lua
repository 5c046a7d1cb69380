-- wrk reporter: one line of latency percentiles (ms), throughput and errors, easy to grep.
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.status + summary.errors.timeout
  io.write(string.format("RESULT p50=%.1f p95=%.1f p99=%.1f max=%.1f rps=%.0f requests=%d errors=%d\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.requests / (summary.duration / 1e6), summary.requests, errors))
end
