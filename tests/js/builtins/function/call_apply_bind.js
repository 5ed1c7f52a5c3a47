// Function.prototype.call/apply/bind and toString; the Function.prototype object itself.
function err(f) {
  try { f(); return 'no error'; } catch (e) { return e.constructor.name; }
}
function who() { 'use strict'; return String(this) + ':' + Array.prototype.join.call(arguments, ','); }
function sloppy() { return typeof this; }

print(who.call('t', 1, 2), who.call(), who.call(null, 'x'), sloppy.call(undefined), sloppy.call(5)); // expect: t:1,2 undefined: null:x object object
print(who.apply('t', [1, 2]), who.apply('t'), who.apply('t', null), who.apply('t', { length: 2, 0: 'a' })); // expect: t:1,2 t: t: t:a,
print(who.apply(1, 'no' === 'x' ? [] : (function () { return arguments; })(7, 8))); // expect: 1:7,8
print(err(() => who.apply(null, 1)), err(() => who.apply(null, 'ab')), err(() => Function.prototype.call.call(1))); // expect: TypeError TypeError TypeError
print(Math.max.apply(null, [3, 9, 2]), Array.prototype.concat.apply([1], [[2], [3]]).join()); // expect: 9 1,2,3
var big = [];
for (var i = 0; i < 10000; i++) big.push(i);
print(Math.max.apply(Math, big), String.fromCharCode.apply(null, [104, 105])); // expect: 9999 hi
print(Function.prototype.call.length, Function.prototype.apply.length, Function.prototype.bind.length); // expect: 1 2 1

// bind
function add(a, b, c) { return [this && this.tag, a, b, c].join('|'); }
var b1 = add.bind({ tag: 'T' }, 1);
print(b1(2, 3), b1.length, b1.name, typeof b1.prototype); // expect: T|1|2|3 2 bound add undefined
var b2 = b1.bind(null, 2);
print(b2(3), b2.length, b2.name); // expect: T|1|2|3 1 bound bound add
print(add.bind(null, 1, 2, 3, 4).length, (function () {}).bind().name, (() => 1).bind().name); // expect: 0 bound  bound 
var fixedLen = function () {};
Object.defineProperty(fixedLen, 'length', { value: Infinity });
print(fixedLen.bind().length, fixedLen.bind(null, 1).length); // expect: Infinity Infinity
Object.defineProperty(fixedLen, 'length', { value: -5 });
print(fixedLen.bind().length); // expect: 0
Object.defineProperty(fixedLen, 'length', { value: '3' });
print(fixedLen.bind().length); // expect: 0
Object.defineProperty(fixedLen, 'name', { value: 42 });
print(JSON.stringify(fixedLen.bind().name)); // expect: "bound "
var bd = Object.getOwnPropertyDescriptor(b1, 'length');
print(bd.writable, bd.enumerable, bd.configurable, Object.getOwnPropertyNames(b1).join(',')); // expect: false false true length,name
// bound constructors
function Point(x, y) { this.x = x; this.y = y; }
Point.prototype.sum = function () { return this.x + this.y; };
var BP = Point.bind({ ignored: true }, 10);
var pt = new BP(5);
print(pt.sum(), pt instanceof Point, pt instanceof BP, pt.ignored); // expect: 15 true true undefined
print(err(() => new (add.bind(null))()), err(() => new ((() => 1).bind())())); // expect: no error TypeError
class K { constructor(v) { this.v = v; } }
var BK = K.bind(null, 'bound');
print(new BK().v, err(() => BK())); // expect: bound TypeError
print(Object.getPrototypeOf(b1) === Function.prototype, err(() => Function.prototype.bind.call({}))); // expect: true TypeError

// toString
function named(a, b) { return a + b; }
print(named.toString()); // expect: function named(a, b) { return a + b; }
print((function (x) { return x; }).toString(), ((a) => a * 2).toString()); // expect: function (x) { return x; } (a) => a * 2
print(String(class A { m() {} }), ({ m(x) { return x; } }).m.toString()); // expect: class A { m() {} } m(x) { return x; }
print(Math.max.toString(), Function.prototype.toString.call(Array)); // expect: function max() { [native code] } function Array() { [native code] }
print(b1.toString().includes('native code'), err(() => Function.prototype.toString.call({}))); // expect: true TypeError

// Function.prototype
print(typeof Function.prototype, Function.prototype(), Function.prototype.length, JSON.stringify(Function.prototype.name)); // expect: function undefined 0 ""
print(Object.getPrototypeOf(Function.prototype) === Object.prototype, Function.prototype.constructor === Function); // expect: true true
print(Object.getPrototypeOf(function () {}) === Function.prototype, Function.length, Function.name); // expect: true 1 Function
print(err(() => Function.prototype.arguments), err(() => { Function.prototype.caller = 1; })); // expect: TypeError TypeError
var cd = Object.getOwnPropertyDescriptor(Function.prototype, 'caller');
print(typeof cd.get, cd.get === cd.set, cd.configurable, cd.enumerable); // expect: function true true false
var thrower = cd.get;
print(Object.isFrozen(thrower), thrower.length, JSON.stringify(thrower.name), err(thrower)); // expect: true 0 "" TypeError
print((function () { 'use strict'; return err(() => arguments.callee); })()); // expect: TypeError
