"""From cell records to raw rows and summary rows.

Only cells whose self-check passed (status "ok") contribute numbers. Per (benchmark,
engine) and metric "time":

  1. every invocation is segmented and classified (changepoint.py);
  2. the steady-state iterations of the invocations that reached a steady state are the
     data; when none did, the last steady_fraction of every invocation is used instead and
     the row says so in steady_source (never silently);
  3. mean / median with two-level bootstrap intervals (stats.py), the warm-up length
     (iterations before the steady state: median, min, max over invocations) and the
     (benchmark, engine) classification;
  4. ratios to the baseline engine and geometric means across benchmarks, with intervals
     from the same replicates.

For metric "instructions" each invocation contributes one number (the process's Ir);
there is no warm-up analysis.
"""
import math

import numpy as np

from . import changepoint as cp
from . import stats

RAW_COLUMNS = ["benchmark", "engine", "invocation", "iteration", "time_ms", "instructions",
               "compiles", "compile_ms", "deopts", "gc_collections", "gc_pause_ms", "bytes_allocated",
               "peak_rss_kb", "wall_ms", "status", "reason"]

SUMMARY_COLUMNS = ["benchmark", "engine", "metric", "unit", "status", "invocations_ok", "invocations_failed",
                   "iterations", "steady_invocations", "steady_source", "mean", "mean_ci_lo", "mean_ci_hi",
                   "median", "median_ci_lo", "median_ci_hi", "warmup_iters", "warmup_iters_min",
                   "warmup_iters_max", "classification", "class_counts", "ratio", "ratio_ci_lo",
                   "ratio_ci_hi", "n_benchmarks", "compiles", "compile_ms", "deopts", "gc_collections",
                   "gc_pause_ms", "peak_rss_kb", "ci_method", "failure_reasons"]

GEOMEAN = "geomean"


def raw_rows(plan, records):
    """One row per measured iteration (and one per failed or missing cell without any)."""
    order_e = {e["name"]: i for i, e in enumerate(plan["engines"])}
    order_b = {b: i for i, b in enumerate(plan["benchmarks"])}
    cells = sorted(plan["cells"], key=lambda c: (order_b[c["benchmark"]], order_e[c["engine"]], c["invocation"]))
    rows = []
    for c in cells:
        rec = records.get(c["id"])
        base = {"benchmark": c["benchmark"], "engine": c["engine"], "invocation": c["invocation"]}
        if rec is None:
            rows.append(dict(base, iteration="", time_ms="", status="missing", reason="no result (cell not run)"))
            continue
        st = rec.get("stats") or {}
        common = dict(base, instructions=rec.get("instructions") if rec.get("instructions") is not None else "",
                      peak_rss_kb=_blank(rec.get("peak_rss_kb")), wall_ms=_blank(rec.get("wall_ms")),
                      status=rec["status"], reason=rec.get("reason") or "")
        for k in ("compiles", "compile_ms", "deopts", "gc_collections", "gc_pause_ms", "bytes_allocated"):
            common[k] = _blank(st.get(k))
        times = rec.get("times_ms") or []
        if not times:
            rows.append(dict(common, iteration="", time_ms=""))
        for i, t in enumerate(times):
            rows.append(dict(common, iteration=i, time_ms=f"{t:.3f}"))
    return rows


def _blank(v):
    return "" if v is None else v


def _mean_of(values):
    vals = [v for v in values if v is not None]
    return float(np.mean(vals)) if vals else None


def analyse(plan, records):
    """Summary of a sweep: {"rows": [...], "invocations": {...}, "geomeans": {...}}."""
    acfg = plan["config"]["analysis"]
    metric = plan["metric"]
    replicates = acfg["bootstrap"]
    conf = acfg["confidence"]
    seed = plan["config"]["seed"]
    engines = [e["name"] for e in plan["engines"]]
    benches = list(plan["benchmarks"])
    baseline = plan["baseline"]
    ci_method = (f"two-level bootstrap over invocations and iterations (Kalibera & Jones), "
                 f"B={replicates}, {conf * 100:g}% percentile")

    by_pair = {}
    for c in plan["cells"]:
        by_pair.setdefault((c["benchmark"], c["engine"]), []).append(c)

    cells = {}
    invocations = {}
    for b in benches:
        for e in engines:
            planned = sorted(by_pair.get((b, e), []), key=lambda c: c["invocation"])
            recs = [records.get(c["id"]) for c in planned]
            ok = [r for r in recs if r is not None and r["status"] == "ok"]
            failed = [r for r in recs if r is not None and r["status"] != "ok"]
            missing = sum(1 for r in recs if r is None)
            row = {k: "" for k in SUMMARY_COLUMNS}
            row.update(benchmark=b, engine=e, metric=metric,
                       unit="ms" if metric == "time" else "instructions",
                       invocations_ok=len(ok), invocations_failed=len(failed) + missing,
                       iterations=plan["iterations"], ci_method=ci_method)
            reasons = sorted({r["reason"] for r in failed if r.get("reason")})
            if missing:
                reasons.append(f"{missing} cell(s) not run")
            row["failure_reasons"] = "; ".join(reasons)
            row["status"] = "ok" if ok and not failed and not missing else ("partial" if ok else "failed")
            groups = None
            if metric == "time":
                groups = _time_groups(b, e, ok, acfg, row, invocations)
            elif ok:
                groups = [[float(r["instructions"])] for r in ok]
                row["steady_source"] = "whole process (callgrind Ir)"
                row["classification"] = "n/a"
            entry = {"row": row, "replicates": None}
            if groups:
                s = stats.summarize(groups, replicates, conf, stats.rng_for(b, e, seed=seed))
                row.update(mean=s["mean"], mean_ci_lo=s["mean_ci"][0], mean_ci_hi=s["mean_ci"][1],
                           median=s["median"], median_ci_lo=s["median_ci"][0], median_ci_hi=s["median_ci"][1])
                entry["replicates"] = s["replicates"]
            for k in ("compiles", "compile_ms", "deopts", "gc_collections", "gc_pause_ms"):
                row[k] = _fmt_opt(_mean_of([(r.get("stats") or {}).get(k) for r in ok]))
            row["peak_rss_kb"] = _fmt_opt(_mean_of([r.get("peak_rss_kb") for r in ok]))
            cells[(b, e)] = entry

    # Ratios to the baseline, per benchmark.
    for b in benches:
        base = cells[(b, baseline)]
        for e in engines:
            entry = cells[(b, e)]
            if entry["replicates"] is None or base["replicates"] is None:
                continue
            reps = stats.ratio_replicates(entry["replicates"], base["replicates"])
            entry["ratio_replicates"] = reps
            lo, hi = stats.percentile_ci(reps, conf)
            r = entry["row"]
            r.update(ratio=r["mean"] / base["row"]["mean"], ratio_ci_lo=lo, ratio_ci_hi=hi)

    # Geometric means across benchmarks, per engine.
    geo = {}
    geo_rows = []
    for e in engines:
        have = [b for b in benches if cells[(b, e)]["replicates"] is not None]
        with_ratio = [b for b in have if "ratio_replicates" in cells[(b, e)]]
        row = {k: "" for k in SUMMARY_COLUMNS}
        row.update(benchmark=GEOMEAN, engine=e, metric=metric, unit=("ms" if metric == "time" else "instructions"),
                   n_benchmarks=len(have), ci_method=ci_method,
                   status="ok" if len(have) == len(benches) else ("partial" if have else "failed"))
        if have:
            reps = stats.geomean_replicates([cells[(b, e)]["replicates"] for b in have])
            lo, hi = stats.percentile_ci(reps, conf)
            row.update(mean=stats.geomean([cells[(b, e)]["row"]["mean"] for b in have]), mean_ci_lo=lo,
                       mean_ci_hi=hi)
        if with_ratio:
            reps = stats.geomean_replicates([cells[(b, e)]["ratio_replicates"] for b in with_ratio])
            lo, hi = stats.percentile_ci(reps, conf)
            row.update(ratio=stats.geomean([cells[(b, e)]["row"]["ratio"] for b in with_ratio]),
                       ratio_ci_lo=lo, ratio_ci_hi=hi)
            row["steady_source"] = f"ratio over {len(with_ratio)} of {len(benches)} benchmarks"
        geo[e] = {"row": row, "benchmarks": have, "ratio_benchmarks": with_ratio}
        geo_rows.append(row)

    rows = [cells[(b, e)]["row"] for b in benches for e in engines] + geo_rows
    return {"rows": rows, "cells": cells, "geomeans": geo, "invocations": invocations,
            "engines": engines, "benchmarks": benches, "baseline": baseline, "metric": metric,
            "ci_method": ci_method}


def _time_groups(bench, engine, ok, acfg, row, invocations):
    """Steady-state groups of one (benchmark, engine); fills the warm-up columns of row."""
    if not ok:
        return None
    classes = []
    starts = []
    steady = []
    for r in ok:
        times = r["times_ms"]
        res = cp.analyse_invocation(times, penalty_factor=acfg["penalty_factor"], min_segment=acfg["min_segment"],
                                    steady_fraction=acfg["steady_fraction"], delta=acfg["delta"])
        invocations[(bench, engine, r["invocation"])] = dict(res, times=times)
        classes.append(res["classification"])
        if res["steady_start"] is not None:
            starts.append(res["steady_start"])
            steady.append(times[res["steady_start"]:])
    counts = {c: classes.count(c) for c in cp.CLASSES if classes.count(c)}
    row["classification"] = cp.summarize_classes(classes)
    row["class_counts"] = ";".join(f"{k}={v}" for k, v in counts.items())
    row["steady_invocations"] = len(steady)
    if steady:
        row["steady_source"] = "steady-state segments"
        row["warmup_iters"] = int(round(float(np.median(starts))))
        row["warmup_iters_min"] = min(starts)
        row["warmup_iters_max"] = max(starts)
        return steady
    window = max(1, int(math.ceil(acfg["steady_fraction"] * len(ok[0]["times_ms"]))))
    row["steady_source"] = f"fallback: last {window} iterations (no invocation reached a steady state)"
    return [r["times_ms"][-window:] for r in ok]


def _fmt_opt(v):
    return "" if v is None else v
