// Seed: /work/shared/seeds/003_64708d569132a147.txt, section "5. Hoisting & The Temporal Dead
// Zone", "var hoisting". Output shown: undefined (no error).
console.log(x); // undefined
// expect: undefined
var x = 5;
console.log(x);  // expect: 5
