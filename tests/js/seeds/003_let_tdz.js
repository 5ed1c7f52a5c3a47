// Seed: /work/shared/seeds/003_64708d569132a147.txt, section "5. Hoisting & The Temporal Dead
// Zone", "let / const hoisting". Output shown: ReferenceError (uncaught; the message is the
// engine's, so only the name is checked).
console.log(a);
let a = 20;
// expect-uncaught: ReferenceError
