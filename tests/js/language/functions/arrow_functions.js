// Arrow functions: lexical this/arguments/new.target, no prototype, not constructible.
var sq = (x) => x * x;
var add = (a, b) => a + b;
var noArgs = () => 'none';
var block = (x) => { if (x) return 'truthy'; return 'falsy'; };
var objLit = () => ({ made: true });
print(sq(4), add(1, 2), noArgs(), block(0), block(1), objLit().made);
// expect: 16 3 none falsy truthy true
print(typeof sq, sq.prototype, 'prototype' in sq, sq.length, add.length, sq.name);
// expect: function undefined false 1 2 sq
try { new sq(1); } catch (e) { print(e.name); }  // expect: TypeError
var counter = {
  n: 0,
  start: function () {
    [1, 2, 3].forEach(() => { this.n++; });
    return this.n;
  },
};
print(counter.start());  // expect: 3
// this cannot be changed by call/apply/bind.
var lexical = function () { return () => this; };
var arrow = lexical.call('outer this');
print(String(arrow()), String(arrow.call('other')), String(arrow.bind('bound')()));
// expect: outer this outer this outer this
// Top-level-like: an arrow in a strict function sees undefined.
print((function () { 'use strict'; return (() => this)(); })());  // expect: undefined
// arguments and new.target come from the enclosing function.
function outer() { return (() => arguments.length + ' ' + typeof new.target)(); }
print(outer(1, 2), new outer().constructor === outer);  // expect: 2 undefined true
function Maker() { this.get = () => new.target === Maker; }
print(new Maker().get());  // expect: true
// Arrows as callbacks, returning arrows, immediately invoked.
print([3, 1, 2].sort((a, b) => a - b).join(), [1, 2, 3].map((x) => x * 10).join());
// expect: 1,2,3 10,20,30
var curried = (a) => (b) => (c) => a + b + c;
print(curried(1)(2)(3), ((x) => x + 1)(41));  // expect: 6 42
// Default and rest parameters, destructuring.
var fancy = ({ a, b = 2 }, [c, ...d] = [3, 4, 5], ...rest) => [a, b, c, d.length, rest.length].join();
print(fancy({ a: 1 }), fancy({ a: 1, b: 0 }, [9], 'x', 'y'));  // expect: 1,2,3,2,0 1,0,9,0,2
// Line terminator rules: the body may start on the next line.
var multi = (x) =>
  x + 1;
print(multi(1));  // expect: 2
// Methods vs arrows on object literals.
var o = {
  v: 'object',
  method() { return this.v; },
  arrowProp: () => typeof this,
};
print(o.method(), o.arrowProp() === typeof this);  // expect: object true
