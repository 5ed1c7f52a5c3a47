// Heap exhaustion under --max-heap throws a catchable RangeError, and a program that catches it
// and lets go of what it built can allocate as much again (docs/bad-input.md). What the try
// block held lives on in its block-scoped locals and temporaries (registers), in the
// interpreter's own C locals and in dead C frames: the catch must not find them still
// reachable. Every round fills the whole heap, so a round can only succeed if the previous
// round's garbage was collected.
// flags: --max-heap=16M
// engine-only: --max-heap is Strata's flag (node's heap limit ends the process)

// 64 KiB strings: few cells, so the heap fills fast even under --gc-stress.
let n = 0;
function big() { n++; return 'x'.repeat(65536) + n; }

// A block-scoped local and the temporaries of a.push(...) at the top level.
for (let round = 0; round < 3; round++) {
  let count = 0;
  try {
    const a = [];
    for (;;) { a.push(big()); count++; }
  } catch (e) {
    print(round, e instanceof RangeError, e.message, count > 150);
  }
}
// expect: 0 true Out of memory: JavaScript heap limit reached true
// expect: 1 true Out of memory: JavaScript heap limit reached true
// expect: 2 true Out of memory: JavaScript heap limit reached true

// The catch clause drops a variable of the enclosing scope; the temporaries still held it.
// (The catch does not read `kept` before dropping it: a value the dispatch loop has just
// handled can stay in its own C frame, which the conservative scan sees: interp/interp.c, run().)
var kept = [], pushed = 0;
try {
  for (;;) { kept.push(big()); pushed++; }
} catch (e) {
  kept = null;
  print(e.name, pushed > 150);  // expect: RangeError true
}

// Then a large live set again (over half the heap), and many small objects.
const again = [];
for (let i = 0; i < 150; i++) again.push(big());
print(again.length);  // expect: 150
const objs = [];
for (let i = 0; i < 3000; i++) objs.push({ i: i, s: 'o' + i });
print(objs.length, objs[2999].s);  // expect: 3000 o2999
