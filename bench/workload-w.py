# Reference workload W (see bench/simulate-bench.ts): numpy written the obvious way (whole matrices), timed in process.
# N paths x 10 years x 3 metrics: two compound levels V_t = V_{t-1}(1 + g_t), g_t ~ Normal(0.10, 0.03)
# from 29,000 and Normal(0.15, 0.05) from 2,500; one cumulative count with Poisson(3) arrivals a year
# from 6. Per metric and year: mean, p5, p50, p95 (numpy's default linear interpolation). Target
# probabilities in the second year: level 1 >= 35,000, level 2 >= 3,000, new arrivals >= 5.
# Prints one JSON line: {"seconds": ..., "maxRssMb": ...}. Usage: python3 bench/workload-w.py N
import json
import resource
import sys
import time

import numpy as np


def workload(n: int) -> float:
    """W written the obvious way: every path and year as one (10, n) matrix, cumprod/cumsum over years."""
    rng = np.random.default_rng(1)
    level1 = 29000 * np.cumprod(1 + rng.normal(0.10, 0.03, (10, n)), axis=0)
    level2 = 2500 * np.cumprod(1 + rng.normal(0.15, 0.05, (10, n)), axis=0)
    arrivals = rng.poisson(3, (10, n))
    count = 6 + np.cumsum(arrivals, axis=0)
    checksum = 0.0
    for metric in (level1, level2, count):
        checksum += metric.mean(axis=1).sum() + np.quantile(metric, [0.05, 0.5, 0.95], axis=1).sum()
    checksum += (level1[1] >= 35000).mean() + (level2[1] >= 3000).mean() + (arrivals[1] >= 5).mean()
    return checksum


n = int(sys.argv[1])
workload(min(n, 2000))
start = time.perf_counter()
workload(n)
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "maxRssMb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
