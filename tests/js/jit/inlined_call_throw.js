// A function called by an inlined frame throws; the handler is in the outer frame, which is
// the compiled one: the exception leaves compiled code through the call's exception exit, the
// inlined frame is rebuilt and unwinds into the outer frame's catch, whose registers are intact.
// Then a guard fails after that call: the deopt happens in the inlined frame (depth 1).
// requires-tier: mid llvm gccjit
// flags: --tiers=interp,{tier}@1000000 --no-concurrent --allow-natives-syntax --trace-deopt
let bump = 0;
function check(x) {
  if (arguments.length > 1) return 0;
  if (x > 100) throw new RangeError("big " + x);
  return x + bump;
}
function mid(x, y) { return check(x) + y; }
function outer(x) {
  const keep = x * 3, other = "k" + x;
  let got;
  try { got = mid(x, keep); } catch (e) { got = e.name + ": " + e.message; }
  return got + " " + keep + " " + other;
}
let s = "";
for (let i = 0; i < 300; i++) s = outer(i % 100);
print(s);
%OptimizeFunctionOnNextCall(outer);
print(outer(5));
print(outer(500));
print(outer(6));
let caught = 0;
for (let i = 0; i < 1000; i++) { if (outer(i).startsWith("RangeError")) caught++; }
print(caught);
bump = 0.5;
print(outer(7));
// expect: 396 297 k99
// expect: 20 15 k5
// expect: RangeError: big 500 1500 k500
// expect: 24 18 k6
// expect: 899
// expect: 28.5 21 k7
// expect-stderr: inlined_call_throw.js:14:1) @14: not an int32 (tier
// expect-stderr: (tier
// expect-stderr: , depth 1)
