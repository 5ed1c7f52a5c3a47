// An exception thrown inside an inlined callee unwinds through the rebuilt interpreter
// frames to a handler in an interpreted caller, with the callee's frames in the stack trace.
// requires-tier: mid llvm gccjit
// flags: --tiers=interp,{tier}@1000000 --no-concurrent --allow-natives-syntax
function thrower(x) {
  if (x > 100) throw new RangeError("big " + x);
  return x;
}
function mid(x) { return thrower(x) + 1; }
function outer(x) {
  try { return mid(x); } catch (e) { return e.name + ": " + e.message + " | " + e.stack.split("\n")[1].trim().split(" ")[1] + "," + e.stack.split("\n")[2].trim().split(" ")[1]; }
}
for (let i = 0; i < 300; i++) outer(i % 100);
%OptimizeFunctionOnNextCall(mid);
print(outer(5));
print(outer(500));
print(outer(6));
let caught = 0;
for (let i = 0; i < 1000; i++) { try { mid(i); } catch (e) { caught++; } }
print(caught);
// expect: 6
// expect: RangeError: big 500 | thrower,mid
// expect: 7
// expect: 899
