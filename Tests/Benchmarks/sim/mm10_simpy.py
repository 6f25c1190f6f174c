"""The M/M/10 benchmark model in SimPy (des-anchors §3): arrivals 1.8/min, exponential
service of mean 5 min, 10 servers, FIFO, patience never. Prints one JSON line.

Usage: python mm10_simpy.py [CUSTOMERS] [SEED]
"""
import json
import random
import sys
import time

import simpy

LAMBDA, MU, SERVERS = 1.8, 0.2, 10


def main():
    target = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 20240601
    rng = random.Random(seed)
    env = simpy.Environment()
    desk = simpy.Resource(env, capacity=SERVERS)
    stats = {"served": 0, "waited": 0, "wait_sum": 0.0, "arrivals": 0}

    def visitor(env):
        arrived = env.now
        with desk.request() as req:
            yield req
            wait = env.now - arrived
            stats["served"] += 1
            stats["wait_sum"] += wait
            if wait > 0:
                stats["waited"] += 1
            yield env.timeout(rng.expovariate(MU))

    def source(env):
        while True:
            yield env.timeout(rng.expovariate(LAMBDA))
            stats["arrivals"] += 1
            env.process(visitor(env))

    env.process(source(env))
    start = time.perf_counter()
    env.run(until=target / LAMBDA)
    seconds = time.perf_counter() - start
    print(json.dumps({
        "engine": "simpy " + simpy.__version__,
        "customers": stats["arrivals"],
        "seconds": round(seconds, 3),
        "customers_per_s": round(stats["arrivals"] / seconds),
        "wait_mean_min": stats["wait_sum"] / max(1, stats["served"]),
        "wait_prob": stats["waited"] / max(1, stats["served"]),
    }))


if __name__ == "__main__":
    main()
