// Seed: /work/shared/seeds/004_7aeb3c6e332b10b2.txt, section "How the Browser Uses the Engine".
// Output shown in the article's comments: 1 — Start, 1 — End, 2 — Promise.then,
// 3 — setTimeout.
console.log('1 — Start'); // Runs immediately (synchronous)
setTimeout(() => {
  console.log('3 — setTimeout'); // Runs LAST — macrotask queue
}, 0);
Promise.resolve().then(() => {
  console.log('2 — Promise.then'); // Runs BEFORE setTimeout — microtask queue
});
console.log('1 — End'); // Runs immediately (synchronous)
// Output order:
// expect: 1 — Start
// expect: 1 — End
// expect: 2 — Promise.then
// expect: 3 — setTimeout
