// Seed: /work/shared/seeds/003_64708d569132a147.txt, section "9. Async/Await — Continuations
// Under The Hood". Output shown: 1, 3, 2.
async function test() {
  console.log(1);
  await Promise.resolve();
  console.log(2);
}
test();
console.log(3);
// expect: 1
// expect: 3
// expect: 2
