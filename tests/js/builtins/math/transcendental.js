// Transcendental functions: exact at their exact points, close to the true value elsewhere
// (printed rounded, since libm and V8 may differ in the last bit), and the IEEE special cases.
function r(x) { return typeof x === 'number' && isFinite(x) ? Number(x.toFixed(10)) : x; }
function show(x) { return x === 0 && 1 / x < 0 ? '-0' : String(x); }
print(Math.sqrt(16), Math.sqrt(2) === Math.SQRT2, Math.sqrt(-1), show(Math.sqrt(-0)), Math.sqrt(Infinity), Math.cbrt(27), Math.cbrt(-8), show(Math.cbrt(-0)));
// expect: 4 true NaN -0 Infinity 3 -2 -0
print(Math.exp(0), Math.exp(-Infinity), Math.exp(Infinity), r(Math.exp(1)), r(Math.expm1(1e-10) * 1e10), show(Math.expm1(-0)));
// expect: 1 0 Infinity 2.7182818285 1.0000000001 -0
print(Math.log(1), Math.log(0), Math.log(-1), r(Math.log(Math.E)), Math.log10(1000), Math.log10(0.001), Math.log2(8), Math.log2(1024), Math.log1p(0), Math.log1p(-1));
// expect: 0 -Infinity NaN 1 3 -3 3 10 0 -Infinity
print(Math.sin(0), show(Math.sin(-0)), Math.cos(0), Math.tan(0), Math.sin(Infinity), Math.cos(NaN), r(Math.sin(Math.PI / 2)), r(Math.cos(Math.PI)));
// expect: 0 -0 1 0 NaN NaN 1 -1
print(r(Math.sin(1)), r(Math.cos(1)), r(Math.tan(1)), r(Math.asin(1)), r(Math.acos(0)), r(Math.atan(1)), Math.asin(2), Math.acos(-2));
// expect: 0.8414709848 0.5403023059 1.5574077247 1.5707963268 1.5707963268 0.7853981634 NaN NaN
print(r(Math.atan2(1, 1)), r(Math.atan2(1, -1)), show(Math.atan2(0, 1)), r(Math.atan2(0, -1)), show(Math.atan2(-0, 1)), r(Math.atan2(-0, -1)), r(Math.atan2(Infinity, Infinity)));
// expect: 0.7853981634 2.3561944902 0 3.1415926536 -0 -3.1415926536 0.7853981634
print(Math.sinh(0), Math.cosh(0), Math.tanh(0), Math.tanh(Infinity), Math.tanh(-Infinity), r(Math.sinh(1)), r(Math.cosh(1)), r(Math.tanh(0.5)));
// expect: 0 1 0 1 -1 1.1752011936 1.5430806348 0.4621171573
print(Math.asinh(0), Math.acosh(1), Math.atanh(0), Math.acosh(0.5), Math.atanh(1), Math.atanh(-1), r(Math.asinh(1)), r(Math.acosh(2)), r(Math.atanh(0.5)));
// expect: 0 0 0 NaN Infinity -Infinity 0.881373587 1.3169578969 0.5493061443
print(Math.pow(2, 10), Math.pow(2, -1), Math.pow(NaN, 0), Math.pow(1, Infinity), Math.pow(-8, 1 / 3), Math.pow(4, 0.5), Math.pow(0, -1), Math.pow(-0, -3));
// expect: 1024 0.5 1 NaN NaN 2 Infinity -Infinity
print(r(Math.PI), r(Math.E), r(Math.LN2), r(Math.LN10), r(Math.LOG2E), r(Math.LOG10E), r(Math.SQRT1_2), r(Math.SQRT2));
// expect: 3.1415926536 2.7182818285 0.6931471806 2.302585093 1.4426950409 0.4342944819 0.7071067812 1.4142135624
print(Math.PI, Math.E, Math.SQRT2, Math.LN2);
// expect: 3.141592653589793 2.718281828459045 1.4142135623730951 0.6931471805599453
// Identities that hold to within a few ulps.
var ok = true;
for (var x = -10; x <= 10; x += 0.37) {
  if (Math.abs(Math.sin(x) ** 2 + Math.cos(x) ** 2 - 1) > 1e-14) ok = false;
  if (Math.abs(Math.exp(Math.log(Math.abs(x) + 1)) - (Math.abs(x) + 1)) > 1e-12) ok = false;
  if (Math.abs(Math.atan(Math.tan(x / 10)) - x / 10) > 1e-14) ok = false;
}
print(ok);  // expect: true
print(typeof Math, Object.prototype.toString.call(Math) !== '', Math.sin.length, Math.atan2.length, Math.pow.length);
// expect: object true 1 2 2
