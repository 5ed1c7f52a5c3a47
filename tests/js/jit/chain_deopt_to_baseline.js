// Issue 6, chains: a function deoptimized from a speculative tier resumes in the interpreter
// and, once that tier gives up on it, re-enters baseline code at a later call. thrower is hot
// (baseline at 50 calls, the speculative tier at 500), then throws 200 times: every throw
// leaves the compiled code through an exit, the code is invalidated after too many exits,
// recompiled (speculatively, then generically), invalidated again, and finally blacklisted
// for the speculative tiers; the next call compiles the baseline again and runs it.
// requires-tier: mid llvm gccjit
// flags: --tiers=interp,baseline@50,{tier}@500 --no-concurrent --allow-natives-syntax --trace-tier
function thrower(x) {
  if (x < 0) throw new RangeError("neg");
  return x;
}
function f(x) {
  return thrower(x) + 1;
}
// f calls thrower for real: inlined into f (or into an OSR'd loop calling f), thrower would
// stop being called and never reach the speculative tier itself.
%NeverOptimizeFunction(f);
let s = 0;
for (let i = 0; i < 700; i++) s += f(i);
const before = %GetTier(thrower);
print(before === "baseline" || before === "interp" ? "not speculative" : "speculative");
let caught = 0;
for (let i = 0; i < 200; i++) {
  try {
    f(-1);
  } catch (e) {
    if (e instanceof RangeError) caught++;
  }
}
print(caught, %GetTier(thrower));
for (let i = 0; i < 100; i++) s += f(i);
print(%GetTier(thrower), s);
// expect: speculative
// expect: 200 baseline
// expect: baseline 250400
// expect-stderr: [tier] invalidate thrower
// expect-stderr: [tier] blacklist thrower
// expect-stderr: [tier] compiled baseline thrower
