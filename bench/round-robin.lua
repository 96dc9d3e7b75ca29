-- Requests N distinct vals in turn: each request names the next val's host.
local user = os.getenv("BENCH_USER")
local count = tonumber(os.getenv("BENCH_VALS"))
local domain = os.getenv("BENCH_RUN_HOST")
local i = 0
request = function()
  i = i % count + 1
  return wrk.format("GET", "/", { ["Host"] = user .. "-hello" .. i .. ".web." .. domain })
end
