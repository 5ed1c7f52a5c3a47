// Globals: globalThis properties are visible as names; assignments to undeclared names create
// globals in sloppy code and throw in strict code.
globalThis.viaGlobalThis = 'gt';
print(viaGlobalThis, typeof viaGlobalThis);  // expect: gt string
(function () { sloppyImplicit = 'implicit'; })();
print(globalThis.sloppyImplicit, sloppyImplicit);  // expect: implicit implicit
(function () {
  'use strict';
  try {
    strictImplicit = 1;
  } catch (e) {
    print(e.name, typeof globalThis.strictImplicit);  // expect: ReferenceError undefined
  }
})();
try { print(undeclaredRead); } catch (e) { print(e.name); }  // expect: ReferenceError
print(typeof undeclaredRead);  // expect: undefined
print(globalThis === globalThis.globalThis, typeof globalThis.print, typeof globalThis.Math);
// expect: true function object
print('Array' in globalThis, 'JSON' in globalThis, 'undefined' in globalThis, 'NaN' in globalThis);
// expect: true true true true
// undefined, NaN and Infinity are read-only global properties.
(function () {
  undefined = 5;
  NaN = 1;
  Infinity = 0;
  print(undefined, NaN, Infinity);  // expect: undefined NaN Infinity
})();
(function () {
  'use strict';
  try { undefined = 5; } catch (e) { print(e.name); }  // expect: TypeError
})();
// Built-ins are global properties that can be replaced and restored.
var savedMath = globalThis.Math;
globalThis.Math = { max: function () { return 'fake'; } };
print(Math.max(1, 2));  // expect: fake
globalThis.Math = savedMath;
print(Math.max(1, 2));  // expect: 2
// A function sees a global created after the function was defined.
function readLater() { return laterGlobal; }
globalThis.laterGlobal = 'late';
print(readLater());  // expect: late
delete globalThis.laterGlobal;
try { readLater(); } catch (e) { print(e.name); }  // expect: ReferenceError
// this in a sloppy function called plainly is globalThis.
print((function () { return this === globalThis; })());  // expect: true
print((function () { 'use strict'; return this; })());  // expect: undefined
