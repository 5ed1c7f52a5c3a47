// Found by tools/difffuzz --seed 200000: crash under gccjit-eager (--tiers=gccjit --eager).
// Same bug as crash-llvm-strict-eq.js (generic === in compiled code), seen in gccjit.
// First difference: status -11
// engine-only: reproduces with the flags below
// flags: --tiers=gccjit --eager
// Expected output from the interpreter.
function shDrive_2() {
  for (let i = 0; i < 0; i++) ck(rd_2(i % 3 === 0 ? mk1_2(i) : i % 3 === 1 ? mk2_2(i) : mk0_2(i)));
}
shDrive_2();
// expect-exit: 0
