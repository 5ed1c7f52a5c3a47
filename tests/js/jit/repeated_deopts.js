// A function whose types keep flipping must not deoptimize forever: after a few deopts it is
// recompiled without the failing speculation or kept in the interpreter.
// requires-tier: mid llvm gccjit
// flags: --tiers=interp,{tier}@50 --no-concurrent --allow-natives-syntax
function f(a) { return a * 2; }
let s = 0;
for (let i = 0; i < 20000; i++) s += f(i % 100 < 50 ? i : i + 0.5);
print(s);
print(%DeoptCount(f) <= 10 ? "bounded" : "deopt loop: " + %DeoptCount(f));
// expect: 399990000
// expect: bounded
