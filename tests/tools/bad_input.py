#!/usr/bin/env python3
"""Bad input that a corpus file cannot express (docs/bad-input.md has the table).

  bad_input.py --strata BUILD/strata [-v] [--list]

Each case runs strata once and checks the exit status and the exact first line of stderr:
a missing file, a directory, a binary file, invalid UTF-8 and NUL bytes in source, 100,000-deep
nesting generated here, heap exhaustion under --max-heap, stack overflow in the interpreter and
in every tier the binary has (a tier that is missing is skipped with a SKIP line naming it), and
every flag that `strata --help` lists given a bad value (exit status 2 and a message starting
with "strata: "), so a flag added later is covered without editing this file.

A case marked `known` is a reported bug: it still runs, a failure prints KNOWN (not counted) and
a pass prints XPASS so that the mark is removed. The last line is "N passed, N failed".
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

N = 100000
TIERS = ['baseline', 'mid', 'llvm', 'gccjit']
STACK_PROGRAM = (b'function f(n) { return f(n + 1) + 1; }\n'
                 b'function g(n) { return n === 0 ? 0 : 1 + g(n - 1); }\n'
                 b'for (var i = 0; i < 3; i++) {\n'
                 b'  try { f(0); } catch (e) { print(e.name + ": " + e.message); }\n'
                 b'}\n'
                 b'print(g(500));\n')
STACK_OUT = 'RangeError: Maximum call stack size exceeded\n' * 3 + '500\n'
# Runaway recursion of each shape for the compiled tiers: the recursion runs three times (the
# first may overflow in the interpreter before the function is hot, the later ones in compiled
# code), each time caught, and then the program goes on (g(500) needs a sound stack).
STACK_KINDS = {
    'plain': b'function r(n) { return r(n + 1) + 1; }\nfunction run() { return r(0); }\n',
    'mutual': (b'function r(n) { return s(n + 1) + 1; }\nfunction s(n) { return r(n + 1) + 1; }\n'
               b'function run() { return r(0); }\n'),
    'getter': (b'var o = { get x() { return this.x + 1; } };\n'
               b'function run() { return o.x; }\n'),
    'new': (b'function C(n) { this.next = new C(n + 1); }\n'
            b'function run() { return new C(0); }\n'),
}
STACK_TAIL = (b'function g(n) { return n === 0 ? 0 : 1 + g(n - 1); }\n'
              b'for (var i = 0; i < 3; i++) {\n'
              b'  try { run(); print("no error"); } catch (e) { print(e.name + ": " + e.message); }\n'
              b'}\n'
              b'print(g(500));\n')


class Case:
    def __init__(self, name, args, status, first=None, prefix=None, source=None, stdout=None,
                 known=None, timeout=120):
        self.name, self.args, self.status = name, args, status
        self.first, self.prefix, self.source, self.stdout = first, prefix, source, stdout
        self.known, self.timeout = known, timeout


def source_cases():
    elf = b'\x7fELF\x02\x01\x01\x00' + bytes(range(256)) * 8
    depth = 'Uncaught RangeError: Maximum nesting depth exceeded'
    syntax = 'Uncaught SyntaxError: Invalid or unexpected token'
    return [
        Case('missing file', ['{dir}/no-such-file.js'], 2,
             first="strata: cannot read '{dir}/no-such-file.js': No such file or directory"),
        Case('directory as file', ['{dir}'], 2, first="strata: cannot read '{dir}': Is a directory"),
        Case('empty file name', [''], 2, first="strata: cannot read '': No such file or directory"),
        Case('binary file (ELF header)', ['{file}'], 1, first=syntax, source=elf),
        Case('invalid UTF-8 in an identifier', ['{file}'], 1, first=syntax, source=b'var x\xffy = 1;\n'),
        Case('overlong UTF-8 (C0 80)', ['{file}'], 1, first=syntax, source=b'\xc0\x80\n'),
        Case('invalid UTF-8 in a string literal', ['{file}'], 0, first='',
             source=b'print("a\xffb".length);\n', stdout='3\n'),
        Case('invalid UTF-8 in a comment', ['{file}'], 0, first='',
             source=b'// \xfe\xff\nprint(1);\n', stdout='1\n'),
        Case('NUL byte in code', ['{file}'], 1, first=syntax, source=b'print(1);\x00print(2);\n'),
        Case('NUL byte in a comment', ['{file}'], 0, first='', source=b'/* \x00 */ print(2);\n',
             stdout='2\n'),
        Case('unterminated string', ['{file}'], 1, first='Uncaught SyntaxError: Invalid or unexpected token',
             source=b'var s = "abc\n'),
        Case('unterminated comment', ['{file}'], 1, prefix='Uncaught SyntaxError: ', source=b'/* abc\n'),
        Case('unterminated template', ['{file}'], 1, prefix='Uncaught SyntaxError: ', source=b'`abc ${\n'),
        Case('100,000 nested parentheses', ['{file}'], 1, first=depth,
             source=b'x = ' + b'(' * N + b'1' + b')' * N),
        Case('100,000 nested brackets', ['{file}'], 1, first=depth, source=b'x = ' + b'[' * N + b']' * N),
        Case('100,000 nested calls', ['{file}'], 1, first=depth, source=b'f(' * N + b')' * N),
        Case('100,000 nested blocks', ['{file}'], 1, first=depth, source=b'{' * N + b'}' * N),
        Case('heap exhaustion, caught (--max-heap=8M)', ['--max-heap=8M', '{file}'], 0, first='',
             source=b'var a = [];\ntry { for (;;) a.push({ x: a.length }); }\n'
                    b'catch (e) { a = null; print(e.name + ": " + e.message); }\n',
             stdout='RangeError: Out of memory: JavaScript heap limit reached\n'),
        Case('heap exhaustion, uncaught (--max-heap=8M)', ['--max-heap=8M', '{file}'], 1,
             first='Uncaught RangeError: Out of memory: JavaScript heap limit reached',
             source=b'var a = [];\nfor (;;) a.push({ x: a.length });\n'),
        Case('heap limit below the realm\'s needs (--max-heap=64K)', ['--max-heap=64K', '-e', '1'], 2,
             first="strata: --max-heap wants 0 (no limit) or at least 1M, got '65536' bytes"),
        Case('stack overflow, interpreter', ['--tiers=interp', '{file}'], 0, first='',
             source=STACK_PROGRAM, stdout=STACK_OUT),
        Case('stack overflow, uncaught', ['--tiers=interp', '-e', 'function f() { f(); } f();'], 1,
             first='Uncaught RangeError: Maximum call stack size exceeded'),
    ]


def tier_cases(strata, notes):
    cases = []
    for t in TIERS:
        r = subprocess.run([strata, '--tiers=' + t, '-e', ''], capture_output=True, timeout=60)
        err = r.stderr.decode('utf-8', 'replace').strip()
        if r.returncode != 0 or err:
            notes.append('SKIP stack overflow in tier %s: %s' % (t, err.splitlines()[0] if err else
                                                                  'exit status %d' % r.returncode))
            continue
        for how in (['--eager'], ['--tiers=interp,%s@10' % t]):
            args = (['--tiers=' + t] if how == ['--eager'] else []) + how + ['{file}']
            for kind, src in STACK_KINDS.items():
                cases.append(Case('stack overflow, tier %s (%s), %s' % (t, ' '.join(how), kind), args,
                                  0, first='', source=src + STACK_TAIL, stdout=STACK_OUT))
    return cases


HELP_FLAG = re.compile(r'^  (--[a-z0-9-]+)(\[=VALUE\]|=VALUE|=N|=SIZE)?\s')
# Values no flag of the type may accept. OPT and STR flags get their own below.
BAD = {
    None: ['=maybe'],
    '=N': ['=abc', '=', '=1.5', '=99999999999999999999'],
    '=SIZE': ['=abc', '=', '=-1', '=10Q', '=1.5M'],
}
SPECIFIC = {
    '--tiers': ['=', '=bogus', '=interp@5', '=llvm@0', '=llvm@abc', '=,'],
    '--unhandled-rejections': ['=', '=bogus'],
    '--print-ir': ['=bogus', '=after:nopass'],
    '--stats': ['=', '=/nonexistent-dir/stats.json'],
    '--print-feedback': ['='],
    '--deopt-every': ['=-1'],
    '--stack-size': ['=-1', '=99999999999999'],
    '--max-heap': ['=1'],
}
KNOWN_FLAGS = {}


def flag_cases(strata):
    r = subprocess.run([strata, '--help'], capture_output=True, timeout=60)
    cases = []
    for line in r.stdout.decode().splitlines():
        m = HELP_FLAG.match(line)
        if not m or m.group(1) in ('--help', '--version'):
            continue
        flag, kind = m.group(1), m.group(2)
        values = list(SPECIFIC.get(flag, []))
        if kind in BAD:
            values += BAD[kind]
        if kind in ('=VALUE', '[=VALUE]') and not values:
            values = ['=']
        if kind not in ('[=VALUE]', None):
            values.append('')  # the flag without its value
        for v in values:
            arg = flag + v
            cases.append(Case('flag %s' % (arg if v != '' else flag + ' (no value)'),
                              [arg, '-e', 'print(1)'], 2, prefix='strata: ', known=KNOWN_FLAGS.get(arg)))
    if not cases:
        raise SystemExit('bad_input.py: no flags found in strata --help')
    cases.append(Case('unknown flag', ['--no-such-flag', '-e', '1'], 2,
                      first="strata: unknown option '--no-such-flag'"))
    cases.append(Case('-e without code', ['-e'], 2, first='strata: -e needs an argument: -e CODE'))
    return cases


def run_case(strata, tmp, c):
    path = os.path.join(tmp, 'case.js')
    if c.source is not None:
        with open(path, 'wb') as f:
            f.write(c.source)
    args = [a.replace('{file}', path).replace('{dir}', tmp) for a in c.args]
    try:
        r = subprocess.run([strata] + args, capture_output=True, timeout=c.timeout, cwd=tmp)
    except subprocess.TimeoutExpired:
        return ['timed out after %d s' % c.timeout]
    err = r.stderr.decode('utf-8', 'replace')
    first = err.splitlines()[0] if err else ''
    problems = []
    if r.returncode != c.status:
        problems.append('exit status %d, expected %d' % (r.returncode, c.status))
    want = c.first.replace('{dir}', tmp) if c.first is not None else None
    if want is not None and first != want:
        problems.append('stderr first line %r, expected %r' % (first[:200], want))
    if c.prefix is not None and not first.startswith(c.prefix):
        problems.append('stderr first line %r, expected it to start with %r' % (first[:200], c.prefix))
    if c.stdout is not None and r.stdout.decode('utf-8', 'replace') != c.stdout:
        problems.append('stdout %r, expected %r' % (r.stdout[:200], c.stdout))
    return problems


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--strata', required=True)
    ap.add_argument('-v', action='store_true', help='print every case')
    ap.add_argument('--list', action='store_true', help='list the cases and exit')
    a = ap.parse_args()
    strata = os.path.abspath(a.strata)
    notes = []
    cases = source_cases() + tier_cases(strata, notes) + flag_cases(strata)
    if a.list:
        for c in cases:
            print(c.name + ('  [known: %s]' % c.known if c.known else ''))
        return 0
    for n in notes:
        print(n)
    passed = failed = known = 0
    with tempfile.TemporaryDirectory(prefix='strata-bad-input-') as tmp:
        for c in cases:
            problems = run_case(strata, tmp, c)
            if c.known:
                if problems:
                    known += 1
                    print('KNOWN %s: %s (%s)' % (c.name, '; '.join(problems), c.known))
                else:
                    passed += 1
                    print('XPASS %s: fixed? remove its known mark' % c.name)
            elif problems:
                failed += 1
                print('FAIL %s: %s' % (c.name, '; '.join(problems)))
            else:
                passed += 1
                if a.v:
                    print('ok %s' % c.name)
    if known:
        print('%d known failures (reported bugs, not counted)' % known)
    print('%d passed, %d failed' % (passed, failed))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
