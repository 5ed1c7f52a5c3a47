// Seed: /work/shared/seeds/003_64708d569132a147.txt, section "7. Event Loop Mechanics".
// Output shown: Start, End, Timeout.
console.log("Start");
setTimeout(() => {
  console.log("Timeout");
}, 0);
console.log("End");
// expect: Start
// expect: End
// expect: Timeout
