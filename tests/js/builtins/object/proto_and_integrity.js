// Object(), getPrototypeOf/setPrototypeOf/__proto__, isPrototypeOf, freeze/seal/
// preventExtensions and their predicates, Object.is, and Object.prototype.toString/valueOf/
// toLocaleString.
function err(f) {
  try { f(); return 'no error'; } catch (e) { return e.constructor.name; }
}
var ts = Object.prototype.toString;

// the constructor
var plain = {};
print(Object(plain) === plain, new Object(plain) === plain, typeof Object(1), Object(1) instanceof Number); // expect: true true object true
print(typeof Object(), Object(null) !== null, ts.call(Object('s')), ts.call(Object(true)), ts.call(Object(Symbol()))); // expect: object true [object String] [object Boolean] [object Symbol]
print(Object.length, Object.name, Object.prototype.constructor === Object, Object.getPrototypeOf(Object.prototype)); // expect: 1 Object true null
class Sub extends Object { constructor() { super(); this.k = 1; } }
var sub = new Sub();
print(sub instanceof Sub, sub.k, Object.getPrototypeOf(sub) === Sub.prototype); // expect: true 1 true

// prototypes
var base = { greet() { return 'base'; } };
var child = Object.create(base);
print(Object.getPrototypeOf(child) === base, base.isPrototypeOf(child), Object.prototype.isPrototypeOf(child), child.isPrototypeOf(base)); // expect: true true true false
print(Object.getPrototypeOf('x') === String.prototype, Object.getPrototypeOf(1) === Number.prototype, err(() => Object.getPrototypeOf(null))); // expect: true true TypeError
var other = { greet() { return 'other'; } };
print(Object.setPrototypeOf(child, other) === child, child.greet()); // expect: true other
print(Object.setPrototypeOf(1, null), err(() => Object.setPrototypeOf(undefined, {})), err(() => Object.setPrototypeOf({}, 1))); // expect: 1 TypeError TypeError
print(err(() => Object.setPrototypeOf(base, child)), err(() => Object.setPrototypeOf(Object.preventExtensions({}), {}))); // expect: no error TypeError
print(err(() => Object.setPrototypeOf(Object.prototype, {})), Object.setPrototypeOf(Object.prototype, null) === Object.prototype); // expect: TypeError true
// __proto__ accessor
var p = {};
p.__proto__ = base;
print(p.greet(), p.__proto__ === base, Object.create(null).__proto__, ({}).__proto__ === Object.prototype); // expect: base true undefined true
p.__proto__ = 5;
print(p.greet()); // expect: base
var d = Object.getOwnPropertyDescriptor(Object.prototype, '__proto__');
print(typeof d.get, typeof d.set, d.enumerable, d.configurable, d.get.name, d.set.name); // expect: function function false true get __proto__ set __proto__
print(err(() => { base.__proto__ = p; }), (1).__proto__ === Number.prototype); // expect: TypeError true

// integrity levels
var f = Object.freeze({ a: 1, nested: { b: 2 } });
print(Object.isFrozen(f), Object.isSealed(f), Object.isExtensible(f)); // expect: true true false
f.a = 2;
f.c = 3;
f.nested.b = 3;
print(f.a, f.c, f.nested.b, delete f.a); // expect: 1 undefined 3 false
print((function () { 'use strict'; return [err(() => { f.a = 5; }), err(() => { f.z = 1; }), err(() => { delete f.a; })].join(','); })()); // expect: TypeError,TypeError,TypeError
var s = Object.seal({ a: 1 });
s.a = 2;
s.b = 3;
print(s.a, s.b, delete s.a, Object.isSealed(s), Object.isFrozen(s)); // expect: 2 undefined false true false
var n = Object.preventExtensions({ a: 1 });
n.b = 1;
print(n.b, Object.isExtensible(n), Object.isSealed(n), delete n.a, Object.isSealed(n), Object.isFrozen(n)); // expect: undefined false false true true true
print(Object.isFrozen(Object.preventExtensions({})), Object.isFrozen({}), Object.isFrozen(1), Object.isSealed('x'), Object.isExtensible(1)); // expect: true false true true false
print(Object.freeze(1), Object.seal('s'), Object.preventExtensions(true)); // expect: 1 s true
var fa = Object.freeze([1, 2]);
print(Object.isFrozen(fa), err(() => { 'use strict'; fa[0] = 9; }), fa[0], fa.length); // expect: true TypeError 1 2
var acc = Object.freeze({ get g() { return 'G'; } });
print(Object.isFrozen(acc), acc.g, Object.getOwnPropertyDescriptor(acc, 'g').configurable); // expect: true G false

// Object.is
print(Object.is(NaN, NaN), Object.is(0, -0), Object.is(-0, -0), Object.is('a', 'a'), Object.is({}, {}), Object.is()); // expect: true false true true false true

// toString tags
print(ts.call(undefined), ts.call(null), ts.call([]), ts.call(function () {}), ts.call(new Error('x'))); // expect: [object Undefined] [object Null] [object Array] [object Function] [object Error]
print(ts.call(1), ts.call('s'), ts.call(true), ts.call({}), ts.call(Object.create(null))); // expect: [object Number] [object String] [object Boolean] [object Object] [object Object]
print((function () { return ts.call(arguments); })(), ts.call(new Map()), ts.call(new Set()), ts.call(Promise.resolve())); // expect: [object Arguments] [object Map] [object Set] [object Promise]
print(ts.call(Symbol.prototype), ts.call([][Symbol.iterator]()), ts.call(class {}), ts.call(async function () {})); // expect: [object Symbol] [object Array Iterator] [object Function] [object AsyncFunction]
print(String({}), `${{ toString: ts }}`, ({}).toLocaleString(), [1, 2].toLocaleString()); // expect: [object Object] [object Object] [object Object] 1,2
print(({ valueOf: Object.prototype.valueOf }).valueOf() !== null, typeof Object.prototype.valueOf.call('s'), err(() => Object.prototype.valueOf.call(null))); // expect: true object TypeError
print(err(() => Object.prototype.toLocaleString.call(undefined))); // expect: TypeError
// Math and JSON carry the tags their @@toStringTag gives (also seen through the chain).
print(ts.call(Math), ts.call(JSON), String(Math), ts.call(Object.create(Math)), Array.prototype.map.call(Math, function (v, i, o) { return ts.call(o); }).length); // expect: [object Math] [object JSON] [object Math] [object Math] 0
