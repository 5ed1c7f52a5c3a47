// var in a loop is one binding for the whole loop; let makes a fresh binding per iteration,
// copied forward so that updates in the body and the step are seen by the next iteration.
var withVar = [];
for (var i = 0; i < 3; i++) withVar.push(function () { return i; });
print(withVar.map(function (f) { return f(); }).join(','));  // expect: 3,3,3
var withLet = [];
for (let j = 0; j < 3; j++) withLet.push(function () { return j; });
print(withLet.map(function (f) { return f(); }).join(','));  // expect: 0,1,2
// The classic fix for var: an IIFE per iteration.
var iife = [];
for (var k = 0; k < 3; k++) (function (k) { iife.push(function () { return k; }); })(k);
print(iife.map(function (f) { return f(); }).join(','));  // expect: 0,1,2
// Changing the per-iteration binding inside the body carries over to the next iteration.
var seen = [];
for (let m = 0; m < 6; m++) {
  seen.push(function () { return m; });
  m++;
}
print(seen.map(function (f) { return f(); }).join(','));  // expect: 1,3,5
// Closures created in the loop test and step expressions.
var fromStep = [];
for (let n = 0; n < 3; fromStep.push(function () { return n; }), n++);
print(fromStep.map(function (f) { return f(); }).join(','));  // expect: 1,2,3
// while loops with let inside the body.
var whileFns = [];
var w = 0;
while (w < 3) { let copy = w; whileFns.push(() => copy); w++; }
print(whileFns.map((f) => f()).join(','));  // expect: 0,1,2
// for-in and for-of.
var inFns = [];
for (let key in { a: 1, b: 2, c: 3 }) inFns.push(() => key);
print(inFns.map((f) => f()).join(','));  // expect: a,b,c
var ofFns = [];
for (const v of ['x', 'y']) ofFns.push(() => v);
print(ofFns.map((f) => f()).join(','));  // expect: x,y
var ofVar = [];
for (var v2 of ['x', 'y']) ofVar.push(() => v2);
print(ofVar.map((f) => f()).join(','));  // expect: y,y
// Nested loops with let capture both bindings.
var grid = [];
for (let r = 0; r < 2; r++) for (let c = 0; c < 2; c++) grid.push(() => r + ':' + c);
print(grid.map((f) => f()).join(' '));  // expect: 0:0 0:1 1:0 1:1
// A closure in a loop that breaks early.
var last;
for (let b = 0; b < 10; b++) { last = () => b; if (b === 4) break; }
print(last());  // expect: 4
// setTimeout callbacks in a loop (asynchronous closure use).
for (var t = 0; t < 3; t++) setTimeout(function () { print('var timer', t); }, 0);
// expect: var timer 3
// expect: var timer 3
// expect: var timer 3
for (let t2 = 0; t2 < 3; t2++) setTimeout(function () { print('let timer', t2); }, 0);
// expect: let timer 0
// expect: let timer 1
// expect: let timer 2
