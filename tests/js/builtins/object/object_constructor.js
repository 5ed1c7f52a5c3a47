// Object(value) and new Object(value): wrap primitives, return objects unchanged.
var o = {};
print(Object(o) === o, new Object(o) === o, typeof Object(), typeof Object(null), typeof Object(undefined));
// expect: true true object object object
print(Object(1) instanceof Number, Object('s') instanceof String, Object(false) instanceof Boolean);
// expect: true true true
print(Object(1) + 1, Object('ab').length, Object.keys(Object('ab')).join());  // expect: 2 2 0,1
print(Object.length, Object.name, typeof Object.prototype, Object.prototype.constructor === Object);
// expect: 1 Object object true
print(Object.getPrototypeOf(Object.prototype), Object.getOwnPropertyNames(Object.prototype).indexOf('hasOwnProperty') >= 0);
// expect: null true
var fn = function () {};
print(Object(fn) === fn, Object([1]).length);  // expect: true 1
// propertyIsEnumerable.
var p = { a: 1 };
Object.defineProperty(p, 'b', { value: 2, enumerable: false });
print(p.propertyIsEnumerable('a'), p.propertyIsEnumerable('b'), p.propertyIsEnumerable('toString'), [1].propertyIsEnumerable(0), [1].propertyIsEnumerable('length'));
// expect: true false false true false
