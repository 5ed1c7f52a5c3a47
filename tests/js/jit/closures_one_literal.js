// A call site that sees many closures of one function literal (each object has its own `get`)
// must not guard on one closure: it failed for the next closure, deopted, and the recompile
// guarded on the next one (4 compiles, 8 deopts, then generic code).
// requires-tier: mid llvm gccjit
// flags: --tiers=interp,{tier}@1000000 --no-concurrent --allow-natives-syntax
function counter(start) { let c = start; return { get: function () { return c; } }; }
const cs = [];
for (let k = 0; k < 100; k++) cs.push(counter(k));
function sum(from, to) { let s = 0; for (let i = from; i < to; i++) s += cs[i].get(); return s; }
print(sum(0, 10));
%OptimizeFunctionOnNextCall(sum);
print(sum(10, 100));
print(%GetTier(sum) === "interp" ? "interpreted" : "compiled", %DeoptCount(sum));
// expect: 45
// expect: 4905
// expect: compiled 0
