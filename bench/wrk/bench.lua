-- bench/wrk/bench.lua - the one wrk script of bench/ingest.
--
--   wrk ... -s bench.lua URL -- MODE [BODIES [TOKENS [ORIGIN [THREADS]]]]
--
-- MODE:
--   get     GET the URL (the static file)
--   json    POST the lines of BODIES (bench/generate -f jsonl) as application/json
--   form    POST the lines of BODIES (bench/generate -f form) as a browser would: with a
--           distinct form_token from TOKENS, and Origin + Sec-Fetch-Site: same-origin
--   tokens  GET / and write each page's form_token to TOKENS.<thread>; a thread stops
--           when it has BODIES (a number) tokens. THREADS: wrk's -t, for form mode
--   paths   POST JSON to the paths of BODIES, lines "PATH BODY" (supports: each line a
--           person and a proposal); thread k sends lines k, k+T, ... once each (T is
--           THREADS, the 3rd argument); a wrap is counted as a reused token
--
-- Each thread walks the bodies from its own offset, so threads send different texts.
-- done() prints one line, "RESULT key=value ...", that bench/ingest parses: requests,
-- rate, latency percentiles, every status code seen, socket errors, reused tokens.

local threads = {}
local counter = 0

function setup(thread)
	thread:set("id", counter)
	counter = counter + 1
	table.insert(threads, thread)
end

local mode, bodies, tokens, origin
local n_bodies, next_body, n_tokens, next_token = 0, 1, 0, 1
statuses = {}
reused = 0
wanted = 0
got = 0

local function read_lines(path, keep)
	local lines = {}
	local f = assert(io.open(path, "r"))
	local i = 0
	for line in f:lines() do
		if keep(i) then
			lines[#lines + 1] = line
		end
		i = i + 1
	end
	f:close()
	return lines
end

function init(args)
	mode = args[1] or "get"
	if mode == "json" or mode == "form" then
		bodies = read_lines(args[2], function() return true end)
		n_bodies = #bodies
		next_body = 1 + (id * 7919) % n_bodies
	end
	if mode == "paths" or mode == "mixed" then
		local nthreads = tonumber(args[3] or "1")
		bodies = read_lines(args[2], function(i) return i % nthreads == id end)
		n_bodies = #bodies
	end
	if mode == "form" then
		-- Thread k takes tokens k, k+T, k+2T, ...: no token is sent twice.
		local nthreads = tonumber(args[5] or "1")
		tokens = read_lines(args[3], function(i) return i % nthreads == id end)
		n_tokens = #tokens
		origin = args[4]
	end
	if mode == "tokens" then
		wanted = tonumber(args[2])
		tokens = assert(io.open(args[3] .. "." .. id, "w"))
		tokens:setvbuf("line")
	end
end

function request()
	if mode == "json" then
		local body = bodies[next_body]
		next_body = next_body % n_bodies + 1
		return wrk.format("POST", nil, { ["Content-Type"] = "application/json" }, body)
	elseif mode == "paths" then
		local path, body = bodies[next_body]:match("^(%S+) (.*)$")
		next_body = next_body + 1
		if next_body > n_bodies then
			next_body = 1
			reused = reused + 1
		end
		return wrk.format("POST", path, { ["Content-Type"] = "application/json" }, body)
	elseif mode == "mixed" then
		local method, path, body = bodies[next_body]:match("^(%S+) (%S+) ?(.*)$")
		next_body = next_body + 1
		if next_body > n_bodies then
			next_body = 1
			reused = reused + 1
		end
		if method == "GET" then
			return wrk.format("GET", path)
		end
		return wrk.format("POST", path, { ["Content-Type"] = "application/json" }, body)
	elseif mode == "form" then
		local body = bodies[next_body]
		next_body = next_body % n_bodies + 1
		if next_token > n_tokens then
			next_token = 1
			reused = reused + 1 -- counted per wrap; bench/ingest reports it as an error
		end
		local token = tokens[next_token]
		next_token = next_token + 1
		return wrk.format("POST", nil, {
			["Content-Type"] = "application/x-www-form-urlencoded",
			["Origin"] = origin,
			["Sec-Fetch-Site"] = "same-origin",
		}, "form_token=" .. token .. "&" .. body)
	end
	return wrk.format("GET")
end

function response(status, headers, body)
	statuses[status] = (statuses[status] or 0) + 1
	if mode == "tokens" and status == 200 then
		local token = body:match('name="form_token" value="([^"]+)"')
		if token then
			tokens:write(token, "\n")
			got = got + 1
			if got >= wanted then
				tokens:flush()
				wrk.thread:stop()
			end
		end
	end
end

function done(summary, latency, requests)
	local all, reuse = {}, 0
	for _, thread in ipairs(threads) do
		for status, n in pairs(thread:get("statuses")) do
			all[status] = (all[status] or 0) + n
		end
		reuse = reuse + thread:get("reused")
	end
	local codes = {}
	for status, n in pairs(all) do
		codes[#codes + 1] = status .. ":" .. n
	end
	table.sort(codes)
	local e = summary.errors
	io.write(string.format(
		"RESULT requests=%d duration_s=%.3f rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f " ..
		"connect_errors=%d read_errors=%d write_errors=%d timeouts=%d token_wraps=%d statuses=%s\n",
		summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
		latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
		latency.max / 1000, e.connect, e.read, e.write, e.timeout, reuse, table.concat(codes, ",")))
end
