// Functions are objects: own properties, the prototype/constructor link, instanceof Function,
// and functions stored and compared by identity.
function f() { return 'f'; }
f.custom = 'property on a function';
f.counter = 0;
f.counter++;
print(f.custom, f.counter, typeof f, f instanceof Function, f instanceof Object);
// expect: property on a function 1 function true true
print(f.prototype.constructor === f, Object.getPrototypeOf(f) === Function.prototype, typeof f.prototype);
// expect: true true object
print(Object.keys(f).join(), 'call' in f, f.hasOwnProperty('call'));
// expect: custom,counter true false
var g = f;
print(g === f, g(), (function () {}) === (function () {}));  // expect: true f false
var fns = { add: function (a, b) { return a + b; }, neg: function (a) { return -a; } };
print(Object.keys(fns).map(function (k) { return k + ':' + fns[k].length; }).join(), fns.add(fns.neg(3), 10));
// expect: add:2,neg:1 7
var set = new Set([f, f, g, function () {}]);
print(set.size);  // expect: 2
function Outer() {}
Outer.Inner = function () { this.v = 'inner'; };
print(new Outer.Inner().v, new Outer.Inner() instanceof Outer.Inner);  // expect: inner true
var arrow = () => {};
print(arrow.prototype, Object.getPrototypeOf(arrow) === Function.prototype, arrow instanceof Function);
// expect: undefined true true
