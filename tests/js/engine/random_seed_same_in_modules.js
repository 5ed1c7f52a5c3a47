// engine-only: --random-seed is a Strata flag
// flags: --random-seed=7 --allow-natives-syntax
// expect-repeatable
// The seeded sequence is not disturbed by garbage collection or by other built-ins.
var a = [Math.random(), Math.random()];
%CollectGarbage();
JSON.stringify({ x: [1, 2, 3] });
var b = [Math.random(), Math.random()];
console.error(a.concat(b).join(' '));
print(a[0] !== a[1], b[0] !== b[1], a[0] !== b[0]);
// expect: true true true
