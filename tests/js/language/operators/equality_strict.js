// === and !==: no coercion, NaN is unequal to itself, +0 and -0 are equal, objects by identity.
print(1 === 1, 1 === 1.0, 1 === '1', 1 !== '1');  // expect: true true false true
print(NaN === NaN, NaN !== NaN);  // expect: false true
print(0 === -0, -0 === 0, 1 / 0 === 1 / -0);  // expect: true true false
print(null === undefined, null === null, undefined === void 0);  // expect: false true true
print('abc' === 'ab' + 'c', 'abc' === 'abd');  // expect: true false
var s1 = ['x', 'y', 'z'].join('');
var s2 = 'x' + 'yz';
print(s1 === s2, s1 === 'xyz');  // expect: true true
print(true === 1, false === 0, true === true);  // expect: false false true
var a = [1], b = [1];
print(a === b, a === a, a !== b);  // expect: false true true
var f = function () {};
print(f === f, (function () {}) === (function () {}));  // expect: true false
print(0.1 + 0.2 === 0.3, 0.5 + 0.25 === 0.75);  // expect: false true
print(2147483647 + 1 === 2147483648, -2147483648 - 1 === -2147483649);  // expect: true true
var x = 5;
print(x === 5 && x !== 6);  // expect: true
print(Symbol.iterator === Symbol.iterator);  // expect: true
// Strings with the same code units compare equal however they were built.
var built = '';
for (var i = 0; i < 3; i++) built += String.fromCharCode(97 + i);
print(built === 'abc', built.length);  // expect: true 3
