// Found by tests/tools/differential.py (experiments/benchmarks/closures.js under the default
// chain and llvm-gcstress), reduced with tools/difffuzz_shrink.py and by hand: compiling a
// function whose second hot loop does array destructuring with a rest element fails an
// assertion in the shared IR passes, "backends/opt.c:306: no edge bN -> bM" (llvm and gccjit
// alike), and aborts the process instead of the compile.
// engine-only: needs the llvm tier
// flags: --tiers=interp,llvm@20 --no-concurrent
const parts = [1, 2, 3, 4];
function f() {
  let s = 0;
  for (let i = 0; i < 1500; i++) s += i;
  for (let i = 0; i < 1500; i++) {
    const [a, b, ...others] = parts;
    s += a + b + others.length;
  }
  return s;
}
print(f()); // expect: 1131750
