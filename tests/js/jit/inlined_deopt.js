// A guard fails three calls deep in inlined code: the interpreter frames of a, b and c are
// rebuilt and each finishes its own work. b and c make calls, so this needs inlined frames that
// call (issue #5); the llvm and gccjit tiers inline three levels, so the deopts happen at
// inlining depth 2 (a is depth 0). inlined_deopt_mid.js runs the same program under the mid
// tier, which inlines one level of small callees only.
// requires-tier: llvm gccjit
// flags: --tiers=interp,{tier}@1000000 --no-concurrent --allow-natives-syntax --trace-deopt
function c(x) { return x + 1; }
function b(x) { const y = c(x); return y * 2; }
function a(x) { const z = b(x); return z - 3; }
let s = 0;
for (let i = 0; i < 300; i++) s += a(i);
%OptimizeFunctionOnNextCall(a);
print(s, a(10));
print(a(0.5));
print(a("7"));
print(a(2147483647));
// expect: 89400 19
// expect: 0
// expect: 139
// expect: 4294967293
// expect-stderr: [deopt]
// expect-stderr: not an int32 (tier
// expect-stderr: , depth 2)
