// Seed: /work/shared/seeds/002_29fbf230091f14a0.txt, section "The event loop, briefly".
// Output shown in the article: 1: sync, 4: sync, 3: promise, 2: timeout.
console.log("1: sync");
setTimeout(() => console.log("2: timeout"), 0);
Promise.resolve().then(() => console.log("3: promise"));
console.log("4: sync");
// expect: 1: sync
// expect: 4: sync
// expect: 3: promise
// expect: 2: timeout
