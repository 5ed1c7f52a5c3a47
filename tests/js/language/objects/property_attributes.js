// writable, enumerable and configurable, in sloppy and strict code.
var o = {};
Object.defineProperty(o, 'ro', { value: 1, writable: false, enumerable: true, configurable: false });
Object.defineProperty(o, 'hidden', { value: 2, writable: true, enumerable: false, configurable: true });
o.normal = 3;
o.ro = 100;
print(o.ro, Object.keys(o).join(), JSON.stringify(o), o.hidden);
// expect: 1 ro,normal {"ro":1,"normal":3} 2
(function () {
  'use strict';
  try { o.ro = 100; } catch (e) { print('strict write', e.name); }
  // expect: strict write TypeError
  try { delete o.ro; } catch (e) { print('strict delete', e.name); }
  // expect: strict delete TypeError
})();
var d = Object.getOwnPropertyDescriptor(o, 'ro');
print(d.value, d.writable, d.enumerable, d.configurable, 'get' in d);
// expect: 1 false true false false
d = Object.getOwnPropertyDescriptor(o, 'normal');
print(d.value, d.writable, d.enumerable, d.configurable);  // expect: 3 true true true
// Defaults of defineProperty are all false.
Object.defineProperty(o, 'defaults', { value: 'x' });
d = Object.getOwnPropertyDescriptor(o, 'defaults');
print(d.writable, d.enumerable, d.configurable);  // expect: false false false
// A non-configurable property cannot be redefined incompatibly.
try { Object.defineProperty(o, 'ro', { value: 2 }); } catch (e) { print('redefine', e.name); }
// expect: redefine TypeError
try { Object.defineProperty(o, 'ro', { enumerable: false }); } catch (e) { print('enumerable', e.name); }
// expect: enumerable TypeError
Object.defineProperty(o, 'ro', { value: 1 });
print('same value ok', o.ro);  // expect: same value ok 1
// Non-configurable but writable can be made non-writable, not back.
Object.defineProperty(o, 'w', { value: 1, writable: true, configurable: false });
Object.defineProperty(o, 'w', { value: 2, writable: false });
print(o.w);  // expect: 2
try { Object.defineProperty(o, 'w', { writable: true }); } catch (e) { print('writable again', e.name); }
// expect: writable again TypeError
// Configurable properties can switch between data and accessor.
Object.defineProperty(o, 'hidden', { get: function () { return 'now accessor'; } });
print(o.hidden, typeof Object.getOwnPropertyDescriptor(o, 'hidden').get);
// expect: now accessor function
// A descriptor cannot be both data and accessor.
try { Object.defineProperty(o, 'bad', { value: 1, get: function () {} }); } catch (e) { print('mixed', e.name); }
// expect: mixed TypeError
// Arrays: length is non-enumerable, non-configurable, writable.
var a = [1, 2, 3];
d = Object.getOwnPropertyDescriptor(a, 'length');
print(d.writable, d.enumerable, d.configurable);  // expect: true false false
// Built-in prototype methods are non-enumerable.
print(Object.getOwnPropertyDescriptor(Array.prototype, 'push').enumerable, Object.keys(Array.prototype).length);
// expect: false 0
// Function prototype property is writable, non-enumerable, non-configurable.
function F() {}
d = Object.getOwnPropertyDescriptor(F, 'prototype');
print(d.writable, d.enumerable, d.configurable);  // expect: true false false
// Class prototype is non-writable.
class C {}
d = Object.getOwnPropertyDescriptor(C, 'prototype');
print(d.writable, d.enumerable, d.configurable);  // expect: false false false
// Math constants are read-only.
Math.PI = 3;
print(Math.PI);  // expect: 3.141592653589793
