// Number constants and static predicates (no coercion, unlike the global isNaN/isFinite).
print(Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, Number.EPSILON === 2 ** -52, Number.MAX_VALUE, Number.MIN_VALUE);
// expect: 9007199254740991 -9007199254740991 true 1.7976931348623157e+308 5e-324
print(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY);
// expect: NaN Infinity -Infinity
print(Number.isInteger(5), Number.isInteger(5.0), Number.isInteger(5.5), Number.isInteger('5'), Number.isInteger(Infinity), Number.isInteger(-0), Number.isInteger(2 ** 60));
// expect: true true false false false true true
print(Number.isSafeInteger(2 ** 53 - 1), Number.isSafeInteger(2 ** 53), Number.isSafeInteger(-(2 ** 53 - 1)), Number.isSafeInteger(1.5), Number.isSafeInteger('1'));
// expect: true false true false false
print(Number.isFinite(1), Number.isFinite('1'), Number.isFinite(Infinity), Number.isFinite(NaN), Number.isFinite(null));
// expect: true false false false false
print(Number.isNaN(NaN), Number.isNaN('NaN'), Number.isNaN(undefined), Number.isNaN(0 / 0), Number.isNaN({}));
// expect: true false false true false
print(Number.parseFloat === parseFloat, Number.parseInt === parseInt);  // expect: true true
// MAX_SAFE_INTEGER arithmetic.
print(Number.MAX_SAFE_INTEGER + 1 === Number.MAX_SAFE_INTEGER + 2, Number.MIN_SAFE_INTEGER - 1);
// expect: true -9007199254740992
// Constants are read-only.
Number.MAX_SAFE_INTEGER = 1;
print(Number.MAX_SAFE_INTEGER);  // expect: 9007199254740991
// Number() vs new Number(), valueOf.
var n = new Number(3);
print(typeof n, n.valueOf(), n + 1, n.toFixed(1), Number.prototype.valueOf.call(7));
// expect: object 3 4 3.0 7
try { Number.prototype.valueOf.call('7'); } catch (e) { print(e.name); }  // expect: TypeError
print(Number.length, Number.name, Number('12') + Number('0x1'), Number.prototype.valueOf() === 0);
// expect: 1 Number 13 true
