-- POSTs one JSON body to /v1/sqlite/execute, each request with the next of BENCH_TOKENS (space-separated bearer
-- tokens, one per user) in turn: one token is one database; several spread the load over several databases.
local tokens = {}
for token in string.gmatch(os.getenv("BENCH_TOKENS"), "%S+") do tokens[#tokens + 1] = token end
local body = os.getenv("BENCH_BODY")
local i = 0
request = function()
  i = i % #tokens + 1
  return wrk.format("POST", "/v1/sqlite/execute",
    { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. tokens[i] }, body)
end
