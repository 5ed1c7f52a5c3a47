"""Helpers shared by the experiments tests: writing configs, running the sweep, and
checking output files (CSV columns, PNG/PDF validity, a LaTeX tabular parser)."""
import csv
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
EXPERIMENTS = os.path.dirname(HERE)
SWEEP = os.path.join(EXPERIMENTS, "sweep")
FAKE = os.path.join(HERE, "fake_engine.py")
PYTHON = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else sys.executable

# Columns the brief requires (more may follow).
RAW_REQUIRED = ["benchmark", "engine", "invocation", "iteration", "time_ms", "compiles", "deopts",
                "gc_collections", "gc_pause_ms", "status"]
SUMMARY_REQUIRED = ["benchmark", "engine", "mean", "mean_ci_lo", "mean_ci_hi", "median", "median_ci_lo",
                    "median_ci_hi", "warmup_iters", "classification", "ratio", "ratio_ci_lo", "ratio_ci_hi"]


def fake_engine(name, *flags):
    """A TOML [[engines]] table running the fake engine with flags."""
    cmd = [PYTHON, FAKE, "--stats={stats_file}", "--seed={invocation}", *flags]
    return f'[[engines]]\nname = "{name}"\ncommand = {json.dumps(cmd)}\n'


def write_config(tmp, name, engines, benchmarks=("richards", "nbody"), invocations=2, iterations=3,
                 timeout=30, baseline=None, extra=""):
    lines = [f'name = "{name}"', f"benchmarks = {json.dumps(list(benchmarks))}", f"invocations = {invocations}",
             f"iterations = {iterations}", f"timeout = {timeout}"]
    if baseline:
        lines.append(f'baseline = "{baseline}"')
    text = "\n".join(lines) + "\n" + extra + "\n" + "\n".join(engines) + "\n[analysis]\nbootstrap = 1000\n"
    path = os.path.join(tmp, f"{name}.toml")
    with open(path, "w") as f:
        f.write(text)
    return path


def run_sweep(*args, env=None, timeout=120):
    full_env = dict(os.environ)
    if env:
        full_env.update(env)
    return subprocess.run([PYTHON, SWEEP, *args], capture_output=True, text=True, timeout=timeout, env=full_env)


def read_csv(path):
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    return rows[0], [dict(zip(rows[0], r)) for r in rows[1:]]


def is_png(path):
    with open(path, "rb") as f:
        head = f.read(24)
    return head[:8] == b"\x89PNG\r\n\x1a\n" and head[12:16] == b"IHDR" and os.path.getsize(path) > 1000


def is_pdf(path):
    with open(path, "rb") as f:
        data = f.read()
    return data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF") and b"/Page" in data


def parse_tabular(tex):
    """Parses a booktabs tabular; returns (ncols, rows as lists of cells). Raises
    AssertionError describing the first problem."""
    body = "\n".join(l for l in tex.splitlines() if not l.lstrip().startswith("%"))
    depth = 0
    for ch in re.sub(r"\\[{}]", "", body):
        depth += ch == "{"
        depth -= ch == "}"
        assert depth >= 0, "unbalanced braces"
    assert depth == 0, "unbalanced braces"
    m = re.search(r"\\begin\{tabular\}\{([^}]*)\}(.*)\\end\{tabular\}", body, re.S)
    assert m, "no tabular environment"
    spec, content = m.group(1), m.group(2)
    ncols = len(re.findall(r"[lrcp]", re.sub(r"@\{[^}]*\}", "", spec)))
    assert ncols > 0, f"bad column spec {spec!r}"
    pos = [content.find(r) for r in (r"\toprule", r"\midrule", r"\bottomrule")]
    assert all(p >= 0 for p in pos) and pos == sorted(pos), "booktabs rules missing or out of order"
    assert not re.search(r"(?<!\\)[_%#]", content), "unescaped special character"
    text = re.sub(r"\\(toprule|midrule|bottomrule)", "", content)
    parts = text.split("\\\\")
    assert parts[-1].strip() == "", f"text after the last row: {parts[-1]!r}"
    rows = []
    for p in parts[:-1]:
        cells = [c.strip() for c in re.split(r"(?<!\\)&", p)]
        assert len(cells) == ncols, f"row has {len(cells)} cells, expected {ncols}: {p.strip()!r}"
        rows.append(cells)
    return ncols, rows


def results_dirs(root, name):
    d = os.path.join(root, name)
    return sorted(os.path.join(d, x) for x in os.listdir(d)) if os.path.isdir(d) else []
