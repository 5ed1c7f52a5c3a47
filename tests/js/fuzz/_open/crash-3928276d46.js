// Found by tools/difffuzz --seed 300000: crash under gccjit-eager (--tiers=gccjit --eager).
// First difference: status -11
// engine-only: reproduces with the flags below
// flags: --tiers=gccjit --eager
// Expected output from the interpreter.
function stDrive_1() {
  for (let i = 0; i < 0; i++) { s += String.fromCharCode(0 + i % 0); if (i % 0 === 0) s += ns[i % ns.length]; }
}
stDrive_1();
// expect-exit: 0
