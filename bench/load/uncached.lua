-- wrk script: every request asks for a random page from a list of paths (args[1]) with a unique query parameter,
-- so every request misses the page cache: the worst case, every view the first view of its page since a change.
-- Reports with percentiles.lua's done(); run from the repository root, as bench/load/run.sh does.
dofile("bench/load/percentiles.lua")

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
