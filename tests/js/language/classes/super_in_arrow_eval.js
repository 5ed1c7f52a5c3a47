// super.x in an arrow and in direct eval code reads with the method's `this` as receiver.
class A {
  get x() { return "x:" + this.tag; }
  set y(v) { this.got = v; }
}
class B extends A {
  constructor() { super(); this.tag = "b"; }
  viaArrow() { return (() => super.x)(); }
  setViaArrow() { (() => { super.y = 7; })(); return this.got; }
  viaEval() { return eval("super.x"); }
  viaArrowEval() { return (() => eval("super['x']"))(); }
}
var b = new B();
print(b.viaArrow(), b.setViaArrow(), b.viaEval(), b.viaArrowEval());
// expect: x:b 7 x:b x:b
var o = { __proto__: { z: 5 }, f() { return eval("super.z"); } };
print(o.f());
// expect: 5
// `arguments` in eval code called from a class field initializer is a SyntaxError.
var C = class { f = eval("arguments"); };
try { new C(); } catch (e) { print(e.constructor.name); }
// expect: SyntaxError
