#!/usr/bin/env python3
"""Compares one metric of two sweep folders run from the same sweep file at two commits.

For each (scenario, design) it prints both means with their standard deviation over seeds, and the mean of the
per-seed differences (after − before) with a 95% t interval: the seeds share their exogenous paths, so the paired
difference isolates what the code change did, and an interval that contains 0 means no shift beyond seed noise.
A cell equal at both commits in every seed is counted as identical, not as an interval that contains 0. With few seeds
the interval is wide (2 seeds: ± 12.7 times the differences' spread), so a sweep meant for this needs ten or more.
Only the Python standard library.

    python3 benchmarks/compare_sweeps.py BEFORE_SWEEP AFTER_SWEEP [METRIC]   # METRIC defaults to loss_borne
"""
import csv
import math
import statistics
import sys

# two-sided 95% quantiles of Student's t for 1..30 degrees of freedom
T95 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145, 2.131,
       2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042]


def load(folder, metric):
    rows = {}
    with open(f"{folder}/runs.csv", newline="") as f:
        for r in csv.DictReader(f):
            point = ",".join(f"{k[6:]}={v}" for k, v in r.items() if k.startswith("param:"))
            rows[(point, r["design"], int(r["seed"]))] = float(r[metric])
    return rows


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    metric = sys.argv[3] if len(sys.argv) == 4 else "loss_borne"
    before, after = load(sys.argv[1], metric), load(sys.argv[2], metric)
    if before.keys() != after.keys():
        sys.exit("the two sweeps do not have the same runs (points, designs, seeds)")
    print(f"{metric}: point, design, mean before (sd over seeds), mean after (sd), paired difference ± 95% interval")
    contained = total = identical = 0
    for point, design in sorted({(p, d) for p, d, _ in before}):
        seeds = sorted(s for p, d, s in before if (p, d) == (point, design))
        b = [before[(point, design, s)] for s in seeds]
        a = [after[(point, design, s)] for s in seeds]
        diff = [y - x for x, y in zip(b, a)]
        if not any(diff):
            identical += 1
            print(f"{point:30s} {design:14s} {statistics.mean(b):15,.0f}  identical in every seed")
            continue
        mean = statistics.mean(diff)
        half = T95[min(len(diff) - 1, 30) - 1] * statistics.stdev(diff) / math.sqrt(len(diff)) if len(diff) > 1 else math.inf
        total += 1
        contained += abs(mean) <= half
        print(f"{point:30s} {design:14s} {statistics.mean(b):15,.0f} ({statistics.stdev(b):12,.0f})"
              f" {statistics.mean(a):15,.0f} ({statistics.stdev(a):12,.0f}) {mean:+14,.0f} ± {half:12,.0f}"
              f"{'' if abs(mean) <= half else '  *'}")
    print(f"{contained} of {total} paired 95% intervals contain 0 (expect about {0.95 * total:.1f} by chance alone)"
          + (f"; {identical} cells identical in every seed" if identical else ""))


if __name__ == "__main__":
    main()
