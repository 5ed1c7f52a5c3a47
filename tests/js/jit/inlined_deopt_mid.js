// inlined_deopt.js under the mid tier (which inlines one level of callees of at most 30 code
// units, so b is not inlined here and the guard fails in a itself): the same program and
// results.
// requires-tier: mid
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
