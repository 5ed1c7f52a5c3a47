#!/usr/bin/env python3
"""Checks the include rule of ARCHITECTURE.md: a folder includes headers only from its own
floor or the floors below it; upward calls go through function pointers registered at start-up.

Floors, lowest first (folders on one floor may not include each other unless listed):
  support < profiler < gc < objects < frontend < interp < {builtins, backends} < {runtime, tiers} < tools
A unit test kept beside its folder's code (test_*.c, e.g. a backend plugin's own test) is a
test: it sits above everything, like tests/.
Also: no `.c` file is ever included, and every include of a project header uses the repo root
as the include root ("folder/file.h").
Exit status 1 with one line per violation.
"""
import os
import re
import sys

RANK = {
    "support": 0, "profiler": 1, "gc": 2, "objects": 3, "frontend": 4, "interp": 5,
    "builtins": 6, "backends": 6, "runtime": 7, "tiers": 7, "tools": 8,
}
# Same-floor edges that are allowed (a runtime needs the library; tiers need backends).
ALLOWED = {("runtime", "builtins"), ("tiers", "backends"), ("tiers", "builtins"),
           ("runtime", "frontend"), ("tiers", "frontend")}
# Tests, benchmarks and fuzz targets sit above everything.
TOP = {"tests", "bench"}

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"')


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    bad = []
    for folder in list(RANK) + sorted(TOP):
        top = os.path.join(root, folder)
        for dirpath, _, files in os.walk(top):
            for name in files:
                if not name.endswith((".c", ".h", ".cc")):
                    continue
                path = os.path.join(dirpath, name)
                rel = os.path.relpath(path, root)
                with open(path, encoding="utf-8", errors="replace") as f:
                    for lineno, line in enumerate(f, 1):
                        m = INCLUDE.match(line)
                        if not m:
                            continue
                        target = m.group(1)
                        if target.endswith(".c"):
                            bad.append(f"{rel}:{lineno}: includes a .c file: {target}")
                            continue
                        tfolder = target.split("/", 1)[0]
                        if "/" not in target:
                            # a system-style local include such as "libgccjit.h" is only
                            # legal in backends (exposed through the build)
                            if folder != "backends":
                                bad.append(f"{rel}:{lineno}: include without folder: {target}")
                            continue
                        if tfolder not in RANK and tfolder not in TOP:
                            continue  # e.g. llvm-c/Core.h
                        if folder in TOP or name.startswith("test_"):
                            continue
                        if tfolder in TOP:
                            bad.append(f"{rel}:{lineno}: {folder}/ includes {target} from {tfolder}/")
                            continue
                        if tfolder == folder:
                            continue
                        if RANK[tfolder] < RANK[folder] or (folder, tfolder) in ALLOWED:
                            continue
                        bad.append(f"{rel}:{lineno}: {folder}/ (floor {RANK[folder]}) includes "
                                   f"{target} from {tfolder}/ (floor {RANK[tfolder]})")
    for b in bad:
        print(b)
    print(f"include rule: {len(bad)} violation(s)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
