// process.hrtime([prev]) returns [seconds, nanoseconds]; with prev, the difference.
var t0 = process.hrtime();
print(Array.isArray(t0), t0.length, Number.isInteger(t0[0]), Number.isInteger(t0[1]), t0[1] >= 0 && t0[1] < 1e9);
// expect: true 2 true true true
var x = 0;
for (var i = 0; i < 100000; i++) x += i;
var d = process.hrtime(t0);
print(d.length, d[0] >= 0, d[1] >= 0 && d[1] < 1e9, d[0] * 1e9 + d[1] > 0);
// expect: 2 true true true
var t1 = process.hrtime();
print(t1[0] > t0[0] || (t1[0] === t0[0] && t1[1] >= t0[1]));  // expect: true
