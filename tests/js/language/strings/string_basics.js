// Strings are immutable primitives with indexed characters and a read-only length.
var s = 'hello';
print(s.length, s[0], s[4], s[5], s[-1], s['1'], s.charAt(1));
// expect: 5 h o undefined undefined e e
s[0] = 'J';
print(s);  // expect: hello
s.length = 1;
print(s.length);  // expect: 5
(function () {
  'use strict';
  try { s[0] = 'J'; } catch (e) { print('strict index:', e.name); }
  // expect: strict index: TypeError
  try { s.length = 1; } catch (e) { print('strict length:', e.name); }
  // expect: strict length: TypeError
  try { s.extra = 1; } catch (e) { print('strict prop:', e.name); }
  // expect: strict prop: TypeError
})();
s.extra = 'ignored';
print(s.extra);  // expect: undefined
print(typeof s, typeof new String(s), new String(s).length, new String(s)[1]);
// expect: string object 5 e
print(s === 'hel' + 'lo', s == new String('hello'), new String('a') == new String('a'));
// expect: true true false
// Methods called on primitives see the primitive as this.
String.prototype.twice = function () { return this + this; };
print('ab'.twice(), typeof 'x'.twice());  // expect: abab string
delete String.prototype.twice;
print('ab'.twice);  // expect: undefined
// Long strings built by concatenation in a loop.
var big = '';
for (var i = 0; i < 10000; i++) big += 'x';
print(big.length, big[9999], big.lastIndexOf('x'));  // expect: 10000 x 9999
var parts = [];
for (var j = 0; j < 100; j++) parts.push(j);
var joined = parts.join(',');
print(joined.length, joined.slice(0, 10), joined.slice(-5));  // expect: 289 0,1,2,3,4, 98,99
var doubled = 'ab';
for (var k = 0; k < 16; k++) doubled += doubled;
print(doubled.length, doubled.slice(0, 4), doubled.charCodeAt(131071));  // expect: 131072 abab 98
print('abc' < 'abd', 'a' + 1 + 2, 1 + 2 + 'a');  // expect: true a12 3a
print(String(null), String(undefined), String(123), String(true), String([1, 2]), String({}));
// expect: null undefined 123 true 1,2 [object Object]
print('x'.concat(1, null, [2]), ''.length, ' '.length);  // expect: x1null2 0 1
