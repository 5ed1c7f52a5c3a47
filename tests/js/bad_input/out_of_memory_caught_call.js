// Heap exhaustion thrown inside a callee, caught by a caller, then allocating again: the
// callee's frame is gone, and the catching frame's locals and temporaries of the try are dead
// at its handler. Also through finally blocks (which run while the heap is still full) and
// from a callback of a built-in (Array.prototype.forEach: a C frame between the two).
// flags: --max-heap=16M
// engine-only: --max-heap is Strata's flag (node's heap limit ends the process)

let n = 0;
function big() { n++; return 'y'.repeat(65536) + n; }

function fillUp(list) { for (;;) list.push(big()); }
function nested(depth) { const mine = []; return depth === 0 ? fillUp(mine) : nested(depth - 1); }

// OOM in a callee of a callee (each holding its own array), caught here.
function catchInCaller() {
  try {
    const local = [big()];
    nested(3);
    return 'no error' + local.length;
  } catch (e) {
    return e.name;
  }
}
for (let round = 0; round < 2; round++) print(round, catchInCaller());
// expect: 0 RangeError
// expect: 1 RangeError

// A finally on the way out runs (it can allocate a little: the emergency reserve), and an
// outer catch gets the error.
function withFinally() {
  const seen = [];
  try {
    try {
      const a = [];
      fillUp(a);
    } finally {
      seen.push('finally');
    }
  } catch (e) {
    seen.push(e.name);
  }
  return seen.join(' ');
}
print(withFinally());  // expect: finally RangeError

// Through a built-in's callback: forEach's C frame lies between the throw and the catch.
// (The catch does not read what the try built: a value the dispatch loop has just handled
// can stay in its own C frame, which the conservative scan sees: interp/interp.c, run().)
function throughForEach() {
  let calls = 0;
  try {
    const all = [];
    [1, 2, 3].forEach(function (k) { const mine = [k]; all.push(mine); calls = all.length; fillUp(mine); });
  } catch (e) {
    return e.name + ' ' + calls;
  }
  return 'no error';
}
print(throughForEach());  // expect: RangeError 1

// The heap is usable again: over half of it live at once.
const again = [];
for (let i = 0; i < 150; i++) again.push(big());
print(again.length);  // expect: 150
