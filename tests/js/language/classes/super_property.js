// super.x in methods: looks up the home object's prototype with the current `this`.
class A {
  constructor() { this.tag = 'instance'; }
  who() { return 'A.who on ' + this.tag; }
  static create() { return 'A.create by ' + this.name; }
  get prop() { return 'A.prop'; }
}
class B extends A {
  who() { return 'B -> ' + super.who(); }
  static create() { return 'B.create -> ' + super.create(); }
  get prop() { return 'B.prop -> ' + super.prop; }
  missing() { return super.nothing; }
  arrow() { return (() => super.who())(); }
}
var b = new B();
print(b.who());  // expect: B -> A.who on instance
print(B.create());  // expect: B.create -> A.create by B
print(b.prop, b.missing(), b.arrow());  // expect: B.prop -> A.prop undefined A.who on instance
// super in object literal methods uses the literal's prototype.
var proto = { hello() { return 'proto hello from ' + this.name; } };
var obj = {
  name: 'obj',
  hello() { return 'obj -> ' + super.hello(); },
};
Object.setPrototypeOf(obj, proto);
print(obj.hello());  // expect: obj -> proto hello from obj
// The home object is fixed: a borrowed method still uses its original super.
var other = { name: 'other', hello: obj.hello };
print(other.hello());  // expect: obj -> proto hello from other
// super property assignment sets on this.
class Setter extends A {
  set() { super.assigned = 'via super'; return this.hasOwnProperty('assigned') + ' ' + this.assigned; }
}
print(new Setter().set());  // expect: true via super
// super in static methods sees static members of the parent.
class Parent { static greet() { return 'parent static'; } }
class Child extends Parent { static greet() { return 'child + ' + super.greet(); } }
print(Child.greet());  // expect: child + parent static
// Changing the parent's prototype method after definition is visible through super.
A.prototype.who = function () { return 'patched A.who'; };
print(b.who());  // expect: B -> patched A.who
