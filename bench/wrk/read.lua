-- bench/wrk/read.lua - the GETs of bench/read.
--
--   wrk ... -s read.lua URL -- PATH [IDS [COOKIE]]
--
-- PATH is requested as it is, or, when it holds "{id}", with a random id from 1 to IDS in
-- its place (so the microcache does not answer: each id is its own entry). COOKIE "1" adds a
-- Cookie header, which nginx's microcache neither reads nor fills (uncached); any other
-- COOKIE but "0" is sent as the Cookie header itself (a staff session, bench/staff).
-- done() prints "RESULT rps=... p50=...ms p99=...ms non2xx=... errors=..." for bench/read.
local path, ids, headers = "/", 0, {}

function init(args)
	path = args[1] or "/"
	ids = tonumber(args[2] or "0") or 0
	if args[3] == "1" then
		headers["Cookie"] = "bench=1"
	elseif args[3] and args[3] ~= "0" and args[3] ~= "" then
		headers["Cookie"] = args[3]
	end
	math.randomseed(os.time() * 1000 + math.floor(os.clock() * 1e6))
end

function request()
	local p = path
	if ids > 0 then p = p:gsub("{id}", tostring(math.random(1, ids))) end
	return wrk.format("GET", p, headers)
end

function done(summary, latency, requests)
	local e = summary.errors
	io.write(string.format("RESULT rps=%.0f p50=%.1fms p99=%.1fms non2xx=%d errors=%d\n",
		summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
		latency:percentile(99) / 1000, e.status, e.connect + e.read + e.write + e.timeout))
end
