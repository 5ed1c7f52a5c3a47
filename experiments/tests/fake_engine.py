#!/usr/bin/python3
"""A fake JavaScript engine for testing experiments/sweep without node or strata.

It runs nothing: given a benchmark file and an iteration count (the last two arguments, as
the sweep appends them) it prints the harness protocol with synthetic, deterministic
timings, and writes a --stats JSON file like Strata's. Options make it misbehave:

  --stats=FILE          write {"totals": {...}, "gc": {...}} (strata's layout) to FILE at exit
  --profile=P           flat | warmup | slowdown | nosteady (default flat); or
                        NAME:P,NAME:P to choose per benchmark
  --base-ms=X           steady iteration time (default 50)
  --speed=F             divide every time by F (a "faster engine")
  --seed=N              noise seed (the sweep passes {invocation})
  --crash-on=A,B        die with SIGSEGV after the first iteration of these benchmarks
  --hang-on=A,B         sleep forever (until the sweep's timeout kills it)
  --fail-check-on=A,B   print a failing CHECK line and exit 1
  --exit-on=A,B         exit 3 with a message on stderr, no CHECK line
Environment: FAKE_HANG_FLAG=PATH makes every benchmark hang while PATH exists.
"""
import json
import os
import random
import signal
import sys
import time


def times_for(profile, n, base, rng):
    out = []
    for i in range(n):
        level = base
        if profile == "warmup" and i < max(1, n // 4):
            level = base * 3
        elif profile == "slowdown" and i >= n // 2:
            level = base * 1.6
        elif profile == "nosteady":
            level = base * (1 + 0.25 * i)  # keeps drifting to the very end
        out.append(max(0.001, level * (1 + rng.gauss(0, 0.01))))
    return out


def main(argv):
    opts = {}
    pos = []
    for a in argv:
        if a.startswith("--"):
            k, _, v = a[2:].partition("=")
            opts[k] = v
        else:
            pos.append(a)
    bench_path, n = pos[-2], int(pos[-1])
    name = os.path.basename(bench_path)[:-3]
    lists = {k: set(filter(None, opts.get(k, "").split(","))) for k in
             ("crash-on", "hang-on", "fail-check-on", "exit-on")}
    profile = "flat"
    for item in opts.get("profile", "flat").split(","):
        if ":" in item:
            b, _, p = item.partition(":")
            if b == name:
                profile = p
        elif item:
            profile = item
    rng = random.Random(f"{name}:{opts.get('seed', '0')}")
    base = float(opts.get("base-ms", "50")) / float(opts.get("speed", "1"))
    flag = os.environ.get("FAKE_HANG_FLAG")
    if name in lists["hang-on"] or (flag and os.path.exists(flag)):
        time.sleep(3600)
    if name in lists["exit-on"]:
        sys.stderr.write("fake: internal error: not implemented\n")
        return 3
    for i, t in enumerate(times_for(profile, n, base, rng)):
        print(f"BENCH {name} {i} {t:.3f}", flush=True)
        if name in lists["crash-on"]:
            os.kill(os.getpid(), signal.SIGSEGV)
    if "stats" in opts:
        with open(opts["stats"], "w") as f:
            # The layout strata's --stats writes (tools/report.c): GC totals in "gc".
            json.dump({"totals": {"compiles": 3 * n, "compile_ms": 1.5 * n / float(opts.get("speed", "1")),
                                  "deopts": 1},
                       "gc": {"collections": n, "pause_ms_total": 0.25 * n,
                              "bytes_allocated": 1 << 20}}, f)
    if name in lists["fail-check-on"]:
        print(f"CHECK {name} FAIL expected=42 got=41")
        return 1
    print(f"CHECK {name} ok")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
