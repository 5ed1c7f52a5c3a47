// Number(): ToNumeric of strings and objects; wrappers; thisNumberValue; the RangeErrors of
// toString/toFixed/toExponential/toPrecision and their argument order; toLocaleString (en-US).
print(Number(), Number(undefined), Number(null), Number(''), Number(' 0x10 '), Number('1e3'), Number('-0b11'), Number('12px'));
// expect: 0 NaN 0 0 16 1000 NaN NaN
print(Number([5]), Number([1, 2]), Number({ valueOf: function () { return '7'; } }), Number(true), Object.is(Number('-0'), -0));
// expect: 5 NaN 7 1 true
var n = new Number(42);
print(typeof n, n + 1, n.valueOf(), n instanceof Number, Object.prototype.toString.call(n), Object.keys(n).length);
// expect: object 43 42 true [object Number] 0
print(Number.prototype.valueOf() === 0, Object.prototype.toString.call(Number.prototype), Number.prototype.toFixed(1));
// expect: true [object Number] 0.0
try { Number.prototype.toString.call('1'); } catch (e) { print(e.name); }  // expect: TypeError
try { Number.prototype.valueOf.call({}); } catch (e) { print(e.name); }  // expect: TypeError
print((255).toString(2), (255).toString(36), (-255).toString(16), (0.5).toString(2), (3.75).toString(8), (1e21).toString(36));
// expect: 11111111 73 -ff 0.1 3.6 5v1j4f4ds7c000
[0, 1, 37, 2.5].forEach(function (r) { try { (10).toString(r); print('ok'); } catch (e) { print(e.name); } });
// expect: RangeError
// expect: RangeError
// expect: RangeError
// expect: ok
print((10).toString(undefined), (10).toString(10.9), (NaN).toString(2), (-Infinity).toString(16));
// expect: 10 10 NaN -Infinity
// toFixed: the digits argument is converted (and range-checked) before a non-finite value is printed.
print((NaN).toFixed(2), (1e21).toFixed(2), (-1.5).toFixed(0), (0.000001).toFixed(7), (1.45).toFixed(1), (-0).toFixed(2));
// expect: NaN 1e+21 -2 0.0000010 1.4 0.00
try { (NaN).toFixed(101); } catch (e) { print(e.name); }  // expect: RangeError
try { (1).toFixed(-1); } catch (e) { print(e.name); }  // expect: RangeError
// toExponential: a non-finite value wins over a bad argument.
print((Infinity).toExponential(1000), (123456).toExponential(), (123456).toExponential(0), (0).toExponential(2), (-1.5e-7).toExponential(3));
// expect: Infinity 1.23456e+5 1e+5 0.00e+0 -1.500e-7
try { (1).toExponential(101); } catch (e) { print(e.name); }  // expect: RangeError
print((123.456).toPrecision(), (123.456).toPrecision(1), (123.456).toPrecision(2), (0.00001234).toPrecision(2), (1e21).toPrecision(3), (NaN).toPrecision(200));
// expect: 123.456 1e+2 1.2e+2 0.000012 1.00e+21 NaN
try { (1).toPrecision(0); } catch (e) { print(e.name); }  // expect: RangeError
var order = [];
try { Number.prototype.toFixed.call({}, { valueOf: function () { order.push('arg'); return 1; } }); } catch (e) { order.push(e.name); }
print(order.join());  // expect: TypeError
print((1234567.891).toLocaleString(), (0).toLocaleString(), (-1234.5).toLocaleString(), (0.0005).toLocaleString(), (1e21).toLocaleString());
// expect: 1,234,567.891 0 -1,234.5 0.001 1,000,000,000,000,000,000,000
print((999.9996).toLocaleString(), (NaN).toLocaleString(), (12).toLocaleString(), (123456789).toLocaleString());
// expect: 1,000 NaN 12 123,456,789
print((0.0625).toLocaleString(), (1.0005).toLocaleString(), (1.2345).toLocaleString(), (5e-324).toLocaleString(), (-0.0001).toLocaleString());
// expect: 0.063 1.001 1.235 0 -0
print(Number.parseInt === parseInt, Number.parseFloat === parseFloat, parseInt.length, parseFloat.length, Number.length, Number.name);
// expect: true true 2 1 1 Number
var d = Object.getOwnPropertyDescriptor(Number, 'MAX_SAFE_INTEGER');
print(d.writable, d.enumerable, d.configurable, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, Number.EPSILON === Math.pow(2, -52));
// expect: false false false 9007199254740991 -9007199254740991 true
print(Number.MAX_VALUE, Number.MIN_VALUE, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN);
// expect: 1.7976931348623157e+308 5e-324 Infinity -Infinity NaN
print(Number.isInteger(5.0), Number.isInteger('5'), Number.isInteger(Infinity), Number.isSafeInteger(2 ** 53), Number.isSafeInteger(2 ** 53 - 1), Number.isSafeInteger(-0));
// expect: true false false false true true
print(Number.isNaN('NaN'), Number.isNaN(NaN), Number.isFinite('1'), Number.isFinite(1e308), isFinite('1'), isNaN('x'));
// expect: false true false true true true
