#!/usr/bin/python3
"""Load on the explorer (`pitstop serve`), standard library only.

    load.py URL PID

1. One user: runs of the bundled pitstop scenario, each with a what-if of its own (so none
   is cached), one after another — the median must be under 1 s.
2. The same run repeated: answered from the cache — the median must be under 50 ms.
3. Eight users at once, twenty runs each, every run a different what-if: p50 and p95
   latency, errors (anything but 200), and the server's peak resident memory (VmHWM).
"""
import http.client
import json
import statistics
import sys
import threading
import time
from urllib.parse import urlparse

URL = urlparse(sys.argv[1])
PID = int(sys.argv[2])
SINGLE_RUNS = 9
CACHED_RUNS = 20
USERS = 8
RUNS_PER_USER = 20


def post(path, body):
    connection = http.client.HTTPConnection(URL.hostname, URL.port, timeout=600)
    start = time.perf_counter()
    connection.request("POST", path, body=json.dumps(body), headers={"Content-Type": "application/json"})
    response = connection.getresponse()
    data = response.read()
    elapsed = time.perf_counter() - start
    cache = response.getheader("X-Pitstop-Cache")
    connection.close()
    return response.status, elapsed, cache, data


def what_if(n):
    """A distinct what-if for each n < 1,000: visits up by 0 to 20 %, and a group's size."""
    return {"scenario": "pitstop.yaml",
            "sets": [f"simulation.demand_scale={1 + n / 5000:.4f}", f"staff.student-main.count={2 + n % 5}"]}


def memory_kib(field):
    with open(f"/proc/{PID}/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def ms(seconds):
    return f"{seconds * 1000:,.0f} ms"


def percentile(values, p):
    return statistics.quantiles(values, n=100, method="inclusive")[p - 1]


def main():
    failures = []

    # 1. One user, uncached runs.
    single = []
    for n in range(SINGLE_RUNS):
        status, elapsed, cache, _ = post("/api/runs", what_if(900 + n))
        if status != 200 or cache != "miss":
            failures.append(f"single run {n}: {status} {cache}")
        single.append(elapsed)
    single_median = statistics.median(single)

    # 2. The same run again: from the cache.
    cached = []
    for _ in range(CACHED_RUNS):
        status, elapsed, cache, _ = post("/api/runs", what_if(900))
        if status != 200 or cache != "hit":
            failures.append(f"cached run: {status} {cache}")
        cached.append(elapsed)
    cached_median = statistics.median(cached)

    # 3. Eight users at once.
    latencies, errors, lock = [], [], threading.Lock()

    def user(u):
        for r in range(RUNS_PER_USER):
            status, elapsed, cache, data = post("/api/runs", what_if(u * RUNS_PER_USER + r))
            with lock:
                latencies.append(elapsed)
                if status != 200:
                    errors.append(f"user {u} run {r}: {status} {data[:120]!r}")

    start = time.perf_counter()
    threads = [threading.Thread(target=user, args=(u,)) for u in range(USERS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - start
    peak = memory_kib("VmHWM")

    print(f"{'explorer (release, 2 workers, bundled pitstop.yaml, 10 replications × 28 days)':<78}")
    print(f"  one user, a new what-if each run (median of {SINGLE_RUNS}): {ms(single_median):>10}"
          f"   (min {ms(min(single))}, max {ms(max(single))})   goal < 1,000 ms")
    print(f"  the same run again, from the cache (median of {CACHED_RUNS}): {ms(cached_median):>10}"
          f"   (max {ms(max(cached))})   goal < 50 ms")
    print(f"  {USERS} users × {RUNS_PER_USER} runs, all different: p50 {ms(percentile(latencies, 50))}, "
          f"p95 {ms(percentile(latencies, 95))}, max {ms(max(latencies))}; {len(latencies)} runs in {wall:.1f} s "
          f"({len(latencies) / wall:.1f} runs/s); errors: {len(errors)}")
    print(f"  server peak resident memory (VmHWM): {peak / 1024:,.0f} MiB; now {memory_kib('VmRSS') / 1024:,.0f} MiB")
    for line in failures + errors:
        print("  FAILED:", line)
    goals = single_median < 1.0 and cached_median < 0.05
    if failures or errors or not goals:
        sys.exit(1)


if __name__ == "__main__":
    main()
