// Seed: /work/shared/seeds/003_64708d569132a147.txt, section "10. Summary — Final
// verification". Output shown: C, B, A.
setTimeout(() => console.log("A"));
Promise.resolve().then(() => console.log("B"));
console.log("C");
// expect: C
// expect: B
// expect: A
