#!/usr/bin/env python3
"""ABIDES's RMSC04 day against Backstop's rmsc04-day, on this machine, side by side.

Runs, for each repetition and each population scale, one ABIDES day (abides_day.py) and one Backstop day
(`java -jar backstop.jar run rmsc04-day.yaml`), alternating which goes first, each as a child process whose CPU
time (user + system) and peak RSS come from the kernel (os.wait4), whole process included: interpreter or JVM
start, building the agents, the day, writing results. Prints a Markdown table of the ranges over the
repetitions and writes every run to OUT/runs.jsonl and the table to OUT/table.md (a new folder unless --out names
one; it never overwrites a file, and deletes only the scratch folder it made for the runs). Each run records the
load averages (1, 5 and 15 minutes, as `uptime` prints them) at its start and end: other processes share the CPUs.

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
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
NOISE, VALUE, MOMENTUM, MAKERS = 1000, 102, 12, 2


def loadavg():
    """The 1-, 5- and 15-minute load averages, as uptime prints them."""
    return list(os.getloadavg())


def child(cmd, cwd=None):
    """Runs cmd; returns (stdout, wall s, CPU s user + system, peak RSS KiB, load before, load after) of that process."""
    load = loadavg()
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    # Drain both pipes before reaping (stderr on a thread, so a child that fills either never blocks); wait4 then
    # gives the child's own rusage, which Popen.wait would discard.
    err = []
    reader = threading.Thread(target=lambda: err.append(proc.stderr.read()))
    reader.start()
    out = proc.stdout.read()
    reader.join()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        raise Failed(f"{' '.join(cmd)} exited {proc.returncode}:\n{err[0][-3000:]}")
    return out, wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, load, loadavg()


class Failed(Exception):
    """A child run failed; compare.py reports it and exits non-zero."""


def run_abides(args, scale):
    out, wall, cpu, rss, load, load_after = child([args.python, os.path.join(HERE, "abides_day.py"), "--abides", args.abides,
                                       "--seed", str(args.seed), "--scale", str(scale), "--end-time", args.end_time,
                                       *(["--lean"] if args.abides_lean else [])])
    r = json.loads(out.strip().splitlines()[-1])
    return dict(simulator="abides", scale=scale, agents=r["agents"], orders=r["orders"], fills=r["fills"],
                traffic=r["messages"], loop_seconds=r["run_wall_seconds"], wall=wall, cpu=cpu, rss_kib=rss,
                load=load, load_after=load_after, setup_peak_rss_kib=r.get("setup_peak_rss_kib"), end_rss_kib=r.get("end_rss_kib"),
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
    _, wall, cpu, rss, load, load_after = child(cmd)
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
                load=load, load_after=load_after)


LOAD_BEFORE, LOAD_AFTER = "load average (1 min) at start", "load average (1 min) at the end"


def load1(r, key):
    """The 1-minute load average recorded with a run (a list of 1, 5, 15 min; a number in older runs.jsonl)."""
    v = r.get(key)
    return v[0] if isinstance(v, list) else v


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
        ("orders per wall-second", lambda r: r["orders"] / r["wall"], "{:,.0f}"),
        ("fills per wall-second", lambda r: r["fills"] / r["wall"], "{:,.0f}"),
        ("messages / transactions per wall-second", lambda r: r["traffic"] / r["wall"], "{:,.0f}"),
        (LOAD_BEFORE, lambda r: load1(r, "load"), "{:,.2f}"),
        (LOAD_AFTER, lambda r: load1(r, "load_after"), "{:,.2f}"),
    ]
    header = "| scale | what | " + " | ".join({"abides": "ABIDES", "backstop": "Backstop"}[s] for s in sims)
    header += " | Backstop ÷ ABIDES |" if len(sims) == 2 else " |"
    rows.append(header)
    rows.append("|" + "---|" * (header.count("|") - 1))
    for scale in scales:
        for name, f, fmt in metrics:
            if name.startswith("ABIDES") and "abides" not in sims:
                continue
            cells = [span([f(r) for r in by(s, scale)], fmt) for s in sims]
            if len(sims) == 2 and name not in ("agents", LOAD_BEFORE, LOAD_AFTER) and not name.startswith("ABIDES"):
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


def fail(ap, option, message):
    """Bad input: names the option at fault and exits 2 (argparse's usage error), before anything is run or written."""
    ap.error(f"{option}: {message}")


def check(ap, args):
    """Checks every option before the first run, so a mistake costs no ABIDES day; returns the scales."""
    try:
        scales = [int(s) for s in args.scales.split(",")]
    except ValueError:
        fail(ap, "--scales", f"{args.scales!r} must be comma-separated whole numbers, e.g. 1,4")
    if not scales or min(scales) < 1 or len(set(scales)) != len(scales):
        fail(ap, "--scales", f"{args.scales!r} must be distinct whole numbers ≥ 1")
    if args.table:
        if not os.path.isfile(args.table):
            fail(ap, "--table", f"{args.table} is not a file")
        return scales
    if args.reps < 1:
        fail(ap, "--reps", f"{args.reps} must be ≥ 1")
    parts = args.end_time.split(":")
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        fail(ap, "--end-time", f"{args.end_time!r} must be HH:MM:SS")
    h, m, sec = (int(p) for p in parts)
    if not (m < 60 and sec < 60 and 9 * 3600 + 1800 < h * 3600 + m * 60 + sec <= 24 * 3600):
        fail(ap, "--end-time", f"{args.end_time} must be a time of day after the 09:30:00 start")
    sims = [args.only] if args.only else ["abides", "backstop"]
    if "abides" in sims:
        if not args.abides:
            fail(ap, "--abides", "the path of an abides-jpmc-public checkout is required unless --only backstop")
        for part in ("abides-core", "abides-markets"):
            if not os.path.isdir(os.path.join(args.abides, part)):
                fail(ap, "--abides", f"{args.abides} has no {part} directory; name an abides-jpmc-public checkout")
        if not (os.path.isfile(args.python) and os.access(args.python, os.X_OK)):
            fail(ap, "--python", f"{args.python} is not an executable file")
    if "backstop" in sims:
        if not os.path.isfile(args.jar):
            fail(ap, "--jar", f"{args.jar} is missing (compare.sh builds it; or mvn -pl protocol,model,agents,"
                              f"analysis,experiments package -DskipTests)")
        if not os.path.isfile(args.scenario):
            fail(ap, "--scenario", f"{args.scenario} is not a file")
    if args.out is not None:
        if os.path.exists(args.out) and not os.path.isdir(args.out):
            fail(ap, "--out", f"{args.out} exists and is not a directory")
        for name in ("runs.jsonl", "table.md"):
            if os.path.exists(os.path.join(args.out, name)):
                fail(ap, "--out", f"{args.out} already holds {name}; name a new folder (nothing is overwritten)")
    return scales


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
    ap.add_argument("--out", help="folder for runs.jsonl and table.md, created if missing, never overwritten "
                                  "(default: a new /tmp/backstop-vs-abides-… folder)")
    ap.add_argument("--table", metavar="RUNS_JSONL", help="only print the table of an earlier runs.jsonl")
    args = ap.parse_args()
    scales = check(ap, args)
    if args.table:
        with open(args.table) as f:
            print(table([json.loads(line) for line in f], scales))
        return
    sims = [args.only] if args.only else ["abides", "backstop"]
    if args.out is None:
        args.out = tempfile.mkdtemp(prefix="backstop-vs-abides-results-")
    os.makedirs(args.out, exist_ok=True)
    print(f"compare.py: writing {os.path.join(args.out, 'runs.jsonl')}", file=sys.stderr)
    # Everything compare.py deletes is inside this folder, which it created.
    scratch = tempfile.mkdtemp(prefix="backstop-vs-abides-")
    try:
        jar = None
        if "backstop" in sims:
            # A private copy of the jar, so a build running meanwhile cannot change it under the measurement.
            jar = os.path.join(scratch, "backstop.jar")
            shutil.copyfile(args.jar, jar)
        runs = []
        # "x": never overwrite (check() refused an --out that holds one; a run started meanwhile fails here).
        with open(os.path.join(args.out, "runs.jsonl"), "x") as log:
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
                              f"{r['traffic']:,} messages/transactions (load average {load_text(r['load'])} at start, "
                              f"{load_text(r['load_after'])} at the end)", file=sys.stderr)
    except Failed as e:
        sys.exit(f"compare.py: {e}")
    finally:
        shutil.rmtree(scratch)
    text = table(runs, scales)
    with open(os.path.join(args.out, "table.md"), "x") as f:
        f.write(text + "\n")
    print(text)


def load_text(load):
    return ", ".join(f"{v:.2f}" for v in load)


if __name__ == "__main__":
    main()
