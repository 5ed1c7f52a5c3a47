"""End to end: tiny sweeps through experiments/sweep with the fake engine (no node, no
strata needed), checking the structure of every output file, the failure paths, resuming
after an interruption, the Slurm job-array path and the instructions metric."""
import json
import math
import os
import re
import shutil
import signal
import subprocess
import tempfile
import time
import unittest

from support import (FAKE, PYTHON, RAW_REQUIRED, SUMMARY_REQUIRED, SWEEP, fake_engine, is_pdf, is_png,
                     parse_tabular, read_csv, results_dirs, run_sweep, write_config)

CLASSES = {"flat", "warmup", "slowdown", "no steady state", "good inconsistent", "bad inconsistent"}


class SweepTestCase(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="sweep-test-")
        self.root = os.path.join(self.tmp, "results")

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def sweep(self, cfg, *args, expect=0, **kw):
        r = run_sweep("--config", cfg, "--results-root", self.root, *args, **kw)
        self.assertEqual(r.returncode, expect, f"stdout:\n{r.stdout}\nstderr:\n{r.stderr}")
        return r

    def check_layout(self, d, benches, engines, invocations, iterations, baseline, compile_plot=True):
        """Every output file of results directory d, structurally."""
        for f in ("plan.json", "env.json", "raw.csv", "summary.csv", "table.tex", "README.md"):
            self.assertTrue(os.path.isfile(os.path.join(d, f)), f)
        # raw.csv: one row per iteration of every passing cell.
        header, raw = read_csv(os.path.join(d, "raw.csv"))
        for c in RAW_REQUIRED:
            self.assertIn(c, header)
        ok_rows = [r for r in raw if r["status"] == "ok"]
        self.assertEqual(len(ok_rows), len(benches) * len(engines) * invocations * iterations)
        for r in ok_rows:
            self.assertIn(r["benchmark"], benches)
            self.assertIn(r["engine"], engines)
            self.assertIn(int(r["invocation"]), range(invocations))
            self.assertIn(int(r["iteration"]), range(iterations))
            self.assertGreater(float(r["time_ms"]), 0)
            self.assertGreater(int(r["compiles"]), 0)  # from the fake's --stats file
            self.assertGreaterEqual(float(r["gc_pause_ms"]), 0)
            self.assertGreater(int(r["gc_collections"]), 0)  # "gc" object, as strata writes it
            self.assertEqual(int(r["bytes_allocated"]), 1 << 20)
        # summary.csv: per benchmark x engine, plus one geomean row per engine.
        header, summary = read_csv(os.path.join(d, "summary.csv"))
        for c in SUMMARY_REQUIRED:
            self.assertIn(c, header)
        self.assertEqual(len(summary), len(benches) * len(engines) + len(engines))
        for r in summary:
            self.assertIn(r["engine"], engines)
            mean, lo, hi = float(r["mean"]), float(r["mean_ci_lo"]), float(r["mean_ci_hi"])
            self.assertLessEqual(lo, mean + 1e-9)
            self.assertGreaterEqual(hi, mean - 1e-9)
            ratio, rlo, rhi = float(r["ratio"]), float(r["ratio_ci_lo"]), float(r["ratio_ci_hi"])
            self.assertLessEqual(rlo, ratio + 1e-9)
            self.assertGreaterEqual(rhi, ratio - 1e-9)
            if r["engine"] == baseline:
                self.assertAlmostEqual(ratio, 1.0)
            if r["benchmark"] == "geomean":
                self.assertEqual(int(r["n_benchmarks"]), len(benches))
            else:
                self.assertIn(r["benchmark"], benches)
                self.assertIn(r["classification"], CLASSES)
                self.assertGreaterEqual(int(r["warmup_iters"]), 0)
                self.assertLessEqual(float(r["median_ci_lo"]), float(r["median"]) + 1e-9)
        # env.json: machine, toolchain, commit, config and every engine command line.
        with open(os.path.join(d, "env.json")) as f:
            env = json.load(f)
        self.assertTrue(env["cpu"]["model"])
        self.assertGreaterEqual(env["cpu"]["logical_cores"], 1)
        self.assertIn("Linux", env["os"]["kernel"])
        for k in ("gcc", "clang", "llvm", "libgccjit", "node", "python"):
            self.assertIn(k, env["toolchain"])
        self.assertIn("commit", env["git"])
        self.assertIn("dirty", env["git"])
        self.assertTrue(env["date"])
        self.assertEqual([e["name"] for e in env["engines"]], engines)
        for e in env["engines"]:
            self.assertTrue(e["command_line"])
        self.assertEqual(env["config"]["benchmarks"], benches)
        # Figures: valid PNG and PDF.
        figures = ["bars", "warmup"] + (["compile"] if compile_plot else [])
        for fig in figures:
            self.assertTrue(is_png(os.path.join(d, fig + ".png")), fig)
            self.assertTrue(is_pdf(os.path.join(d, fig + ".pdf")), fig)
        # LaTeX: a booktabs tabular with one row per benchmark plus header and geomean.
        with open(os.path.join(d, "table.tex")) as f:
            ncols, rows = parse_tabular(f.read())
        self.assertEqual(ncols, 1 + len(engines))
        self.assertEqual(len(rows), 1 + len(benches) + 1)
        self.assertEqual([r[0] for r in rows[1:-1]], [b.replace("_", r"\_") for b in benches])
        # README: shows the figures and the table, says where the numbers came from.
        with open(os.path.join(d, "README.md")) as f:
            readme = f.read()
        for fig in figures:
            self.assertIn(f"]({fig}.png)", readme)
            self.assertIn(f"]({fig}.pdf)", readme)
        for f in ("raw.csv", "summary.csv", "env.json", "table.tex"):
            self.assertIn(f"]({f})", readme)
        for link in re.findall(r"\]\(([^)#]+)\)", readme):
            self.assertTrue(os.path.exists(os.path.join(d, link)), link)
        self.assertIn(env["git"]["short"], readme)
        self.assertIn(f"{invocations} invocations", readme)
        self.assertIn(f"{iterations} iterations", readme)
        self.assertIn(env["cpu"]["model"], readme)
        for b in benches:
            self.assertIn(f"| {b} |", readme)
        return env, summary, raw


class TinySweepTest(SweepTestCase):
    def test_two_engines_two_benchmarks(self):
        cfg = write_config(self.tmp, "tiny", [fake_engine("slow"), fake_engine("fast", "--speed=2")],
                           baseline="slow")
        r = self.sweep(cfg)
        out_dir = os.path.dirname(r.stdout.strip().splitlines()[-1])
        self.assertEqual(results_dirs(self.root, "tiny"), [out_dir])
        self.assertRegex(os.path.basename(out_dir), r"^\d{4}-\d{2}-\d{2}-[0-9a-f]{7}|nogit")
        self.assertIn("ETA", r.stderr)
        _, summary, _ = self.check_layout(out_dir, ["richards", "nbody"], ["slow", "fast"], 2, 3, "slow")
        # The fake "fast" engine is twice as fast: the ratio must say so.
        geo = {s["engine"]: s for s in summary if s["benchmark"] == "geomean"}
        self.assertAlmostEqual(float(geo["fast"]["ratio"]), 0.5, delta=0.02)
        # Cells ran interleaved: not grouped by engine.
        with open(os.path.join(out_dir, "plan.json")) as f:
            plan = json.load(f)
        order = [c["engine"] for c in plan["cells"]]
        self.assertNotEqual(order, sorted(order))
        self.assertEqual(len(plan["cells"]), 8)

    def test_warmup_is_classified(self):
        cfg = write_config(self.tmp, "warm", [fake_engine("a", "--profile=richards:warmup,nbody:slowdown")],
                           invocations=2, iterations=20)
        r = self.sweep(cfg, "--no-progress")
        out_dir = os.path.dirname(r.stdout.strip().splitlines()[-1])
        self.assertNotIn("ETA", r.stderr)
        _, summary = read_csv(os.path.join(out_dir, "summary.csv"))
        by = {s["benchmark"]: s for s in summary}
        self.assertEqual(by["richards"]["classification"], "warmup")
        self.assertEqual(by["richards"]["warmup_iters"], "5")
        self.assertEqual(by["nbody"]["classification"], "slowdown")
        # Steady-state mean excludes the warm-up iterations (3x slower).
        self.assertAlmostEqual(float(by["richards"]["mean"]), 50.0, delta=1.5)


class FailureTest(SweepTestCase):
    def test_failures_are_recorded_and_the_sweep_goes_on(self):
        engines = [
            fake_engine("good"),
            fake_engine("bad", "--crash-on=richards", "--fail-check-on=nbody", "--hang-on=towers",
                        "--exit-on=sieve"),
            '[[engines]]\nname = "strata-interp"\ncommand = ["{strata}", "--tiers=interp", "--stats={stats_file}"]\n',
        ]
        cfg = write_config(self.tmp, "fail", engines, benchmarks=("richards", "nbody", "towers", "sieve"),
                           invocations=1, iterations=3, timeout=2, baseline="good")
        r = self.sweep(cfg, "--strata", "/nonexistent/strata")
        out_dir = os.path.dirname(r.stdout.strip().splitlines()[-1])
        cells = {}
        for f in os.listdir(os.path.join(out_dir, "cells")):
            if f.endswith(".json") and not f.endswith(".stats.json"):
                with open(os.path.join(out_dir, "cells", f)) as fh:
                    rec = json.load(fh)
                cells[(rec["engine"], rec["benchmark"])] = rec
        self.assertEqual(len(cells), 12)
        reason = {k: v["reason"] for k, v in cells.items()}
        self.assertEqual(reason[("bad", "richards")], "killed by SIGSEGV")
        self.assertEqual(reason[("bad", "nbody")], "self-check failed: expected=42 got=41")
        self.assertTrue(reason[("bad", "towers")].startswith("timeout after 2s"), reason[("bad", "towers")])
        self.assertEqual(reason[("bad", "sieve")], "exit status 3: fake: internal error: not implemented")
        for b in ("richards", "nbody", "towers", "sieve"):
            self.assertEqual(cells[("good", b)]["status"], "ok")
            self.assertIsNone(cells[("good", b)]["reason"])
            self.assertEqual(reason[("strata-interp", b)], "engine binary not found: /nonexistent/strata")
        # A failed cell's iterations are kept in raw.csv, marked failed, and never summarized.
        _, raw = read_csv(os.path.join(out_dir, "raw.csv"))
        crash = [x for x in raw if x["engine"] == "bad" and x["benchmark"] == "richards"]
        self.assertEqual(len(crash), 1)
        self.assertEqual(crash[0]["status"], "failed")
        self.assertEqual(crash[0]["reason"], "killed by SIGSEGV")
        _, summary = read_csv(os.path.join(out_dir, "summary.csv"))
        for s in summary:
            if s["engine"] in ("bad", "strata-interp"):
                self.assertEqual(s["mean"], "")
                self.assertEqual(s["status"], "failed")
                if s["benchmark"] != "geomean":
                    self.assertTrue(s["failure_reasons"])
            else:
                self.assertEqual(s["status"], "ok")
                self.assertNotEqual(s["mean"], "")
        with open(os.path.join(out_dir, "README.md")) as f:
            readme = f.read()
        self.assertIn("## Failures", readme)
        self.assertIn("killed by SIGSEGV", readme)
        self.assertIn("engine binary not found", readme)
        with open(os.path.join(out_dir, "table.tex")) as f:
            parse_tabular(f.read())
        self.assertTrue(is_png(os.path.join(out_dir, "bars.png")))

    def test_config_errors_stop_before_anything_runs(self):
        cfg = write_config(self.tmp, "bad", [fake_engine("a")], benchmarks=("richards", "nosuchbench"))
        r = self.sweep(cfg, expect=2)
        self.assertRegex(r.stderr, r"bad\.toml:2: benchmarks: unknown benchmark 'nosuchbench'")
        self.assertFalse(os.path.exists(self.root))
        cfg = write_config(self.tmp, "bad2", [fake_engine("a")])
        r = self.sweep(cfg, "--engines", "a,zz", expect=2)
        self.assertIn("unknown engine 'zz'", r.stderr)
        self.assertFalse(os.path.exists(self.root))


class ResumeTest(SweepTestCase):
    def cell_files(self, d):
        cdir = os.path.join(d, "cells")
        return sorted(f for f in os.listdir(cdir) if f.endswith(".json") and not f.endswith(".stats.json"))

    def test_interrupt_then_resume(self):
        flag = os.path.join(self.tmp, "hang-now")
        cfg = write_config(self.tmp, "resume", [fake_engine("a"), fake_engine("b", "--speed=3")],
                           invocations=2, iterations=2, timeout=60)
        env = {"FAKE_HANG_FLAG": flag}
        proc = subprocess.Popen([PYTHON, SWEEP, "--config", cfg, "--results-root", self.root],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                env=dict(os.environ, **env))
        # Let a few cells finish, then make the next one hang and interrupt the sweep.
        deadline = time.time() + 60
        out_dir = None
        while time.time() < deadline:
            dirs = results_dirs(self.root, "resume")
            if dirs and os.path.isdir(os.path.join(dirs[0], "cells")) and len(self.cell_files(dirs[0])) >= 3:
                out_dir = dirs[0]
                break
            time.sleep(0.02)
        self.assertIsNotNone(out_dir, "no cells finished")
        open(flag, "w").close()
        time.sleep(1.0)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=30)
        self.assertEqual(proc.returncode, 130, err)
        self.assertIn("Run the same command again to resume", err)
        kept = {f: open(os.path.join(out_dir, "cells", f)).read() for f in self.cell_files(out_dir)}
        self.assertGreaterEqual(len(kept), 3)
        self.assertLess(len(kept), 8)
        self.assertFalse(os.path.exists(os.path.join(out_dir, "summary.csv")))
        # No fake engine may survive the interruption.
        time.sleep(0.2)
        for pid in filter(str.isdigit, os.listdir("/proc")):
            try:
                with open(f"/proc/{pid}/environ", "rb") as f:
                    self.assertNotIn(flag.encode(), f.read(), f"process {pid} still running")
            except OSError:
                pass
        os.unlink(flag)
        r = self.sweep(cfg, env=env)
        self.assertIn("resuming", r.stderr)
        self.assertEqual(results_dirs(self.root, "resume"), [out_dir])
        self.assertEqual(len(self.cell_files(out_dir)), 8)
        for f, text in kept.items():
            with open(os.path.join(out_dir, "cells", f)) as fh:
                self.assertEqual(fh.read(), text, f"{f} was re-run")
        self.check_layout(out_dir, ["richards", "nbody"], ["a", "b"], 2, 2, "a")
        # A finished sweep is not resumed: the same command starts a new directory.
        r = self.sweep(cfg, env=env)
        self.assertEqual(len(results_dirs(self.root, "resume")), 2)


class SlurmBackendTest(SweepTestCase):
    def test_job_array_and_gather(self):
        cfg = write_config(self.tmp, "array", [fake_engine("a"), fake_engine("b", "--speed=2")],
                           extra='[slurm]\npartition = "debug"\nmax_parallel = 2\n')
        r = self.sweep(cfg, "--backend=slurm")
        out_dir = os.path.dirname(r.stdout.strip().splitlines()[-1])
        sdir = os.path.join(out_dir, "slurm")
        with open(os.path.join(sdir, "array.sbatch")) as f:
            array = f.read()
        self.assertIn("#SBATCH --array=0-7%2", array)
        self.assertIn("#SBATCH --partition=debug", array)
        self.assertIn("#SBATCH --exclusive", array)
        self.assertIn('--run-cell', array)
        self.assertIn('"$SLURM_ARRAY_TASK_ID"', array)
        with open(os.path.join(sdir, "gather.sbatch")) as f:
            self.assertIn("--gather", f.read())
        with open(os.path.join(sdir, "submit.sh")) as f:
            self.assertIn("--dependency=afterany:", f.read())
        self.assertFalse(os.path.exists(os.path.join(out_dir, "raw.csv")))
        # Do what the array tasks and the gather job would do.
        for i in range(8):
            p = subprocess.run([PYTHON, SWEEP, "--run-cell", out_dir, str(i)], capture_output=True, text=True)
            self.assertEqual(p.returncode, 0, p.stderr)
            self.assertIn(": ok", p.stdout)
        p = subprocess.run([PYTHON, SWEEP, "--run-cell", out_dir, "0"], capture_output=True, text=True)
        self.assertIn("already done", p.stdout)
        p = subprocess.run([PYTHON, SWEEP, "--gather", out_dir], capture_output=True, text=True)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.check_layout(out_dir, ["richards", "nbody"], ["a", "b"], 2, 3, "a")

    def test_gather_with_missing_cells(self):
        cfg = write_config(self.tmp, "partial", [fake_engine("a"), fake_engine("b")], invocations=1)
        r = self.sweep(cfg, "--backend=slurm")
        out_dir = os.path.dirname(r.stdout.strip().splitlines()[-1])
        subprocess.run([PYTHON, SWEEP, "--run-cell", out_dir, "0"], capture_output=True, check=True)
        p = subprocess.run([PYTHON, SWEEP, "--gather", out_dir], capture_output=True, text=True)
        self.assertEqual(p.returncode, 0, p.stderr)
        _, raw = read_csv(os.path.join(out_dir, "raw.csv"))
        self.assertEqual(sum(1 for x in raw if x["status"] == "missing"), 3)
        with open(os.path.join(out_dir, "README.md")) as f:
            self.assertIn("3 planned cells have no result", f.read())


@unittest.skipUnless(shutil.which("valgrind"), "valgrind not installed")
class InstructionsTest(SweepTestCase):
    def test_callgrind_metric(self):
        engine = ('[[engines]]\nname = "sh"\n'
                  'command = ["/bin/sh", "{experiments}/tests/fake_engine.sh", "{bench_name}", "{iterations}"]\n')
        cfg = write_config(self.tmp, "ir", [engine], benchmarks=("richards",),
                           extra="[instructions]\niterations = 2\ninvocations = 2\n")
        r = self.sweep(cfg, "--metric=instructions", timeout=300)
        out_dir = os.path.dirname(r.stdout.strip().splitlines()[-1])
        _, raw = read_csv(os.path.join(out_dir, "raw.csv"))
        self.assertEqual(len(raw), 4)  # 2 invocations x 2 iterations
        for x in raw:
            self.assertEqual(x["status"], "ok", x["reason"])
            self.assertGreater(int(x["instructions"]), 100000)
        _, summary = read_csv(os.path.join(out_dir, "summary.csv"))
        self.assertEqual(summary[0]["unit"], "instructions")
        self.assertGreater(float(summary[0]["mean"]), 100000)
        self.assertFalse([f for f in os.listdir(os.path.join(out_dir, "cells")) if "callgrind" in f])
        with open(os.path.join(out_dir, "plan.json")) as f:
            self.assertEqual(json.load(f)["cells"][0]["command"][:2], ["valgrind", "--tool=callgrind"])

# A stand-in for the strata binary: --tiers=llvm is "not built" (stderr as tiers/tier.c words
# it, exit 0: strata runs on without the tier), everything else runs; `-e CODE` is the probe.
FAKE_STRATA = r"""#!/bin/sh
probe=0
for a in "$@"; do
  case "$a" in
    --tiers=llvm*) echo "strata: tier 'llvm' is not available: its backend plugin was not built (running without it)" >&2 ;;
    --crash-probe) [ "$probe" = 0 ] && for b in "$@"; do [ "$b" = -e ] && exit 139; done ;;
    -e) probe=1 ;;
  esac
done
[ "$probe" = 1 ] && exit 0
for a in "$@"; do prev=$last; last=$a; done
name=$(basename "$prev" .js)
i=0
while [ "$i" -lt "$last" ]; do echo "BENCH $name $i 2.000"; i=$((i + 1)); done
echo "CHECK $name ok"
"""


class SkippedEngineTest(SweepTestCase):
    """Strata engines whose tiers this binary lacks are probed and skipped, not failed."""

    def setUp(self):
        super().setUp()
        self.strata = os.path.join(self.tmp, "strata")
        with open(self.strata, "w") as f:
            f.write(FAKE_STRATA)
        os.chmod(self.strata, 0o755)

    @staticmethod
    def engine(name, *flags):
        return f'[[engines]]\nname = "{name}"\ncommand = {json.dumps(["{strata}", *flags])}\n'

    def test_unbuilt_tier_is_skipped(self):
        cfg = write_config(self.tmp, "skip", [self.engine("interp", "--tiers=interp"),
                                              self.engine("llvm", "--tiers=llvm"),
                                              self.engine("crashy", "--tiers=interp", "--crash-probe")],
                           benchmarks=("richards",), baseline="llvm")
        r = self.sweep(cfg, "--strata", self.strata)
        self.assertIn("skipping engine llvm: tier 'llvm' is not available", r.stderr)
        self.assertIn("skipping engine crashy: probe `strata --tiers=interp --crash-probe -e ''` exited with 139",
                      r.stderr)
        out_dir = os.path.dirname(r.stdout.strip().splitlines()[-1])
        with open(os.path.join(out_dir, "plan.json")) as f:
            plan = json.load(f)
        self.assertEqual([e["name"] for e in plan["engines"]], ["interp"])
        self.assertEqual([e["name"] for e in plan["skipped_engines"]], ["llvm", "crashy"])
        self.assertEqual(plan["baseline"], "interp")  # the configured baseline was skipped
        self.assertEqual({c["engine"] for c in plan["cells"]}, {"interp"})
        _, raw = read_csv(os.path.join(out_dir, "raw.csv"))
        self.assertEqual(len(raw), 2 * 3)
        self.assertTrue(all(x["status"] == "ok" and x["engine"] == "interp" for x in raw))
        with open(os.path.join(out_dir, "README.md")) as f:
            readme = f.read()
        self.assertIn("Skipped engines", readme)
        self.assertIn("llvm (`{strata} --tiers=llvm`): tier 'llvm' is not available", readme)
        with open(os.path.join(out_dir, "env.json")) as f:
            self.assertEqual(len(json.load(f)["skipped_engines"]), 2)

    def test_all_engines_skipped_is_an_error(self):
        cfg = write_config(self.tmp, "skipall", [self.engine("llvm", "--tiers=llvm")], benchmarks=("richards",))
        r = self.sweep(cfg, "--strata", self.strata, expect=2)
        self.assertIn("every engine is skipped", r.stderr)
        self.assertEqual(results_dirs(self.root, "skipall"), [])


if __name__ == "__main__":
    unittest.main()
