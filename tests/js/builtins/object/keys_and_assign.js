// Object.keys/values/entries/fromEntries/assign/getOwnPropertyNames/getOwnPropertySymbols:
// key order (indices ascending, then strings in insertion order, then symbols), enumerability,
// getters run in order, and primitives converted with ToObject.
function err(f) {
  try { f(); return 'no error'; } catch (e) { return e.constructor.name; }
}
var sym = Symbol('s');
var o = { b: 1, 2: 'two', a: 2, 1: 'one', [sym]: 3 };
Object.defineProperty(o, 'hidden', { value: 4, enumerable: false });
print(Object.keys(o).join(','), Object.values(o).join(',')); // expect: 1,2,b,a one,two,1,2
print(Object.entries(o).map((e) => e[0] + '=' + e[1]).join(' ')); // expect: 1=one 2=two b=1 a=2
print(Object.getOwnPropertyNames(o).join(','), Object.getOwnPropertySymbols(o).length, Object.getOwnPropertySymbols(o)[0] === sym); // expect: 1,2,b,a,hidden 1 true
print(Object.keys('ab').join(','), Object.getOwnPropertyNames('ab').join(','), Object.keys(5).length, Object.values('xy').join('+')); // expect: 0,1 0,1,length 0 x+y
print(Object.getOwnPropertyNames([7, 8]).join(','), Object.keys([7, , 8]).join(',')); // expect: 0,1,length 0,2
print(err(() => Object.keys(null)), err(() => Object.values(undefined)), err(() => Object.entries())); // expect: TypeError TypeError TypeError
// a getter that deletes a later property hides it from values()
var g = {
  get first() { delete this.second; return 'F'; },
  second: 'S',
  third: 'T',
};
print(Object.values(g).join(','), Object.keys(g).join(',')); // expect: F,T first,third

// assign: own enumerable string and symbol keys, with [[Get]] and [[Set]]
var target = { a: 1 };
var src = { b: 2, [sym]: 'sym' };
Object.defineProperty(src, 'no', { value: 'x', enumerable: false });
var r = Object.assign(target, src, null, undefined, 'hi', { a: 'over' });
print(r === target, Object.keys(target).join(','), target.a, target[sym], target[0], target.no); // expect: true 0,1,a,b over sym h undefined
var order = [];
var getters = {
  get x() { order.push('get x'); return 1; },
  get y() { order.push('get y'); return 2; },
};
var setters = {
  set x(v) { order.push('set x=' + v); },
  set y(v) { order.push('set y=' + v); },
};
Object.assign(setters, getters);
print(order.join(', ')); // expect: get x, set x=1, get y, set y=2
print(typeof Object.assign(1).valueOf(), err(() => Object.assign(null))); // expect: number TypeError
var frozen = Object.freeze({ a: 1 });
print(err(() => Object.assign(frozen, { a: 2 })), err(() => Object.assign(frozen, {}))); // expect: TypeError no error

// fromEntries: any iterable of entry objects
print(JSON.stringify(Object.fromEntries([['a', 1], ['b', 2], ['a', 3]]))); // expect: {"a":3,"b":2}
print(JSON.stringify(Object.fromEntries(new Map([[1, 'one'], ['k', 'v']])))); // expect: {"1":"one","k":"v"}
print(err(() => Object.fromEntries([1])), err(() => Object.fromEntries(null)), err(() => Object.fromEntries({}))); // expect: TypeError TypeError TypeError
var closed = false;
var iter = {
  [Symbol.iterator]() {
    return { next() { return { value: 'bad', done: false }; }, return() { closed = true; return {}; } };
  },
};
print(err(() => Object.fromEntries(iter)), closed); // expect: TypeError true
var ent = Object.fromEntries([[sym, 's'], [{ toString() { return 'obj'; } }, 'o']]);
print(ent[sym], ent.obj); // expect: s o

// hasOwn / hasOwnProperty / propertyIsEnumerable
print(Object.hasOwn(o, 'a'), Object.hasOwn(o, 'toString'), Object.hasOwn(o, 1), Object.hasOwn(o, sym), Object.hasOwn('ab', 'length')); // expect: true false true true true
print(o.hasOwnProperty('hidden'), o.propertyIsEnumerable('hidden'), o.propertyIsEnumerable('a'), [1].propertyIsEnumerable('length')); // expect: true false true false
print(err(() => Object.hasOwn(null, 'a')), err(() => Object.prototype.hasOwnProperty.call(undefined, 'a'))); // expect: TypeError TypeError
// the key is converted before `this` (so the key's toString runs first)
var steps = [];
try {
  Object.prototype.hasOwnProperty.call(null, { toString() { steps.push('key'); return 'k'; } });
} catch (e) {
  steps.push(e.constructor.name);
}
print(steps.join(',')); // expect: key,TypeError
