"""The plan of a sweep: one cell per (engine, benchmark, invocation), in run order.

Run order interleaves engines and benchmarks: invocation round r runs every
(engine, benchmark) pair once, in an order shuffled with a fixed seed derived from the
config's seed and r. Machine noise that drifts over time (thermal state, other tenants)
then spreads over all engines instead of biasing whichever ran last, and the order is
reproducible.

The plan is written to <results>/plan.json before anything runs; resuming and Slurm tasks
read it back, so a cell is always run with exactly the command recorded for it.
"""
import json
import os
import random
import shutil
import subprocess

from . import config as configmod

PLAN_VERSION = 1


def cell_id(engine, benchmark, invocation):
    return f"{engine}__{benchmark}__{invocation}"


def default_strata():
    return os.path.join(configmod.REPO_DIR, "build", "strata")


def cell_params(cfg):
    """(iterations, invocations, timeout seconds) for the config's metric."""
    data = cfg.data
    if data["metric"] == "instructions":
        ins = data["instructions"]
        return ins["iterations"], ins["invocations"], data["timeout"] * ins["timeout_factor"]
    return data["iterations"], data["invocations"], data["timeout"]


def run_order(engines, benchmarks, invocations, seed):
    """[(round, engine, benchmark)] with every round's pairs shuffled reproducibly."""
    order = []
    for r in range(invocations):
        pairs = [(e, b) for e in engines for b in benchmarks]
        random.Random(f"strata-sweep:{seed}:{r}").shuffle(pairs)
        order.extend((r, e, b) for e, b in pairs)
    return order


def expand(template, values):
    return [arg.format(**values) for arg in template]


def engine_command(engine, values):
    """The engine's command for one cell; the benchmark path and iteration count are
    appended unless the template places {bench} itself."""
    args = expand(engine.command, values)
    if not engine.uses("bench"):
        args += [values["bench"], values["iterations"]]
    return args


PROBE_TIMEOUT = 60
# What tiers/tier.c prints when a tier of --tiers is not in this binary (it then runs without
# it, which would silently measure another configuration under the engine's name).
NOT_AVAILABLE = "is not available"


def strata_probe_args(engine):
    """The tier-selecting flags of an engine that runs {strata} (--tiers=..., --eager and the
    other --flags without placeholders), or None for engines that are not Strata."""
    if not engine.command or engine.command[0] != "{strata}":
        return None
    return [a for a in engine.command[1:] if a.startswith("--") and "{" not in a]


def probe_engines(cfg, strata):
    """{engine name: reason} for the Strata engines that this strata binary cannot run as
    configured. Each is probed once with `strata FLAGS -e ''`: a tier of its chain that is not
    built (strata says "tier 'X' is not available"), an unknown flag or a crash skips the
    engine, so a sweep written for tiers still to come runs the configurations that exist.
    A missing binary is not probed: its cells fail, loudly, with "engine binary not found"."""
    skipped = {}
    if not os.access(strata, os.X_OK):
        return skipped
    for e in cfg.engines:
        args = strata_probe_args(e)
        if args is None:
            continue
        cmd = [strata] + args + ["-e", ""]
        env = dict(os.environ)
        env.update(e.env)
        try:
            p = subprocess.run(cmd, capture_output=True, text=True, timeout=PROBE_TIMEOUT, env=env,
                               stdin=subprocess.DEVNULL)
        except (OSError, subprocess.TimeoutExpired) as ex:
            skipped[e.name] = f"probe `{' '.join(cmd[1:])}` failed: {ex}"
            continue
        lines = [ln.strip() for ln in p.stderr.splitlines() if ln.strip()]
        unavailable = [ln for ln in lines if NOT_AVAILABLE in ln]
        if unavailable:
            skipped[e.name] = "; ".join(ln.removeprefix("strata: ").removesuffix(" (running without it)")
                                       for ln in unavailable)
        elif p.returncode != 0:
            first = lines[0] if lines else ""
            skipped[e.name] = (f"probe `strata {' '.join(args)} -e ''` exited with {p.returncode}"
                               + (f": {first}" if first else ""))
    return skipped


def build(cfg, strata, out_dir, provenance=None, skipped=None):
    """The plan dict for cfg, with cell commands resolved for results directory out_dir.
    Engines named in skipped ({name: reason}, from probe_engines) get no cells; the plan
    lists them with their reasons, and a skipped baseline falls back to the first engine
    that runs."""
    skipped = dict(skipped or {})
    iterations, invocations, timeout = cell_params(cfg)
    metric = cfg.data["metric"]
    cells_dir = os.path.join(out_dir, "cells")
    cells = []
    running = [e for e in cfg.engines if e.name not in skipped]
    for index, (r, ename, bench) in enumerate(
            run_order([e.name for e in running], cfg.benchmarks, invocations, cfg.data["seed"])):
        engine = cfg.engine(ename)
        cid = cell_id(ename, bench, r)
        stats_file = os.path.join(cells_dir, cid + ".stats.json") if engine.uses("stats_file") else None
        values = {
            "strata": strata,
            "stats_file": stats_file or "",
            "bench": os.path.join(cfg.benchmarks_dir, bench + ".js"),
            "bench_name": bench,
            "iterations": str(iterations),
            "invocation": str(r),
            "repo": configmod.REPO_DIR,
            "experiments": configmod.EXPERIMENTS_DIR,
        }
        command = engine_command(engine, values)
        callgrind = None
        if metric == "instructions":
            callgrind = os.path.join(cells_dir, cid + ".callgrind.out")
            command = (["valgrind", "--tool=callgrind", f"--callgrind-out-file={callgrind}"]
                       + list(cfg.data["instructions"]["valgrind_args"]) + command)
        cells.append({
            "index": index,
            "id": cid,
            "engine": ename,
            "benchmark": bench,
            "invocation": r,
            "command": command,
            "env": dict(engine.env),
            "cwd": cfg.benchmarks_dir,
            "stats_file": stats_file,
            "callgrind_file": callgrind,
            "iterations": iterations,
            "timeout": timeout,
            "metric": metric,
        })
    engines = []
    for e in running:
        example = engine_command(e, {
            "strata": strata, "stats_file": "<stats.json>", "bench": "<benchmark.js>",
            "bench_name": "<benchmark>", "iterations": str(iterations), "invocation": "<i>",
            "repo": configmod.REPO_DIR, "experiments": configmod.EXPERIMENTS_DIR})
        engines.append({"name": e.name, "template": e.command, "command_line": example,
                        "env": e.env, "description": e.description})
    plan = {
        "version": PLAN_VERSION,
        "name": cfg.name,
        "config_path": os.path.abspath(cfg.path) if os.path.exists(cfg.path) else cfg.path,
        "config_hash": cfg.hash(),
        "config": cfg.data,
        "config_text": cfg.text,
        "metric": metric,
        "iterations": iterations,
        "invocations": invocations,
        "timeout": timeout,
        "baseline": (cfg.data["baseline"] if cfg.data["baseline"] not in skipped or not running
                     else running[0].name),
        "benchmarks": cfg.benchmarks,
        "engines": engines,
        "skipped_engines": [{"name": e.name, "template": e.command, "reason": skipped[e.name]}
                            for e in cfg.engines if e.name in skipped],
        "strata": strata,
        "cells": cells,
    }
    if provenance:
        plan.update(provenance)
    return plan


def missing_executable(cell):
    """A reason string when the cell's program cannot be found, else None."""
    prog = cell["command"][0]
    if os.sep in prog:
        if not os.path.exists(prog):
            return f"engine binary not found: {prog}"
        if not os.access(prog, os.X_OK):
            return f"engine binary not executable: {prog}"
        return None
    if shutil.which(prog) is None:
        return f"command not found on PATH: {prog}"
    return None


def write(plan, out_dir):
    os.makedirs(os.path.join(out_dir, "cells"), exist_ok=True)
    write_json(os.path.join(out_dir, "plan.json"), plan)


def read(out_dir):
    with open(os.path.join(out_dir, "plan.json"), encoding="utf-8") as f:
        plan = json.load(f)
    if plan.get("version") != PLAN_VERSION:
        raise ValueError(f"{out_dir}/plan.json: unsupported plan version {plan.get('version')}")
    return plan


def write_json(path, obj):
    """Writes JSON atomically (a crash never leaves a half-written file behind)."""
    tmp = f"{path}.tmp{os.getpid()}"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(obj, f, indent=1, sort_keys=False)
        f.write("\n")
    os.replace(tmp, path)


def cell_path(out_dir, cell):
    return os.path.join(out_dir, "cells", cell["id"] + ".json")


def done_cells(out_dir, plan):
    """Ids of cells whose result file exists (complete, because writes are atomic)."""
    have = set(os.listdir(os.path.join(out_dir, "cells"))) if os.path.isdir(os.path.join(out_dir, "cells")) else set()
    return {c["id"] for c in plan["cells"] if c["id"] + ".json" in have}
