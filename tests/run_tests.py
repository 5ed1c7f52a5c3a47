#!/usr/bin/env python3
"""Runs Strata's JavaScript corpus (tests/js/) and checks each test's inline annotations.

    run_tests.py --strata BIN [--config NAME=FLAGS ...] [--differential] [-j N]
                 [--timeout S] [--filter SUBSTR] [paths...]
    run_tests.py --node [paths...]          validate the corpus against node instead
    run_tests.py --list-configs

Every test runs once per configuration (default: the table CONFIGS below, i.e. `interp` with no
extra flags). Its stdout, exit status and stderr are checked against the annotations in its
comments (the Wren model; the format is in tests/js/README.md):

    // expect: TEXT            one stdout line; all of them, in file order, are stdout exactly
    // expect-uncaught: N: M   ends with an uncaught exception: exit 1, stderr's first line is
                               `Uncaught N: M` (`Uncaught N` or `Uncaught N: ...` if only N)
    // expect-exit: N          exit status (default 0, or 1 with expect-uncaught)
    // expect-stderr: TEXT     some line of stderr contains TEXT
    // flags: --x --y          extra engine flags (under --node, given to node too)
    // args: a b               script arguments
    // engine-only: REASON     not run under --node
    // expect-repeatable       a second run gives the same stdout and stderr (determinism)

With --differential every configuration after the first must also reproduce the first one's
stdout, first stderr line and exit status exactly: the first configuration is the oracle
(the interpreter), the others are the tiers checked against it (the MIR model).

Under --node the engine is `node -r tests/tools/node_prelude.js` (which defines d8's print),
engine-only tests are skipped, and expect-uncaught is checked against node's own report
(a stderr line `Name: message`, or `Name [Base]: message` for subclasses).

Files whose name starts with `_`, and directories named `modules` or starting with `_` or `.`,
are not tests (they hold modules that tests require()).

Output: one line per failure (file, config, the first difference), then `N passed, N failed`
counted per test and configuration. Exit status 0 if nothing failed, 1 otherwise, 2 on bad usage.
Python 3 standard library only.
"""

import argparse
import concurrent.futures
import difflib
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "js")
NODE_PRELUDE = os.path.join(HERE, "tools", "node_prelude.js")

# Named configurations: NAME -> extra engine flags. The first one is the oracle in
# --differential runs. Tier configurations are added here as tiers land, e.g.
# "baseline": "--tiers=interp,baseline --eager".
CONFIGS = {
    "interp": "--tiers=interp",
    # The tiers, checked against the interpreter with --differential. --eager compiles every
    # function at its first call (no feedback yet: never-run code compiles generically);
    # --no-concurrent makes tier-up points deterministic.
    "llvm": "--tiers=llvm --eager",
    "llvm-hot": "--tiers=interp,llvm@50 --no-concurrent",
    "llvm-deopt": "--tiers=interp,llvm@20 --no-concurrent --deopt-every=5",
    "mid": "--tiers=mid --eager",
    "mid-hot": "--tiers=interp,mid@50 --no-concurrent",
    "gccjit": "--tiers=gccjit --eager",
    "gccjit-hot": "--tiers=interp,gccjit@50 --no-concurrent",
    "gccjit-deopt": "--tiers=interp,gccjit@20 --no-concurrent --deopt-every=5",
    "baseline": "--tiers=baseline --eager",
    "baseline-hot": "--tiers=interp,baseline@20 --no-concurrent",
    # Issue 6's mixed chains (full runs only, not CI: time budget). Code deoptimized from
    # mid, llvm or gccjit resumes in the interpreter, and re-enters baseline code once that
    # tier gives up on it (tests/js/jit/chain_deopt_to_baseline.js).
    "chain-mid": "--tiers=interp,baseline@50,mid@500,llvm@5000",
    "chain-gccjit": "--tiers=interp,baseline@50,gccjit@2000",
}
DEFAULT_CONFIGS = ["interp"]

# `// key: value` annotations. `expect` keeps its text verbatim after one optional space, so
# that expected lines may start with spaces; other values are stripped.
ANNOTATION = re.compile(r"//\s*(expect-uncaught|expect-exit|expect-stderr|expect|flags|args|"
                        r"engine-only|requires-tier)\s*:(.*)$")
REPEATABLE = re.compile(r"//\s*expect-repeatable\s*$")
# Anything that looks like an annotation but is not one of the above (a typo would otherwise
# silently turn a check off).
ANNOTATION_LIKE = re.compile(r"//\s*(expect[\w-]*|flags|args|engine[\w-]*|requires[\w-]*)\s*:")


class Test:
    """One test file and its parsed annotations."""

    def __init__(self, path, rel):
        self.path = path
        self.rel = rel
        self.expect = []          # stdout lines, in file order
        self.uncaught = None      # "Name" or "Name: message"
        self.exit = None          # expected exit status, if given
        self.stderr = []          # substrings that some stderr line must contain
        self.flags = []
        self.args = []
        self.engine_only = None   # reason, if engine-only
        self.requires_tier = None # tiers to run it with ({tier} in flags); unavailable: skipped
        self.repeatable = False   # run twice and require identical output
        self.errors = []          # malformed annotations

    def parse(self):
        with open(self.path, encoding="utf-8", errors="replace") as f:
            lines = f.read().split("\n")
        for n, line in enumerate(lines, 1):
            line = line.rstrip("\r")
            if REPEATABLE.search(line):
                self.repeatable = True
                continue
            m = ANNOTATION.search(line)
            if not m:
                if ANNOTATION_LIKE.search(line):
                    self.errors.append("line %d: unknown annotation: %s" % (n, line.strip()))
                continue
            key, raw = m.group(1), m.group(2)
            value = raw.strip()
            if key == "expect":
                self.expect.append(raw[1:] if raw.startswith(" ") else raw)
            elif key == "expect-uncaught":
                if not value:
                    self.errors.append("line %d: expect-uncaught needs a name" % n)
                self.uncaught = value
            elif key == "expect-exit":
                if not re.fullmatch(r"\d+", value):
                    self.errors.append("line %d: expect-exit needs a number" % n)
                else:
                    self.exit = int(value)
            elif key == "expect-stderr":
                self.stderr.append(value)
            elif key == "flags":
                self.flags += shlex.split(value)
            elif key == "args":
                self.args += shlex.split(value)
            elif key == "engine-only":
                self.engine_only = value or "engine-specific"
            elif key == "requires-tier":
                self.requires_tier = value.split()
                self.engine_only = self.engine_only or "needs a compiling tier"
        if not (self.expect or self.uncaught or self.exit is not None or self.stderr):
            self.errors.append("no expectations (add // expect: lines or expect-exit)")
        return self

    def expected_exit(self):
        if self.exit is not None:
            return self.exit
        return 1 if self.uncaught else 0


class Result:
    """What one run of one test produced."""

    def __init__(self, stdout, stderr, status, timed_out, seconds):
        self.stdout = stdout
        self.stderr = stderr
        self.status = status
        self.timed_out = timed_out
        self.seconds = seconds

    def stdout_lines(self):
        lines = self.stdout.split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        return lines

    def stderr_lines(self):
        return [l.rstrip("\r") for l in self.stderr.split("\n") if l.strip() != ""]

    def stderr_first(self):
        lines = self.stderr_lines()
        return lines[0] if lines else ""


def discover(paths, filt):
    """Test files under the given files/directories, sorted, skipping module folders."""
    found = []
    for p in paths:
        if not os.path.exists(p) and os.path.exists(os.path.join(CORPUS, p)):
            p = os.path.join(CORPUS, p)
        p = os.path.abspath(p)
        if os.path.isfile(p):
            found.append(p)
            continue
        if not os.path.isdir(p):
            sys.exit("run_tests.py: no such test file or directory: %s" % p)
        for root, dirs, files in os.walk(p):
            dirs[:] = sorted(d for d in dirs
                             if d != "modules" and not d.startswith(("_", ".")))
            for name in sorted(files):
                if name.endswith(".js") and not name.startswith("_"):
                    found.append(os.path.join(root, name))
    tests = []
    for path in sorted(set(found)):
        rel = os.path.relpath(path, CORPUS)
        if rel.startswith(".."):
            rel = os.path.relpath(path)
        if filt and filt not in rel:
            continue
        tests.append(Test(path, rel).parse())
    return tests


def run(cmd, cwd, timeout):
    """Runs cmd in its own process group; on timeout the whole group is killed."""
    env = dict(os.environ)
    env.pop("NODE_OPTIONS", None)
    env["NO_COLOR"] = "1"
    env["NODE_DISABLE_COLORS"] = "1"
    start = time.monotonic()
    try:
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                start_new_session=True)
    except OSError as e:
        return Result("", "cannot run %s: %s" % (cmd[0], e), -1, False, 0.0)
    timed_out = False
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        timed_out = True
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        out, err = proc.communicate()
    return Result(out.decode("utf-8", "replace"), err.decode("utf-8", "replace"),
                  proc.returncode, timed_out, time.monotonic() - start)


def show(s, limit=70):
    r = repr(s)
    return r if len(r) <= limit else r[:limit - 3] + "..."


def first_difference(expected, actual):
    """A one-line description of the first place two line lists differ, or None."""
    for i in range(max(len(expected), len(actual))):
        if i >= len(actual):
            return "stdout line %d missing: expected %s (%d of %d lines printed)" % (
                i + 1, show(expected[i]), len(actual), len(expected))
        if i >= len(expected):
            return "stdout line %d extra: %s (%d lines expected, %d printed)" % (
                i + 1, show(actual[i]), len(expected), len(actual))
        if expected[i] != actual[i]:
            return "stdout line %d: expected %s, got %s" % (
                i + 1, show(expected[i]), show(actual[i]))
    return None


def node_reports(stderr_lines, uncaught):
    """Whether node's uncaught-exception report names `uncaught` ("Name" or "Name: msg")."""
    full = ": " in uncaught
    for line in stderr_lines:
        # node prints subclasses as `Sub [Base]: message`; the base tag is not the name.
        line = re.sub(r"^(\S+) \[\w+\](:|$)", r"\1\2", line.strip())
        if full and line == uncaught:
            return True
        if not full and (line == uncaught or line.startswith(uncaught + ":")):
            return True
    return False


def check(test, res, node):
    """Checks one result against the test's annotations; returns failure reasons."""
    if res.timed_out:
        return ["timed out after %.1f s" % res.seconds]
    fails = []
    want = test.expected_exit()
    if res.status != want:
        detail = res.stderr_first()
        fails.append("exit status %s, expected %d%s" % (
            res.status, want, ("; stderr: " + show(detail, 100)) if detail else ""))
    diff = first_difference(test.expect, res.stdout_lines())
    if diff:
        fails.append(diff)
    if test.uncaught:
        if node:
            if not node_reports(res.stderr_lines(), test.uncaught):
                fails.append("node's stderr does not report %s" % show(test.uncaught))
        else:
            first = res.stderr_first()
            want_line = "Uncaught " + test.uncaught
            ok = first == want_line or (": " not in test.uncaught and
                                       first.startswith(want_line + ":"))
            if not ok:
                fails.append("stderr first line %s, expected %s" % (show(first), show(want_line)))
    for text in test.stderr:
        if not any(text in line for line in res.stderr_lines()):
            fails.append("no stderr line contains %s" % show(text))
    return fails


_PID = re.compile(r"\((\w+):\d+\)")


def _no_pid(line):
    """A process id, as in node's `(node:1234) Warning`, differs between any two runs."""
    return _PID.sub(r"(\1:PID)", line) if line else line


def compare(oracle_name, oracle, res):
    """Differential check of a result against the oracle configuration's result."""
    if res.timed_out or oracle.timed_out:
        return []  # already reported as a timeout
    fails = []
    if res.status != oracle.status:
        fails.append("exit status %s differs from %s's %s" % (res.status, oracle_name,
                                                              oracle.status))
    if res.stdout != oracle.stdout:
        diff = first_difference(oracle.stdout_lines(), res.stdout_lines())
        fails.append("stdout differs from %s's: %s" % (
            oracle_name, diff or "trailing newline differs"))
    if _no_pid(res.stderr_first()) != _no_pid(oracle.stderr_first()):
        fails.append("stderr first line %s differs from %s's %s" % (
            show(res.stderr_first()), oracle_name, show(oracle.stderr_first())))
    return fails


_tier_available = {}


def tier_available(strata, name):
    """Whether the binary can run tier `name` (it says so on stderr when it cannot)."""
    if name not in _tier_available:
        res = run([strata, "--tiers=" + name, "-e", ""], os.getcwd(), 30)
        _tier_available[name] = res.status == 0 and "not available" not in res.stderr
    return _tier_available[name]


def run_test(test, opts, configs):
    """Runs one test under every configuration; returns [(config, reasons, result)]."""
    outcomes = []
    if test.errors:
        return [(configs[0][0], ["bad annotations: " + "; ".join(test.errors)], None)]
    cwd = os.path.dirname(test.path)
    oracle = None
    runs = [(name, flags, test.flags) for name, flags in configs]
    if test.requires_tier and not opts.node:
        # Once per available tier, with {tier} in the test's flags naming it; the config's own
        # flags are dropped (the test chooses its tiers).
        runs = [("%s:%s" % (configs[0][0], tier), "", [f.replace("{tier}", tier) for f in test.flags])
                for tier in test.requires_tier if tier_available(opts.strata, tier)]
    for name, flags, tflags in runs:
        if opts.node:
            cmd = [opts.node_bin, "-r", NODE_PRELUDE] + tflags + [test.path] + test.args
        else:
            cmd = [opts.strata] + shlex.split(flags) + tflags + [test.path] + test.args
        res = run(cmd, cwd, opts.timeout)
        fails = check(test, res, opts.node)
        if test.repeatable and not fails:
            again = run(cmd, cwd, opts.timeout)
            if (again.stdout, again.stderr, again.status) != (res.stdout, res.stderr, res.status):
                fails.append("not repeatable: a second run printed different output")
        # requires-tier runs choose their own tiers: each is checked against its annotations,
        # not against another tier's run (their traces name the tier).
        if opts.differential and oracle is not None and not test.requires_tier:
            fails += compare(configs[0][0], oracle, res)
        if oracle is None:
            oracle = res
        outcomes.append((name, fails, res))
    return outcomes


def parse_configs(specs):
    configs = []
    for spec in specs or DEFAULT_CONFIGS:
        if "=" in spec:
            name, flags = spec.split("=", 1)
        elif spec in CONFIGS:
            name, flags = spec, CONFIGS[spec]
        else:
            sys.exit("run_tests.py: unknown config '%s' (see --list-configs; or NAME=FLAGS)"
                     % spec)
        if not name:
            sys.exit("run_tests.py: config '%s' has no name" % spec)
        configs.append((name, flags))
    names = [n for n, _ in configs]
    if len(set(names)) != len(names):
        sys.exit("run_tests.py: duplicate config names: %s" % " ".join(names))
    return configs


def main():
    ap = argparse.ArgumentParser(
        description="Run the JavaScript corpus (tests/js) under Strata or node and check its "
                    "inline annotations (format: tests/js/README.md).")
    ap.add_argument("paths", nargs="*", help="test files or directories (default: tests/js)")
    ap.add_argument("--strata", metavar="BIN", help="the strata executable to test")
    ap.add_argument("--node", action="store_true",
                    help="validate the corpus against node instead (engine-only tests skipped)")
    ap.add_argument("--node-bin", default="node", metavar="BIN",
                    help="node executable for --node (default: node on PATH)")
    ap.add_argument("--config", action="append", metavar="NAME=FLAGS",
                    help="a configuration: NAME=FLAGS, or a NAME from --list-configs; repeat "
                         "for several (default: interp). The first is the oracle.")
    ap.add_argument("--differential", action="store_true",
                    help="also require every config's stdout, first stderr line and exit "
                         "status to equal the first config's")
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1, metavar="N",
                    help="tests run in parallel (default: number of cores)")
    ap.add_argument("--timeout", type=float, default=10.0, metavar="S",
                    help="per-test, per-config timeout in seconds (default 10); a timeout fails")
    ap.add_argument("--filter", metavar="SUBSTR",
                    help="only tests whose path (relative to tests/js) contains SUBSTR")
    ap.add_argument("--list-configs", action="store_true",
                    help="print the known configurations and exit")
    ap.add_argument("-v", "--verbose", action="store_true",
                    help="print a unified stdout diff and the stderr of each failure")
    opts = ap.parse_args()

    if opts.list_configs:
        for name, flags in CONFIGS.items():
            print("%s=%s" % (name, flags))
        for spec in opts.config or []:
            if "=" in spec and spec.split("=", 1)[0] not in CONFIGS:
                print(spec)
        return 0
    if opts.node == bool(opts.strata):
        ap.error("give exactly one of --strata BIN or --node")
    if opts.strata:
        # Tests run in their own directories, so a relative engine path must be made absolute.
        found = shutil.which(opts.strata) if os.sep not in opts.strata else opts.strata
        if not found or not os.access(found, os.X_OK):
            ap.error("not an executable: %s" % opts.strata)
        opts.strata = os.path.abspath(found)
    if os.sep in opts.node_bin:
        opts.node_bin = os.path.abspath(opts.node_bin)
    if opts.jobs < 1:
        ap.error("-j must be at least 1")
    configs = [("node", "")] if opts.node else parse_configs(opts.config)
    if opts.differential and len(configs) < 2:
        print("note: --differential with one config only checks annotations", file=sys.stderr)

    tests = discover(opts.paths or [CORPUS], opts.filter)
    skipped = [t for t in tests if opts.node and t.engine_only and not t.errors]
    if not opts.node:
        skipped += [t for t in tests if t.requires_tier and not t.errors and
                    not any(tier_available(opts.strata, n) for n in t.requires_tier)]
    tests = [t for t in tests if t not in skipped]

    passed = failed = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=opts.jobs) as pool:
        futures = [(t, pool.submit(run_test, t, opts, configs)) for t in tests]
        for test, fut in futures:
            for config, fails, res in fut.result():
                if not fails:
                    passed += 1
                    continue
                failed += 1
                print("FAIL %s [%s]: %s" % (test.rel, config, " | ".join(fails)))
                if opts.verbose and res is not None:
                    for line in difflib.unified_diff(test.expect, res.stdout_lines(),
                                                     "expected", "stdout", lineterm="", n=2):
                        print("    " + line)
                    for line in res.stderr_lines()[:10]:
                        print("    stderr: " + line)
                sys.stdout.flush()
    if skipped:
        print("%d skipped (engine-only, or a tier this binary lacks)" % len(skipped))
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
