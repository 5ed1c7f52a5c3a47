// Seed: /work/shared/seeds/003_64708d569132a147.txt, section "2. Single-Threaded Foundation".
// Output shown: A, B, C.
console.log("A");  // expect: A
console.log("B");  // expect: B
console.log("C");  // expect: C
