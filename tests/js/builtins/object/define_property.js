// Object.defineProperty / defineProperties / getOwnPropertyDescriptor(s) / create:
// descriptor conversion (ToPropertyDescriptor order and errors), defaults, redefinition rules.
function err(f) {
  try { f(); return 'no error'; } catch (e) { return e.constructor.name; }
}
function desc(o, k) {
  var d = Object.getOwnPropertyDescriptor(o, k);
  if (!d) return 'none';
  return Object.keys(d).map((f) => f + ':' + (typeof d[f] === 'function' ? 'fn' : String(d[f]))).join(' ');
}

var o = {};
Object.defineProperty(o, 'a', { value: 1 });
print(desc(o, 'a'), o.a, Object.keys(o).length); // expect: value:1 writable:false enumerable:false configurable:false 1 0
Object.defineProperty(o, 'b', { value: 2, writable: true, enumerable: true, configurable: true });
print(desc(o, 'b')); // expect: value:2 writable:true enumerable:true configurable:true
Object.defineProperty(o, 'c', { get: function () { return 'got'; }, enumerable: true });
print(desc(o, 'c'), o.c); // expect: get:fn set:undefined enumerable:true configurable:false got
print(desc({ x: 1 }, 'x'), desc({ x: 1 }, 'y'), desc([1, 2], 'length'), desc('abc', 0), desc('abc', 'length')); // expect: value:1 writable:true enumerable:true configurable:true none value:2 writable:true enumerable:false configurable:false value:a writable:false enumerable:true configurable:false value:3 writable:false enumerable:false configurable:false

// non-writable / non-configurable rules
'use strict';
var strictSet = function (obj, k, v) { 'use strict'; obj[k] = v; };
print(err(() => strictSet(o, 'a', 5)), o.a); // expect: TypeError 1
o.a = 6;
print(o.a); // expect: 1
print(err(() => Object.defineProperty(o, 'a', { value: 2 })), err(() => Object.defineProperty(o, 'a', { value: 1 }))); // expect: TypeError no error
print(err(() => Object.defineProperty(o, 'a', { enumerable: true })), err(() => Object.defineProperty(o, 'a', { get() {} }))); // expect: TypeError TypeError
Object.defineProperty(o, 'b', { get() { return 'now accessor'; } });
print(desc(o, 'b'), o.b); // expect: get:fn set:undefined enumerable:true configurable:true now accessor
print(err(() => delete o.a), delete o.b, 'b' in o); // expect: no error true false
print((function () { 'use strict'; try { delete o.a; return 'deleted'; } catch (e) { return e.constructor.name; } })()); // expect: TypeError

// ToPropertyDescriptor: errors and the order fields are read
print(err(() => Object.defineProperty(o, 'z', 1)), err(() => Object.defineProperty(o, 'z', { get: 1 })), err(() => Object.defineProperty(o, 'z', { set: {} }))); // expect: TypeError TypeError TypeError
print(err(() => Object.defineProperty(o, 'z', { get() {}, value: 1 })), err(() => Object.defineProperty(o, 'z', { set() {}, writable: false }))); // expect: TypeError TypeError
print(err(() => Object.defineProperty(1, 'z', {})), 'z' in o); // expect: TypeError false
var reads = [];
var spy = {};
['enumerable', 'configurable', 'value', 'writable', 'get', 'set'].forEach(function (f) {
  Object.defineProperty(spy, f, { get() { reads.push(f); return undefined; }, enumerable: true });
});
print(err(() => Object.defineProperty({}, 'p', spy)), reads.join(',')); // expect: TypeError enumerable,configurable,value,writable,get,set
var inherited = Object.create({ value: 'from proto', enumerable: true });
Object.defineProperty(o, 'inh', inherited);
print(desc(o, 'inh')); // expect: value:from proto writable:false enumerable:true configurable:false

// keys: symbols, numbers, objects with toString
var s = Symbol('k');
Object.defineProperty(o, s, { value: 'sym' });
Object.defineProperty(o, 10, { value: 'ten', enumerable: true });
Object.defineProperty(o, { toString() { return 'fromObj'; } }, { value: 'obj', enumerable: true });
print(o[s], o['10'], o.fromObj, Object.keys(o).join(',')); // expect: sym ten obj 10,c,inh,fromObj

// arrays: index and length definitions
var arr = [1, 2, 3];
Object.defineProperty(arr, 5, { value: 'five', enumerable: true, configurable: true, writable: true });
print(arr.length, 4 in arr, arr[5]); // expect: 6 false five
Object.defineProperty(arr, 'length', { value: 2 });
print(arr.length, arr.join(), desc(arr, 'length')); // expect: 2 1,2 value:2 writable:true enumerable:false configurable:false
print(err(() => Object.defineProperty(arr, 'length', { value: -1 })), err(() => Object.defineProperty(arr, 'length', { value: 1.5 }))); // expect: RangeError RangeError
Object.defineProperty(arr, 'length', { writable: false });
print(err(() => Object.defineProperty(arr, 'length', { value: 3 })), err(() => arr.push(1)), arr.length); // expect: TypeError TypeError 2
var nc = [1, 2, 3];
Object.defineProperty(nc, 1, { value: 'fixed', configurable: false });
nc.length = 0;
print(nc.length, nc[1]); // expect: 2 fixed

// defineProperties: all descriptors read before any is applied
var t = {};
print(err(() => Object.defineProperties(t, { a: { value: 1 }, b: { get: 5 } })), 'a' in t); // expect: TypeError false
Object.defineProperties(t, { x: { value: 'X', enumerable: true }, y: { get() { return 'Y'; }, enumerable: false } });
print(t.x, t.y, Object.keys(t).join(',')); // expect: X Y x
print(err(() => Object.defineProperties(t, null)), Object.defineProperties(t, {}) === t); // expect: TypeError true

// create
var proto = { hello() { return 'hi ' + this.n; } };
var c = Object.create(proto, { n: { value: 'there', enumerable: true } });
print(c.hello(), Object.getPrototypeOf(c) === proto, Object.keys(c).join(',')); // expect: hi there true n
var bare = Object.create(null);
print(Object.getPrototypeOf(bare), typeof bare.toString, 'x' in bare); // expect: null undefined false
print(err(() => Object.create(1)), err(() => Object.create()), err(() => Object.create({}, null))); // expect: TypeError TypeError TypeError

// getOwnPropertyDescriptors
var all = Object.getOwnPropertyDescriptors({ a: 1, get b() { return 2; }, [s]: 3 });
print(Object.keys(all).join(','), all.a.value, all.a.writable, typeof all.b.get, all[s].value); // expect: a,b 1 true function 3
var clone = Object.defineProperties({}, Object.getOwnPropertyDescriptors({ get v() { return 'lazy'; } }));
print(clone.v, desc(clone, 'v')); // expect: lazy get:fn set:undefined enumerable:true configurable:true
