#!/usr/bin/env python3
"""One ABIDES RMSC04 day, counted: orders placed, fills, kernel messages, times and peak RSS, as one JSON line.

Runs abides_markets.configs.rmsc04.build_config unchanged (its defaults: order and book logging on, the
deterministic pairwise latency model) except for the seed, the end time (16:00 instead of 10:00) and, with
--scale, the number of noise, value and momentum agents (the two market makers stay two). ABIDES itself is not
part of Backstop: give the path of a checkout of jpmorganchase/abides-jpmc-public; its abides-core and
abides-markets directories are put on sys.path (nothing is installed). It needs numpy, pandas, scipy,
pomegranate 0.14 and coloredlogs (Debian: python3-numpy python3-pandas python3-scipy python3-pomegranate
python3-coloredlogs).

  python3 abides_day.py --abides /path/to/abides-jpmc-public [--seed 1] [--scale 1] [--end-time 16:00:00] [--lean]
"""
import argparse
import json
import os
import resource
import shutil
import sys
import tempfile
import time


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--abides", required=True, help="path of an abides-jpmc-public checkout")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--scale", type=int, default=1,
                    help="multiply the 1,000 noise, 102 value and 12 momentum agents by this")
    ap.add_argument("--end-time", default="16:00:00")
    ap.add_argument("--lean", action="store_true",
                    help="turn RMSC04's order logging and book logging off (ABIDES's fastest settings)")
    args = ap.parse_args()
    if args.scale < 1:
        ap.error(f"--scale: {args.scale} must be ≥ 1")
    for part in ("abides-core", "abides-markets"):
        path = os.path.abspath(os.path.join(args.abides, part))
        if not os.path.isdir(path):
            ap.error(f"--abides: {path} is not a directory; name an abides-jpmc-public checkout")
        sys.path.insert(0, path)

    # The kernel always writes ./log/<time>/summary_log.bz2: let it, in a scratch folder of our own, removed at the
    # end (it is the only thing this script deletes).
    scratch = tempfile.mkdtemp(prefix="abides-day-")
    cwd = os.getcwd()
    os.chdir(scratch)
    try:
        day(args)
    finally:
        os.chdir(cwd)
        shutil.rmtree(scratch)


def day(args):
    wall0, cpu0 = time.perf_counter(), time.process_time()
    import numpy as np
    from abides_core import Kernel
    from abides_core.utils import subdict
    from abides_markets.configs import rmsc04
    from abides_markets.orders import Order

    config = rmsc04.build_config(seed=args.seed, end_time=args.end_time, stdout_log_level="WARNING",
                                 num_noise_agents=1000 * args.scale, num_value_agents=102 * args.scale,
                                 num_momentum_agents=12 * args.scale,
                                 **(dict(log_orders=False, book_logging=False, exchange_log_orders=False)
                                    if args.lean else {}))
    kernel = Kernel(random_state=np.random.RandomState(seed=args.seed), log_dir="",
                    **subdict(config, ["start_time", "stop_time", "agents", "agent_latency_model",
                                       "default_computation_delay", "custom_properties"]))
    wall1, cpu1 = time.perf_counter(), time.process_time()
    setup_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kernel.initialize()
    kernel.runner()
    wall2, cpu2 = time.perf_counter(), time.process_time()
    kernel.terminate()

    exchange = kernel.agents[0]
    fills = sum(len(b.buy_transactions) + len(b.sell_transactions) for b in exchange.order_books.values())
    print(json.dumps({
        "simulator": "abides",
        "seed": args.seed,
        "scale": args.scale,
        "lean": args.lean,
        "agents": len(kernel.agents),
        "orders": Order._order_id_counter,        # every order an agent created (ids are handed out in sequence)
        "fills": fills,                           # one per match of an incoming order with a resting one
        "messages": kernel.ttl_messages,          # the kernel's own count: messages and wake-ups it delivered
        "setup_wall_seconds": wall1 - wall0,      # imports, build_config (agents, latency matrix), the kernel
        "run_wall_seconds": wall2 - wall1,        # initialize + the event loop
        "run_cpu_seconds": cpu2 - cpu1,
        "cpu_seconds": time.process_time() - cpu0,
        "peak_rss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        "setup_peak_rss_kib": setup_peak,         # the peak by the end of build_config (its latency matrices)
        "end_rss_kib": rss_now_kib(),             # what the process holds once the day is over
        # The latency model keeps an agents × agents matrix of int64 nanoseconds; building it makes float64 ones.
        "latency_matrix_kib": config["agent_latency_model"].min_latency.nbytes // 1024,
    }))


def rss_now_kib():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return None


if __name__ == "__main__":
    main()
