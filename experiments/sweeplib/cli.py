"""Command line of experiments/sweep (see `experiments/sweep --help`)."""
import argparse
import datetime
import glob
import os
import shlex
import sys

from . import config as configmod
from . import envinfo
from . import plan as planmod
from . import progress as progressmod
from . import runner
from . import slurm

# report (numpy, matplotlib) is imported only where a report is written: a Slurm array task
# running one cell should not pay for importing plotting libraries.

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130

DESCRIPTION = """\
Runs a benchmark sweep (engines x benchmarks x invocations, each invocation a fresh process
running N in-process iterations) and writes a results directory with raw data, statistics,
figures, a LaTeX table and a README:

    results/<sweep-name>/<YYYY-MM-DD>-<short commit>/
        plan.json env.json cells/*.json raw.csv summary.csv table.tex
        bars.png/.pdf warmup.png/.pdf [compile.png/.pdf] README.md

The last line on stdout is the path of that README.md.
"""

EPILOG = """\
config file (TOML, or JSON with the same structure):
  name = "default"              sweep name (results/<name>/...)            [required]
  description = "..."           one line for the README
  benchmarks = "all"            or a list of names from experiments/benchmarks/
  benchmarks_dir = "..."        another directory of benchmarks (relative to the config)
  invocations = 5               fresh processes per engine x benchmark
  iterations = 10               in-process iterations per invocation
  timeout = 300                 seconds per invocation before it is killed (and failed)
  baseline = "node"             engine that ratios are relative to (default: the first)
  metric = "time"               time | instructions (valgrind --tool=callgrind, Ir)
  seed = 1                      seed of the interleaved run order
  [[engines]]                   one table per engine                        [required]
  name = "strata-interp"
  command = ["{strata}", "--tiers=interp", "--stats={stats_file}"]
  env = { KEY = "value" }       extra environment variables
  [instructions]                iterations = 3, invocations = 2, timeout_factor = 60,
                                valgrind_args = [] (used when metric = "instructions")
  [analysis]                    steady_fraction = 0.25, penalty_factor = 15, min_segment = 2,
                                delta = "1ms" (or "1%"), bootstrap = 10000, confidence = 0.95
  [slurm]                       partition, time = "01:00:00", cpus_per_task = 1, mem,
                                exclusive = true, max_parallel = 0, extra = ["--qos=..."]

command placeholders:
  {strata} {stats_file} {bench} {bench_name} {iterations} {invocation} {repo} {experiments}
  Unless the command contains {bench}, "<benchmark.js> <iterations>" is appended. When it
  contains {stats_file}, the engine is expected to write --stats JSON there; its "totals"
  (compiles, compile_ms, deopts, gc_collections, gc_pause_ms, bytes_allocated) are recorded.

benchmark protocol (experiments/benchmarks/harness.js):
  stdout lines "BENCH <name> <i> <ms>" per iteration, then "CHECK <name> ok"; a
  "CHECK <name> FAIL ..." line or a non-zero exit fails the cell, and failed cells are
  never timed. Failed, crashed and timed-out cells are recorded with their reason and the
  sweep goes on.

resuming:
  Cells are saved one file each as they finish. Re-running the same command (same config,
  overrides, commit and strata binary) resumes the newest unfinished results directory of
  that sweep; --fresh starts a new one, --out DIR picks one explicitly.

examples:
  experiments/sweep --config experiments/configs/smoke.toml
  experiments/sweep --config experiments/configs/default.toml --engines node,node-jitless \\
      --results-root /tmp/results
  experiments/sweep --config experiments/configs/default.toml --metric=instructions
  experiments/sweep --config experiments/configs/smoke.toml --backend=slurm --submit
  experiments/sweep --gather results/smoke/2025-01-01-abc1234

exit status: 0 report written (failed cells are data, see its README); 1 error;
2 bad config or usage; 130 interrupted (rerun to resume).
"""


def _csv_list(s):
    return [x.strip() for x in s.split(",") if x.strip()]


def make_parser():
    p = argparse.ArgumentParser(prog="experiments/sweep", description=DESCRIPTION, epilog=EPILOG,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--config", metavar="FILE", help="sweep definition (.toml or .json)")
    p.add_argument("--strata", metavar="PATH", help="strata binary for {strata} (default: build/strata)")
    p.add_argument("--engines", type=_csv_list, metavar="A,B", help="run only these engines of the config")
    p.add_argument("--benchmarks", type=_csv_list, metavar="A,B", help="run only these benchmarks")
    p.add_argument("--invocations", type=int, metavar="N", help="override invocations")
    p.add_argument("--iterations", type=int, metavar="N", help="override iterations")
    p.add_argument("--metric", choices=configmod.METRICS, help="override the metric")
    p.add_argument("--backend", choices=("local", "slurm"), default="local",
                   help="local: run cells here, one at a time (default); slurm: write a job array")
    p.add_argument("--submit", action="store_true", help="with --backend=slurm: also submit it (sbatch)")
    p.add_argument("--results-root", metavar="DIR", help="root of results directories (default: results/)")
    p.add_argument("--out", metavar="DIR", help="use exactly this results directory (resumes it if it exists)")
    p.add_argument("--fresh", action="store_true", help="never resume; start a new results directory")
    p.add_argument("--dry-run", action="store_true", help="print the plan (run order and commands) and exit")
    p.add_argument("--list", action="store_true", help="list the config's engines and benchmarks and exit")
    p.add_argument("--no-progress", action="store_true", help="no progress output on stderr")
    p.add_argument("--gather", metavar="DIR", help="(re)build raw.csv, summary, plots and README of DIR")
    p.add_argument("--run-cell", nargs=2, metavar=("DIR", "INDEX"),
                   help="run one planned cell of DIR (what a Slurm array task does)")
    return p


def _err(msg):
    sys.stderr.write(f"sweep: {msg}\n")


def _is_complete(out_dir, plan):
    return (len(planmod.done_cells(out_dir, plan)) == len(plan["cells"])
            and os.path.exists(os.path.join(out_dir, "summary.csv")))


def choose_out_dir(args, cfg, git, strata):
    """(directory, resuming?) following the resume rules in --help."""
    h = cfg.hash()
    if args.out:
        d = os.path.abspath(args.out)
        pj = os.path.join(d, "plan.json")
        if os.path.exists(pj):
            old = planmod.read(d)
            if old["config_hash"] != h:
                raise configmod.ConfigError(f"{d} holds a different sweep (config hash {old['config_hash']}, "
                                            f"now {h}); use another --out", "command line", key="--out")
            return d, True
        return d, False
    root = os.path.abspath(args.results_root or os.path.join(configmod.REPO_DIR, "results"))
    sweep_dir = os.path.join(root, cfg.name)
    if not args.fresh:
        cands = sorted(glob.glob(os.path.join(sweep_dir, "*", "plan.json")), key=os.path.getmtime, reverse=True)
        for pj in cands:
            d = os.path.dirname(pj)
            try:
                old = planmod.read(d)
            except (OSError, ValueError):
                continue
            if (old["config_hash"] == h and old.get("commit") == git["commit"] and old.get("dirty") == git["dirty"]
                    and old.get("strata") == strata and old.get("backend", "local") == args.backend
                    and not _is_complete(d, old)):
                return d, True
    date = datetime.date.today().isoformat()
    base = os.path.join(sweep_dir, f"{date}-{git['short']}")
    d, k = base, 2
    while os.path.exists(d):
        d = f"{base}-{k}"
        k += 1
    return d, False


def cmd_gather(out_dir):
    from . import report

    out_dir = os.path.abspath(out_dir)
    try:
        result, records = report.write_all(out_dir)
    except (OSError, ValueError, KeyError) as e:
        _err(f"cannot gather {out_dir}: {e}")
        return EXIT_ERROR
    _print_summary(result, records)
    print(os.path.join(out_dir, "README.md"))
    return EXIT_OK


def cmd_run_cell(out_dir, index):
    try:
        plan = planmod.read(out_dir)
        cell = plan["cells"][int(index)]
    except (OSError, ValueError, IndexError) as e:
        _err(f"--run-cell {out_dir} {index}: {e}")
        return EXIT_USAGE
    if os.path.exists(planmod.cell_path(out_dir, cell)):
        print(f"cell {cell['id']} already done")
        return EXIT_OK
    rec = runner.run_and_save(out_dir, cell)
    print(f"cell {cell['id']}: {rec['status']}" + (f" ({rec['reason']})" if rec["reason"] else ""))
    return EXIT_OK


def _print_summary(result, records):
    failed = sum(1 for r in records.values() if r["status"] != "ok")
    for e in result["engines"]:
        row = result["geomeans"][e]["row"]
        if isinstance(row.get("mean"), float):
            unit = "ms" if result["metric"] == "time" else "instr"
            ratio = (f", {row['ratio']:.3g}x {result['baseline']}" if isinstance(row.get("ratio"), float) else "")
            sys.stderr.write(f"  {e}: geometric mean {row['mean']:.4g} {unit} over {row['n_benchmarks']} "
                             f"benchmarks{ratio}\n")
        else:
            sys.stderr.write(f"  {e}: no successful cells\n")
    if failed:
        sys.stderr.write(f"  {failed} cell(s) failed; reasons in the README\n")


def main(argv=None):
    args = make_parser().parse_args(argv)
    if args.gather:
        return cmd_gather(args.gather)
    if args.run_cell:
        return cmd_run_cell(os.path.abspath(args.run_cell[0]), args.run_cell[1])
    if not args.config:
        _err("--config FILE is required (see --help)")
        return EXIT_USAGE
    try:
        cfg = configmod.load(args.config)
        cfg = configmod.select(cfg, args.engines, args.benchmarks, args.invocations, args.iterations, args.metric)
    except configmod.ConfigError as e:
        _err(str(e))
        return EXIT_USAGE
    if args.list:
        print("engines:")
        for e in cfg.engines:
            print(f"  {e.name}: {' '.join(e.command)}")
        print("benchmarks: " + " ".join(cfg.benchmarks))
        return EXIT_OK
    strata = os.path.abspath(args.strata or planmod.default_strata())
    git = envinfo.git_info()
    try:
        out_dir, resuming = choose_out_dir(args, cfg, git, strata)
    except configmod.ConfigError as e:
        _err(str(e))
        return EXIT_USAGE
    argv_used = sys.argv[1:] if argv is None else argv
    provenance = {"commit": git["commit"], "commit_short": git["short"], "dirty": git["dirty"],
                  "backend": args.backend, "sweep_command": "experiments/sweep " + shlex.join(argv_used)}
    if resuming:
        plan = planmod.read(out_dir)
    else:
        skipped = planmod.probe_engines(cfg, strata)
        if skipped and len(skipped) == len(cfg.engines):
            _err("every engine is skipped: " + "; ".join(f"{k}: {v}" for k, v in skipped.items()))
            return EXIT_USAGE
        plan = planmod.build(cfg, strata, out_dir, provenance, skipped)
    for s in plan.get("skipped_engines", []):
        _err(f"skipping engine {s['name']}: {s['reason']}")
    if args.dry_run:
        print(f"results directory: {out_dir}{' (resuming)' if resuming else ''}")
        done = planmod.done_cells(out_dir, plan) if resuming else set()
        for c in plan["cells"]:
            mark = "done" if c["id"] in done else "todo"
            print(f"{c['index']:4d} {mark} {c['id']}: {shlex.join(c['command'])}")
        return EXIT_OK
    try:
        if not resuming:
            planmod.write(plan, out_dir)
        if not os.path.exists(os.path.join(out_dir, "env.json")):
            planmod.write_json(os.path.join(out_dir, "env.json"), envinfo.collect(plan))
    except OSError as e:
        _err(f"cannot write {out_dir}: {e}")
        return EXIT_ERROR
    if args.backend == "slurm":
        return _slurm(out_dir, plan, args.submit)
    return _local(out_dir, plan, resuming, not args.no_progress)


def _slurm(out_dir, plan, submit):
    paths, warnings = slurm.write_scripts(out_dir, plan)
    for w in warnings:
        _err("warning: " + w)
    print(f"wrote {paths['array.sbatch']} ({len(plan['cells'])} tasks), {paths['gather.sbatch']}")
    if submit:
        try:
            print(slurm.submit(paths))
        except (OSError, slurm.subprocess.CalledProcessError) as e:
            _err(f"submitting failed: {getattr(e, 'stderr', '') or e}")
            return EXIT_ERROR
        print(f"results will be gathered into {out_dir}")
    else:
        print(f"submit with: {paths['submit.sh']}")
    print(os.path.join(out_dir, "README.md"))
    return EXIT_OK


def _local(out_dir, plan, resuming, show_progress):
    done = planmod.done_cells(out_dir, plan)
    todo = [c for c in plan["cells"] if c["id"] not in done]
    sys.stderr.write(f"sweep '{plan['name']}': {len(plan['cells'])} cells "
                     f"({len(plan['engines'])} engines x {len(plan['benchmarks'])} benchmarks x "
                     f"{plan['invocations']} invocations, {plan['iterations']} iterations each)"
                     + (f", resuming with {len(done)} done" if resuming else "") + f"\n  -> {out_dir}\n")
    prog = progressmod.Progress(len(plan["cells"]), already_done=len(done), enabled=show_progress)
    try:
        for c in todo:
            label = f"{c['engine']} {c['benchmark']} #{c['invocation']}"
            prog.starting(label)
            rec = runner.run_and_save(out_dir, c)
            prog.finished(label, rec["status"] == "ok", rec["reason"])
    except (runner.Interrupted, KeyboardInterrupt):
        prog.close()
        _err(f"interrupted; finished cells are kept in {out_dir}/cells. Run the same command again to resume.")
        return EXIT_INTERRUPTED
    prog.close()
    sys.stderr.write("writing report ...\n")
    return cmd_gather(out_dir)
