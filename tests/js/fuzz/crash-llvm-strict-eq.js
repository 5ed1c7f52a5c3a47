// Found by tools/difffuzz (seed 200000, hand-reduced from crash-a67a0f38d5.js): `===` compiled
// with no feedback (--eager) crashes llvm and gccjit code with SIGSEGV (the generic
// STRICT_EQ helper call, `CALL (vm, v, const) helper 5` in --print-ir); baseline is fine.
// Nearly every generated program hits it, so it hides other llvm/gccjit findings.
// engine-only: needs the llvm tier
// flags: --tiers=llvm --eager
function f(i) { return i === 0; }
print(f(0), f(1)); // expect: true false
