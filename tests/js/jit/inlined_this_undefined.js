// A sloppy callee inlined with `this` undefined sees the global object. Here `this` (the call's
// undefined receiver register) is read after an inlined callee with two returns, at their join:
// the builder used to see a phi there (every input the constant undefined), guard that it is an
// object for the sloppy callee f, and that guard always failed, so the code deoptimized on
// every call until it was thrown away. Now the trivial phi is the constant it stands for (and
// fold turns a guard that a constant always fails into a plain DEOPT). run stays compiled.
// requires-tier: mid llvm gccjit
// flags: --tiers=interp,{tier}@1000000 --no-concurrent --allow-natives-syntax
function g(x) { if (x > 0) return x; return 5 - x; }
function f(t) { return t + 1; }
function run(n) { let s = 0; for (let i = 0; i < n; i++) s += f(g(i - 5)); return s; }
let s = 0;
for (let j = 0; j < 200; j++) s += run(10);
%OptimizeFunctionOnNextCall(run);
for (let j = 0; j < 200; j++) s += run(10);
print(s, %GetTier(run) !== "interp");
// expect: 26000 true
