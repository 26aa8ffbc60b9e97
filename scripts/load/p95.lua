-- wrk script: print the 95th percentile besides wrk's own latency distribution
done = function(summary, latency, requests)
    io.write(string.format("p95 latency: %.2f ms\n", latency:percentile(95) / 1000))
    io.write(string.format("p50 latency: %.2f ms, p99 latency: %.2f ms\n", latency:percentile(50) / 1000,
        latency:percentile(99) / 1000))
end
