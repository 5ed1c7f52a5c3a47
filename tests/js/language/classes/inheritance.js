// extends: prototype chains for instances and constructors, method overriding, super calls.
class Animal {
  constructor(name) { this.name = name; }
  speak() { return this.name + ' makes a sound'; }
  get description() { return 'animal ' + this.name; }
  static kingdom() { return 'Animalia'; }
}
class Dog extends Animal {
  constructor(name, breed) { super(name); this.breed = breed; }
  speak() { return super.speak() + ' (woof)'; }
  get description() { return super.description + ', a ' + this.breed; }
}
class Puppy extends Dog {
  speak() { return super.speak() + ' (tiny)'; }
}
var p = new Puppy('Rex', 'beagle');
print(p.speak());  // expect: Rex makes a sound (woof) (tiny)
print(p.description);  // expect: animal Rex, a beagle
print(p instanceof Puppy, p instanceof Dog, p instanceof Animal, Puppy.kingdom());
// expect: true true true Animalia
print(Object.getPrototypeOf(Puppy) === Dog, Object.getPrototypeOf(Puppy.prototype) === Dog.prototype);
// expect: true true
print(Object.keys(p).join(), p.constructor.name);  // expect: name,breed Puppy
// Default derived constructor passes all arguments.
class Loud extends Animal {}
print(new Loud('Cat', 'ignored').name, Loud.length);  // expect: Cat 0
// Extending a function-style constructor.
function OldStyle(v) { this.v = v; }
OldStyle.prototype.get = function () { return this.v; };
class NewStyle extends OldStyle { get() { return 'new ' + super.get(); } }
print(new NewStyle(7).get());  // expect: new 7
// extends null and non-constructors.
try { class Bad extends 5 {} } catch (e) { print(e.name); }  // expect: TypeError
try { class Bad2 extends (() => {}) {} } catch (e) { print(e.name); }  // expect: TypeError
class NullBase extends null {}
print(Object.getPrototypeOf(NullBase.prototype));  // expect: null
try { new NullBase(); } catch (e) { print(e.name); }  // expect: TypeError
// extends with an expression.
function mixin(Base) { return class extends Base { mixed() { return 'mixed into ' + this.name; } }; }
class Mixed extends mixin(Animal) {}
print(new Mixed('Mix').mixed(), new Mixed('M').speak());  // expect: mixed into Mix M makes a sound
// Method lookup through several levels with polymorphic call sites.
var zoo = [new Animal('a'), new Dog('d', 'x'), new Puppy('p', 'y'), new Loud('l')];
print(zoo.map(function (z) { return z.speak(); }).join(' | '));
// expect: a makes a sound | d makes a sound (woof) | p makes a sound (woof) (tiny) | l makes a sound
