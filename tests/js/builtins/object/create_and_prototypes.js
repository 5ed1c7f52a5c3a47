// Object.create, getPrototypeOf, setPrototypeOf, prototype.isPrototypeOf, hasOwnProperty.
var proto = { greet() { return 'hi ' + this.n; } };
var o = Object.create(proto);
o.n = 'o';
print(o.greet(), Object.getPrototypeOf(o) === proto, proto.isPrototypeOf(o), o.hasOwnProperty('greet'));
// expect: hi o true true false
var withProps = Object.create(proto, { n: { value: 'described', enumerable: true }, hidden: { value: 1 } });
print(withProps.greet(), Object.keys(withProps).join(), withProps.hidden, Object.getOwnPropertyDescriptor(withProps, 'hidden').writable);
// expect: hi described n 1 false
var nul = Object.create(null);
print(Object.getPrototypeOf(nul), typeof nul.hasOwnProperty, Object.prototype.hasOwnProperty.call(nul, 'x'));
// expect: null undefined false
try { Object.create(5); } catch (e) { print(e.name); }  // expect: TypeError
try { Object.create(); } catch (e) { print(e.name); }  // expect: TypeError
// getPrototypeOf on primitives boxes them.
print(Object.getPrototypeOf('s') === String.prototype, Object.getPrototypeOf(1) === Number.prototype, Object.getPrototypeOf(true) === Boolean.prototype);
// expect: true true true
try { Object.getPrototypeOf(null); } catch (e) { print(e.name); }  // expect: TypeError
// setPrototypeOf returns its argument and ignores primitives.
var target = {};
print(Object.setPrototypeOf(target, proto) === target, Object.getPrototypeOf(target) === proto);
// expect: true true
print(Object.setPrototypeOf(1, null), Object.setPrototypeOf(target, null) === target, Object.getPrototypeOf(target));
// expect: 1 true null
try { Object.setPrototypeOf(target, 5); } catch (e) { print(e.name); }  // expect: TypeError
try { Object.setPrototypeOf(undefined, {}); } catch (e) { print(e.name); }  // expect: TypeError
var frozen = Object.preventExtensions({});
try { Object.setPrototypeOf(frozen, {}); } catch (e) { print('non-extensible:', e.name); }
// expect: non-extensible: TypeError
print(Object.setPrototypeOf(frozen, Object.prototype) === frozen);  // expect: true
// hasOwnProperty with various key types.
var h = { 1: 'one', key: 'v', [Symbol.iterator]: 0 };
print(h.hasOwnProperty(1), h.hasOwnProperty('1'), h.hasOwnProperty('key'), h.hasOwnProperty(Symbol.iterator), h.hasOwnProperty('toString'));
// expect: true true true true false
print([1].hasOwnProperty(0), [1].hasOwnProperty('length'), 'abc'.hasOwnProperty(1), 'abc'.hasOwnProperty(3));
// expect: true true true false
// isPrototypeOf with primitives and non-objects.
print(Object.prototype.isPrototypeOf(1), Number.prototype.isPrototypeOf(1), Function.prototype.isPrototypeOf(Object));
// expect: false false true
// Object.hasOwn.
print(Object.hasOwn(h, 'key'), Object.hasOwn(h, 'toString'), Object.hasOwn([], 'length'), Object.hasOwn('str', 0));
// expect: true false true true
try { Object.hasOwn(null, 'x'); } catch (e) { print(e.name); }  // expect: TypeError
