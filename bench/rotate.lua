-- wrk script: each request takes the next path from a file (one path per line, e.g. /api/search?q=...),
-- so a run mixes many different queries or stories instead of hammering one cached answer.
-- Usage: wrk ... -s bench/rotate.lua http://127.0.0.1:PORT -- PATHS_FILE
local paths = {}
local counter = 0

function init(args)
  for line in io.lines(args[1]) do
    if #line > 0 then paths[#paths + 1] = line end
  end
  if #paths == 0 then error("no paths in " .. tostring(args[1])) end
  -- Threads start at different offsets so they do not ask for the same thing in step.
  counter = math.random(#paths)
end

function request()
  counter = counter % #paths + 1
  return wrk.format("GET", paths[counter])
end

