#!/usr/bin/env python3
"""Times `gaizao diagnose ANSWERS --budget N` on a catalog (e.g. one written by bench/big-catalog.py): the median
wall time of several runs per answers file and budget, and whether the search was proven optimal.

    python3 bench/time-budget.py GAIZAO CATALOG [--runs 5] [--budgets 30,60,100,200,400] [ANSWERS ...]

GAIZAO is the binary (.build/debug/gaizao or a release build); ANSWERS default to the shipped auto-parts examples.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("gaizao")
    parser.add_argument("catalog")
    parser.add_argument("answers", nargs="*")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--budgets", default="30,60,100,200,400")
    args = parser.parse_intermixed_args()
    answers = args.answers or [os.path.join(HERE, "..", "examples", name) for name in
                               ("auto-parts-small-workshop.yaml", "auto-parts-midsize.yaml", "auto-parts-advanced.yaml")]
    budgets = [b for b in args.budgets.split(",") if b]
    out = tempfile.mkdtemp(prefix="gaizao-budget-")
    total = []
    for path in answers:
        for budget in budgets:
            times = []
            proven = "?"
            for _ in range(args.runs):
                t0 = time.perf_counter()
                run = subprocess.run([args.gaizao, "diagnose", path, "--catalog", args.catalog, "--budget", budget,
                                      "--format", "json", "-o", out], capture_output=True, text=True)
                times.append(time.perf_counter() - t0)
                if run.returncode != 0:
                    print(f"{os.path.basename(path)} budget {budget}: exit {run.returncode}: {run.stderr.strip()}", file=sys.stderr)
                    break
            if run.returncode != 0:
                continue
            written = os.path.splitext(os.path.basename(path))[0] + ".json"
            proposal = json.load(open(os.path.join(out, written), encoding="utf-8"))
            text = json.dumps(proposal, ensure_ascii=False)
            proven = "NOT proven optimal" if ("未必是全局最优" in text or "not proven" in text) else "proven"
            after = proposal.get("after", {})
            level = f"level {after.get('level', '?')}, {after.get('points', '?')} points"
            median = statistics.median(times)
            total.append(median)
            print(f"{os.path.basename(path):34} budget {budget:>5} 万元: median {median * 1000:8.0f} ms "
                  f"(min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f}, {len(times)} runs), {level}, {proven}")
    if total:
        print(f"median over all cases: {statistics.median(total) * 1000:.0f} ms; max {max(total) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
