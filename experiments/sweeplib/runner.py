"""Running one cell: a fresh engine process for one (engine, benchmark, invocation).

A cell's outcome is decided from the process's output in this order, and the first
failing rule gives the recorded reason (a failed cell's times never count):

    cannot start      -> "command not found ..." / "engine binary not found ..."
    timeout           -> "timeout after Ns (k of n iterations done)"
    CHECK ... FAIL    -> "self-check failed: expected=... got=..."
    killed by signal  -> "killed by signal SIGSEGV"
    exit status != 0  -> "exit status N: <last line of stderr>"
    malformed output  -> BENCH lines out of order or for another benchmark
    no CHECK ok       -> "no 'CHECK <name> ok' line"
    wrong count       -> "k BENCH lines, expected n"
    (instructions)    -> "no callgrind output" when the Ir total cannot be read

The result is written atomically to <results>/cells/<id>.json; a cell whose file exists
is done (that is how an interrupted sweep resumes).
"""
import datetime
import json
import os
import signal
import socket
import subprocess
import threading
import time

from . import plan as planmod

STATS_KEYS = ("compiles", "compile_ms", "deopts", "gc_collections", "gc_pause_ms", "bytes_allocated")
# raw.csv column <- key of the "gc" object of Strata's --stats JSON
GC_STATS_KEYS = {"gc_collections": "collections", "gc_pause_ms": "pause_ms_total",
                 "bytes_allocated": "bytes_allocated"}
STDERR_TAIL_LINES = 20


class Interrupted(Exception):
    """The user interrupted the sweep while a cell was running (the cell is discarded)."""


def run_process(args, timeout, cwd=None, env=None):
    """Runs args in a new process group; returns a dict with stdout, stderr, status, rusage.

    The child gets its own session so a timeout (or Ctrl-C of the sweep) can kill the whole
    group, grandchildren included. Waiting with os.wait4 gives the child's peak RSS.
    """
    full_env = dict(os.environ)
    if env:
        full_env.update(env)
    start = time.monotonic()
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            stdin=subprocess.DEVNULL, cwd=cwd, env=full_env, start_new_session=True)
    out_chunks, err_chunks = [], []

    def reader(stream, sink):
        for chunk in iter(lambda: stream.read(65536), b""):
            sink.append(chunk)

    threads = [threading.Thread(target=reader, args=(proc.stdout, out_chunks), daemon=True),
               threading.Thread(target=reader, args=(proc.stderr, err_chunks), daemon=True)]
    for t in threads:
        t.start()
    timed_out = threading.Event()

    def kill_group():
        timed_out.set()
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass

    timer = threading.Timer(timeout, kill_group)
    timer.start()
    try:
        _, status, rusage = os.wait4(proc.pid, 0)
    except KeyboardInterrupt:
        timer.cancel()
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        try:
            os.wait4(proc.pid, 0)
        except ChildProcessError:
            pass
        proc.returncode = -signal.SIGKILL
        raise Interrupted() from None
    finally:
        timer.cancel()
    wall = time.monotonic() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    # Leftover grandchildren would keep our pipes open: the group goes with its leader.
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    for t in threads:
        t.join(timeout=10)
    proc.stdout.close()
    proc.stderr.close()
    return {
        "stdout": b"".join(out_chunks).decode("utf-8", "replace"),
        "stderr": b"".join(err_chunks).decode("utf-8", "replace"),
        "exit_code": proc.returncode,
        "timed_out": timed_out.is_set(),
        "wall_ms": wall * 1000.0,
        "peak_rss_kb": rusage.ru_maxrss,
    }


def parse_output(stdout, benchmark):
    """BENCH times, the CHECK verdict and format problems from a harness's stdout."""
    times = []
    check = None
    problems = []
    for line in stdout.splitlines():
        if line.startswith("BENCH "):
            parts = line.split()
            if len(parts) != 4:
                problems.append(f"malformed line {line!r}")
                continue
            _, name, idx, ms = parts
            if name != benchmark:
                problems.append(f"BENCH line for {name!r}, expected {benchmark!r}")
                continue
            try:
                i = int(idx)
                value = float(ms)
            except ValueError:
                problems.append(f"malformed line {line!r}")
                continue
            if i != len(times):
                problems.append(f"iteration {i} out of order (expected {len(times)})")
                continue
            times.append(value)
        elif line.startswith("CHECK "):
            parts = line.split(None, 2)
            if len(parts) >= 3 and parts[1] == benchmark:
                check = parts[2].strip()
            else:
                problems.append(f"CHECK line for another benchmark: {line!r}")
    return times, check, problems


def parse_callgrind_total(path):
    """Total instructions (Ir) from a callgrind output file's 'summary:'/'totals:' line."""
    total = None
    events = None
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            if line.startswith("events:"):
                events = line.split()[1:]
            elif line.startswith("summary:") or line.startswith("totals:"):
                values = line.split()[1:]
                idx = events.index("Ir") if events and "Ir" in events else 0
                total = int(values[idx])
    return total


def read_stats(path):
    """The totals of a --stats JSON file, or ({}, error message).

    Strata writes compile and deopt totals under "totals" and the GC's under "gc"
    (tools/report.c): {"totals": {"compiles", "compile_ms", "deopts", ...},
    "gc": {"collections", "pause_ms_total", "bytes_allocated", ...}}. Flat "totals" keys
    named like the raw.csv columns (gc_collections ...) are accepted too."""
    if not path or not os.path.exists(path):
        return {}, None
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
    except (OSError, ValueError) as e:
        return {}, f"unreadable stats file: {e}"
    totals = data.get("totals") if isinstance(data, dict) else None
    if not isinstance(totals, dict):
        return {}, "stats file has no 'totals' object"
    merged = dict(totals)
    gc = data.get("gc")
    if isinstance(gc, dict):
        for ours, theirs in GC_STATS_KEYS.items():
            if ours not in merged and theirs in gc:
                merged[ours] = gc[theirs]
    out = {}
    for key in STATS_KEYS:
        v = merged.get(key)
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            out[key] = v
    return out, None


def _signal_name(code):
    try:
        return signal.Signals(-code).name
    except ValueError:
        return f"signal {-code}"


def run_cell(cell):
    """Runs a planned cell; returns its result record (not yet written)."""
    started = datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")
    record = {
        "id": cell["id"],
        "index": cell["index"],
        "engine": cell["engine"],
        "benchmark": cell["benchmark"],
        "invocation": cell["invocation"],
        "metric": cell["metric"],
        "command": cell["command"],
        "hostname": socket.gethostname(),
        "started": started,
        "status": "failed",
        "reason": None,
        "times_ms": [],
        "check": None,
        "exit_code": None,
        "wall_ms": None,
        "peak_rss_kb": None,
        "stats": {},
        "stats_error": None,
        "instructions": None,
        "stderr_tail": "",
    }
    for f in (cell.get("stats_file"), cell.get("callgrind_file")):
        if f and os.path.exists(f):
            os.unlink(f)  # a stale file from an interrupted attempt must not be read
    missing = planmod.missing_executable(cell)
    if missing:
        record["reason"] = missing
        return record
    try:
        res = run_process(cell["command"], cell["timeout"], cwd=cell.get("cwd"), env=cell.get("env"))
    except OSError as e:
        record["reason"] = f"cannot run {cell['command'][0]}: {e.strerror or e}"
        return record
    times, check, problems = parse_output(res["stdout"], cell["benchmark"])
    err_lines = [l for l in res["stderr"].splitlines() if l.strip()]
    record.update(times_ms=times, check=check, exit_code=res["exit_code"], wall_ms=round(res["wall_ms"], 3),
                  peak_rss_kb=res["peak_rss_kb"], stderr_tail="\n".join(err_lines[-STDERR_TAIL_LINES:]))
    record["stats"], record["stats_error"] = read_stats(cell.get("stats_file"))
    n = cell["iterations"]
    code = res["exit_code"]
    if res["timed_out"]:
        reason = f"timeout after {cell['timeout']:g}s ({len(times)} of {n} iterations done)"
    elif check is not None and check.startswith("FAIL"):
        reason = "self-check failed: " + check[4:].strip()
    elif code < 0:
        reason = f"killed by {_signal_name(code)}"
    elif code != 0:
        last = err_lines[-1] if err_lines else "(no stderr)"
        reason = f"exit status {code}: {last[:300]}"
    elif problems:
        reason = "malformed output: " + "; ".join(problems[:3])
    elif check != "ok":
        reason = f"no 'CHECK {cell['benchmark']} ok' line"
    elif len(times) != n:
        reason = f"{len(times)} BENCH lines, expected {n}"
    else:
        reason = None
    if reason is None and cell["metric"] == "instructions":
        cg = cell.get("callgrind_file")
        total = None
        if cg and os.path.exists(cg):
            try:
                total = parse_callgrind_total(cg)
            except (OSError, ValueError):
                total = None
            os.unlink(cg)  # tens of MB for a JIT; the total is all we keep
        if total is None:
            reason = "no callgrind output (is valgrind installed?)"
        record["instructions"] = total
    record["reason"] = reason
    record["status"] = "ok" if reason is None else "failed"
    return record


def run_and_save(out_dir, cell):
    rec = run_cell(cell)
    planmod.write_json(planmod.cell_path(out_dir, cell), rec)
    return rec
