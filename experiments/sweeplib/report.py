"""The files of a results directory (results/<sweep>/<date>-<commit>/):

    plan.json         the sweep as planned: config, resolved command of every cell
    env.json          machine, toolchain, commit, config, engine command lines (envinfo.py)
    cells/*.json      one record per finished cell (the raw data; never edited)
    raw.csv           one row per iteration, flattened from cells/
    summary.csv       per benchmark x engine, plus a geomean row per engine (analysis.py)
    table.tex         booktabs LaTeX table of the summary
    compiles.csv, compile_summary.csv   compile attempts and per-tier compile figures (compiles.py)
    bars/warmup/compile .png/.pdf   figures (plots.py)
    README.md         what the numbers are, where they came from, and the figures

Everything except cells/ is regenerated from cells/ + plan.json + env.json by
`sweep --gather DIR`, so a report can always be rebuilt from its raw data.
"""
import csv
import glob
import json
import math
import os

from . import analysis
from . import compiles
from . import plan as planmod
from . import plots


def load_records(out_dir, plan):
    records = {}
    for c in plan["cells"]:
        p = planmod.cell_path(out_dir, c)
        if os.path.exists(p):
            with open(p, encoding="utf-8") as f:
                records[c["id"]] = json.load(f)
    return records


def fmt(v):
    if v is None or v == "":
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        if math.isnan(v):
            return ""
        if abs(v) >= 1e6:
            return f"{v:.1f}"
        return f"{v:.6g}"
    return str(v)


def write_csv(path, columns, rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(columns)
        for r in rows:
            w.writerow([fmt(r.get(c, "")) for c in columns])


# ---- LaTeX ----------------------------------------------------------------------------------


def tex_escape(s):
    out = str(s)
    for a, b in (("\\", r"\textbackslash{}"), ("&", r"\&"), ("%", r"\%"), ("$", r"\$"), ("#", r"\#"),
                 ("_", r"\_"), ("{", r"\{"), ("}", r"\}"), ("~", r"\textasciitilde{}"), ("^", r"\^{}")):
        out = out.replace(a, b)
    return out


def _num(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool) and not math.isnan(v)


def _sig(v, digits=3):
    if not _num(v):
        return "---"
    if v == 0:
        return "0"
    mag = int(math.floor(math.log10(abs(v))))
    decimals = max(0, digits - 1 - mag)
    return f"{v:.{decimals}f}"


def _abs_cell(row, metric):
    if not _num(row.get("mean")):
        return "---"
    scale = 1.0 if metric == "time" else 1e-6
    return (f"{_sig(row['mean'] * scale)} {{\\scriptsize [{_sig(row['mean_ci_lo'] * scale)}, "
            f"{_sig(row['mean_ci_hi'] * scale)}]}}")


def _ratio_cell(row):
    if not _num(row.get("ratio")):
        return "---"
    return f"{_sig(row['ratio'])} {{\\scriptsize [{_sig(row['ratio_ci_lo'])}, {_sig(row['ratio_ci_hi'])}]}}"


def latex_table(result, provenance):
    engines = result["engines"]
    baseline = result["baseline"]
    others = [e for e in engines if e != baseline]
    unit = "ms" if result["metric"] == "time" else "M instr."
    cols = [f"{tex_escape(baseline)} ({unit})"] + [tex_escape(e) for e in others]
    lines = [
        f"% Strata sweep '{provenance['name']}', {provenance['date']}, commit {provenance['commit']}"
        f"{' (dirty)' if provenance.get('dirty') else ''}.",
        f"% Steady-state mean per benchmark. First column: {unit} on {baseline}; other columns: relative to",
        f"% {baseline} (lower is faster). Brackets: 95% intervals, {result['ci_method']}.",
        "% Generated from summary.csv by experiments/sweep; needs \\usepackage{booktabs}.",
        "\\begin{tabular}{l" + "r" * len(cols) + "}",
        "\\toprule",
        "Benchmark & " + " & ".join(cols) + " \\\\",
        "\\midrule",
    ]
    for b in result["benchmarks"]:
        cells = [_abs_cell(result["cells"][(b, baseline)]["row"], result["metric"])]
        cells += [_ratio_cell(result["cells"][(b, e)]["row"]) for e in others]
        lines.append(f"{tex_escape(b)} & " + " & ".join(cells) + " \\\\")
    lines.append("\\midrule")
    geo = [_abs_cell(result["geomeans"][baseline]["row"], result["metric"])]
    geo += [_ratio_cell(result["geomeans"][e]["row"]) for e in others]
    lines.append("Geometric mean & " + " & ".join(geo) + " \\\\")
    lines += ["\\bottomrule", "\\end{tabular}", ""]
    return "\n".join(lines)


# ---- README ---------------------------------------------------------------------------------


def _md(s):
    return str(s).replace("|", "\\|")


def _md_abs(row, metric):
    if not _num(row.get("mean")):
        return "—"
    if metric == "time":
        return f"{_sig(row['mean'])} [{_sig(row['mean_ci_lo'])}, {_sig(row['mean_ci_hi'])}]"
    return f"{_sig(row['mean'] / 1e6)} [{_sig(row['mean_ci_lo'] / 1e6)}, {_sig(row['mean_ci_hi'] / 1e6)}]"


def _md_ratio(row):
    if not _num(row.get("ratio")):
        return "—"
    return f"{_sig(row['ratio'])} [{_sig(row['ratio_ci_lo'])}, {_sig(row['ratio_ci_hi'])}]"


def readme(result, plan, env, figures, raw_count, records, compile_summary=()):
    git = env.get("git", {})
    cpu = env.get("cpu", {})
    osinfo = env.get("os", {})
    tc = env.get("toolchain", {})
    metric = result["metric"]
    engines = result["engines"]
    baseline = result["baseline"]
    dirty = " (working tree dirty)" if git.get("dirty") else ""
    done = len(records)
    ok = sum(1 for r in records.values() if r["status"] == "ok")
    out = []
    out.append(f"# Sweep `{plan['name']}`: {env.get('date', '')[:10]}, commit `{git.get('short')}`{dirty}")
    out.append("")
    out.append(f"{plan['config'].get('description') or ''}".strip())
    out.append("")
    out.append("## Provenance")
    out.append("")
    out.append(f"- Raw data: [`raw.csv`](raw.csv) ({raw_count} rows), flattened from the {done} cell records in "
               f"[`cells/`](cells/) ({ok} passed their self-check, {done - ok} failed, "
               f"{len(plan['cells']) - done} not run); plan in [`plan.json`](plan.json).")
    out.append(f"- Summary: [`summary.csv`](summary.csv); LaTeX: [`table.tex`](table.tex); "
               f"environment: [`env.json`](env.json).")
    out.append(f"- Commit `{git.get('commit')}`{dirty}, branch `{git.get('branch')}`; "
               f"sweep started {env.get('date')}.")
    out.append(f"- Config `{plan['config_path']}` (hash `{plan['config_hash']}`); "
               f"run as `{plan.get('sweep_command') or 'experiments/sweep'}`; backend {plan.get('backend', 'local')}.")
    out.append(f"- Machine: {cpu.get('model')}, {cpu.get('logical_cores')} logical cores "
               f"({cpu.get('usable_cores')} usable), {round((cpu.get('memory_kb') or 0) / 1048576, 1)} GiB; "
               f"{osinfo.get('distribution')}; {osinfo.get('kernel')}; load average at start "
               f"{cpu.get('load_average')}.")
    out.append(f"- Toolchain: {tc.get('gcc')}; {tc.get('clang')}; LLVM {tc.get('llvm')}; libgccjit "
               f"{tc.get('libgccjit')}; node {tc.get('node')}; {tc.get('valgrind')}; Python {tc.get('python')}.")
    out.append(f"- Metric: **{metric}**"
               + (" (in-process iteration time from the harness's performance.now())" if metric == "time"
                  else " (callgrind Ir of the whole process)")
               + f"; {plan['invocations']} invocations (fresh processes) x {plan['iterations']} iterations per "
               f"benchmark and engine; timeout {plan['timeout']:g} s per invocation; cells interleaved "
               f"(seed {plan['config']['seed']}); baseline **{baseline}**.")
    out.append("")
    out.append("| engine | command line |")
    out.append("|---|---|")
    for e in plan["engines"]:
        env_s = " ".join(f"{k}={v}" for k, v in (e.get("env") or {}).items())
        out.append(f"| {_md(e['name'])} | `{_md(' '.join(e['command_line']))}`"
                   + (f" (env {_md(env_s)})" if env_s else "") + " |")
    skipped = plan.get("skipped_engines") or []
    if skipped:
        out.append("")
        out.append("Skipped engines (not run: this strata binary cannot run them as configured):")
        out.append("")
        for e in skipped:
            out.append(f"- {_md(e['name'])} (`{_md(' '.join(e['template']))}`): {_md(e['reason'])}")
    out.append("")
    out.append("## Results")
    out.append("")
    what = "Steady-state mean iteration time (ms)" if metric == "time" else \
        "Mean instructions per process (millions, callgrind Ir)"
    out.append(f"{what} on {baseline}, and every other engine relative to {baseline} "
               f"(lower is faster), with 95% confidence intervals in brackets.")
    out.append("")
    others = [e for e in engines if e != baseline]
    out.append(f"| benchmark | {_md(baseline)} ({'ms' if metric == 'time' else 'M instr.'}) | "
               + " | ".join(f"{_md(e)} / {_md(baseline)}" for e in others) + " |")
    out.append("|---|" + "---:|" * (1 + len(others)))
    for b in result["benchmarks"]:
        cells = [_md_abs(result["cells"][(b, baseline)]["row"], metric)]
        cells += [_md_ratio(result["cells"][(b, e)]["row"]) for e in others]
        out.append(f"| {_md(b)} | " + " | ".join(cells) + " |")
    geo = [_md_abs(result["geomeans"][baseline]["row"], metric)]
    geo += [_md_ratio(result["geomeans"][e]["row"]) for e in others]
    out.append("| **geometric mean** | " + " | ".join(geo) + " |")
    out.append("")
    for e in engines:
        g = result["geomeans"][e]
        n_all = len(result["benchmarks"])
        if len(g["benchmarks"]) != n_all and g["benchmarks"]:
            out.append(f"- {e}: geometric mean over {len(g['benchmarks'])} of {n_all} benchmarks "
                       f"(the others failed).")
    out.append("")
    out.append("## Figures")
    out.append("")
    captions = {
        "bars": "Per-benchmark steady-state time relative to the baseline, with 95% intervals",
        "warmup": "Warm-up curves: iteration time per invocation, one panel per benchmark",
        "compile": "Compile time (from --stats) against steady-state time",
    }
    for f in figures:
        out.append(f"![{captions.get(f, f)}]({f}.png)")
        out.append("")
        out.append(f"{captions.get(f, f)} ([PDF]({f}.pdf)).")
        out.append("")
    if "compile" not in figures:
        out.append("No engine reported compile times (--stats), so there is no compile-time figure.")
        out.append("")
    if compile_summary:
        out.append("## Compilation")
        out.append("")
        out.append("From the `--stats` files of the passed Strata cells ([`compiles.csv`](compiles.csv): one row "
                   "per compile attempt; [`compile_summary.csv`](compile_summary.csv)). Work = IR build + passes + "
                   "backend, wherever the compile ran (background compiles included); per bytecode = work divided "
                   "by the function's bytecode count; aborted attempts enter no time figure.")
        out.append("")
        out.extend(compiles.markdown(compile_summary))
        out.append("")
    if metric == "time":
        out.append("## Warm-up classification")
        out.append("")
        out.append("Per invocation: flat, warmup, slowdown or no steady state; per benchmark and engine the "
                   "common class, or good/bad inconsistent (Barrett et al., OOPSLA 2017). "
                   "Warm-up = iterations before the steady state (median over invocations).")
        out.append("")
        out.append("| benchmark | " + " | ".join(_md(e) for e in engines) + " |")
        out.append("|---|" + "---|" * len(engines))
        for b in result["benchmarks"]:
            cells = []
            for e in engines:
                row = result["cells"][(b, e)]["row"]
                if not row["classification"]:
                    cells.append("—")
                    continue
                w = f", warm-up {row['warmup_iters']}" if row["warmup_iters"] != "" else ""
                cells.append(f"{row['classification']} ({row['class_counts'].replace(';', ', ')}){w}")
            out.append(f"| {_md(b)} | " + " | ".join(cells) + " |")
        out.append("")
    failures = [r for r in records.values() if r["status"] != "ok"]
    missing = [c for c in plan["cells"] if c["id"] not in records]
    if failures or missing:
        out.append("## Failures")
        out.append("")
        out.append("Failed cells are never timed; their reasons, grouped:")
        out.append("")
        grouped = {}
        for r in failures:
            grouped.setdefault((r["engine"], r["reason"]), []).append(f"{r['benchmark']}#{r['invocation']}")
        for (e, reason), which in sorted(grouped.items()):
            shown = ", ".join(which[:8]) + (f", ... ({len(which)} cells)" if len(which) > 8 else "")
            out.append(f"- **{_md(e)}**: {_md(reason)} — {shown}")
        if missing:
            out.append(f"- {len(missing)} planned cells have no result (not run yet).")
        out.append("")
    out.append("## Method")
    out.append("")
    acfg = plan["config"]["analysis"]
    out.append(f"- Every benchmark verifies its result (a checksum) in every iteration; a cell counts only if "
               f"all checks passed and the process exited cleanly.")
    if metric == "time":
        out.append(f"- Steady state per invocation: PELT changepoints (normal mean+variance cost, penalty "
                   f"{acfg['penalty_factor']:g}·log n, minimum segment {acfg['min_segment']}), segments equivalent to "
                   f"the last one within max(variance, {acfg['delta']}) merged; a steady state must cover the last "
                   f"{acfg['steady_fraction'] * 100:g}% of the iterations (Barrett et al., OOPSLA 2017). Only "
                   f"steady-state iterations enter the means.")
        out.append(f"- Caveat: the paper's penalty was designed for runs of 2000 iterations. With "
                   f"{plan['iterations']} iterations, PELT finds only large, clean shifts; a warm-up of one or two "
                   f"iterations next to noisy ones may be classified flat, and then counts as steady state. "
                   f"The medians in `summary.csv` are robust to that; a warm-up study wants more iterations "
                   f"(`--iterations`).")
    out.append(f"- Intervals: {result['ci_method']}. Ratios divide the bootstrap replicates pairwise; geometric "
               f"means are taken per replicate across benchmarks.")
    out.append("- Regenerate everything but `cells/` with `experiments/sweep --gather <this directory>`.")
    out.append("")
    out.append("## LaTeX")
    out.append("")
    out.append("[`table.tex`](table.tex) is a booktabs `tabular`, ready to `\\input`.")
    out.append("")
    return "\n".join(out)


def write_all(out_dir):
    """Regenerates raw.csv, summary.csv, table.tex, figures and README.md from out_dir."""
    plan = planmod.read(out_dir)
    with open(os.path.join(out_dir, "env.json"), encoding="utf-8") as f:
        env = json.load(f)
    records = load_records(out_dir, plan)
    raw = analysis.raw_rows(plan, records)
    write_csv(os.path.join(out_dir, "raw.csv"), analysis.RAW_COLUMNS, raw)
    result = analysis.analyse(plan, records)
    write_csv(os.path.join(out_dir, "summary.csv"), analysis.SUMMARY_COLUMNS, result["rows"])
    git = env.get("git", {})
    prov = {"name": plan["name"], "date": env.get("date", "")[:10], "commit": git.get("short"),
            "dirty": git.get("dirty")}
    with open(os.path.join(out_dir, "table.tex"), "w", encoding="utf-8") as f:
        f.write(latex_table(result, prov))
    for old in glob.glob(os.path.join(out_dir, "*.png")) + glob.glob(os.path.join(out_dir, "*.pdf")):
        os.unlink(old)  # a figure that no longer applies must not linger
    figures = plots.plot_all(result, out_dir)
    compile_rows, per_cell = compiles.load(out_dir, plan, records)
    compile_summary = compiles.summarize(plan, compile_rows, per_cell)
    if compile_rows:
        write_csv(os.path.join(out_dir, "compiles.csv"), compiles.COMPILE_COLUMNS, compile_rows)
        write_csv(os.path.join(out_dir, "compile_summary.csv"), compiles.SUMMARY_COLUMNS, compile_summary)
    with open(os.path.join(out_dir, "README.md"), "w", encoding="utf-8") as f:
        f.write(readme(result, plan, env, figures, len(raw), records, compile_summary))
    return result, records
