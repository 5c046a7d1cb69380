-- wrk script: every request asks for a random page from a list of paths (args[1]) in one signed-in session, as
-- analysts browsing the same records do: repeat views come from the page cache until the data changes (an import's
-- chunks change it at most every ClaimReview:ImportPageRefreshSeconds). Reports with percentiles.lua's done(); run from the repository root.
dofile("bench/load/percentiles.lua")

local paths = {}

init = function(args)
  for line in io.lines(args[1]) do
    paths[#paths + 1] = line
  end
  math.randomseed(os.time())
end

request = function()
  return wrk.format("GET", paths[math.random(#paths)])
end
