#!/usr/bin/env python3
"""Self-test of tools/difffuzz's parts that need no engine: the generator is deterministic and
covers every section kind, the shrinker reduces a planted failure to its minimal program, and
the classifier names each kind of failure. With --strata BIN (and node on PATH) it also checks
that a sample of generated programs runs without error in node and in the interpreter.
Last line: `N passed, N failed`.
"""

import argparse
import importlib.machinery
import importlib.util
import os
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import difffuzz_gen  # noqa: E402
import difffuzz_shrink  # noqa: E402


def load_difffuzz():
    path = os.path.join(HERE, "difffuzz")
    loader = importlib.machinery.SourceFileLoader("difffuzz_tool", path)
    spec = importlib.util.spec_from_loader("difffuzz_tool", loader)
    mod = importlib.util.module_from_spec(spec)
    loader.exec_module(mod)
    return mod


RESULTS = [0, 0]


def check(cond, what):
    if cond:
        RESULTS[0] += 1
    else:
        RESULTS[1] += 1
        print("FAIL " + what)


def test_generator():
    a = difffuzz_gen.generate(42)
    check(a == difffuzz_gen.generate(42), "generate(42) is deterministic")
    check(a != difffuzz_gen.generate(43), "different seeds give different programs")
    for seed in range(200):
        text = difffuzz_gen.generate(seed)
        check(text.endswith("print('end', H);\n"), "seed %d ends with the final checksum" % seed)
        for banned in ("Math.random", "Date", "eval(", "function*", "with (", "/.", "`${"):
            if banned == "`${":
                continue  # template literals are allowed; tagged ones are never generated
            check(banned not in text, "seed %d avoids %s" % (seed, banned))
        items = difffuzz_shrink.split_items(text)
        check(all(not it[0].isspace() for it in items), "seed %d items start at column 0" % seed)
    # Every section kind appears somewhere in 200 programs (by the names it defines).
    all_text = "".join(difffuzz_gen.generate(s) for s in range(200))
    for prefix in ("ar_", "ov_", "nz_", "tc_", "rd_", "Pc_", "ga_", "th_", "acc_", "cl_",
                   "rc_", "st_", "pf_", "osr_", "ag_", "co_"):
        check(prefix in all_text, "some program has a %s section" % prefix)


def test_shrinker():
    text = "\n".join(["let a = 1;", "function f() {", "  let x = 0;", "  BUG;", "  return x;",
                      "}", "let b = 2;", "for (let i = 0; i < 1000; i++) {", "  g(i);", "}",
                      "f();"]) + "\n"
    items = difffuzz_shrink.split_items(text)
    check(len(items) == 5, "split_items finds 5 items (got %d)" % len(items))
    # The failure needs the BUG line, and a loop bound above 5.
    def pred(t):
        import re
        m = re.search(r"i < (\d+)", t)
        return "BUG" in t and m is not None and int(m.group(1)) > 5
    small = difffuzz_shrink.shrink(text, pred, 30)
    check(small.count("\n") == 2, "shrink keeps two lines (got %r)" % small)
    check("BUG" in small and "i < 10" in small, "shrink kept the cause and cut 1000 to 10 (%r)" % small)
    check(difffuzz_shrink.shrink(text, lambda t: False, 5) == text,
          "an unreproducible failure keeps the whole program")


def test_classifier():
    df = load_difffuzz()
    R = df.RT.Result
    ok = R("a\nb\n", "", 0, False, 0.1)
    cfg = df.Config("x", "--flag", 1)
    node = df.Config("node", "", 1)
    check(df.classify(cfg, R("a\nb\n", "", 0, False, 0.1), ok) is None, "equal: no finding")
    check(df.classify(cfg, R("a\nc\n", "", 0, False, 0.1), ok) == "diff", "stdout: diff")
    check(df.classify(cfg, R("a\nb\n", "Uncaught X", 1, False, 0.1), ok) == "diff", "status: diff")
    check(df.classify(cfg, R("a\n", "", -11, False, 0.1), ok) == "crash", "signal: crash")
    check(df.classify(cfg, R("", "strata: internal error at x.c:1", -6, False, 0.1), ok) == "crash",
          "assertion: crash")
    check(df.classify(cfg, R("", "", -9, True, 9), ok) == "hang", "timeout: hang")
    check(df.classify(cfg, R("a\nb\n", "==1==ERROR: AddressSanitizer: heap-use-after-free", 1,
                             False, 0.1), ok) == "asan", "sanitizer report: asan")
    check(df.classify(node, R("a\nB\n", "", 0, False, 0.1), ok) == "node", "node disagrees")
    check(df.classify(node, R("a\nb\n", "other stderr", 0, False, 0.1), ok) is None,
          "node's stderr is not compared")
    check(df.section_of(R("x_1 1\nar_3 5\n", "", 0, False, 0), R("x_1 1\nar_3 6\n", "", 0, False, 0))
          == "ar", "section_of names the section")


def test_hang_confirmation():
    """A wall-clock timeout is a hang only if the run also uses HANG_CONFIRM_FACTOR times the
    timeout of CPU time (or HANG_WALL_FACTOR times it of wall time): a loaded machine makes
    slow runs time out."""
    df = load_difffuzz()
    work = os.path.join("/tmp", "difffuzz-selftest-hang-%d" % os.getpid())
    os.makedirs(work, exist_ok=True)
    try:
        scripts = {"slow": "sleep 0.5\n", "busy": "while :; do :; done\n", "asleep": "sleep 60\n"}
        for name, text in scripts.items():
            with open(os.path.join(work, name + ".sh"), "w") as f:
                f.write(text)
        cfg = df.Config("x", "", 0.2)  # the command is `/bin/sh FILE`
        path = lambda name: os.path.join(work, name + ".sh")  # noqa: E731
        check(df.execute(cfg, "/bin/sh", path("slow")).timed_out, "a 0.5 s run times out at 0.2 s")
        check(not df.confirmed("hang", cfg, "/bin/sh", path("slow")),
              "a run that ends within %gx the timeout is not a hang" % df.HANG_CONFIRM_FACTOR)
        check(df.confirmed("hang", cfg, "/bin/sh", path("busy")), "an endless loop is a hang (CPU)")
        check(df.confirmed("hang", cfg, "/bin/sh", path("asleep")),
              "a run that never ends is a hang (wall)")
        check(df.confirmed("diff", cfg, "/bin/sh", path("slow")), "other kinds need no confirmation")
    finally:
        shutil.rmtree(work, ignore_errors=True)


def test_programs(strata, count):
    df = load_difffuzz()
    work = os.path.join("/tmp", "difffuzz-selftest-%d" % os.getpid())
    os.makedirs(work, exist_ok=True)
    try:
        for seed in range(count):
            p = os.path.join(work, "p%d.js" % seed)
            with open(p, "w") as f:
                f.write(difffuzz_gen.generate(seed))
            s = df.RT.run([strata, "--tiers=interp", p], work, 60)
            check(s.status == 0 and s.stdout.endswith("\n") and "end " in s.stdout,
                  "seed %d runs in the interpreter (status %s: %s)" % (seed, s.status, s.stderr_first()))
            if shutil.which("node"):
                n = df.RT.run(["node", "-r", df.NODE_PRELUDE, p], work, 60)
                check(n.status == 0, "seed %d runs in node (%s)" % (seed, n.stderr[:200]))
                check(n.stdout == s.stdout, "seed %d: node and the interpreter agree" % seed)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--strata", help="also run generated programs with this binary (and node)")
    ap.add_argument("--programs", type=int, default=5)
    opts = ap.parse_args()
    test_generator()
    test_shrinker()
    test_classifier()
    test_hang_confirmation()
    if opts.strata:
        test_programs(os.path.abspath(opts.strata), opts.programs)
    print("%d passed, %d failed" % tuple(RESULTS))
    return 1 if RESULTS[1] else 0


if __name__ == "__main__":
    sys.exit(main())
