// performance.now() is a monotonic millisecond clock (a double).
var a = performance.now();
var sum = 0;
for (var i = 0; i < 200000; i++) sum += i;
var b = performance.now();
print(typeof a, a >= 0, b >= a, b - a < 10000, sum);  // expect: number true true true 19999900000
var monotonic = true, prev = performance.now();
for (var j = 0; j < 1000; j++) { var n = performance.now(); if (n < prev) monotonic = false; prev = n; }
print(monotonic);  // expect: true
