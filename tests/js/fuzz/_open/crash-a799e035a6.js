// Found by tools/difffuzz --seed 300000: crash under llvm-eager (--tiers=llvm --eager).
// First difference: status -11
// engine-only: reproduces with the flags below
// flags: --tiers=llvm --eager
// Expected output from the interpreter.
function stDrive_1() {
  for (let i = 0; i < 0; i++) { s += String.fromCharCode(0 + i % 0); if (i % 0 === 0) s += ns[i % ns.length]; }
}
stDrive_1();
// expect-exit: 0
