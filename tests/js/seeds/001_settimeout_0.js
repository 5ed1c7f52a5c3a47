// Seed: /work/shared/seeds/001_c468d63599bb9f39.txt, section "The JavaScript runtime":
// "what if you set the delay to 0? ... Still prints 1, 3, 2."
console.log(1);
setTimeout(() => console.log(2), 0);
console.log(3);

// Output:
// expect: 1
// expect: 3
// expect: 2
