// How `this` is bound: plain calls (globalThis in sloppy, undefined in strict), method calls,
// call/apply/bind, new, and primitives boxed only in sloppy code.
function sloppyThis() { return this; }
function strictThis() { 'use strict'; return this; }
print(sloppyThis() === globalThis, strictThis());  // expect: true undefined
var obj = { sloppy: sloppyThis, strict: strictThis, name: 'obj' };
print(obj.sloppy() === obj, obj.strict() === obj, obj['strict']() === obj);
// expect: true true true
// Detaching a method loses the receiver.
var detached = obj.strict;
print(detached());  // expect: undefined
// (obj.method)() keeps the receiver; (0, obj.method)() does not.
print((obj.strict)() === obj, (0, obj.strict)());  // expect: true undefined
// call/apply/bind set this; primitives are boxed in sloppy functions only.
print(typeof sloppyThis.call(5), sloppyThis.call(5) instanceof Number, typeof strictThis.call(5));
// expect: object true number
print(sloppyThis.call(null) === globalThis, strictThis.call(null), strictThis.call(undefined));
// expect: true null undefined
print(strictThis.apply('s'), typeof sloppyThis.apply('s'));  // expect: s object
var bound = strictThis.bind('bound');
obj.m = bound;
print(bound(), bound.call('other'), obj.m());  // expect: bound bound bound
// new creates a fresh this; bind's this is ignored by new.
function Ctor() { this.made = true; }
var BoundCtor = Ctor.bind({ ignored: true });
var inst = new BoundCtor();
print(inst.made, inst.ignored, inst instanceof Ctor);  // expect: true undefined true
// Nested functions do not inherit this; arrows do.
var outer = {
  name: 'outer',
  regular: function () { return (function () { return this === globalThis; })(); },
  arrow: function () { return (() => this.name)(); },
  strictNested: function () { 'use strict'; return (function () { return this; })(); },
};
print(outer.regular(), outer.arrow(), outer.strictNested());  // expect: true outer undefined
// this in callbacks.
var collector = {
  items: [],
  add: function (x) { this.items.push(x); },
};
[1, 2].forEach(collector.add, collector);
[3].forEach(function (x) { this.add(x); }, collector);
print(collector.items.join(','));  // expect: 1,2,3
// this for getters and setters is the receiver, also through the prototype chain.
var proto = { get who() { return this.id; } };
var child = Object.create(proto);
child.id = 'child';
print(child.who);  // expect: child
// Method shorthand and computed methods.
var k = 'dyn';
var o2 = { id: 'o2', short() { return this.id; }, [k]() { return this.id + '!'; } };
print(o2.short(), o2.dyn(), o2[k]());  // expect: o2 o2! o2!
