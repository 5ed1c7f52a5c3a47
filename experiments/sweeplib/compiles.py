"""Compilation figures of a sweep, from the per-cell --stats files Strata writes.

Every Strata cell with {stats_file} in its command leaves cells/<cell id>.stats.json, whose
"compiles" array has one record per compile attempt (tools/report.c): function, tier, ok,
osr, bytecodes, ir_insns, code_bytes, ir_build_ms, passes_ms, backend_ms, total_ms.

Two times are kept apart:
  work     = ir_build_ms + passes_ms + backend_ms: CPU spent compiling, wherever it ran;
  latency  = total_ms: wall time from the request to installed code, so for background
             compiles it includes the time the job waited in the queue, and the first compile
             of a process includes loading the backend plugin (dlopen of libLLVM).
Per-function figures use work; per-bytecode figures divide work by the function's bytecode
count. Aborted attempts are counted but enter no time figure.

Writes compiles.csv (one row per compile attempt) and compile_summary.csv (per engine and
tier: attempts, aborts, OSR compiles, median / 95th percentile of work per function, median
work per bytecode, median code bytes per bytecode, deopts per process).
"""
import json
import os

COMPILE_COLUMNS = ["engine", "benchmark", "invocation", "function", "tier", "ok", "osr", "bytecodes", "ir_insns",
                   "code_bytes", "ir_build_ms", "passes_ms", "backend_ms", "work_ms", "total_ms"]
SUMMARY_COLUMNS = ["engine", "tier", "processes", "attempts", "aborts", "osr", "work_ms_median", "work_ms_p95",
                   "work_ms_total_per_process", "us_per_bytecode_median", "code_bytes_per_bytecode_median",
                   "deopts_per_process"]


def _quantile(values, q):
    """The q-quantile of a non-empty list, linear between order statistics (numpy's default)."""
    v = sorted(values)
    pos = (len(v) - 1) * q
    lo = int(pos)
    hi = min(lo + 1, len(v) - 1)
    return v[lo] + (v[hi] - v[lo]) * (pos - lo)


def _num(x):
    return float(x) if isinstance(x, (int, float)) and not isinstance(x, bool) else 0.0


def load(out_dir, plan, records):
    """(compile rows, {cell id: stats dict}) for every passed cell that has a stats file."""
    rows, per_cell = [], {}
    for c in plan["cells"]:
        rec = records.get(c["id"])
        if not rec or rec.get("status") != "ok":
            continue
        path = os.path.join(out_dir, "cells", c["id"] + ".stats.json")
        if not os.path.exists(path):
            continue
        try:
            with open(path, encoding="utf-8") as f:
                data = json.load(f)
        except (OSError, ValueError):
            continue
        per_cell[c["id"]] = data
        for r in data.get("compiles") or []:
            work = _num(r.get("ir_build_ms")) + _num(r.get("passes_ms")) + _num(r.get("backend_ms"))
            rows.append({"engine": c["engine"], "benchmark": c["benchmark"], "invocation": c["invocation"],
                         "function": r.get("function", ""), "tier": r.get("tier", ""), "ok": bool(r.get("ok")),
                         "osr": bool(r.get("osr")), "bytecodes": int(_num(r.get("bytecodes"))),
                         "ir_insns": int(_num(r.get("ir_insns"))), "code_bytes": int(_num(r.get("code_bytes"))),
                         "ir_build_ms": _num(r.get("ir_build_ms")), "passes_ms": _num(r.get("passes_ms")),
                         "backend_ms": _num(r.get("backend_ms")), "work_ms": work,
                         "total_ms": _num(r.get("total_ms"))})
    return rows, per_cell


def summarize(plan, rows, per_cell):
    """Rows of compile_summary.csv, engines in config order, tiers alphabetically."""
    processes = {}
    deopts = {}
    for c in plan["cells"]:
        data = per_cell.get(c["id"])
        if data is None:
            continue
        processes[c["engine"]] = processes.get(c["engine"], 0) + 1
        deopts[c["engine"]] = deopts.get(c["engine"], 0) + _num((data.get("totals") or {}).get("deopts"))
    out = []
    for e in [e["name"] for e in plan["engines"]]:
        mine = [r for r in rows if r["engine"] == e]
        for tier in sorted({r["tier"] for r in mine}):
            attempts = [r for r in mine if r["tier"] == tier]
            ok = [r for r in attempts if r["ok"]]
            row = {"engine": e, "tier": tier, "processes": processes.get(e, 0), "attempts": len(attempts),
                   "aborts": len(attempts) - len(ok), "osr": sum(1 for r in ok if r["osr"])}
            if ok:
                work = [r["work_ms"] for r in ok]
                sized = [r for r in ok if r["bytecodes"] > 0]
                row.update(work_ms_median=_quantile(work, 0.5), work_ms_p95=_quantile(work, 0.95),
                           work_ms_total_per_process=sum(work) / max(1, processes.get(e, 1)))
                if sized:
                    row["us_per_bytecode_median"] = _quantile([1000 * r["work_ms"] / r["bytecodes"] for r in sized], 0.5)
                    row["code_bytes_per_bytecode_median"] = _quantile([r["code_bytes"] / r["bytecodes"] for r in sized],
                                                                      0.5)
            row["deopts_per_process"] = deopts.get(e, 0) / max(1, processes.get(e, 1))
            out.append(row)
    return out


def markdown(summary):
    """The README's compilation table (empty list when no engine compiled anything)."""
    if not summary:
        return []

    def f(v, digits=3):
        if v is None or v == "":
            return "—"
        return f"{v:.{digits}g}" if isinstance(v, float) else str(v)

    out = ["| engine | tier | compiles (aborts, OSR) | work per function, median / p95 (ms) | "
           "per process (ms) | per bytecode (µs) | code bytes per bytecode | deopts per process |",
           "|---|---|---:|---:|---:|---:|---:|---:|"]
    for r in summary:
        out.append(f"| {r['engine']} | {r['tier']} | {r['attempts']} ({r['aborts']}, {r['osr']}) | "
                   f"{f(r.get('work_ms_median'))} / {f(r.get('work_ms_p95'))} | "
                   f"{f(r.get('work_ms_total_per_process'))} | {f(r.get('us_per_bytecode_median'))} | "
                   f"{f(r.get('code_bytes_per_bytecode_median'))} | {f(r.get('deopts_per_process'))} |")
    return out

