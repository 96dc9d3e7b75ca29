-- Blob benchmark requests: BENCH_METHOD (GET or POST) on BENCH_KEYS keys in turn (blob-1, blob-2, ...),
-- with the bearer token BENCH_TOKEN; a POST sends the bytes of the file BENCH_BODY. With BENCH_PATH set, every
-- request is a GET of that path instead (the API floor).
local method = os.getenv("BENCH_METHOD")
local keys = tonumber(os.getenv("BENCH_KEYS"))
local headers = { ["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN") }
local body = nil
if method == "POST" then
  local file = assert(io.open(os.getenv("BENCH_BODY"), "rb"))
  body = file:read("*all")
  file:close()
  headers["Content-Type"] = "application/octet-stream"
end
local fixed = os.getenv("BENCH_PATH")
local i = 0
request = function()
  if fixed ~= nil and fixed ~= "" then
    return wrk.format("GET", fixed, headers)
  end
  i = i % keys + 1
  return wrk.format(method, "/v1/blob/blob-" .. i, headers, body)
end
