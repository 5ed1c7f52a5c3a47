// round, floor, ceil, trunc, sign, abs: exact results including -0, halves and large values.
function show(x) { return x === 0 && 1 / x < 0 ? '-0' : String(x); }
function row(f, xs) { return xs.map(function (x) { return show(f(x)); }).join(' '); }
var xs = [0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 0.49999999999999994, -0.49999999999999994, 4503599627370495.5, -0, 0, NaN, Infinity, -Infinity, 2 ** 53 + 2, -3.7, 3.7];
print(row(Math.round, xs));
// expect: 1 2 3 -0 -1 -2 0 -0 4503599627370496 -0 0 NaN Infinity -Infinity 9007199254740994 -4 4
print(row(Math.floor, xs));
// expect: 0 1 2 -1 -2 -3 0 -1 4503599627370495 -0 0 NaN Infinity -Infinity 9007199254740994 -4 3
print(row(Math.ceil, xs));
// expect: 1 2 3 -0 -1 -2 1 -0 4503599627370496 -0 0 NaN Infinity -Infinity 9007199254740994 -3 4
print(row(Math.trunc, xs));
// expect: 0 1 2 -0 -1 -2 0 -0 4503599627370495 -0 0 NaN Infinity -Infinity 9007199254740994 -3 3
print(row(Math.sign, xs));  // expect: 1 1 1 -1 -1 -1 1 -1 1 -0 0 NaN 1 -1 1 -1 1
print(row(Math.abs, xs));
// expect: 0.5 1.5 2.5 0.5 1.5 2.5 0.49999999999999994 0.49999999999999994 4503599627370495.5 0 0 NaN Infinity Infinity 9007199254740994 3.7 3.7
print(show(Math.round(-0.4)), show(Math.ceil(-0.4)), show(Math.round('2.5')), Math.round(null), Math.round(), Math.floor('x'));
// expect: -0 -0 3 0 NaN NaN
print(Math.abs(-2147483648), Math.abs(-2147483647 - 1) | 0, Math.floor(-2147483648.5), Math.ceil(2147483647.5));
// expect: 2147483648 -2147483648 -2147483649 2147483648
