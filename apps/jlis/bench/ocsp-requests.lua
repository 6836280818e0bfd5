-- wrk script for bench/ocsp-bench.ts: sends pre-built OCSP requests in rotation, read from files that
-- bench/ocsp-bench-server.ts wrote, and prints one machine-readable result line.
--   wrk ... -s ocsp-requests.lua <url> -- <dir> <post|nonce|get> <count> <path>

-- `openssl ocsp` as a responder hangs for good on a connection closed without a request (NOTES.md), and
-- wrk's default resolve() opens exactly such a test connection: only look the address up.
function wrk.resolve(host, service)
  wrk.addrs = wrk.lookup(host, service)
end

local prepared = {}
local position = 0

function init(args)
  local dir, kind, count, path = args[1], args[2], tonumber(args[3]), args[4]
  if kind == "get" then
    for line in io.lines(dir .. "/get-paths.txt") do
      prepared[#prepared + 1] = wrk.format("GET", line)
    end
  else
    for i = 0, count - 1 do
      local file = assert(io.open(string.format("%s/%s-%d.der", dir, kind, i), "rb"))
      local body = file:read("*a")
      file:close()
      prepared[#prepared + 1] = wrk.format("POST", path, { ["Content-Type"] = "application/ocsp-request" }, body)
    end
  end
end

function request()
  position = position % #prepared + 1
  return prepared[position]
end

function done(summary, latency, _)
  local e = summary.errors
  io.write(string.format(
    'WRK_RESULT {"requests":%d,"durationUs":%d,"p50Us":%d,"p99Us":%d,' ..
    '"connectErrors":%d,"readErrors":%d,"writeErrors":%d,"statusErrors":%d,"timeouts":%d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.connect, e.read, e.write, e.status, e.timeout))
end
