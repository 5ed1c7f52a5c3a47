// Sparse arrays with huge gaps behave like dense ones for reads, writes and built-ins.
var s = [];
s[0] = 'a';
s[1000000] = 'b';
s[50] = 'c';
print(s.length, Object.keys(s).join(), s[999999], s.indexOf('b'), s.lastIndexOf('a'));
// expect: 1000001 0,50,1000000 undefined 1000000 0
var count = 0;
s.forEach(function () { count++; });
print(count, s.filter(function () { return true; }).join());  // expect: 3 a,c,b
print(s.join('').length, s.includes(undefined), s.slice(49, 52).length, JSON.stringify(s.slice(49, 52)));
// expect: 3 true 3 [null,"c",null]
// Writing far past the end then filling the gap.
var t = [1, 2, 3];
t[20] = 21;
for (var i = 3; i < 20; i++) t[i] = i + 1;
print(t.length, t.reduce(function (a, b) { return a + b; }, 0));  // expect: 21 231
// Sparse arrays sort and reverse.
var u = [];
u[10] = 3; u[5] = 1; u[100] = 2;
u.sort();
print(u.length, u[0], u[1], u[2], 3 in u);  // expect: 101 1 2 3 false
// Descending writes.
var d = [];
for (var j = 99; j >= 0; j--) d[j] = j;
print(d.length, d[0], d[99], d.join('').length);  // expect: 100 0 99 190
// Shrinking a sparse array by length.
s.length = 51;
print(s.length, Object.keys(s).join());  // expect: 51 0,50
// Array with a huge length but no elements.
var huge = new Array(1e6);
print(huge.length, huge[5e5], Object.keys(huge).length, huge.indexOf(undefined));
// expect: 1000000 undefined 0 -1
huge[999999] = 'end';
print(huge.findLast(function (x) { return x !== undefined; }), huge.at(-1));  // expect: end end
