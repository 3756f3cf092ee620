#!/usr/bin/env python3
"""ABIDES's RMSC04 day against Backstop's rmsc04-day, on this machine, side by side.

Runs, for each repetition and each population scale, one ABIDES day (abides_day.py) and one Backstop day
(`java -jar backstop.jar run rmsc04-day.yaml`), alternating which goes first, each as a child process whose CPU
time (user + system) and peak RSS come from the kernel (os.wait4), whole process included: interpreter or JVM
start, building the agents, the day, writing results. Prints a Markdown table of the ranges over the
repetitions and writes every run to OUT/runs.jsonl and the table to OUT/table.md.

Memory per agent is the slope of peak RSS between the smallest and the largest scale (per repetition, then the
range). Counts: orders placed and fills for both; ABIDES's kernel messages (every message and wake-up it
delivers) and Backstop's transactions (every transaction an agent sent: orders, cancels) as each one's unit of
traffic. Standard library only (so it runs under any python3); abides_day.py needs ABIDES's dependencies.
"""
import argparse
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
NOISE, VALUE, MOMENTUM, MAKERS = 1000, 102, 12, 2


def child(cmd, cwd=None):
    """Runs cmd; returns (stdout, wall seconds, CPU seconds user + system, peak RSS KiB) of that process alone."""
    load = os.getloadavg()[0]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    # Read the pipes before reaping, so a child that writes much never blocks; wait4 then gives its rusage.
    out, err = proc.stdout.read(), proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        sys.exit(f"compare.py: {' '.join(cmd)} exited {proc.returncode}:\n{err[-3000:]}")
    return out, wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, load


def run_abides(args, scale):
    out, wall, cpu, rss, load = child([args.python, os.path.join(HERE, "abides_day.py"), "--abides", args.abides,
                                       "--seed", str(args.seed), "--scale", str(scale), "--end-time", args.end_time,
                                       *(["--lean"] if args.abides_lean else [])])
    r = json.loads(out.strip().splitlines()[-1])
    return dict(simulator="abides", scale=scale, agents=r["agents"], orders=r["orders"], fills=r["fills"],
                traffic=r["messages"], loop_seconds=r["run_wall_seconds"], wall=wall, cpu=cpu, rss_kib=rss,
                load=load, setup_peak_rss_kib=r.get("setup_peak_rss_kib"), end_rss_kib=r.get("end_rss_kib"),
                latency_matrix_kib=r.get("latency_matrix_kib"))


def run_backstop(args, scale, jar, scratch):
    folder = os.path.join(scratch, f"backstop-{scale}")
    cmd = ["java", "-Djava.awt.headless=true", *args.java_opts.split(), "-jar", jar, "run", args.scenario,
           "--seed", str(args.seed), "--out", folder, "--force",
           "--set", f"agents[0].count={NOISE * scale}", "--set", f"agents[1].count={VALUE * scale}",
           "--set", f"agents[2].count={MOMENTUM * scale}"]
    if args.end_time != "16:00:00":
        h, m, s = (int(x) for x in args.end_time.split(":"))
        cmd += ["--set", f"duration_seconds={h * 3600 + m * 60 + s - 9 * 3600 - 1800}"]
    _, wall, cpu, rss, load = child(cmd)
    with open(os.path.join(folder, "summary.json")) as f:
        summary = json.load(f)
    transactions = orders = agents = 0
    with open(os.path.join(folder, "agents.csv")) as f:
        header = f.readline().strip().split(",")
        ti, oi = header.index("transactions"), header.index("orders")
        for line in f:
            # The population column may be quoted with commas inside; the numeric columns are counted from the end.
            cells = line.rstrip("\n").split(",")
            transactions += int(cells[ti - len(header)])
            orders += int(cells[oi - len(header)])
            agents += 1
    fills = 0
    events = os.path.join(folder, "events.jsonl")
    with (gzip.open(events + ".gz", "rt") if os.path.exists(events + ".gz") else open(events)) as f:
        for line in f:
            if line.startswith('{"type":"fill"'):
                fills += 1
    shutil.rmtree(folder)
    return dict(simulator="backstop", scale=scale, agents=agents, orders=orders, fills=fills,
                traffic=transactions, loop_seconds=summary["wall_seconds"], wall=wall, cpu=cpu, rss_kib=rss,
                load=load)


def span(values, fmt="{:,.0f}"):
    values = [v for v in values if v is not None]
    if not values:
        return "—"
    lo, hi = min(values), max(values)
    return fmt.format(lo) if fmt.format(lo) == fmt.format(hi) else f"{fmt.format(lo)}–{fmt.format(hi)}"


def kib(r, key):
    return None if r.get(key) is None else r[key] / 1024


def table(runs, scales):
    by = lambda sim, scale: [r for r in runs if r["simulator"] == sim and r["scale"] == scale]
    sims = [s for s in ("abides", "backstop") if any(r["simulator"] == s for r in runs)]
    rows = []
    metrics = [
        ("agents", lambda r: r["agents"], "{:,.0f}"),
        ("orders placed", lambda r: r["orders"], "{:,.0f}"),
        ("fills", lambda r: r["fills"], "{:,.0f}"),
        ("messages (ABIDES) / transactions (Backstop)", lambda r: r["traffic"], "{:,.0f}"),
        ("wall time, s", lambda r: r["wall"], "{:,.1f}"),
        ("CPU time, s", lambda r: r["cpu"], "{:,.1f}"),
        ("peak RSS, MiB", lambda r: r["rss_kib"] / 1024, "{:,.0f}"),
        ("ABIDES: peak RSS by the end of set-up, MiB", lambda r: kib(r, "setup_peak_rss_kib"), "{:,.0f}"),
        ("ABIDES: RSS at the end of the day, MiB", lambda r: kib(r, "end_rss_kib"), "{:,.0f}"),
        ("ABIDES: its agents × agents latency matrix, MiB", lambda r: kib(r, "latency_matrix_kib"), "{:,.1f}"),
        ("orders per CPU-second", lambda r: r["orders"] / r["cpu"], "{:,.0f}"),
        ("fills per CPU-second", lambda r: r["fills"] / r["cpu"], "{:,.0f}"),
        ("messages / transactions per CPU-second", lambda r: r["traffic"] / r["cpu"], "{:,.0f}"),
        ("load average at start", lambda r: r["load"], "{:,.1f}"),
    ]
    header = "| scale | what | " + " | ".join({"abides": "ABIDES", "backstop": "Backstop"}[s] for s in sims)
    header += " | Backstop ÷ ABIDES |" if len(sims) == 2 else " |"
    rows.append(header)
    rows.append("|" + "---|" * (header.count("|") - 1))
    for scale in scales:
        for name, f, fmt in metrics:
            cells = [span([f(r) for r in by(s, scale)], fmt) for s in sims]
            if len(sims) == 2 and name not in ("agents", "load average at start") and not name.startswith("ABIDES"):
                a, b = [f(r) for r in by("abides", scale)], [f(r) for r in by("backstop", scale)]
                ratio = f"{min(b) / max(a):.2f}–{max(b) / min(a):.2f}" if min(a) > 0 else ""
                cells.append(ratio)
            elif len(sims) == 2:
                cells.append("")
            rows.append(f"| ×{scale} | {name} | " + " | ".join(cells) + " |")
    if len(scales) >= 2:
        lo, hi = min(scales), max(scales)
        cells = []
        slopes = {}
        for s in sims:
            small, large = by(s, lo), by(s, hi)
            slopes[s] = [(b["rss_kib"] - a["rss_kib"]) / (b["agents"] - a["agents"]) for a, b in zip(small, large)]
            cells.append(span(slopes[s], "{:,.1f}"))
        if len(sims) == 2:
            a, b = slopes["abides"], slopes["backstop"]
            cells.append(f"{min(b) / max(a):.3f}–{max(b) / min(a):.3f}" if min(a) > 0 else "")
        rows.append(f"| ×{lo}→×{hi} | peak RSS per added agent, KiB | " + " | ".join(cells) + " |")
        # What the added agents cost: the added work per added CPU-second, repetition by repetition.
        for name, key in (("orders", "orders"), ("fills", "fills"), ("messages / transactions", "traffic")):
            cells, added = [], {}
            for sim in sims:
                added[sim] = [(b[key] - a[key]) / (b["cpu"] - a["cpu"]) for a, b in zip(by(sim, lo), by(sim, hi))
                              if b["cpu"] > a["cpu"]]
                cells.append(span(added[sim]))
            if len(sims) == 2:
                a, b = added["abides"], added["backstop"]
                cells.append(f"{min(b) / max(a):.1f}–{max(b) / min(a):.1f}" if a and b and min(a) > 0 else "")
            rows.append(f"| ×{lo}→×{hi} | added {name} per added CPU-second | " + " | ".join(cells) + " |")
        if "abides" in sims:
            small, large = by("abides", lo), by("abides", hi)
            end = [(b["end_rss_kib"] - a["end_rss_kib"]) / (b["agents"] - a["agents"]) for a, b in zip(small, large)
                   if a.get("end_rss_kib") and b.get("end_rss_kib")]
            matrix = [(b["latency_matrix_kib"] - a["latency_matrix_kib"]) / (b["agents"] - a["agents"])
                      for a, b in zip(small, large) if a.get("latency_matrix_kib") and b.get("latency_matrix_kib")]
            pad = " | ".join([""] * len(sims))
            rows.append(f"| ×{lo}→×{hi} | ABIDES: RSS at the end of the day per added agent, KiB | {span(end, '{:,.1f}')} | {pad} |")
            rows.append(f"| ×{lo}→×{hi} | ABIDES: of which its latency matrix, KiB | {span(matrix, '{:,.1f}')} | {pad} |")
    return "\n".join(rows)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--abides", help="path of an abides-jpmc-public checkout (omit with --only backstop)")
    ap.add_argument("--jar", default=os.path.join(ROOT, "experiments", "target", "backstop.jar"))
    ap.add_argument("--scenario", default=os.path.join(HERE, "rmsc04-day.yaml"))
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--scales", default="1,4", help="population multiples, comma-separated (default 1,4)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--end-time", default="16:00:00", help="end of the day (default 16:00:00; starts 09:30)")
    ap.add_argument("--only", choices=("abides", "backstop"), help="run one simulator only")
    ap.add_argument("--python", default="/usr/bin/python3", help="the interpreter that has ABIDES's dependencies")
    ap.add_argument("--abides-lean", action="store_true",
                    help="ABIDES without RMSC04's order and book logging (its fastest settings)")
    ap.add_argument("--java-opts", default="", help="JVM options for Backstop, written --java-opts=-Xmx1g (with =)")
    ap.add_argument("--out", default=os.path.join(tempfile.gettempdir(), "backstop-vs-abides"))
    ap.add_argument("--table", metavar="RUNS_JSONL", help="only print the table of an earlier runs.jsonl")
    args = ap.parse_args()
    scales = [int(s) for s in args.scales.split(",")]
    if args.table:
        with open(args.table) as f:
            print(table([json.loads(line) for line in f], scales))
        return
    sims = [args.only] if args.only else ["abides", "backstop"]
    if "abides" in sims and not args.abides:
        sys.exit("compare.py: --abides PATH (an abides-jpmc-public checkout) is required unless --only backstop")
    os.makedirs(args.out, exist_ok=True)
    scratch = tempfile.mkdtemp(prefix="backstop-vs-abides-")
    # A private copy of the jar, so a build running meanwhile cannot change it under the measurement.
    jar = os.path.join(scratch, "backstop.jar")
    shutil.copyfile(args.jar, jar)
    runs = []
    with open(os.path.join(args.out, "runs.jsonl"), "w") as log:
        for rep in range(args.reps):
            for i, scale in enumerate(scales):
                order = sims if (rep + i) % 2 == 0 else sims[::-1]
                for sim in order:
                    r = run_abides(args, scale) if sim == "abides" else run_backstop(args, scale, jar, scratch)
                    r["rep"] = rep
                    runs.append(r)
                    log.write(json.dumps(r) + "\n")
                    log.flush()
                    print(f"rep {rep + 1}/{args.reps} ×{scale} {sim}: {r['cpu']:.1f} s CPU, {r['wall']:.1f} s wall, "
                          f"{r['rss_kib'] / 1024:.0f} MiB, {r['orders']:,} orders, {r['fills']:,} fills, "
                          f"{r['traffic']:,} messages/transactions (load {r['load']:.1f})", file=sys.stderr)
    shutil.rmtree(scratch)
    text = table(runs, scales)
    with open(os.path.join(args.out, "table.md"), "w") as f:
        f.write(text + "\n")
    print(text)


if __name__ == "__main__":
    main()
