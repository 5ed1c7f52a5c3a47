// A long loop enters compiled code on stack replacement, then the loop's types change and the
// code deoptimizes in the middle of the loop; the sum is the interpreter's.
// requires-tier: baseline mid llvm gccjit
// flags: --tiers=interp,{tier}@500 --no-concurrent
function run(n) {
  let sum = 0, x = 1;
  for (let i = 0; i < n; i++) {
    if (i === 20000) x = 0.5;
    if (i === 30000) x = "1";
    sum = typeof x === "string" ? sum + Number(x) : sum + x * (i & 3);
  }
  return sum;
}
print(run(40000));
// expect: 47500
