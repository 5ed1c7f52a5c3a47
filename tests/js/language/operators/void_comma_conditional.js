// void, the comma operator and ?: evaluate their operands exactly as specified.
var n = 0;
print(void 0, void n++, n, void 'x' === undefined);  // expect: undefined undefined 1 true
print((1, 2, 3), (n++, n++, n));  // expect: 3 3
var r = (print('first'), print('second'), 'third');
// expect: first
// expect: second
print(r);  // expect: third
print(true ? 'yes' : 'no', 0 ? 'yes' : 'no', '' ? 'a' : null ? 'b' : 'c');  // expect: yes no c
// Only the chosen branch is evaluated.
var hits = [];
function hit(x) { hits.push(x); return x; }
var v = hit(1) ? hit('then') : hit('else');
print(v, hits.join(','));  // expect: then 1,then
// Right-associative nesting.
function grade(s) { return s >= 90 ? 'A' : s >= 80 ? 'B' : s >= 70 ? 'C' : 'F'; }
print(grade(95), grade(85), grade(72), grade(10));  // expect: A B C F
// Truthiness of every falsy value.
[false, 0, -0, NaN, '', null, undefined].forEach(function (x) { print(x ? 'truthy' : 'falsy'); });
// expect: falsy
// expect: falsy
// expect: falsy
// expect: falsy
// expect: falsy
// expect: falsy
// expect: falsy
var flags = '';
[true, 1, -1, 'false', '0', ' ', [], {}, function () {}, Infinity].forEach(function (x) {
  flags += x ? 'T' : 'F';
});
print(flags);  // expect: TTTTTTTTTT
for (var i = 0, j = 10; i < j; i += 3, j -= 3) print(i, j);
// expect: 0 10
// expect: 3 7
