#!/usr/bin/python3
"""Smoke test of strata_bench (ctest: bench/*): runs the benchmarks a filter selects for a
moment each and checks the wrapper, not the speed.

    check_smoke.py STRATA_BENCH FILTER NAME[,NAME...]

Each NAME must appear in the run's JSON output, with iterations > 0 and a positive time, and
must not have failed. A benchmark may instead have been skipped because its tier is not built
in this binary ("tier X not built: ..."): that is what strata_bench must do then, and counts as
a pass. Any other error message is a failure. Last line: "N passed, N failed".
"""
import json
import subprocess
import sys


def main(argv):
    binary, filt, names = argv[1], argv[2], argv[3].split(",")
    # Google Benchmark 1.7 takes --benchmark_min_time as a plain number of seconds (1.8 wants
    # "0.01s"); see /work/shared/notes/toolchain.md.
    cmd = [binary, f"--benchmark_filter={filt}", "--benchmark_min_time=0.01",
           "--benchmark_format=json"]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    if proc.returncode != 0:
        print(proc.stdout[-2000:], proc.stderr[-2000:], sep="\n")
        print(f"FAIL: {' '.join(cmd)} exited with {proc.returncode}")
        print("0 passed, 1 failed")
        return 1
    rows = {}
    for b in json.loads(proc.stdout)["benchmarks"]:
        # Fixed-iteration benchmarks are named "name/iterations:N".
        rows[b["name"].split("/iterations:")[0]] = b
    passed = failed = 0
    for name in names:
        b = rows.get(name)
        if b is None:
            verdict = "FAIL: not in the output"
        elif b.get("error_occurred"):
            msg = b.get("error_message", "")
            verdict = f"ok (skipped: {msg})" if " not built" in msg else f"FAIL: {msg}"
        elif b.get("iterations", 0) > 0 and b.get("cpu_time", 0) > 0:
            counters = {k: v for k, v in b.items() if k.startswith("per_") and k != "per_family_instance_index"}
            verdict = f"ok ({b['iterations']} iterations, {counters or b['cpu_time']})"
        else:
            verdict = f"FAIL: no iterations or no time: {b}"
        ok = verdict.startswith("ok")
        passed += ok
        failed += not ok
        print(f"{name}: {verdict}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
