// Global isNaN and isFinite coerce with ToNumber; Number.isNaN/isFinite do not.
print(isNaN(NaN), isNaN('abc'), isNaN('12'), isNaN(''), isNaN(' '), isNaN(undefined), isNaN(null), isNaN({}), isNaN([]), isNaN([1, 2]));
// expect: true true false false false true false true false true
print(isNaN(true), isNaN('0x10'), isNaN('1e1000'), isNaN('Infinity'));
// expect: false false false false
print(isFinite(1), isFinite('1'), isFinite('abc'), isFinite(Infinity), isFinite('-Infinity'), isFinite(null), isFinite(undefined), isFinite(''), isFinite(1e308 * 10));
// expect: true true false false false true false true false
print(Number.isNaN('abc'), Number.isFinite('1'));  // expect: false false
var vo = { valueOf() { return 5; } };
print(isNaN(vo), isFinite(vo));  // expect: false true
try { isNaN(Symbol.iterator); } catch (e) { print(e.name); }  // expect: TypeError
print(isNaN.length, isFinite.length, typeof globalThis.isNaN);  // expect: 1 1 function
