// Functions warmed up on one type must handle other types correctly afterwards: numbers then
// strings, ints then doubles, then objects with valueOf, undefined and null.
function plus(a, b) { return a + b; }
function lt(a, b) { return a < b; }
function eq(a, b) { return a == b; }
function div(a, b) { return a / b; }
for (var i = 0; i < 3000; i++) { plus(i, 1); lt(i, 5); eq(i, i); div(i, 2); }
print(plus(1, 2), plus('1', 2), plus(1.5, 2.25), plus(null, 1), plus(undefined, 1), plus([1], [2]), plus({ valueOf() { return 40; } }, 2));
// expect: 3 12 3.75 1 NaN 12 42
print(lt(1, 2), lt('10', '9'), lt('10', 9), lt(NaN, 1), lt(null, 1), lt(undefined, 1), lt('a', 'b'));
// expect: true true false false true false true
print(eq(1, '1'), eq(null, undefined), eq(0, ''), eq(NaN, NaN), eq({}, '[object Object]'), eq('0', false));
// expect: true true true false true true
print(div(7, 2), div(1, 0), div(-1, 0), div(0, -5), 1 / div(0, -5), div('9', '3'), div(7, 7));
// expect: 3.5 Infinity -Infinity 0 -Infinity 3 1
// A loop whose accumulator changes type midway.
var acc = 0;
for (var j = 0; j < 100; j++) { acc = plus(acc, j === 50 ? 'x' : 1); }
print(acc.length, acc.slice(0, 4), typeof acc);  // expect: 52 50x1 string
// Int array read as doubles later.
function sumArr(a) { var s = 0; for (var k = 0; k < a.length; k++) s += a[k]; return s; }
var ints = [1, 2, 3, 4];
for (var m = 0; m < 2000; m++) sumArr(ints);
print(sumArr(ints), sumArr([0.5, 0.25]), sumArr(['a', 'b']), sumArr([1, , 3]), sumArr([1, 'b', 2]));
// expect: 10 0.75 0ab NaN 1b2
