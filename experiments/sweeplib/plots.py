"""Figures of a sweep, each written as PNG (for the README) and PDF (for papers).

    bars      per-benchmark steady-state time relative to the baseline engine, with the
              bootstrap intervals as error bars, plus the geometric mean (log scale)
    warmup    iteration time against iteration index, one panel per benchmark, one colour
              per engine, one thin line per invocation; a dot marks where each invocation's
              steady state starts (none for "no steady state")
    compile   compile time per invocation against steady-state time, one point per
              (benchmark, engine); only when some engine reported compile_ms via --stats

Returns the list of figure base names written (without extension).
"""
import math
import os

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402  (the backend must be chosen first)
from matplotlib.ticker import MaxNLocator  # noqa: E402

PNG_DPI = 110
# PDF metadata without a creation date keeps the files byte-identical across re-renders.
PDF_META = {"CreationDate": None}


def _colors(engines):
    cmap = plt.get_cmap("tab10")
    return {e: cmap(i % 10) for i, e in enumerate(engines)}


def _save(fig, out_dir, base):
    fig.savefig(os.path.join(out_dir, base + ".png"), dpi=PNG_DPI, bbox_inches="tight")
    fig.savefig(os.path.join(out_dir, base + ".pdf"), bbox_inches="tight", metadata=PDF_META)
    plt.close(fig)


def _num(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool) and not math.isnan(v)


def plot_bars(result, out_dir):
    engines = result["engines"]
    baseline = result["baseline"]
    shown = [e for e in engines if e != baseline] or [baseline]
    # Engines without a single ratio get a legend entry, not a row of "n/a" marks.
    empty = [e for e in shown if not any(
        _num(result["cells"][(b, e)]["row"].get("ratio")) for b in result["benchmarks"])]
    shown = [e for e in shown if e not in empty]
    benches = result["benchmarks"] + ["geomean"]
    colors = _colors(engines)
    width = 0.8 / max(1, len(shown))
    fig_w = max(8.0, 0.32 * len(benches) * max(1, len(shown)) + 2)
    fig, ax = plt.subplots(figsize=(fig_w, 4.2))
    any_bar = False
    for j, e in enumerate(shown):
        xs, ys, lo, hi, missing = [], [], [], [], []
        for i, b in enumerate(benches):
            row = result["geomeans"][e]["row"] if b == "geomean" else result["cells"][(b, e)]["row"]
            x = i + (j - (len(shown) - 1) / 2) * width
            if _num(row.get("ratio")):
                xs.append(x)
                ys.append(row["ratio"])
                lo.append(max(0.0, row["ratio"] - row["ratio_ci_lo"]))
                hi.append(max(0.0, row["ratio_ci_hi"] - row["ratio"]))
            else:
                missing.append(x)
        if xs:
            any_bar = True
            ax.bar(xs, ys, width=width * 0.95, color=colors[e], label=e, yerr=[lo, hi], capsize=2,
                   error_kw={"elinewidth": 0.8})
        for x in missing:
            ax.text(x, 1.0, "n/a", rotation=90, ha="center", va="bottom", fontsize=7, color=colors[e])
    ax.axhline(1.0, color="black", linewidth=0.8)
    if any_bar:
        ax.set_yscale("log")
    ax.set_xticks(range(len(benches)))
    ax.set_xticklabels(benches, rotation=45, ha="right", fontsize=8)
    what = "steady-state time" if result["metric"] == "time" else "instructions"
    ax.set_ylabel(f"{what} relative to {baseline}\n(lower is faster; 95% CI)")
    ax.set_title(f"Per-benchmark {what}, normalized to {baseline}")
    for e in empty:
        ax.bar([0], [0], width=0, color=colors[e], label=f"{e} (no data)")
    if any_bar or empty:
        ax.legend(fontsize=8, ncol=min(4, len(shown) + len(empty)))
    ax.grid(axis="y", which="both", alpha=0.3)
    _save(fig, out_dir, "bars")
    return "bars"


def plot_warmup(result, out_dir):
    benches = result["benchmarks"]
    engines = result["engines"]
    colors = _colors(engines)
    ncols = min(4, max(1, len(benches)))
    nrows = int(math.ceil(len(benches) / ncols))
    fig, axes = plt.subplots(nrows, ncols, figsize=(3.6 * ncols, 2.6 * nrows), squeeze=False)
    for k, b in enumerate(benches):
        ax = axes[k // ncols][k % ncols]
        lo, hi = math.inf, 0.0
        for e in engines:
            labelled = False
            for (bb, ee, inv), res in sorted(result["invocations"].items(), key=lambda kv: kv[0][2]):
                if bb != b or ee != e:
                    continue
                times = res["times"]
                if not times:
                    continue
                ax.plot(range(len(times)), times, color=colors[e], alpha=0.55, linewidth=0.9,
                        label=None if labelled else e)
                labelled = True
                lo = min(lo, min(times))
                hi = max(hi, max(times))
                s = res["steady_start"]
                if s is not None and s < len(times):
                    ax.plot([s], [times[s]], "o", color=colors[e], markersize=3)
        ax.set_title(b, fontsize=9)
        ax.tick_params(labelsize=7)
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        if lo > 0 and hi / lo > 20:
            ax.set_yscale("log")
        if k % ncols == 0:
            ax.set_ylabel("ms", fontsize=8)
        if k // ncols == nrows - 1:
            ax.set_xlabel("iteration", fontsize=8)
    for k in range(len(benches), nrows * ncols):
        axes[k // ncols][k % ncols].axis("off")
    handles = [plt.Line2D([0], [0], color=colors[e], label=e) for e in engines]
    fig.legend(handles=handles, loc="upper center", ncol=min(6, len(engines)), fontsize=8,
               bbox_to_anchor=(0.5, 1.0))
    fig.suptitle("Warm-up: iteration time per invocation (dot = start of steady state)", y=1.03, fontsize=10)
    fig.tight_layout()
    _save(fig, out_dir, "warmup")
    return "warmup"


def plot_compile(result, out_dir):
    engines = result["engines"]
    colors = _colors(engines)
    fig, ax = plt.subplots(figsize=(6.5, 4.5))
    plotted = False
    for e in engines:
        xs, ys = [], []
        for b in result["benchmarks"]:
            row = result["cells"][(b, e)]["row"]
            if _num(row.get("compile_ms")) and _num(row.get("mean")) and row["compile_ms"] > 0:
                xs.append(row["compile_ms"])
                ys.append(row["mean"])
        if xs:
            plotted = True
            ax.scatter(xs, ys, color=colors[e], label=e, s=18)
    if not plotted:
        plt.close(fig)
        return None
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("compile time per invocation (ms, from --stats)")
    ax.set_ylabel("steady-state iteration time (ms)")
    ax.set_title("Compile time against steady-state speed (one point per benchmark)")
    ax.legend(fontsize=8)
    ax.grid(which="both", alpha=0.3)
    _save(fig, out_dir, "compile")
    return "compile"


def plot_all(result, out_dir):
    written = [plot_bars(result, out_dir)]
    if result["metric"] == "time" and result["invocations"]:
        written.append(plot_warmup(result, out_dir))
    c = plot_compile(result, out_dir)
    if c:
        written.append(c)
    return written
