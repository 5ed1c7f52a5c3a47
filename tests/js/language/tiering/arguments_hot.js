// The arguments object in hot functions: length, indexing, mapping, spreading and escaping.
function sum() { var t = 0; for (var i = 0; i < arguments.length; i++) t += arguments[i]; return t; }
var acc = 0;
for (var r = 0; r < 5000; r++) acc += sum(r, 1, 2);
print(acc, sum(), sum(1), sum(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), sum('a', 1));
// expect: 12512500 0 1 55 0a1
function mapped(a) { arguments[0] = a * 2; return a; }
for (var j = 0; j < 3000; j++) mapped(j);
print(mapped(21));  // expect: 42
function escape() { return arguments; }
var kept = [];
for (var k = 0; k < 100; k++) kept.push(escape(k, k + 1));
print(kept[99][1], kept.length, kept[5].length);  // expect: 100 100 2
function forward() { return sum.apply(null, arguments); }
for (var m = 0; m < 2000; m++) forward(m, m);
print(forward(1, 2, 3), forward());  // expect: 6 0
function restVsArgs(...r) { return r.length + ':' + arguments.length; }
print(restVsArgs(1, 2, 3), restVsArgs());  // expect: 3:3 0:0
