#!/usr/bin/env python3
"""Runs the syntax-error corpus: every tests/syntax/*.js must be rejected by strata with the
message and position its first line announces, and by node --check too.

  run_syntax.py --strata BUILD/strata [--node PATH | --no-node] [-j N] [FILE.js ...]

Each file starts with
  // expect: SyntaxError: <message> @<line>:<col>
(or RangeError), optionally followed by
  // node-accepts: <why>
for the few inputs node accepts and Strata rejects (features Strata does not support, and
node --check treating a file as a CommonJS module body or an ES module). For each file the
runner checks that `strata FILE` exits with status 1, that stderr starts with
"Uncaught <Kind>: <message>" and that it contains ":<line>:<col>"; and, when node is
available, that `node --check FILE` fails too (or, for node-accepts files, notes it if node
now rejects the file).

Cases too big to commit are generated into a temporary directory: 100,000 nested
parentheses, brackets, braces, calls, object literals and functions, and a 100,000-term
left-nested chain. They must give "RangeError: Maximum nesting depth exceeded" (any position:
where the limit strikes depends on the build's frame sizes).

The last line is "N passed, N failed"; the exit status is 1 when anything failed.
"""
import argparse
import concurrent.futures
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
EXPECT = re.compile(r'^// expect: (SyntaxError|RangeError): (.*) @(\d+):(\d+)\s*$')
NODE_ACCEPTS = re.compile(r'^// node-accepts: (.+)$')
DEPTH_MESSAGE = 'Maximum nesting depth exceeded'
N = 100000


def generated_cases():
    """(name, source bytes, node accepts reason or None) for the RangeError cases."""
    return [
        ('gen_parens_100k', b'(' * N + b'1' + b')' * N, None),
        ('gen_parens_unclosed_100k', b'x = ' + b'(' * N, None),
        ('gen_brackets_100k', b'[' * N + b']' * N, None),
        ('gen_braces_100k', b'{' * N + b'}' * N, None),
        ('gen_calls_100k', b'f(' * N + b')' * N, None),
        ('gen_objects_100k', b'x = ' + b'{a:' * N + b'1' + b'}' * N, None),
        ('gen_functions_100k', b'function f() {' * N + b'}' * N, None),
        ('gen_unary_100k', b'x = ' + b'!' * N + b'y', None),
        ('gen_chain_100k', b'x = a' + b' + a' * N, 'V8 parses and compiles long left-nested chains '
         'without recursion; Strata bounds the depth of every tree its recursive passes walk'),
    ]


def parse_header(path):
    with open(path, 'rb') as f:
        head = f.read(4096).decode('utf-8', 'replace').splitlines()
    if not head:
        return None, None
    m = EXPECT.match(head[0])
    if not m:
        return None, None
    accepts = None
    if len(head) > 1:
        a = NODE_ACCEPTS.match(head[1])
        if a:
            accepts = a.group(1)
    return (m.group(1), m.group(2), int(m.group(3)), int(m.group(4))), accepts


def check(strata, node, path, kind, msg, pos, accepts):
    """Returns (problems, notes) for one file."""
    problems, notes = [], []
    try:
        r = subprocess.run([strata, path], capture_output=True, timeout=120)
    except subprocess.TimeoutExpired:
        return ['strata timed out'], notes
    err = r.stderr.decode('utf-8', 'replace')
    first = err.splitlines()[0] if err else ''
    want = 'Uncaught %s: %s' % (kind, msg)
    if r.returncode != 1:
        problems.append('exit status %d, expected 1' % r.returncode)
    if not err.startswith(want):
        problems.append('stderr starts with %r, expected %r' % (first, want))
    if pos and (':%d:%d' % pos) not in err:
        problems.append('position :%d:%d not in stderr (%r)' % (pos[0], pos[1], err.splitlines()[1:2]))
    if node:
        try:
            n = subprocess.run([node, '--check', path], capture_output=True, timeout=120)
            rejected = n.returncode != 0
        except subprocess.TimeoutExpired:
            rejected = True
        if not accepts and not rejected:
            problems.append('node --check accepts it (add "// node-accepts: <why>" if that is expected)')
        if accepts and rejected:
            notes.append('node --check now rejects it; the node-accepts note is stale')
    return problems, notes


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--strata', required=True)
    ap.add_argument('--node', default=shutil.which('node'))
    ap.add_argument('--no-node', action='store_true')
    ap.add_argument('-j', type=int, default=2)
    ap.add_argument('files', nargs='*')
    args = ap.parse_args()
    node = None if args.no_node else args.node
    if not node:
        print('node not found: the node --check cross-check is skipped')

    jobs = []  # (label, path, kind, msg, pos, accepts)
    bad_headers = []
    files = args.files or sorted(os.path.join(HERE, f) for f in os.listdir(HERE) if f.endswith('.js'))
    for path in files:
        header, accepts = parse_header(path)
        if not header:
            bad_headers.append(path)
            continue
        kind, msg, line, col = header
        jobs.append((os.path.basename(path), path, kind, msg, (line, col), accepts))

    tmp = tempfile.mkdtemp(prefix='strata-syntax-')
    try:
        if not args.files:
            for name, src, accepts in generated_cases():
                path = os.path.join(tmp, name + '.js')
                with open(path, 'wb') as f:
                    f.write(src)
                jobs.append((name + ' (generated)', path, 'RangeError', DEPTH_MESSAGE, None, accepts))

        passed = failed = 0
        with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.j)) as pool:
            futures = [pool.submit(check, args.strata, node, j[1], j[2], j[3], j[4], j[5]) for j in jobs]
            for job, fut in zip(jobs, futures):
                problems, notes = fut.result()
                for note in notes:
                    print('note: %s: %s' % (job[0], note))
                if problems:
                    failed += 1
                    print('FAIL %s' % job[0])
                    for p in problems:
                        print('     %s' % p)
                else:
                    passed += 1
        for path in bad_headers:
            failed += 1
            print('FAIL %s: first line is not "// expect: <Kind>: <message> @<line>:<col>"' % os.path.basename(path))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    accepted = sum(1 for j in jobs if j[5])
    print('(%d files where node accepts what Strata rejects, each with its reason)' % accepted)
    print('%d passed, %d failed' % (passed, failed))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
