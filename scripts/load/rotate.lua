-- wrk script: requests the paths given after `--` in turn (each thread starts at the first), keeping wrk's -H
-- headers, and prints the 50th, 95th and 99th percentiles
local paths, i = {}, 0

function init(args)
    for _, a in ipairs(args) do paths[#paths + 1] = a end
end

function request()
    i = i % #paths + 1
    return wrk.format("GET", paths[i])
end

done = function(summary, latency, requests)
    io.write(string.format("p95 latency: %.2f ms\n", latency:percentile(95) / 1000))
    io.write(string.format("p50 latency: %.2f ms, p99 latency: %.2f ms\n", latency:percentile(50) / 1000,
        latency:percentile(99) / 1000))
end
