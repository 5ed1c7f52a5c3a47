// Heap exhaustion that nothing catches ends the program with the RangeError's name and message
// (reported without the JS heap, which is full) and exit status 1, as any uncaught exception
// (docs/bad-input.md).
// flags: --max-heap=8M
// engine-only: --max-heap is Strata's flag (node's heap limit ends the process)
// expect-uncaught: RangeError: Out of memory: JavaScript heap limit reached
const a = [];
print('start');  // expect: start
for (;;) a.push('z'.repeat(65536) + a.length);
