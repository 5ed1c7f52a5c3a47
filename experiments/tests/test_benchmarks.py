"""The benchmark programs: they stay inside the language subset Strata supports, and (when
node is installed) each one runs, prints the harness protocol and passes its self-check;
the harness fails loudly on a wrong checksum. One small real sweep runs on node too."""
import json
import os
import re
import shutil
import subprocess
import tempfile
import unittest

from support import EXPERIMENTS, is_png, read_csv, run_sweep

BENCH_DIR = os.path.join(EXPERIMENTS, "benchmarks")
BENCHES = sorted(f[:-3] for f in os.listdir(BENCH_DIR) if f.endswith(".js") and f != "harness.js")
NODE = shutil.which("node")

# Constructs outside Strata's subset (see experiments/README.md). Checked on the source
# with comments and string literals stripped, so prose may mention them.
FORBIDDEN = [
    (r"Math\.random", "Math.random (use harness Random)"),
    (r"\*\*", "the ** operator (ES2016)"),
    (r"\bfunction\s*\*", "generators"),
    (r"\byield\b", "generators"),
    (r"\bRegExp\b", "regular expressions"),
    (r"(?:Float|Int|Uint)(?:8|16|32|64)(?:Clamped)?Array|ArrayBuffer|DataView", "typed arrays"),
    (r"\bSymbol\s*\(", "Symbol"),
    (r"\bProxy\b|\bReflect\b|\bWeakMap\b|\bWeakSet\b|\bWeakRef\b", "Proxy/Reflect/weak collections"),
    (r"\bBigInt\b|\d+n\b", "BigInt"),
    (r"new\s+Date\b|Date\.(?!now\b)\w+", "Date (only Date.now)"),
    (r"\basync\b|\bawait\b", "async functions"),
    (r"\.(?:match|matchAll|search)\s*\(", "string methods that take regexes"),
    (r"\bimport\b|\bexport\b", "ES modules (use require/module.exports)"),
    (r"\beval\s*\(", "eval"),
]


def strip_comments_and_strings(src):
    """Removes comments and string/template literal contents (keeps ${...} code)."""
    out = []
    i, n = 0, len(src)
    while i < n:
        c = src[i]
        if src.startswith("//", i):
            j = src.find("\n", i)
            i = n if j < 0 else j
        elif src.startswith("/*", i):
            i = src.find("*/", i + 2) + 2
        elif c in "'\"":
            i += 1
            while i < n and src[i] != c:
                i += 2 if src[i] == "\\" else 1
            i += 1
            out.append('""')
        elif c == "`":
            i += 1
            out.append("`")
            while i < n and src[i] != "`":
                if src[i] == "\\":
                    i += 2
                elif src.startswith("${", i):
                    depth, j = 1, i + 2
                    while depth:
                        depth += {"{": 1, "}": -1}.get(src[j], 0)
                        j += 1
                    out.append(src[i:j])
                    i = j
                else:
                    i += 1
            i += 1
            out.append("`")
        elif c == "/" and re.search(r"(^|[=(,:;!&|?{}\[\n]|\breturn)\s*$", "".join(out)[-12:]):
            out.append("/*REGEX*/")  # a regex literal: a slash where an operand starts
            i += 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


class SubsetTest(unittest.TestCase):
    def test_enough_benchmarks(self):
        self.assertGreaterEqual(len(BENCHES), 18)
        for required in ("richards", "deltablue", "nbody", "mandelbrot", "spectralnorm", "fannkuch",
                         "binarytrees", "splay", "storage", "sieve", "permute", "queens", "towers", "sort",
                         "jsonparse", "tokenizer", "stringbuild", "closures", "typeunstable"):
            self.assertIn(required, BENCHES)

    def test_language_subset(self):
        for b in BENCHES + ["harness"]:
            with open(os.path.join(BENCH_DIR, b + ".js")) as f:
                code = strip_comments_and_strings(f.read())
            self.assertNotIn("/*REGEX*/", code, f"{b}.js: regular expression literal")
            for pattern, what in FORBIDDEN:
                m = re.search(pattern, code)
                self.assertIsNone(m, f"{b}.js uses {what}: {m.group(0) if m else ''!r}")

    def test_uses_the_harness(self):
        for b in BENCHES:
            with open(os.path.join(BENCH_DIR, b + ".js")) as f:
                src = f.read()
            self.assertIn("require('./harness.js')", src, b)
            self.assertRegex(src, rf"run\('{b}',", f"{b}.js must run under its own name")

    def test_stripper_finds_regex(self):
        self.assertIn("/*REGEX*/", strip_comments_and_strings("const r = /ab+c/;"))
        self.assertNotIn("/*REGEX*/", strip_comments_and_strings("const q = a / b; // x / y"))
        self.assertNotIn("**", strip_comments_and_strings("const s = '**'; /* ** */"))


@unittest.skipUnless(NODE, "node not installed")
class NodeTest(unittest.TestCase):
    def test_every_benchmark_passes_its_check(self):
        for b in BENCHES:
            p = subprocess.run([NODE, os.path.join(BENCH_DIR, b + ".js"), "2"], capture_output=True, text=True,
                               timeout=120)
            self.assertEqual(p.returncode, 0, f"{b}: {p.stdout}{p.stderr}")
            lines = p.stdout.splitlines()
            self.assertEqual(len(lines), 3, f"{b}: {p.stdout}")
            for i in range(2):
                self.assertRegex(lines[i], rf"^BENCH {b} {i} \d+\.\d{{3}}$")
            self.assertEqual(lines[2], f"CHECK {b} ok")

    def harness_case(self, body, *args):
        tmp = tempfile.mkdtemp()
        try:
            shutil.copy(os.path.join(BENCH_DIR, "harness.js"), tmp)
            path = os.path.join(tmp, "t.js")
            with open(path, "w") as f:
                f.write("const { run } = require('./harness.js');\n" + body)
            return subprocess.run([NODE, path, *args], capture_output=True, text=True, timeout=60)
        finally:
            shutil.rmtree(tmp)

    def test_harness_fails_on_wrong_checksum(self):
        p = self.harness_case("run('t', function (i) { return i < 2 ? 7 : 8; }, 7);", "5")
        self.assertEqual(p.returncode, 1)
        lines = p.stdout.splitlines()
        self.assertEqual(len(lines), 4)  # iterations 0, 1, 2 timed; 2 failed; nothing after
        self.assertEqual(lines[-1], "CHECK t FAIL expected=7 got=8")

    def test_harness_reports_exceptions(self):
        p = self.harness_case("run('t', function () { throw new TypeError('boom'); }, 1);")
        self.assertEqual(p.returncode, 1)
        self.assertEqual(p.stdout.strip(), "CHECK t FAIL expected=1 got=exception(TypeError: boom)")

    def test_harness_iteration_count(self):
        p = self.harness_case("run('t', function () { return 1; }, 1);")
        self.assertEqual(len(p.stdout.splitlines()), 11)  # default 10 iterations + CHECK
        p = self.harness_case("run('t', function () { return 1; }, 1);", "zero")
        self.assertEqual(p.returncode, 2)
        self.assertIn("bad iteration count", p.stderr)

    def test_typeunstable_checksum_is_stable_across_run_lengths(self):
        for n in ("1", "4"):
            p = subprocess.run([NODE, os.path.join(BENCH_DIR, "typeunstable.js"), n], capture_output=True,
                               text=True, timeout=120)
            self.assertEqual(p.returncode, 0, p.stdout)

    def test_small_node_sweep(self):
        tmp = tempfile.mkdtemp()
        try:
            cfg = os.path.join(tmp, "n.toml")
            with open(cfg, "w") as f:
                f.write('name = "n"\nbenchmarks = ["towers", "queens"]\ninvocations = 2\niterations = 3\n'
                        'baseline = "jitless"\n[[engines]]\nname = "node"\ncommand = ["node"]\n'
                        '[[engines]]\nname = "jitless"\ncommand = ["node", "--jitless"]\n'
                        '[analysis]\nbootstrap = 500\n')
            r = run_sweep("--config", cfg, "--results-root", tmp, "--no-progress", timeout=300)
            self.assertEqual(r.returncode, 0, r.stderr)
            out_dir = os.path.dirname(r.stdout.strip().splitlines()[-1])
            _, summary = read_csv(os.path.join(out_dir, "summary.csv"))
            self.assertEqual(len(summary), 6)
            for s in summary:
                self.assertEqual(s["status"], "ok", s["failure_reasons"])
            with open(os.path.join(out_dir, "env.json")) as f:
                self.assertTrue(json.load(f)["toolchain"]["node"].startswith("v"))
            self.assertTrue(is_png(os.path.join(out_dir, "warmup.png")))
        finally:
            shutil.rmtree(tmp)


if __name__ == "__main__":
    unittest.main()
