// freeze/isFrozen, defineProperties, getOwnPropertyDescriptor, prototype.toString/valueOf.
var o = { a: 1, nested: { b: 2 } };
print(Object.isFrozen(o), Object.freeze(o) === o, Object.isFrozen(o));  // expect: false true true
o.a = 2;
o.added = true;
delete o.a;
o.nested.b = 'changed (freeze is shallow)';
print(o.a, o.added, o.nested.b, Object.isFrozen(o.nested));
// expect: 1 undefined changed (freeze is shallow) false
(function () {
  'use strict';
  try { o.a = 3; } catch (e) { print('write', e.name); }  // expect: write TypeError
  try { o.newProp = 3; } catch (e) { print('add', e.name); }  // expect: add TypeError
  try { delete o.a; } catch (e) { print('delete', e.name); }  // expect: delete TypeError
})();
var d = Object.getOwnPropertyDescriptor(o, 'a');
print(d.writable, d.configurable, d.enumerable);  // expect: false false true
print(Object.isFrozen(1), Object.isFrozen('s'), Object.freeze(5), Object.isFrozen({}), Object.isFrozen(Object.preventExtensions({})));
// expect: true true 5 false true
var arr = Object.freeze([1, 2]);
try { 'use strict'; arr.push(3); } catch (e) { print('push on frozen array', e.name); }
// expect: push on frozen array TypeError
print(arr.length, Object.isFrozen(arr));  // expect: 2 true
// Accessors survive freeze and keep working.
var counter = 0;
var acc = Object.freeze({ get n() { return ++counter; } });
print(acc.n, acc.n);  // expect: 1 2
// defineProperties defines several at once.
var dp = Object.defineProperties({}, {
  x: { value: 1, enumerable: true },
  y: { get: function () { return this.x + 1; }, enumerable: true },
  z: { value: 3 },
});
print(JSON.stringify(dp), dp.z, Object.keys(dp).join());  // expect: {"x":1,"y":2} 3 x,y
try { Object.defineProperties({}, { bad: 5 }); } catch (e) { print(e.name); }  // expect: TypeError
// getOwnPropertyDescriptor shapes.
print(JSON.stringify(Object.getOwnPropertyDescriptor({ v: 1 }, 'v')));
// expect: {"value":1,"writable":true,"enumerable":true,"configurable":true}
print(Object.getOwnPropertyDescriptor({}, 'missing'), JSON.stringify(Object.getOwnPropertyDescriptor('abc', 'length')));
// expect: undefined {"value":3,"writable":false,"enumerable":false,"configurable":false}
var ad = Object.getOwnPropertyDescriptor({ get g() { return 1; } }, 'g');
print(typeof ad.get, ad.set, ad.enumerable, ad.configurable, 'value' in ad);
// expect: function undefined true true false
// Object.prototype.toString tags and valueOf.
var ts = Object.prototype.toString;
print(ts.call({}), ts.call([]), ts.call(function () {}), ts.call(null), ts.call(undefined));
// expect: [object Object] [object Array] [object Function] [object Null] [object Undefined]
print(ts.call(1), ts.call('s'), ts.call(true), ts.call(new Error('e')), ts.call(Object.create(null)));
// expect: [object Number] [object String] [object Boolean] [object Error] [object Object]
var vo = { x: 1 };
print(vo.valueOf() === vo, typeof Object.prototype.valueOf.call(5), String({}), ({}) + '');
// expect: true object [object Object] [object Object]
