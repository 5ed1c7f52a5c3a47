// Symbol: creation, descriptions, the registry, well-known symbols, wrappers and conversions.
function err(f) {
  try { f(); return 'no error'; } catch (e) { return e.constructor.name; }
}
var a = Symbol('desc'), b = Symbol('desc'), u = Symbol(), e = Symbol('');
print(typeof a, a === b, a.toString(), u.toString(), String(e), a.description, u.description, JSON.stringify(e.description)); // expect: symbol false Symbol(desc) Symbol() Symbol() desc undefined ""
print(Symbol(123).description, Symbol({ toString() { return 'obj'; } }).description, Symbol(undefined).description); // expect: 123 obj undefined
print(err(() => new Symbol()), err(() => a + ''), err(() => `${a}`), err(() => +a), String(a), [a].length); // expect: TypeError TypeError TypeError TypeError Symbol(desc) 1
print(Symbol.length, Symbol.name, typeof Symbol.prototype, Object.getPrototypeOf(a) === Symbol.prototype); // expect: 0 Symbol object true

// registry
var r1 = Symbol.for('app'), r2 = Symbol.for('app');
print(r1 === r2, Symbol.keyFor(r1), Symbol.keyFor(a), r1.description, Symbol.for() === Symbol.for('undefined')); // expect: true app undefined app true
print(err(() => Symbol.keyFor('app')), Symbol.for('0') === Symbol.for(0), Symbol.keyFor(Symbol.iterator)); // expect: TypeError true undefined

// well-known symbols
print(typeof Symbol.iterator, Symbol.iterator.toString(), Symbol.asyncIterator.description); // expect: symbol Symbol(Symbol.iterator) Symbol.asyncIterator
var d = Object.getOwnPropertyDescriptor(Symbol, 'iterator');
print(d.writable, d.enumerable, d.configurable, Symbol.iterator === Symbol.iterator); // expect: false false false true

// as property keys: never enumerated by keys/for-in/JSON
var o = { [a]: 1, x: 2 };
o[b] = 3;
var names = [];
for (var k in o) names.push(k);
print(names.join(','), Object.keys(o).join(','), JSON.stringify(o), o[a], o[b], Object.getOwnPropertySymbols(o).length); // expect: x x {"x":2} 1 3 2

// wrappers
var w = Object(a);
print(typeof w, w instanceof Symbol, w.valueOf() === a, w.toString(), w.description, w == a); // expect: object true true Symbol(desc) desc true
print(Symbol.prototype.toString.call(a), err(() => Symbol.prototype.toString.call('x')), err(() => Symbol.prototype.valueOf.call({}))); // expect: Symbol(desc) TypeError TypeError
var dd = Object.getOwnPropertyDescriptor(Symbol.prototype, 'description');
print(typeof dd.get, dd.set, dd.get.name, err(() => dd.get.call(1))); // expect: function undefined get description TypeError
print(Boolean(a), !a, a ? 'truthy' : 'falsy'); // expect: true false truthy
