// Seed: /work/shared/seeds/003_64708d569132a147.txt, section "5. Hoisting & The Temporal Dead
// Zone": const behaves like let (the comparison table), here caught to show the error kind.
try {
  console.log(c);
} catch (e) {
  console.log(e.name, e instanceof ReferenceError);  // expect: ReferenceError true
}
const c = 30;
console.log(c);  // expect: 30
