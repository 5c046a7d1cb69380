-- wrk script: every request asks for a random page from a list of paths (args[1]) as a new browser session would
-- (the session's cookies args[2] with a fresh antiforgery cookie each time), so every request misses the page cache,
-- which is per session: the worst case, every view the first view of its page since a change. (A unique query
-- parameter no longer does this: the cache ignores query keys the page does not read.)
-- Reports with percentiles.lua's done(); run from the repository root, as bench/load/run.sh does.
dofile("bench/load/percentiles.lua")

local paths = {}
local counter = 0
local cookie = ""

init = function(args)
  for line in io.lines(args[1]) do
    paths[#paths + 1] = line
  end
  cookie = args[2] or ""
  math.randomseed(os.time())
end

request = function()
  counter = counter + 1
  local path = paths[math.random(#paths)]
  return wrk.format("GET", path, { ["Cookie"] = cookie .. "; ClaimReview.Antiforgery=uncached" .. counter .. "-" .. math.random(1000000000) })
end
