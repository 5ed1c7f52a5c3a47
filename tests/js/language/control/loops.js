// for, while, do-while, for-in, for-of: bodies, break/continue, empty parts, edge counts.
var s = '';
for (var i = 0; i < 5; i++) { if (i === 1) continue; if (i === 4) break; s += i; }
print(s);  // expect: 023
var w = 0, wc = 0;
while (w < 10) { w += 3; wc++; }
print(w, wc);  // expect: 12 4
var d = 100, dc = 0;
do { dc++; } while (d < 0);
print(dc);  // expect: 1
var count = 0;
for (;;) { if (++count === 7) break; }
print(count);  // expect: 7
for (var z = 0; z < 0; z++) print('never');
var nested = 0;
for (var a = 0; a < 10; a++) for (var b = 0; b < 10; b++) for (var c = 0; c < 10; c++) nested++;
print(nested);  // expect: 1000
// Loops that modify the collection.
var arr = [1, 2, 3];
for (var k = 0; k < arr.length; k++) if (arr[k] < 3) arr.push(arr[k] + 10);
print(arr.join());  // expect: 1,2,3,11,12
var seen = [];
var grow = [1, 2];
for (var x of grow) { seen.push(x); if (grow.length < 5) grow.push(x * 10); }
print(seen.join());  // expect: 1,2,10,20,100
// for-of over strings, Maps, Sets, arguments, and array entries.
var chars = [];
for (var ch of 'a\u{1F600}b') chars.push(ch.length);
print(chars.join());  // expect: 1,2,1
var ms = [];
for (var [k2, v2] of new Map([[1, 'a'], [2, 'b']])) ms.push(k2 + v2);
for (var sv of new Set(['x', 'x', 'y'])) ms.push(sv);
print(ms.join());  // expect: 1a,2b,x,y
(function () { var t = 0; for (var av of arguments) t += av; print(t); })(1, 2, 3);  // expect: 6
// do-while with continue checks the condition.
var dw = 0, iter = 0;
do { iter++; if (iter < 3) continue; dw++; } while (iter < 5);
print(iter, dw);  // expect: 5 3
// Loop variable after the loop.
for (var after = 0; after < 3; after++);
print(after);  // expect: 3
// Long-running loop with numeric accumulation.
var total = 0;
for (var n = 0; n < 300000; n++) total += n % 7;
print(total);  // expect: 899997
// Loop with a float counter.
var fsum = 0, fcount = 0;
for (var f = 0; f < 1; f += 0.1) { fsum += f; fcount++; }
print(fcount, fsum.toFixed(10));  // expect: 11 5.5000000000
// Countdown with unsigned shift.
var bits = 0;
for (var v = 0xffffffff >>> 0; v > 0; v >>>= 1) bits++;
print(bits);  // expect: 32
