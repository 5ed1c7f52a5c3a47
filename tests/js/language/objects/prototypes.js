// Prototype chains: lookup, shadowing, assignment creating own properties, setters and
// non-writable inherited properties intercepting assignment.
var base = { greet: function () { return 'hello from ' + this.name; }, name: 'base', level: 0 };
var mid = Object.create(base);
mid.name = 'mid';
var leaf = Object.create(mid);
print(leaf.greet(), leaf.level, leaf.name, leaf.missing);  // expect: hello from mid 0 mid undefined
leaf.level = 2;
print(leaf.level, mid.level, base.level, leaf.hasOwnProperty('level'), mid.hasOwnProperty('level'));
// expect: 2 0 0 true false
// Changing the prototype after creation is visible.
base.added = 'late';
print(leaf.added);  // expect: late
Object.setPrototypeOf(mid, { name: 'other', greet: function () { return 'other greet ' + this.name; } });
print(leaf.greet(), leaf.added);  // expect: other greet mid undefined
// Assignment to an inherited non-writable property fails (silently in sloppy code).
var ro = Object.create(Object.defineProperty({}, 'fixed', { value: 'proto', writable: false }));
ro.fixed = 'own?';
print(ro.fixed, ro.hasOwnProperty('fixed'));  // expect: proto false
(function () { 'use strict'; try { ro.fixed = 'x'; } catch (e) { print(e.name); } })();
// expect: TypeError
// defineProperty can still create the own property.
Object.defineProperty(ro, 'fixed', { value: 'own now', writable: true });
print(ro.fixed);  // expect: own now
// Inherited setter is called instead of creating an own property.
var log = [];
var withSetter = Object.create({ set s(v) { log.push('setter ' + v); } });
withSetter.s = 1;
print(log.join(), withSetter.hasOwnProperty('s'));  // expect: setter 1 false
// Object.create(null) objects have no inherited members.
var bare = Object.create(null);
bare.k = 'v';
print(typeof bare.toString, typeof bare.hasOwnProperty, Object.keys(bare).join(), Object.getPrototypeOf(bare));
// expect: undefined undefined k null
// Prototype cycles are rejected.
var c1 = {}, c2 = Object.create(c1);
try { Object.setPrototypeOf(c1, c2); } catch (e) { print(e.name); }  // expect: TypeError
// isPrototypeOf and getPrototypeOf along the chain.
print(base.isPrototypeOf(leaf), Object.prototype.isPrototypeOf(leaf), leaf.isPrototypeOf(base));
// expect: false true false
print(Object.getPrototypeOf(Object.getPrototypeOf([])) === Object.prototype, Object.getPrototypeOf(Object.prototype));
// expect: true null
print(Object.getPrototypeOf(function () {}) === Function.prototype, Object.getPrototypeOf(Function.prototype) === Object.prototype);
// expect: true true
// Properties on Object.prototype are visible everywhere (then removed).
Object.prototype.everywhere = 'yes';
print(({}).everywhere, [].everywhere, (5).everywhere, 'str'.everywhere);  // expect: yes yes yes yes
delete Object.prototype.everywhere;
print(({}).everywhere);  // expect: undefined
// A long chain.
var obj = { depth: 0 };
for (var i = 1; i <= 100; i++) { obj = Object.create(obj); obj['d' + i] = i; }
print(obj.depth, obj.d1, obj.d100, 'd50' in obj, obj.hasOwnProperty('d99'));
// expect: 0 1 100 true false
