// delete: configurable properties go away (true); non-configurable ones stay (false in sloppy
// code, TypeError in strict code); deleting what is not a reference is true.
var o = { a: 1, b: 2 };
print(delete o.a, 'a' in o, o.a, delete o.nothing, delete o['b'], Object.keys(o).length);
// expect: true false undefined true true 0
Object.defineProperty(o, 'fixed', { value: 1, configurable: false });
print(delete o.fixed, o.fixed);  // expect: false 1
(function () {
  'use strict';
  try {
    delete o.fixed;
    print('no error');
  } catch (e) {
    print(e.name, o.fixed);  // expect: TypeError 1
  }
  print(delete o.absent);  // expect: true
})();
var arr = [1, 2, 3];
print(delete arr[1], arr.length, 1 in arr, arr[1], String(arr));
// expect: true 3 false undefined 1,,3
print(delete arr.length, arr.length);  // expect: false 3
print(delete 1, delete 'x', delete null);  // expect: true true true
// Inherited properties are not affected by deleting through a child.
var parent = { p: 'parent' };
var child = Object.create(parent);
child.p = 'child';
print(child.p, delete child.p, child.p, delete child.p, child.p);
// expect: child true parent true parent
// delete of a variable: false for declared bindings; implicit sloppy globals are deletable.
(function () {
  var local = 1;
  print(delete local, local);  // expect: false 1
})();
(function () {
  implicitGlobalForDelete = 5;
  print(globalThis.implicitGlobalForDelete, delete globalThis.implicitGlobalForDelete,
        typeof implicitGlobalForDelete);  // expect: 5 true undefined
})();
// Built-in methods are configurable; deleting one exposes the inherited one.
var s = [1, 2];
s.join = function () { return 'own join'; };
print(s.join());  // expect: own join
delete s.join;
print(s.join('-'));  // expect: 1-2
print(delete Math.PI, typeof Math.PI);  // expect: false number
// delete evaluates its operand's object and key.
var log = [];
var target = { k: 1 };
function obj() { log.push('obj'); return target; }
function key() { log.push('key'); return 'k'; }
print(delete obj()[key()], log.join(','), 'k' in target);  // expect: true obj,key false
