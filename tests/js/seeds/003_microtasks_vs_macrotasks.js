// Seed: /work/shared/seeds/003_64708d569132a147.txt, section "8. Priority Model — Microtasks vs
// Macrotasks". Output shown: Start, End, Promise, Timeout.
console.log("Start");
setTimeout(() => {
  console.log("Timeout");
}, 0);
Promise.resolve().then(() => {
  console.log("Promise");
});
console.log("End");
// expect: Start
// expect: End
// expect: Promise
// expect: Timeout
