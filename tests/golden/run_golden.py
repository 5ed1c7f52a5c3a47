#!/usr/bin/env python3
"""Golden tests: compares `strata --print-<kind> FILE.js` with a committed expected dump.

  run_golden.py --strata BUILD/strata --kind ast [--update] [FILE.js ...]

For every tests/golden/<kind>/NAME.js (or the files given) the runner runs
`strata --print-<kind> NAME.js` in that directory (so a dump that names its file is stable)
and compares stdout with NAME.<kind>. A first line `// strata-args: ARGS` adds arguments
before --print-<kind> (e.g. --strict). A nonzero exit status is a failure (stderr is shown).
--update rewrites the expected files from the current output instead of comparing.

Any dump kind works: --kind ast uses tests/golden/ast, --kind bytecode tests/golden/bytecode.
The last line is "N passed, N failed"; the exit status is 1 when anything failed.
"""
import argparse
import difflib
import os
import shlex
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
MAX_DIFF_LINES = 40


def extra_args(path):
    with open(path, 'rb') as f:
        first = f.readline().decode('utf-8', 'replace').strip()
    prefix = '// strata-args:'
    return shlex.split(first[len(prefix):]) if first.startswith(prefix) else []


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--strata', required=True)
    ap.add_argument('--kind', required=True, help='dump kind: ast, bytecode, tokens, ...')
    ap.add_argument('--update', action='store_true', help='rewrite the expected files')
    ap.add_argument('--timeout', type=float, default=60)
    ap.add_argument('files', nargs='*')
    args = ap.parse_args()

    strata = os.path.abspath(args.strata)
    if args.files:
        files = [os.path.abspath(f) for f in args.files]
    else:
        d = os.path.join(HERE, args.kind)
        files = sorted(os.path.join(d, f) for f in os.listdir(d) if f.endswith('.js'))
    passed = failed = updated = 0
    for path in files:
        d, name = os.path.split(path)
        expected_path = os.path.join(d, name[:-3] + '.' + args.kind)
        cmd = [strata] + extra_args(path) + ['--print-' + args.kind, name]
        try:
            r = subprocess.run(cmd, cwd=d, capture_output=True, timeout=args.timeout)
        except subprocess.TimeoutExpired:
            failed += 1
            print('FAIL %s: timed out' % name)
            continue
        out = r.stdout.decode('utf-8', 'replace')
        if r.returncode != 0:
            failed += 1
            print('FAIL %s: exit status %d' % (name, r.returncode))
            for line in r.stderr.decode('utf-8', 'replace').splitlines()[:10]:
                print('     ' + line)
            continue
        if args.update:
            old = None
            if os.path.exists(expected_path):
                with open(expected_path, encoding='utf-8') as f:
                    old = f.read()
            if old != out:
                with open(expected_path, 'w', encoding='utf-8') as f:
                    f.write(out)
                updated += 1
                print('updated %s' % os.path.basename(expected_path))
            passed += 1
            continue
        if not os.path.exists(expected_path):
            failed += 1
            print('FAIL %s: no %s (run with --update to create it)' % (name, os.path.basename(expected_path)))
            continue
        with open(expected_path, encoding='utf-8') as f:
            expected = f.read()
        if out == expected:
            passed += 1
            continue
        failed += 1
        print('FAIL %s: output differs from %s' % (name, os.path.basename(expected_path)))
        diff = list(difflib.unified_diff(expected.splitlines(), out.splitlines(), 'expected', 'actual', lineterm=''))
        for line in diff[:MAX_DIFF_LINES]:
            print('     ' + line)
        if len(diff) > MAX_DIFF_LINES:
            print('     ... (%d more diff lines)' % (len(diff) - MAX_DIFF_LINES))
    if args.update:
        print('%d files updated' % updated)
    print('%d passed, %d failed' % (passed, failed))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
