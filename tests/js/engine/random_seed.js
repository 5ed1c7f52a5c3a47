// engine-only: --random-seed is a Strata flag
// flags: --random-seed=12345
// expect-repeatable
// With a fixed seed Math.random gives the same sequence in every run (the runner runs this
// test twice and compares both outputs); the values themselves are engine-specific, so they
// go to stderr and stdout only checks their properties.
var xs = [];
for (var i = 0; i < 1000; i++) xs.push(Math.random());
console.error(xs.slice(0, 20).join(' '));
print(xs.every(function (x) { return x >= 0 && x < 1; }), new Set(xs).size === xs.length);
var sum = xs.reduce(function (a, b) { return a + b; }, 0);
print(Math.abs(sum / xs.length - 0.5) < 0.05);
// expect: true true
// expect: true
