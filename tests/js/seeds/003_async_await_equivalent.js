// Seed: /work/shared/seeds/003_64708d569132a147.txt, section "9. Async/Await": the
// "conceptually equivalent" promise form prints the same 1, 3, 2.
function test() {
  console.log(1);
  return Promise.resolve().then(() => {
    console.log(2);
  });
}
test();
console.log(3);
// expect: 1
// expect: 3
// expect: 2
