// Getters and setters in classes (on the prototype), including inherited and overridden ones.
class Temperature {
  constructor(c) { this._c = c; }
  get fahrenheit() { return this._c * 9 / 5 + 32; }
  set fahrenheit(f) { this._c = (f - 32) * 5 / 9; }
  get celsius() { return this._c; }
}
var t = new Temperature(100);
print(t.fahrenheit, t.celsius);  // expect: 212 100
t.fahrenheit = 32;
print(t.celsius, Object.keys(t).join(), 'fahrenheit' in t, t.hasOwnProperty('fahrenheit'));
// expect: 0 _c true false
var desc = Object.getOwnPropertyDescriptor(Temperature.prototype, 'fahrenheit');
print(typeof desc.get, typeof desc.set, desc.enumerable, desc.configurable);
// expect: function function false true
// Without a setter, assignment is ignored in sloppy code and a TypeError in strict code
// (class bodies are strict).
t.celsius = 5;
print(t.celsius);  // expect: 0
class Writer { write() { this.celsius = 1; } }
try { Writer.prototype.write.call(t); } catch (e) { print(e.name); }  // expect: TypeError
// Overriding only the getter in a subclass hides the inherited setter.
class Base {
  get v() { return this._v; }
  set v(x) { this._v = x; }
}
class OnlyGetter extends Base { get v() { return 'overridden ' + super.v; } }
var o = new OnlyGetter();
o._v = 1;
print(o.v);  // expect: overridden 1
try { (function () { 'use strict'; o.v = 2; })(); } catch (e) { print('set after override:', e.name); }
// expect: set after override: TypeError
// Accessors calling super accessors.
class Both extends Base {
  get v() { return '[' + super.v + ']'; }
  set v(x) { super.v = x * 10; }
}
var b = new Both();
b.v = 4;
print(b.v, b._v);  // expect: [40] 40
// Computed accessor names.
var key = 'dynamic';
class Dyn { get [key]() { return 'dyn get'; } }
print(new Dyn().dynamic);  // expect: dyn get
