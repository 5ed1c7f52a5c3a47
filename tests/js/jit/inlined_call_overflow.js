// Runaway recursion through a call made by inlined code (g is inlined into f and calls f):
// the VM stack fills up, and the exit taken for the RangeError finds no room to rebuild the
// inlined frame. The deopt runtime then resumes the outer frame at its call, with the
// RangeError pending, instead of overrunning the stack; the handler in h catches it.
// requires-tier: mid llvm gccjit
// flags: --tiers=interp,{tier}@50 --no-concurrent --stack-size=20000
function g(n) { return f(n + 1) + 1; }
function f(n) { return g(n) + 1; }
function h(n) { try { return f(n); } catch (e) { return e.name + ": " + e.message; } }
for (let i = 0; i < 4; i++) print(h(i));
function g2(n, d) { if (n > d) return 0; return f2(n + 1, d) + 1; }
function f2(n, d) { return g2(n, d) * 1; }
let t = 0;
for (let i = 0; i < 200; i++) t += f2(0, 50);
print(t);
// expect: RangeError: Maximum call stack size exceeded
// expect: RangeError: Maximum call stack size exceeded
// expect: RangeError: Maximum call stack size exceeded
// expect: RangeError: Maximum call stack size exceeded
// expect: 10200
