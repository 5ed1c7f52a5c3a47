"""Provenance: the machine, the toolchain, the engines and the commit a sweep ran on.

Everything is gathered by running the usual tools with short timeouts; anything missing is
recorded as null rather than failing the sweep (a results directory must still say what
could not be determined).
"""
import datetime
import os
import platform
import socket
import subprocess
import sys

from . import config as configmod


def _run(args, timeout=15, cwd=None):
    try:
        p = subprocess.run(args, capture_output=True, text=True, timeout=timeout, cwd=cwd,
                           stdin=subprocess.DEVNULL)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if p.returncode != 0:
        return None
    return (p.stdout or p.stderr).strip()


def _first_line(text):
    return text.splitlines()[0].strip() if text else None


def _read(path):
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            return f.read()
    except OSError:
        return None


def _dpkg_version(*packages):
    for p in packages:
        v = _run(["dpkg-query", "-W", "-f=${Version}", p])
        if v:
            return f"{p} {v}"
    return None


def git_info(repo=configmod.REPO_DIR):
    commit = _run(["git", "rev-parse", "HEAD"], cwd=repo)
    if not commit:
        return {"commit": None, "short": "nogit", "dirty": None, "branch": None}
    status = _run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=repo)
    return {
        "commit": commit,
        "short": commit[:7],
        "dirty": bool(status),
        "branch": _run(["git", "rev-parse", "--abbrev-ref", "HEAD"], cwd=repo),
    }


def cpu_info():
    text = _read("/proc/cpuinfo") or ""
    model = None
    for line in text.splitlines():
        if line.startswith("model name"):
            model = line.split(":", 1)[1].strip()
            break
    mem_kb = None
    for line in (_read("/proc/meminfo") or "").splitlines():
        if line.startswith("MemTotal:"):
            mem_kb = int(line.split()[1])
    return {
        "model": model or platform.processor() or None,
        "logical_cores": os.cpu_count(),
        "usable_cores": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
        "memory_kb": mem_kb,
        "governor": (_read("/sys/devices/system/cpu/cpu0/cpufreq/scaling_governor") or "").strip() or None,
        "aslr": (_read("/proc/sys/kernel/randomize_va_space") or "").strip() or None,
        "load_average": list(os.getloadavg()) if hasattr(os, "getloadavg") else None,
    }


def os_info():
    u = platform.uname()
    pretty = None
    for line in (_read("/etc/os-release") or "").splitlines():
        if line.startswith("PRETTY_NAME="):
            pretty = line.split("=", 1)[1].strip().strip('"')
    return {"kernel": f"{u.system} {u.release} {u.version}", "machine": u.machine, "distribution": pretty,
            "hostname": socket.gethostname()}


def toolchain_info():
    llvm = _run(["llvm-config-19", "--version"])
    py_mods = {}
    for mod in ("numpy", "scipy", "matplotlib"):
        try:
            py_mods[mod] = __import__(mod).__version__
        except Exception:  # noqa: BLE001 - a missing module is recorded, not fatal
            py_mods[mod] = None
    return {
        "gcc": _first_line(_run(["gcc", "--version"])),
        "clang": _first_line(_run(["clang", "--version"])),
        "llvm": f"llvm-config-19 {llvm}" if llvm else _dpkg_version("llvm-19", "llvm-19-dev"),
        "libgccjit": _dpkg_version("libgccjit-12-dev", "libgccjit0"),
        "node": _run(["node", "--version"]),
        "valgrind": _run(["valgrind", "--version"]),
        "python": sys.version.split()[0],
        "python_executable": sys.executable,
        "python_modules": py_mods,
    }


def strata_info(strata):
    info = {"path": strata, "exists": os.path.exists(strata), "version": None, "build": None}
    if info["exists"]:
        info["version"] = _run([strata, "--version"], timeout=10)
        cache = _read(os.path.join(os.path.dirname(strata), "CMakeCache.txt"))
        if cache:
            keep = {}
            for line in cache.splitlines():
                if line.startswith(("CMAKE_BUILD_TYPE:", "CMAKE_C_COMPILER:", "CMAKE_C_FLAGS:", "STRATA_")):
                    k, _, v = line.partition("=")
                    keep[k.split(":")[0]] = v
            info["build"] = keep
    return info


def collect(plan):
    """The env.json record for a plan (engines' command lines come from the plan)."""
    return {
        "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "git": git_info(),
        "cpu": cpu_info(),
        "os": os_info(),
        "toolchain": toolchain_info(),
        "strata": strata_info(plan["strata"]),
        "sweep": {
            "name": plan["name"],
            "config_path": plan["config_path"],
            "config_hash": plan["config_hash"],
            "metric": plan["metric"],
            "invocations": plan["invocations"],
            "iterations": plan["iterations"],
            "timeout_s": plan["timeout"],
            "baseline": plan["baseline"],
            "backend": plan.get("backend", "local"),
            "sweep_command": plan.get("sweep_command"),
        },
        "engines": plan["engines"],
        "skipped_engines": plan.get("skipped_engines", []),
        "config": plan["config"],
        "config_text": plan["config_text"],
    }
