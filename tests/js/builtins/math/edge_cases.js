// Exact edge cases of Math: signed zeros, NaN and infinities, rounding ties, argument
// conversion of every argument before the result, fround/clz32/imul, constants.
function s(x) { return Object.is(x, -0) ? '-0' : String(x); }
print(s(Math.round(-0.5)), s(Math.round(-0.4)), s(Math.round(-0)), Math.round(2.5), Math.round(-2.5), Math.round(0.49999999999999994));
// expect: -0 -0 -0 3 -2 0
print(Math.round(4503599627370495.5), Math.round(-4503599627370495.5), Math.round(9007199254740991), s(Math.round(-0.0000001)));
// expect: 4503599627370496 -4503599627370495 9007199254740991 -0
print(s(Math.ceil(-0.5)), s(Math.floor(-0)), s(Math.trunc(-0.9)), Math.trunc(Infinity), Math.floor(-Infinity), Math.ceil(NaN));
// expect: -0 -0 -0 Infinity -Infinity NaN
print(Math.max(), Math.min(), s(Math.max(-0, 0)), s(Math.max(0, -0)), s(Math.min(0, -0)), s(Math.min(-0, 0)));
// expect: -Infinity Infinity 0 0 -0 -0
print(Math.max(1, NaN, 3), Math.min(NaN), Math.max('7', [8]), Math.min(null, 1), Math.max(undefined));
// expect: NaN NaN 8 0 NaN
var seen = [];
var probe = function (n, v) { return { valueOf: function () { seen.push(n); return v; } }; };
print(Math.max(NaN, probe('a', 1), probe('b', 2)), seen.join());  // expect: NaN a,b
seen = [];
print(Math.hypot(probe('x', 3), probe('y', 4)), seen.join(), Math.hypot(NaN, Infinity), Math.hypot(-Infinity, NaN), Math.hypot(NaN, 1));
// expect: 5 x,y Infinity Infinity NaN
print(Math.hypot(), s(Math.hypot(-0)), Math.hypot(-3), Math.hypot(1e200, 1e200), Math.hypot(1e-200, 1e-200), Math.hypot.length);
// expect: 0 0 3 1.414213562373095e+200 1.414213562373095e-200 2
print(Math.pow(2, 10), Math.pow(1, Infinity), Math.pow(NaN, 0), Math.pow(-8, 1 / 3), s(Math.pow(-0, 3)), Math.pow(-0, -3), Math.pow(-Infinity, 3));
// expect: 1024 NaN 1 NaN -0 -Infinity -Infinity
print(Math.pow(2, -1074), Math.pow(10, 308), Math.pow(-2, 0.5), Math.pow(0.5, -Infinity), 2 ** 3 ** 2);
// expect: 5e-324 1e+308 NaN Infinity 512
print(Math.sign(-3), Math.sign(0.1), s(Math.sign(-0)), Math.sign(NaN), Math.sign('-2'), Math.abs(-Infinity), Math.abs('-1'), s(Math.abs(-0)));
// expect: -1 1 -0 NaN -1 Infinity 1 0
print(Math.sqrt(2), Math.sqrt(-1), s(Math.sqrt(-0)), Math.cbrt(27), Math.cbrt(-8), Math.cbrt(Infinity), s(Math.cbrt(-0)));
// expect: 1.4142135623730951 NaN -0 3 -2 Infinity -0
print(Math.fround(5.5), Math.fround(5.05), Math.fround(2 ** 128), Math.fround(1e-46), s(Math.fround(-0)), Math.fround(0.1));
// expect: 5.5 5.050000190734863 Infinity 0 -0 0.10000000149011612
print(Math.clz32(0), Math.clz32(1), Math.clz32(-1), Math.clz32(2 ** 32), Math.clz32(0.5), Math.clz32('65535'));
// expect: 32 31 0 32 32 16
print(Math.imul(3, 4), Math.imul(-5, 12), Math.imul(0xffffffff, 5), Math.imul(2 ** 31, 2), Math.imul(1.9, 2.9), Math.imul());
// expect: 12 -60 -5 0 2 0
print(s(Math.sin(-0)), Math.cos(0), s(Math.tan(-0)), s(Math.asin(-0)), Math.acos(1), s(Math.atan(-0)), Math.atan(Infinity) === Math.PI / 2);
// expect: -0 1 -0 -0 0 -0 true
print(Math.atan2(0, -0) === Math.PI, s(Math.atan2(-0, 0)), Math.atan2(1, 1) === Math.PI / 4, Math.atan2(-Infinity, -Infinity) === -3 * Math.PI / 4);
// expect: true -0 true true
print(Math.exp(0), Math.exp(-Infinity), s(Math.expm1(-0)), Math.log(1), Math.log(0), Math.log(-1), s(Math.log1p(-0)), Math.log1p(-1));
// expect: 1 0 -0 0 -Infinity NaN -0 -Infinity
print(Math.log2(8), Math.log10(1000), Math.log2(0.5), Math.log10(-1), Math.sinh(0), Math.cosh(0), Math.tanh(Infinity), s(Math.tanh(-0)));
// expect: 3 3 -1 NaN 0 1 1 -0
print(Math.asinh(0), Math.acosh(1), Math.acosh(0.5), Math.atanh(1), Math.atanh(-1), s(Math.asinh(-0)), s(Math.atanh(-0)));
// expect: 0 0 NaN Infinity -Infinity -0 -0
print(Math.E, Math.LN10, Math.LN2, Math.LOG10E, Math.LOG2E, Math.PI, Math.SQRT1_2, Math.SQRT2);
// expect: 2.718281828459045 2.302585092994046 0.6931471805599453 0.4342944819032518 1.4426950408889634 3.141592653589793 0.7071067811865476 1.4142135623730951
var pd = Object.getOwnPropertyDescriptor(Math, 'PI');
print(pd.writable, pd.enumerable, pd.configurable, Object.keys(Math).length, typeof Math, Math.abs.length, Math.max.length, Math.atan2.length);
// expect: false false false 0 object 1 2 2
try { new Math.abs(1); } catch (e) { print(e.name); }  // expect: TypeError
