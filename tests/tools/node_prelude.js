// Loaded with `node -r` by tests/run_tests.py --node, so that one test file runs unchanged under
// node and under Strata. It adds only what d8 (and Strata) have and node lacks: print().
'use strict';

// d8's print: String(x) of each argument, joined by single spaces, then a newline. It writes
// through process.stdout so that its output interleaves in order with console.log's.
Object.defineProperty(globalThis, 'print', {
  value: function print(...args) {
    process.stdout.write(args.map((a) => String(a)).join(' ') + '\n');
  },
  writable: true,
  enumerable: false,
  configurable: true,
});
