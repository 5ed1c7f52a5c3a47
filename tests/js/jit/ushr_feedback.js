// x >>> 0 is a uint32: once the interpreter has seen a result at or above 2^31, compiled code
// must not speculate on an int32 result (a xorshift PRNG as in experiments/benchmarks/harness.js
// deopted 9 times per compile, 4 compiles in a row, before the interpreter recorded it).
// requires-tier: mid llvm gccjit
// flags: --tiers=interp,{tier}@1000000 --no-concurrent --allow-natives-syntax
function next(s) { s ^= s << 13; s ^= s >>> 17; s ^= s << 5; return s >>> 0; }
let s = 7, big = 0;
for (let i = 0; i < 200; i++) { s = next(s); if (s > 2147483647) big++; }
%OptimizeFunctionOnNextCall(next);
for (let i = 0; i < 2000; i++) { s = next(s); if (s > 2147483647) big++; }
print(s, big);
print(%GetTier(next) === "interp" ? "interpreted" : "compiled", %DeoptCount(next));
// expect: 2285385683 1112
// expect: compiled 0
