// Found by tools/difffuzz (seed 200000 under the default chain, hand-reduced): the same crash
// as crash-llvm-strict-eq.js reached with feedback: `typeof v === "function"` (a string
// comparison, so the generic STRICT_EQ helper) in llvm code after tier-up segfaults.
// engine-only: needs the llvm tier
// flags: --tiers=interp,llvm@5 --no-concurrent
function g(v) { return typeof v === 'function'; }
let c = 0;
for (let i = 0; i < 100; i++) c += g(i) ? 1 : 0;
print(c, g(g)); // expect: 0 true
