// new.target is the constructor used with new, undefined for plain calls.
function F() { return new.target === undefined ? 'called' : new.target === F ? 'constructed' : 'other'; }
print(F(), new F() instanceof F, (function () { var r; function G() { r = new.target; } new G(); return r === G; })());
// expect: called true true
function OnlyNew() {
  if (!new.target) throw new TypeError('use new');
  this.ok = true;
}
try { OnlyNew(); } catch (e) { print(e.name, e.message); }  // expect: TypeError use new
print(new OnlyNew().ok);  // expect: true
// In classes, new.target is the class that new was applied to, even in the base constructor.
class Base {
  constructor() { this.target = new.target.name; }
}
class Derived extends Base {}
print(new Base().target, new Derived().target);  // expect: Base Derived
// Abstract base class pattern.
class Shape {
  constructor() {
    if (new.target === Shape) throw new TypeError('abstract');
    this.kind = new.target.name;
  }
}
class Circle extends Shape {}
try { new Shape(); } catch (e) { print(e.message); }  // expect: abstract
print(new Circle().kind);  // expect: Circle
// Reflect-free construction through a bound function: new.target is the target function.
function T() { return new.target; }
var BT = T.bind(null);
print(new BT() === T ? 'T' : 'other');  // expect: T
// new.target in arrow functions is the enclosing function's.
function WithArrow() { var a = () => new.target; this.t = a(); }
print(new WithArrow().t === WithArrow, (function () { return (() => new.target)(); })());
// expect: true undefined
// A method's new.target is undefined when called normally.
var obj = { m() { return new.target; } };
print(obj.m());  // expect: undefined
