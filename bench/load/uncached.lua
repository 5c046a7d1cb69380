-- wrk script: every request asks for a random page from a list of paths (args[1]) with a unique query parameter,
-- so every request misses the page cache: the worst case, every view the first view of its page since a change.
-- Reports like percentiles.lua.
local paths = {}
local counter = 0

init = function(args)
  for line in io.lines(args[1]) do
    paths[#paths + 1] = line
  end
  math.randomseed(os.time() + (tonumber(args[2]) or 0))
end

request = function()
  counter = counter + 1
  local path = paths[math.random(#paths)]
  local separator = string.find(path, "?", 1, true) and "&" or "?"
  return wrk.format("GET", path .. separator .. "uncached=" .. counter .. "-" .. math.random(1000000000))
end

done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.status + summary.errors.timeout
  io.write(string.format("RESULT p50=%.1f p95=%.1f p99=%.1f rps=%.0f requests=%d errors=%d\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests / (summary.duration / 1e6), summary.requests, errors))
end
