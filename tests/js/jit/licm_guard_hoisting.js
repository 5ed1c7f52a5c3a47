// Guards on loop-invariant values move out of the loop (backends/opt_licm.c) and exit through
// the loop's entry snapshot: when one fails, the interpreter resumes at the loop header before
// the first iteration (bytecode offset of the loop condition, which the compiler places at the
// loop's bottom), not at the instruction inside the loop that the guard came from. The rebuilt
// frame holds the values on entry to the loop, so the interpreter redoes the whole loop.
// requires-tier: llvm gccjit
// flags: --tiers=interp,{tier}@1000000 --no-concurrent --allow-natives-syntax --trace-deopt

// k's int32 guard (for a[i] * k) and a's object and elements-kind guards are invariant.
function scale(a, n, k) {
  let s = 0;
  for (let i = 0; i < n; i++) s += a[i] * k;
  return s;
}
const a = [];
for (let i = 0; i < 100; i++) a.push(i);
let t = 0;
for (let j = 0; j < 50; j++) t += scale(a, 100, 3);
%OptimizeFunctionOnNextCall(scale);
print(t, scale(a, 100, 2));
print(scale(a, 100, 1.5)); // k is a double: the hoisted guard fails at the loop header
print(scale(a, 0, "x"), scale(a, 3, "2")); // zero-trip loop; string k (generic in the interpreter)

// A shape guard on an object the loop only reads: hoisted (no calls, no shape changes).
function total(o, n) {
  let s = 0;
  for (let i = 0; i < n; i++) s += o.x + i;
  return s;
}
let u = 0;
for (let j = 0; j < 50; j++) u += total({x: 1, y: 2}, 10);
%OptimizeFunctionOnNextCall(total);
print(u, total({x: 2, y: 3}, 10));
print(total({y: 3, x: 2}, 10)); // another shape: fails in the preheader

// Stores to existing slots change no shape: the guard is still hoisted.
function fill(o, n) {
  let s = 0;
  for (let i = 0; i < n; i++) { s += o.x; o.x = i; }
  return s;
}
let w = 0;
for (let j = 0; j < 50; j++) w += fill({x: 1}, 10);
%OptimizeFunctionOnNextCall(fill);
print(w, fill({x: 5}, 10), fill({z: 0, x: 5}, 10));

// A runtime call in the loop could change any shape: the guard stays where it was.
function named(o, n) {
  let s = 0, last;
  for (let i = 0; i < n; i++) { s += o.x; last = String(i); }
  return s + last;
}
let v = 0;
for (let j = 0; j < 50; j++) v += named({x: 1}, 10).length;
%OptimizeFunctionOnNextCall(named);
print(v, named({x: 5}, 10), named({z: 0, x: 5}, 10));
// expect: 742500 9900
// expect: 7425
// expect: 0 6
// expect: 2750 65
// expect: 65
// expect: 1850 41 41
// expect: 150 509 509
// expect-stderr: licm_guard_hoisting.js:10:1) @58: not an int32
// expect-stderr: licm_guard_hoisting.js:25:1) @58: wrong shape
// expect-stderr: licm_guard_hoisting.js:37:1) @64: wrong shape
// expect-stderr: licm_guard_hoisting.js:48:1) @33: wrong shape
