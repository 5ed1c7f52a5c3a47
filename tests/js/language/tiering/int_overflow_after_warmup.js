// A hot function that has only seen small integers must produce doubles once its results
// leave the int32 range (compiled code speculating on int32 must not wrap).
function add(a, b) { return a + b; }
function mul(a, b) { return a * b; }
function sub(a, b) { return a - b; }
function neg(a) { return -a; }
var s = 0;
for (var i = 0; i < 5000; i++) s = add(s, i & 7) | 0;
print(s);  // expect: 17500
print(add(2147483647, 1), mul(65536, 65536), sub(-2147483648, 1), neg(-2147483648), neg(0));
// expect: 2147483648 4294967296 -2147483649 2147483648 0
print(1 / neg(0), mul(-1, 0), 1 / mul(-1, 0), mul(46341, 46341));
// expect: -Infinity 0 -Infinity 2147488281
var acc = 1;
for (var k = 0; k < 40; k++) acc = mul(acc, 3);
print(acc);  // expect: 12157665459056929000
function inc(x) { return x + 1; }
var v = 2147483640;
for (var j = 0; j < 20; j++) v = inc(v);
print(v, v > 2147483647);  // expect: 2147483660 true
function sumTo(n) { var t = 0; for (var q = 0; q < n; q++) t += q; return t; }
for (var w = 0; w < 50; w++) sumTo(100);
print(sumTo(100000), sumTo(3));  // expect: 4999950000 3
