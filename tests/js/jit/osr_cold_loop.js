// Loops inside code that never ran before an OSR compile: each is reached only through a cold
// instruction (a property read that never ran deopts), so the compiled code must treat the
// whole loop as dead. The builder used to translate such a loop header anyway (its back-edge
// was still pending), without predecessors: reading a register in the dead loop recursed
// forever (a crash), and a dead loop leaving into live code gave phis inputs defined in dead
// blocks (the verifier aborted the compile: "phi ... does not dominate").
// requires-tier: mid llvm gccjit
// flags: --tiers=interp,{tier}@100 --no-concurrent --trace-tier
function walk(n, o) {
  let s = 0, t = 0;
  for (let i = 0; i < n; i++) {
    if (i === n - 1) {
      t = o.w;
      let k = true;
      while (k) { t = k; k = !k; }
    }
    s += i & 7;
  }
  return s + " " + t;
}
print(walk(5000, {w: 0.5}));
function scan(n, o) {
  let s = 0, t = 0;
  for (let i = 0; i < n; i++) {
    if (i === n - 1) {
      t = o.w;
      outer: while (true) {
        t = !t;
        if (t) break outer;
      }
    }
    s += i & 3;
  }
  return s + " " + t;
}
print(scan(4000, {w: 1}));
// expect: 17500 true
// expect: 6000 true
// expect-stderr: osr_cold_loop.js:9:1): pc 
// expect-stderr: osr_cold_loop.js:22:1): pc 
