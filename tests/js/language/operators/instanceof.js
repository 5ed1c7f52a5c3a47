// instanceof walks the left operand's prototype chain looking for right.prototype.
function Animal() {}
function Dog() {}
Dog.prototype = Object.create(Animal.prototype);
Dog.prototype.constructor = Dog;
var d = new Dog();
print(d instanceof Dog, d instanceof Animal, d instanceof Object, d instanceof Array);
// expect: true true true false
print([] instanceof Array, [] instanceof Object, {} instanceof Array);  // expect: true true false
print(function () {} instanceof Function, function () {} instanceof Object);  // expect: true true
print(new Error('x') instanceof Error, new TypeError('x') instanceof Error, new Error('x') instanceof TypeError);
// expect: true true false
print(Object.create(null) instanceof Object);  // expect: false
// Primitives are never instances, even of their wrapper constructors.
print(1 instanceof Number, 's' instanceof String, true instanceof Boolean);
// expect: false false false
print(new Number(1) instanceof Number, new String('s') instanceof Object);  // expect: true true
print(null instanceof Object, undefined instanceof Object);  // expect: false false
// Changing the prototype chain or the constructor's prototype changes the answer.
var a = new Animal();
print(a instanceof Dog);  // expect: false
Object.setPrototypeOf(a, Dog.prototype);
print(a instanceof Dog);  // expect: true
Dog.prototype = {};
print(d instanceof Dog, d instanceof Animal);  // expect: false true
class Base {}
class Derived extends Base {}
print(new Derived() instanceof Base, new Base() instanceof Derived);  // expect: true false
// A bound function uses its target's prototype.
function Point() {}
var BoundPoint = Point.bind(null);
print(new Point() instanceof BoundPoint, new BoundPoint() instanceof Point);  // expect: true true
// A right operand that is not callable is a TypeError; so is a non-object prototype.
try { print({} instanceof {}); } catch (e) { print(e.name); }  // expect: TypeError
try { print({} instanceof 5); } catch (e) { print(e.name); }  // expect: TypeError
function Weird() {}
Weird.prototype = 3;
try { print({} instanceof Weird); } catch (e) { print(e.name); }  // expect: TypeError
print(1 instanceof Weird);  // expect: false
// Arrow functions have no prototype property.
try { print({} instanceof (() => {})); } catch (e) { print(e.name); }  // expect: TypeError
