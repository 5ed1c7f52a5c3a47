// Seed: /work/shared/seeds/001_c468d63599bb9f39.txt, section "The JavaScript runtime":
// "This is why this prints 1, 3, 2 — not 1, 2, 3". The timer really waits one second.
var start = Date.now();
console.log(1);
setTimeout(() => console.log(2), 1000);
console.log(3);
setTimeout(() => console.log('waited about a second:', Date.now() - start >= 990), 1000);

// Output:
// expect: 1
// expect: 3
// expect: 2
// expect: waited about a second: true
