// Global variables read and written in hot code, including type changes and redefinition.
globalThis.gCounter = 0;
function bumpGlobal() { gCounter++; }
for (var i = 0; i < 10000; i++) bumpGlobal();
print(gCounter);  // expect: 10000
globalThis.gCounter = 'string now';
bumpGlobal();
print(gCounter);  // expect: NaN
globalThis.gFn = function () { return 1; };
function callGlobal() { return gFn(); }
var t = 0;
for (var j = 0; j < 5000; j++) t += callGlobal();
globalThis.gFn = function () { return 1000; };
t += callGlobal();
print(t);  // expect: 6000
delete globalThis.gFn;
try { callGlobal(); } catch (e) { print(e.name); }  // expect: ReferenceError
Object.defineProperty(globalThis, 'gGetter', { get: function () { return 'getter value'; }, configurable: true });
function readG() { return gGetter; }
print(readG());  // expect: getter value
delete globalThis.gGetter;
globalThis.gGetter = 'plain';
print(readG());  // expect: plain
