// Seed: /work/shared/seeds/003_64708d569132a147.txt, section "5. Hoisting & The Temporal Dead
// Zone", "Function hoisting": greet() works before its declaration.
greet(); // works
function greet() {
  console.log("Hi");  // expect: Hi
}
